#pragma once

// The console's view of governance, kept on the GUI thread. It subscribes
// once to the node's governance area (interfaces::GovernanceView), which
// reports from a node thread when the Fast-final chain moved (at most every
// second); each report is applied to the proposals table by diff, and the
// selected proposal's tally per class likewise.

#include "core/node/interface.h"
#include "ui/models/guisubscription.h"
#include "ui/models/keyedtablemodel.h"

#include <QObject>

#include <memory>
#include <vector>

namespace gtx::ui {

// Names for a proposal's codes (interfaces::ProposalRow), translated.
QString proposalTypeName(const std::string &code);
QString proposalTrackName(const std::string &code);
QString proposalStatusName(interfaces::ProposalStatus status);
QString voterClassName(const std::string &code);
QString depositFateName(const std::string &code);
// A governed parameter's name (docs/protocol.md, section 23), translated,
// and a value of it in its unit: GT, a duration, a percentage.
QString governedParamName(const std::string &name);
QString governedParamValue(const std::string &name, std::uint64_t value, std::uint64_t slotMs);
// A duration in days, hours or minutes ("7 days", "8 hours").
QString durationText(std::int64_t ms);

// One row per proposal, newest first.
class ProposalTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Type, Track, Status, VotingEnds, Result, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::ProposalRow> &rows);
    const std::vector<interfaces::ProposalRow> &rows() const { return m_rows; }
    void retranslate();

private:
    std::vector<interfaces::ProposalRow> m_rows;
};

// The tally of one proposal, a row per class of voters.
class TallyTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Class, Weight, Yes, No, Abstain, Eligible, Turnout, Support, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // `emergency`: the authorities' support is of all of them (the quorum's rule).
    void setClasses(const std::vector<interfaces::ClassTallyRow> &classes, bool emergency = false);
    void retranslate();

private:
    struct Row
    {
        std::string key;   // the class
        interfaces::ClassTallyRow tally;
    };
    std::vector<Row> m_rows;
    bool m_emergency = false;
};

class GovernanceModel : public QObject
{
    Q_OBJECT

public:
    explicit GovernanceModel(interfaces::GovernanceView &view, QObject *parent = nullptr);
    ~GovernanceModel() override;

    const interfaces::GovernanceSnapshot &snapshot() const { return m_snapshot; }
    ProposalTableModel *proposals() { return &m_proposals; }
    const interfaces::ProposalRow *find(const std::string &key) const;

    // Applies a snapshot (GUI thread); what the node's reports come to.
    void apply(const interfaces::GovernanceSnapshot &snapshot);

signals:
    void changed();

private:
    interfaces::GovernanceSnapshot m_snapshot;
    ProposalTableModel m_proposals;
    std::unique_ptr<GuiSubscription<GovernanceModel>> m_subscription;   // last: cut first
};

} // namespace gtx::ui
