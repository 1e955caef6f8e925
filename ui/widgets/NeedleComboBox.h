#pragma once

#include "domain/NeedleLength.h"

#include <QComboBox>

#include <optional>

namespace dermaplan {
class RuleBook;
}

namespace dermaplan::ui {

// The one needle-length picker: the rule book's standard sizes, in every dialog and page.
class NeedleComboBox final : public QComboBox {
    Q_OBJECT
public:
    enum class Mode {
        Choose,       // one of the standard sizes
        ChooseOrType, // ...or any length typed in millimetres (the rules say what is allowed)
        AnyOrChoose,  // "Any needle" first, for a filter
    };
    // What every picker starts on: the shortest common size for self-treatment, the
    // conservative choice until the person picks another (or a plan or device proposes one).
    [[nodiscard]] static NeedleLength defaultNeedle();

    NeedleComboBox(const RuleBook& rules, Mode mode, QWidget* parent = nullptr);

    // The length shown: nothing for "Any needle" or text that is not a length.
    [[nodiscard]] std::optional<NeedleLength> needle() const;
    // Shows `needle` (typed in when it is not a standard size and typing is allowed).
    void setNeedle(NeedleLength needle);
    // The text as typed, for messages about it.
    [[nodiscard]] QString text() const { return currentText(); }

signals:
    // The length shown changed (picked or typed).
    void needleChanged();
};

} // namespace dermaplan::ui
