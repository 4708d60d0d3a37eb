#pragma once

// One page of the audit trail (interfaces::AuditPage) as a table, newest
// first, changed by diff (rows are known by their sequence number), and the
// trail as CSV for auditors.

#include "core/node/interface.h"
#include "ui/models/keyedtablemodel.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace gtx::ui {

// An action's machine name as the console says it ("operator.signed_in" ->
// "Signed in"); an action it does not know is shown as recorded.
QString auditActionName(const std::string &action);
// Who acted: "Name (id)" for an operator, "This node" for the node's own
// records, else the actor as recorded.
QString auditActorLabel(const interfaces::AuditRow &row);

class AuditTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Sequence, Time, Actor, Action, Reason, Details, Signature, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::AuditRow> &rows);
    const interfaces::AuditRow *rowAt(int row) const;
    void retranslate();

private:
    struct Row
    {
        std::string key;   // the sequence number
        interfaces::AuditRow row;
    };
    std::vector<Row> m_rows;
};

// The rows as CSV (UTF-8, a header line, ISO 8601 UTC times and the
// Buddhist-Era time as the console shows it).
QByteArray auditCsv(const std::vector<interfaces::AuditRow> &rows);

} // namespace gtx::ui
