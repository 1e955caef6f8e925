#include "IsoDate.h"

#include <QRegularExpression>

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

QString isoMinuteText(const QDateTime& when) {
    return when.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm"));
}

Result<QDateTime> parseIsoMinute(QStringView text, const QString& field) {
    const QDateTime at =
        QDateTime::fromString(text.toString(), QStringLiteral("yyyy-MM-dd'T'HH:mm"));
    if (!at.isValid())
        return Error::inField(field,
                              QStringLiteral("'%1' is not a date and time (use YYYY-MM-DDTHH:MM)")
                                  .arg(text.left(60).toString()));
    return at;
}

QString withDatesWritten(QString text, const std::function<QString(QDate)>& write) {
    static const QRegularExpression iso(QStringLiteral("\\b(\\d{4}-\\d{2}-\\d{2})\\b"));
    for (auto it = iso.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QDate date = isoDateFromText(m.capturedView(1));
        if (date.isValid())
            text.replace(m.captured(1), write(date));
    }
    return text;
}

} // namespace dermaplan
