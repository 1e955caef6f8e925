#include "Localization.h"

#include <QLocale>
#include <QTranslator>

namespace dermaplan {

void installTranslations(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    const QString dir = QStringLiteral(":/dermaplan/i18n");
    if (translator->load(QLocale(), QStringLiteral("dermaplan"), QStringLiteral("_"), dir) ||
        translator->load(QStringLiteral("dermaplan_en"), dir))
        QCoreApplication::installTranslator(translator);
}

} // namespace dermaplan
