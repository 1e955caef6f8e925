#include "NeedleLength.h"

#include <QRegularExpression>

#include <cmath>

namespace dermaplan {

NeedleLength NeedleLength::fromMillimetres(double mm) {
    return NeedleLength(static_cast<int>(std::lround(mm * 1000.0)));
}

Result<NeedleLength> NeedleLength::parse(const QString& text, const QString& field) {
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return Error::inField(
            field,
            QStringLiteral("'%1' is not a needle length in millimetres (e.g. 0.5)").arg(text));
    bool ok = false;
    const double mm = match.captured(1).toDouble(&ok);
    if (!ok || !std::isfinite(mm))
        return Error::inField(field, QStringLiteral("'%1' is not a number").arg(text));
    return fromMillimetres(mm);
}

QString NeedleLength::numberText() const {
    QString s = QString::number(m_um / 1000.0, 'f', 3);
    while (s.endsWith(u'0') && s.indexOf(u'.') < s.size() - 2)
        s.chop(1);
    return s;
}

QString NeedleLength::toString() const {
    return numberText() + QStringLiteral(" mm");
}

} // namespace dermaplan
