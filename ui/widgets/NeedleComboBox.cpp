#include "NeedleComboBox.h"

#include "rules/RuleBook.h"

namespace dermaplan::ui {

NeedleLength NeedleComboBox::defaultNeedle() {
    return NeedleLength::fromMillimetres(0.25);
}

NeedleComboBox::NeedleComboBox(const RuleBook& rules, Mode mode, QWidget* parent)
    : QComboBox(parent) {
    setEditable(mode == Mode::ChooseOrType);
    if (mode == Mode::AnyOrChoose)
        addItem(tr("Any needle"), 0);
    for (const NeedleLength& n : rules.standardSizes())
        addItem(n.toString(), n.micrometres());
    if (mode == Mode::AnyOrChoose)
        setCurrentIndex(0);
    else
        setNeedle(defaultNeedle());
    if (mode == Mode::ChooseOrType)
        setToolTip(tr("Any length from %1 to %2; between standard sizes the next longer size's "
                      "rule applies.")
                       .arg(rules.minimumNeedle().toString(), rules.maximumNeedle().toString()));
    connect(this, &QComboBox::currentTextChanged, this, &NeedleComboBox::needleChanged);
}

std::optional<NeedleLength> NeedleComboBox::needle() const {
    if (!isEditable()) {
        const int um = currentData().toInt();
        return um > 0 ? std::optional(NeedleLength::fromMicrometres(um)) : std::nullopt;
    }
    const auto parsed = NeedleLength::parse(currentText());
    return parsed ? std::optional(*parsed) : std::nullopt;
}

void NeedleComboBox::setNeedle(NeedleLength needle) {
    const int index = findData(needle.micrometres());
    if (index >= 0)
        setCurrentIndex(index);
    else if (isEditable())
        setCurrentText(needle.toString());
}

} // namespace dermaplan::ui
