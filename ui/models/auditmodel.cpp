#include "ui/models/auditmodel.h"

#include "ui/models/csv.h"
#include "ui/style/thaidate.h"

#include <QLocale>

namespace gtx::ui {

QString auditActionName(const std::string &action)
{
    //: Audit action: the ledger was created.
    if (action == "ledger.created")
        return AuditTableModel::tr("Ledger created");
    //: Audit action: the node opened the ledger.
    if (action == "node.unlocked")
        return AuditTableModel::tr("Ledger unlocked");
    //: Audit action: an administrator added an operator.
    if (action == "operator.added")
        return AuditTableModel::tr("Operator added");
    //: Audit action: an administrator changed an operator's roles.
    if (action == "operator.roles_changed")
        return AuditTableModel::tr("Roles changed");
    //: Audit action: an administrator disabled an operator.
    if (action == "operator.disabled")
        return AuditTableModel::tr("Operator disabled");
    //: Audit action: an operator signed in.
    if (action == "operator.signed_in")
        return AuditTableModel::tr("Signed in");
    //: Audit action: an operator signed out.
    if (action == "operator.signed_out")
        return AuditTableModel::tr("Signed out");
    //: Audit action: a sign-in failed (wrong id or passphrase).
    if (action == "operator.sign_in_failed")
        return AuditTableModel::tr("Sign-in failed");
    //: Audit action: the session locked (idle, or the operator disabled).
    if (action == "operator.session_locked")
        return AuditTableModel::tr("Session locked");
    //: Audit action: an operator confirmed their passphrase before a critical command.
    if (action == "operator.confirmed")
        return AuditTableModel::tr("Passphrase confirmed");
    //: Audit action: an operator's passphrase confirmation failed.
    if (action == "operator.confirm_failed")
        return AuditTableModel::tr("Confirmation failed");
    //: Audit action: an auditor exported the slashing cases.
    if (action == "slashing.export")
        return AuditTableModel::tr("Slashing cases exported");
    //: Audit action: the audit trail was exported.
    if (action == "audit.exported")
        return AuditTableModel::tr("Audit trail exported");
    //: Audit action: a note added to the audit trail.
    if (action == "audit.note")
        return AuditTableModel::tr("Note");
    //: Audit action: the integrity of the trail was verified.
    if (action == "audit.verified")
        return AuditTableModel::tr("Integrity verified");
    return QString::fromStdString(action);
}

QString auditActorLabel(const interfaces::AuditRow &row)
{
    if (!row.actorName.empty())
        return QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.actorName), QString::fromStdString(row.actor));
    return QString::fromStdString(row.actor);
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::AuditRow &r = m_rows[std::size_t(index.row())].row;
    if (role == Qt::TextAlignmentRole && index.column() == Sequence)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Signature)
        return QString::fromStdString(r.signer);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Sequence:
        return QString::number(r.sequence);   // Arabic digits, no separators: a record's number
    case Time:
        return ThaiDate::formatUtcMs(r.timeMs, QLocale().language());
    case Actor:
        return auditActorLabel(r);
    case Action:
        return auditActionName(r.action);
    case Reason:
        return QString::fromStdString(r.reason);
    case Details:
        return QString::fromStdString(r.details);
    case Signature:
        if (r.signer.empty())
            //: Audit column: a record written before records were signed.
            return tr("Unsigned (older ledger)");
        if (r.byOperator)
            //: Audit column: signed with the operator's own key.
            return tr("Operator's key");
        //: Audit column: signed with the node's key (the node's own records), %1 the key's first digits.
        return tr("Node key %1").arg(QString::fromStdString(r.signer.substr(0, 8)));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Sequence:
        //: Audit column: the record's number in the trail.
        return tr("No.");
    case Time:
        //: Audit column: when (Bangkok time).
        return tr("Time");
    case Actor:
        //: Audit column: who acted.
        return tr("Who");
    case Action:
        //: Audit column: what was done.
        return tr("Action");
    case Reason:
        //: Audit column: why (the operator's reason).
        return tr("Reason");
    case Details:
        //: Audit column: further facts, as recorded.
        return tr("Details");
    case Signature:
        //: Audit column: which key signed the record.
        return tr("Signed with");
    case ColumnCount:
        break;
    }
    return {};
}

void AuditTableModel::setRows(const std::vector<interfaces::AuditRow> &rows)
{
    std::vector<Row> next;
    next.reserve(rows.size());
    for (const auto &r : rows)
        next.push_back({std::to_string(r.sequence), r});
    replaceKeyedRows(m_rows, next, [](const Row &a, const Row &b) { return !(a.row == b.row); });
}

const interfaces::AuditRow *AuditTableModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)].row : nullptr;
}

void AuditTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QByteArray auditCsv(const std::vector<interfaces::AuditRow> &rows)
{
    QByteArray out = "sequence,time_utc,time_shown,actor,actor_name,action,reason,details,signer,by_operator\n";
    const QLocale::Language language = QLocale().language();
    for (const auto &r : rows) {
        QByteArrayList f;
        f << QByteArray::number(qulonglong(r.sequence)) << csvField(isoUtc(r.timeMs))
          << csvField(ThaiDate::formatUtcMs(r.timeMs, language)) << csvField(QString::fromStdString(r.actor))
          << csvField(QString::fromStdString(r.actorName)) << csvField(QString::fromStdString(r.action))
          << csvField(QString::fromStdString(r.reason)) << csvField(QString::fromStdString(r.details))
          << csvField(QString::fromStdString(r.signer)) << (r.byOperator ? "true" : "false");
        out += f.join(',') + '\n';
    }
    return out;
}

} // namespace gtx::ui
