#pragma once

#include <QWidget>

#include <functional>

namespace dermaplan::ui {

// A tab's place holder that builds its page the first time it is shown or asked for: start-up
// builds and fills only the page on screen (Today), not the history table, the plan's calendar
// and the device list behind it.
class LazyPage final : public QWidget {
    Q_OBJECT
public:
    using Factory = std::function<QWidget*(QWidget* parent)>;
    explicit LazyPage(Factory make, QWidget* parent = nullptr);

    // The page, built now if it was not yet.
    QWidget* page();
    [[nodiscard]] bool isBuilt() const { return m_page != nullptr; }

    // The page as its own type.
    template <typename Page> Page* as() { return qobject_cast<Page*>(page()); }

protected:
    void showEvent(QShowEvent* event) override;

private:
    Factory m_make;
    QWidget* m_page = nullptr;
};

} // namespace dermaplan::ui
