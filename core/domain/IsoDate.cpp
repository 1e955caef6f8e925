#include "IsoDate.h"

namespace dermaplan {

Result<QDate> parseIsoDate(QStringView text, const QString& field) {
    bool shaped = text.size() == 10;
    for (qsizetype i = 0; shaped && i < text.size(); ++i)
        shaped = (i == 4 || i == 7) ? text[i] == u'-' : (text[i] >= u'0' && text[i] <= u'9');
    const QDate d = shaped ? isoDateFromText(text) : QDate();
    if (!d.isValid())
        return Error::inField(
            field,
            QStringLiteral("'%1' is not a date (use YYYY-MM-DD)").arg(text.left(60).toString()));
    return d;
}

} // namespace dermaplan
