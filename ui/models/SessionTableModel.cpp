#include "SessionTableModel.h"

#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace dermaplan::ui {

SessionTableModel::SessionTableModel(const Logbook& logbook, QObject* parent)
    : QAbstractTableModel(parent)
    , m_logbook(logbook)
    , m_rules(logbook.rules()) {
    reload();
}

SessionFilter SessionTableModel::filter() const {
    SessionFilter f;
    if (!m_area.isEmpty())
        f.area = m_area;
    if (m_from.isValid())
        f.from = m_from;
    if (m_to.isValid())
        f.to = m_to;
    if (!m_search.isEmpty())
        f.search = m_search;
    f.needle = m_needleFilter;
    f.newestFirst = m_newestFirst;
    return f;
}

void SessionTableModel::setFilter(const QString& area, QDate from, QDate to, const QString& search,
                                  std::optional<NeedleLength> needle) {
    m_needleFilter = needle;
    m_area = area;
    m_from = from;
    m_to = to;
    m_search = search.trimmed();
    reload();
}

void SessionTableModel::reload() {
    // The first page is read inside the reset, so views (and QAbstractItemModelTester) never see
    // an insertion nested in the reset's notifications.
    beginResetModel();
    m_deviceNames.clear();
    if (const auto devices = m_logbook.devices(true))
        for (const Device& d : *devices)
            m_deviceNames.insert(d.id, d.name);
    const auto total = m_logbook.sessionCount(filter());
    m_total = total ? *total : 0;
    SessionFilter first = filter();
    first.limit = PageSize;
    const auto page = m_logbook.sessions(first, true);
    m_rows = page ? *page : QList<Session>();
    endResetModel();
}

int SessionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Session& s = m_rows.at(index.row());
    if (role == SessionIdRole)
        return s.id;
    // A session logged against a rule is marked in its row, with why.
    const bool brokeARule = !s.overrideReason.isEmpty() || !s.ruleBroken.isEmpty();
    if (brokeARule && role == Qt::DecorationRole && index.column() == DateColumn)
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (brokeARule && role == Qt::ToolTipRole &&
        (index.column() == DateColumn || index.column() == OverrideColumn))
        return s.overrideReason.isEmpty()
                   ? tr("Imported although a safety rule refuses it: %1").arg(s.ruleBroken)
                   : tr("A safety rule advised against this session; it was recorded with this "
                        "reason: %1")
                         .arg(s.overrideReason);
    if (role == Qt::ToolTipRole && index.column() == FollowUpsColumn) {
        // An answer's notes, one line each.
        QStringList lines;
        for (const FollowUp& f : s.followUps)
            if (!f.notes.isEmpty())
                lines << tr("%1: %2", "a follow-up answer, then its notes")
                             .arg(followUpAnswerText(f, m_logbook.today(), m_rules, QLocale()),
                                  f.notes);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case DateColumn:
        return locale.toString(s.date, QLocale::ShortFormat);
    case TimeColumn:
        return s.time ? locale.toString(*s.time, QLocale::ShortFormat) : QString();
    case AreaColumn:
        return m_rules.areaName(s.area);
    case ZonesColumn: {
        const Area* a = m_rules.area(s.area);
        QStringList names;
        for (const QString& z : s.zones) {
            const Zone* zone = a ? a->zone(z) : nullptr;
            names << (zone ? zone->name : z);
        }
        return names.join(QStringLiteral(", "));
    }
    case NeedleColumn:
        return s.needle.toString();
    case DeviceColumn:
        return s.deviceId ? m_deviceNames.value(*s.deviceId) : QString();
    case ByColumn:
        return s.performedBy == Performer::Professional ? tr("professional") : tr("self");
    case PainColumn:
        return s.pain ? QVariant(*s.pain) : QVariant();
    case ReactionColumn:
        return s.reaction;
    case FollowUpsColumn: {
        QStringList answers;
        for (const FollowUp& f : s.followUps)
            answers << followUpAnswerText(f, m_logbook.today(), m_rules, QLocale());
        return answers.join(QStringLiteral(", "));
    }
    case ProductsColumn:
        return s.products;
    case NotesColumn:
        return s.notes;
    case OverrideColumn:
        if (s.overrideReason.isEmpty() && !s.ruleBroken.isEmpty())
            return tr("imported despite: %1").arg(s.ruleBroken);
        return s.overrideReason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DateColumn:
        return tr("Date");
    case TimeColumn:
        return tr("Time");
    case AreaColumn:
        return tr("Area");
    case ZonesColumn:
        return tr("Zones");
    case NeedleColumn:
        return tr("Needle");
    case DeviceColumn:
        return tr("Device");
    case ByColumn:
        return tr("By");
    case PainColumn:
        return tr("Pain");
    case ReactionColumn:
        return tr("Reaction");
    case FollowUpsColumn:
        return tr("Follow-ups");
    case ProductsColumn:
        return tr("Products");
    case NotesColumn:
        return tr("Notes");
    case OverrideColumn:
        return tr("Rule overridden");
    case ColumnCount:
        break;
    }
    return {};
}

bool SessionTableModel::columnHasData(int column) const {
    for (int row = 0; row < rowCount(); ++row) {
        const QVariant value = data(index(row, column), Qt::DisplayRole);
        if (value.isValid() && !value.toString().isEmpty())
            return true;
    }
    return false;
}

bool SessionTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_rows.size() < m_total;
}

void SessionTableModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid())
        return;
    SessionFilter f = filter();
    f.offset = int(m_rows.size());
    f.limit = PageSize;
    const auto page = m_logbook.sessions(f, true);
    if (!page || page->isEmpty()) {
        // The data shrank under us (another program deleted rows): stop fetching.
        m_total = int(m_rows.size());
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows << *page;
    endInsertRows();
}

void SessionTableModel::sort(int column, Qt::SortOrder order) {
    // Sessions sort by date (the only order a logbook needs); any column header toggles it.
    Q_UNUSED(column);
    const bool newestFirst = order == Qt::DescendingOrder;
    if (newestFirst == m_newestFirst)
        return;
    m_newestFirst = newestFirst;
    reload();
}

} // namespace dermaplan::ui
