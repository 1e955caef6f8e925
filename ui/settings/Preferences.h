#pragma once

#include <QPageSize>
#include <QString>

#include <optional>

namespace dermaplan::ui {

// What a person sets once in Edit > Preferences, kept with QSettings.
struct Preferences {
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    Qt::DayOfWeek firstDayOfWeek = Qt::Monday;  // of the calendar and the printed week
    std::optional<QPageSize::PageSizeId> paper; // empty: the locale's (Letter in the US, else A4)
    QString name;                               // printed at the top of the week
    bool reminders = false;    // notifications of what is due (off until asked for)
    bool startAtLogin = false; // an XDG autostart entry, so reminders come without opening it

    // The stored preferences; the locale's first day of the week when none is stored.
    [[nodiscard]] static Preferences load();
    void save() const;

    [[nodiscard]] QPageSize::PageSizeId paperOrDefault() const;

    friend bool operator==(const Preferences&, const Preferences&) = default;
};

// Sets the application's style and palette: the platform's own for System; Fusion with a light
// or a dark palette otherwise (the same look on every desktop, and a dark one where the platform
// offers none).
void applyTheme(Preferences::Theme theme);

} // namespace dermaplan::ui
