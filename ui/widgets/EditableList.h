#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace dermaplan::ui {

// A short list the user adds to and removes from (products, pauses): the list, an "Add…" and a
// "Remove" button under it, and a sentence saying what the list is for while it is empty.
class EditableList final : public QWidget {
    Q_OBJECT
public:
    EditableList(const QString& accessibleName, const QString& addText, const QString& removeText,
                 QWidget* parent = nullptr);

    // One line an item, in order; `whenEmpty` in their place while there is none.
    void setLines(const QStringList& lines, const QString& whenEmpty);
    // The row of the current item, or -1 (none, or the sentence of an empty list).
    [[nodiscard]] int currentRow() const;
    [[nodiscard]] QListWidget* list() const { return m_list; }

signals:
    void addRequested();
    void removeRequested();

private:
    QListWidget* m_list = nullptr;
    qsizetype m_items = 0;
};

} // namespace dermaplan::ui
