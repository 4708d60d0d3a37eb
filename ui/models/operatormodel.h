#pragma once

// The console's list of operators (interfaces::Operators::list), kept on the
// GUI thread: one subscription to the node's operators area, whose reports
// (the roster after each change) are applied by diff.

#include "core/node/interface.h"
#include "ui/models/guisubscription.h"
#include "ui/models/keyedtablemodel.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace gtx::ui {

// A role as the console names it, translated.
QString roleTitle(interfaces::Role role);
// Every role of a set, in Role order.
QStringList roleTitles(interfaces::RoleSet roles);

class OperatorTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Name, Roles, State, Added, AddedBy, ColumnCount };
    explicit OperatorTableModel(QObject *parent = nullptr);
    ~OperatorTableModel() override;

    // Follows the node's operators area (reports, then refresh()).
    void subscribe(interfaces::Operators &operators);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The roster as the node reported it (by id); changed rows only.
    void apply(const std::vector<interfaces::OperatorRow> &rows);
    const interfaces::OperatorRow *rowAt(int row) const;
    void retranslate();

private:
    struct Row
    {
        std::string key;   // the operator id
        interfaces::OperatorRow row;
    };
    std::vector<Row> m_rows;
    std::unique_ptr<GuiSubscription<OperatorTableModel>> m_subscription;
};

} // namespace gtx::ui
