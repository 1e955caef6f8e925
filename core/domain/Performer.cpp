#include "Performer.h"

namespace dermaplan {

QString performerId(Performer p) {
    return p == Performer::Professional ? QStringLiteral("professional") : QStringLiteral("self");
}

Result<Performer> parsePerformer(const QString& id, const QString& field) {
    if (id == u"self")
        return Performer::Self;
    if (id == u"professional")
        return Performer::Professional;
    return Error::inField(
        field, QStringLiteral("'%1' is not a performer (use self or professional)").arg(id));
}

} // namespace dermaplan
