#include "EditableList.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermaplan::ui {

EditableList::EditableList(const QString& accessibleName, const QString& addText,
                           const QString& removeText, QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this)) {
    m_list->setAccessibleName(accessibleName);
    auto* add = new QPushButton(addText, this);
    auto* remove = new QPushButton(removeText, this);
    connect(add, &QPushButton::clicked, this, &EditableList::addRequested);
    connect(remove, &QPushButton::clicked, this, &EditableList::removeRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
}

void EditableList::setLines(const QStringList& lines, const QString& whenEmpty) {
    m_list->clear();
    m_items = lines.size();
    m_list->addItems(lines);
    if (lines.isEmpty())
        m_list->addItem(whenEmpty);
}

int EditableList::currentRow() const {
    const int row = m_list->currentRow();
    return row < m_items ? row : -1;
}

} // namespace dermaplan::ui
