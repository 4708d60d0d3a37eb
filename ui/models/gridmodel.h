#pragma once

// The console's view of the grid, kept on the GUI thread. It subscribes
// once to the node's grid area (interfaces::GridView), which reports from a
// node thread when the Fast-final chain moved (at most every second); each
// report is applied to the zone and tie-line tables by diff (rows changed
// in place; never a reset while the model's zones and lines stay).

#include "core/node/interface.h"
#include "ui/models/guisubscription.h"
#include "ui/models/keyedtablemodel.h"

#include <QObject>

#include <memory>
#include <vector>

namespace gtx::ui {

// The zone's name as the console shows it ("PEA south"); unknown codes as they are.
QString zoneDisplayName(const std::string &code);
QString conservationName(interfaces::Conservation conservation);
// Energy in kWh with one decimal, Arabic digits: "1,234.5".
QString formatKWh(std::int64_t wh);
// Basis points as a percentage with two decimals: "1.60 %".
QString formatBps(std::int64_t bps);

// One row per zone of the grid model, in the interval shown.
class ZoneTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Zone, Operator, Readings, Generation, Consumption, Imports, Exports, Losses, Balance, Trading, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::ZoneRow> &rows);
    const std::vector<interfaces::ZoneRow> &rows() const { return m_rows; }
    void retranslate();

private:
    std::vector<interfaces::ZoneRow> m_rows;
};

// One row per tie line, with its loading in EGAT's report.
class TieLineTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    // The zones it joins and its corridor are in the line's tooltip, so the
    // state stays in view in a narrow table.
    enum Column { Line, Flow, Capacity, Loading, LineState, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::TieLineRow> &rows);
    void retranslate();

private:
    std::vector<interfaces::TieLineRow> m_rows;
};

class GridModel : public QObject
{
    Q_OBJECT

public:
    explicit GridModel(interfaces::GridView &view, QObject *parent = nullptr);
    ~GridModel() override;

    const interfaces::GridSnapshot &snapshot() const { return m_snapshot; }
    ZoneTableModel *zones() { return &m_zones; }
    TieLineTableModel *lines() { return &m_lines; }
    // The zone's trend, or none.
    const interfaces::ZoneTrend *trend(const std::string &zone) const;

    // Applies a snapshot (GUI thread); what the node's reports come to.
    void apply(const interfaces::GridSnapshot &snapshot);

signals:
    void changed();

private:
    interfaces::GridSnapshot m_snapshot;
    ZoneTableModel m_zones;
    TieLineTableModel m_lines;
    std::unique_ptr<GuiSubscription<GridModel>> m_subscription;   // last: cut first
};

} // namespace gtx::ui
