#include "ui/models/operatormodel.h"

#include "ui/style/thaidate.h"

#include <QLocale>

namespace gtx::ui {

QString roleTitle(interfaces::Role role)
{
    switch (role) {
    case interfaces::Role::ControlRoomOperator:
        //: Role: an EGAT control-room operator (may request halts, handles alarms).
        return OperatorTableModel::tr("control-room operator");
    case interfaces::Role::Supervisor:
        //: Role: the authority supervisor, who approves critical commands.
        return OperatorTableModel::tr("supervisor");
    case interfaces::Role::ValidatorOwner:
        //: Role: the owner of a validator (manages their stake).
        return OperatorTableModel::tr("validator owner");
    case interfaces::Role::Auditor:
        //: Role: an auditor (read-only, notes, exports).
        return OperatorTableModel::tr("auditor");
    case interfaces::Role::Administrator:
        //: Role: the administrator, who manages operators and roles.
        return OperatorTableModel::tr("administrator");
    }
    return {};
}

QStringList roleTitles(interfaces::RoleSet roles)
{
    QStringList titles;
    for (int i = 0; i < interfaces::kRoleCount; ++i) {
        const auto role = static_cast<interfaces::Role>(i);
        if (interfaces::hasRole(roles, role))
            titles << roleTitle(role);
    }
    return titles;
}

OperatorTableModel::OperatorTableModel(QObject *parent) : KeyedTableModel(parent) {}

OperatorTableModel::~OperatorTableModel() = default;

void OperatorTableModel::subscribe(interfaces::Operators &operators)
{
    m_subscription = std::make_unique<GuiSubscription<OperatorTableModel>>(operators, this);
}

int OperatorTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OperatorTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperatorTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::OperatorRow &r = m_rows[std::size_t(index.row())].row;
    if (role == Qt::UserRole)
        return QString::fromStdString(r.id);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return QString::fromStdString(r.id);
    case Name:
        return QString::fromStdString(r.displayName);
    case Roles:
        return roleTitles(r.roles).join(QStringLiteral(", "));
    case State:
        //: Operator list: the operator may sign in.
        return r.active ? tr("Active")
                        //: Operator list: disabled by an administrator (the id is never reused).
                        : tr("Disabled");
    case Added:
        return ThaiDate::formatUtcMs(r.addedMs, QLocale().language());
    case AddedBy:
        return QString::fromStdString(r.addedBy);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OperatorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        //: Operator list column: the operator's id.
        return tr("Id");
    case Name:
        //: Operator list column: the operator's name.
        return tr("Name");
    case Roles:
        //: Operator list column: the operator's roles.
        return tr("Roles");
    case State:
        //: Operator list column: active or disabled.
        return tr("State");
    case Added:
        //: Operator list column: when the operator was added (Bangkok time).
        return tr("Added");
    case AddedBy:
        //: Operator list column: the administrator who added them.
        return tr("Added by");
    case ColumnCount:
        break;
    }
    return {};
}

void OperatorTableModel::apply(const std::vector<interfaces::OperatorRow> &rows)
{
    std::vector<Row> next;
    next.reserve(rows.size());
    for (const auto &r : rows)
        next.push_back({r.id, r});
    replaceKeyedRows(m_rows, next, [](const Row &a, const Row &b) { return !(a.row == b.row); });
}

const interfaces::OperatorRow *OperatorTableModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)].row : nullptr;
}

void OperatorTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace gtx::ui
