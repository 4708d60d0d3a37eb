#pragma once

// The console's view of slashing, kept on the GUI thread. It subscribes
// once to the node's slashing area (interfaces::SlashingView), which reports
// from a node thread when the Fast-final chain moved (at most every
// second); each report is applied to the cases table by diff, and the
// selected case's appeal trail likewise.

#include "core/node/interface.h"
#include "ui/models/guisubscription.h"
#include "ui/models/keyedtablemodel.h"

#include <QObject>

#include <memory>
#include <vector>

namespace gtx::ui {

// Names for the codes of a case (interfaces::SlashCaseRow), translated.
QString offenceName(const std::string &code);
QString reasonName(const std::string &code);
QString severityName(const std::string &code);
QString tierName(const std::string &code);
QString caseStatusName(interfaces::CaseStatus status);
QString appealStageName(interfaces::AppealStage stage);
QString appealActionName(const std::string &action);
// micro-GT as GT with Arabic digits and thousands separators: "4,000.000000"
// trimmed to what is needed ("4,000", "0.05").
QString formatGtAmount(std::uint64_t microGt);
// The offender as the console names it: an authority's short name, else
// the key's first 8 hex digits.
QString offenderLabel(const interfaces::SlashCaseRow &row);

// One row per case, newest first.
class CaseTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Offender, Offence, Tier, Taken, Status, Appeal, Executes, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::SlashCaseRow> &rows);
    const std::vector<interfaces::SlashCaseRow> &rows() const { return m_rows; }
    void retranslate();

private:
    std::vector<interfaces::SlashCaseRow> m_rows;
};

// The appeal trail of one case, oldest first.
class TrailTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Stage, By, Decision, Text, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setTrail(const std::vector<interfaces::AppealStep> &trail);
    void retranslate();
    // What a step the chain took itself says, in the console's language.
    static QString automaticStepText(const interfaces::AppealStep &step);

private:
    struct Row
    {
        std::string key;   // its place on the trail: the trail only grows
        interfaces::AppealStep step;
    };
    std::vector<Row> m_rows;
};

class SlashingModel : public QObject
{
    Q_OBJECT

public:
    explicit SlashingModel(interfaces::SlashingView &view, QObject *parent = nullptr);
    ~SlashingModel() override;

    const interfaces::SlashingSnapshot &snapshot() const { return m_snapshot; }
    CaseTableModel *cases() { return &m_cases; }
    // The case with this key, or none.
    const interfaces::SlashCaseRow *find(const std::string &key) const;

    // Applies a snapshot (GUI thread); what the node's reports come to.
    void apply(const interfaces::SlashingSnapshot &snapshot);

signals:
    void changed();

private:
    interfaces::SlashingSnapshot m_snapshot;
    CaseTableModel m_cases;
    std::unique_ptr<GuiSubscription<SlashingModel>> m_subscription;   // last: cut first
};

// The cases as a CSV file for auditors: one line per case, then one per
// appeal step, each naming its case. UTF-8; times in UTC (ISO 8601).
QByteArray casesCsv(const interfaces::SlashingSnapshot &snapshot);

} // namespace gtx::ui
