#include "HistoryPage.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "dialogs/LogSessionDialog.h"
#include "logbook/Logbook.h"
#include "models/SessionTableModel.h"
#include "widgets/NeedleComboBox.h"
#include "widgets/SelectedRow.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {
const QDate kAnyDate(2000, 1, 1); // the date edits' minimum, shown as "any"
}

HistoryPage::HistoryPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    m_model = new SessionTableModel(context.logbook(), this);

    m_area = new QComboBox(this);
    m_area->addItem(tr("All areas"), QString());
    for (const Area& a : context.rules().areas())
        m_area->addItem(a.name, a.id);
    m_area->setAccessibleName(tr("Filter by area"));
    m_needle = new NeedleComboBox(context.rules(), NeedleComboBox::Mode::AnyOrChoose, this);
    m_needle->setAccessibleName(tr("Filter by needle"));
    auto makeDate = [this](const QString& name) {
        auto* edit = new QDateEdit(this);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kAnyDate);
        edit->setSpecialValueText(tr("any"));
        edit->setDate(kAnyDate);
        edit->setAccessibleName(name);
        return edit;
    };
    m_from = makeDate(tr("From date"));
    m_to = makeDate(tr("To date"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search notes, reactions, products…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Area:"), this));
    filters->addWidget(m_area);
    filters->addWidget(m_needle);
    filters->addWidget(new QLabel(tr("From:"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("To:"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_search, 1);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SessionTableModel::DateColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setMaximumSectionSize(260);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Session history"));
    connect(m_view, &QTableView::doubleClicked, this, &HistoryPage::editSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPage::hideEmptyColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryPage::hideEmptyColumns);
    hideEmptyColumns();

    auto* remove = new QAction(tr("Delete Session"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, &HistoryPage::deleteSelected);
    m_view->addAction(remove);

    auto* editButton = new QPushButton(tr("&Edit…"), this);
    auto* deleteButton = new QPushButton(tr("&Delete"), this);
    connect(editButton, &QPushButton::clicked, this, &HistoryPage::editSelected);
    connect(deleteButton, &QPushButton::clicked, this, &HistoryPage::deleteSelected);
    m_count = new QLabel(this);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    actions->addWidget(editButton);
    actions->addWidget(deleteButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    connect(m_area, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_needle, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPage::applyFilter);
    connect(&m_context, &AppContext::dataChanged, m_model, &SessionTableModel::reload);
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_count->setText(tr("%n session(s)", nullptr, m_model->totalCount())); });
    m_count->setText(tr("%n session(s)", nullptr, m_model->totalCount()));
}

void HistoryPage::applyFilter() {
    const QDate from = m_from->date() == kAnyDate ? QDate() : m_from->date();
    const QDate to = m_to->date() == kAnyDate ? QDate() : m_to->date();
    m_model->setFilter(m_area->currentData().toString(), from, to, m_search->text(),
                       m_needle->needle());
}

void HistoryPage::hideEmptyColumns() {
    // Date, area and needle always; the others when a session shown has something in them.
    for (const int column : {SessionTableModel::TimeColumn, SessionTableModel::ZonesColumn,
                             SessionTableModel::DeviceColumn, SessionTableModel::PainColumn,
                             SessionTableModel::ReactionColumn, SessionTableModel::FollowUpsColumn,
                             SessionTableModel::ProductsColumn, SessionTableModel::NotesColumn,
                             SessionTableModel::OverrideColumn})
        m_view->setColumnHidden(column, !m_model->columnHasData(column));
    m_columnsFitted = false;
    if (isVisible())
        fitColumns();
}

void HistoryPage::fitColumns() {
    // Short columns as wide as their contents; long texts up to a limit, elided beyond it.
    m_view->resizeColumnsToContents();
    m_columnsFitted = true;
}

void HistoryPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_columnsFitted)
        fitColumns();
}

void HistoryPage::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryPage::deleteSelected() {
    const int row = selectedRow(m_view);
    if (row < 0)
        return;
    if (Edits(m_context).deleteSession(m_model->sessionAt(row)))
        m_context.announce(
            tr("Deleted — %1 to undo")
                .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

void HistoryPage::editSelected() {
    const int row = selectedRow(m_view);
    if (row < 0)
        return;
    const Session before = m_model->sessionAt(row);
    LogSessionDialog dialog(m_context, this, before);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Edits(m_context).editSession(before, dialog.edited());
}

} // namespace dermaplan::ui
