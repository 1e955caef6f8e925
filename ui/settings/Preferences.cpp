#include "Preferences.h"

#include "print/SchedulePrinter.h"

#include <QApplication>
#include <QDate>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace dermaplan::ui {

namespace {

const auto kTheme = QStringLiteral("preferences/theme");
const auto kFirstDay = QStringLiteral("preferences/firstDayOfWeek");
const auto kPaper = QStringLiteral("preferences/paper");
const auto kName = QStringLiteral("preferences/name");
const auto kReminders = QStringLiteral("preferences/reminders");
const auto kStartAtLogin = QStringLiteral("preferences/startAtLogin");

QPalette darkPalette() {
    QPalette p;
    // Fields and lists a step lighter than the window: Fusion draws a check box's edge darker
    // than the window, and on a darker list that edge (and an empty box) disappears.
    const QColor window(45, 45, 48), base(60, 60, 64), text(230, 230, 230), mid(90, 90, 95);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, base.lighter(115));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, mid.lighter(150));
    p.setColor(QPalette::Midlight, mid.lighter(120));
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(120, 180, 255));
    p.setColor(QPalette::LinkVisited, QColor(190, 150, 255));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(130, 130, 130));
    return p;
}

} // namespace

Preferences Preferences::load() {
    const QSettings s;
    Preferences p;
    p.theme = Theme(std::clamp(s.value(kTheme, 0).toInt(), 0, 2));
    const int day = s.value(kFirstDay, int(QLocale().firstDayOfWeek())).toInt();
    p.firstDayOfWeek = day >= 1 && day <= 7 ? Qt::DayOfWeek(day) : Qt::Monday;
    const QString paper = s.value(kPaper).toString();
    if (paper == u"a4")
        p.paper = QPageSize::A4;
    else if (paper == u"letter")
        p.paper = QPageSize::Letter;
    p.name = s.value(kName).toString();
    p.reminders = s.value(kReminders, false).toBool();
    p.startAtLogin = p.reminders && s.value(kStartAtLogin, false).toBool();
    return p;
}

void Preferences::save() const {
    QSettings s;
    s.setValue(kTheme, int(theme));
    s.setValue(kFirstDay, int(firstDayOfWeek));
    s.setValue(kPaper, !paper                    ? QString()
                       : *paper == QPageSize::A4 ? QStringLiteral("a4")
                                                 : QStringLiteral("letter"));
    s.setValue(kName, name);
    s.setValue(kReminders, reminders);
    s.setValue(kStartAtLogin, reminders && startAtLogin);
}

QPageSize::PageSizeId Preferences::paperOrDefault() const {
    return paper.value_or(print::defaultPageSize(QLocale()));
}

void applyTheme(Preferences::Theme theme) {
    // The platform's style and palette (a dark desktop's included), remembered on the first call,
    // at start-up, so that "System" leaves them as they are and can go back to them.
    static const QString platformStyle = QApplication::style()->name();
    static const QPalette platformPalette = QApplication::palette();
    switch (theme) {
    case Preferences::Theme::System:
        if (QApplication::style()->name() != platformStyle)
            QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(platformPalette);
        break;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Preferences::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace dermaplan::ui
