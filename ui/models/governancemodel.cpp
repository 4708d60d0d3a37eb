#include "ui/models/governancemodel.h"

#include "core/common/arith.h"

#include "ui/models/slashingmodel.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"

#include <QLocale>

namespace gtx::ui {

namespace {

QString percent(std::uint64_t bps)
{
    // Unit symbols are the same in every language.
    return QStringLiteral("%1 %").arg(double(bps) / 100.0, 0, 'f', 2);
}

QVariant alignment(bool left)
{
    return left ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
}

// A class's weight in its own unit: authorities counted, stake and
// balances in GT, energy in MWh.
QString classAmount(const std::string &voterClass, std::uint64_t v)
{
    if (voterClass == "authorities")
        return QLocale().toString(static_cast<qulonglong>(v));
    if (voterClass == "energy-validators")
        return QStringLiteral("%1 MWh").arg(QLocale().toString(double(v) / 1e6, 'f', 2));
    return formatGtAmount(v);
}

} // namespace

QString proposalTypeName(const std::string &code)
{
    //: Governance proposal type: changes governed parameters (fees, windows, weights).
    if (code == "parameter-change")
        return ProposalTableModel::tr("Parameter change");
    //: Governance proposal type: adds or removes an authority.
    if (code == "authority-update")
        return ProposalTableModel::tr("Authority update");
    //: Governance proposal type: an emergency procedure, decided by the authorities at once.
    if (code == "emergency-protocol")
        return ProposalTableModel::tr("Emergency protocol");
    //: Governance proposal type: an energy market rule.
    if (code == "market-rule")
        return ProposalTableModel::tr("Market rule");
    //: Governance proposal type: a software upgrade from a given slot.
    if (code == "technical-upgrade")
        return ProposalTableModel::tr("Technical upgrade");
    return QString::fromStdString(code);
}

QString proposalTrackName(const std::string &code)
{
    //: Governance track: the authorities decide at once.
    if (code == "emergency")
        return ProposalTableModel::tr("Emergency");
    //: Governance track: 7 days of voting, then 7 days before it executes.
    if (code == "standard")
        return ProposalTableModel::tr("Standard");
    //: Governance track: voting weights, thresholds and timelines; 30 days and 30 days.
    if (code == "constitutional")
        return ProposalTableModel::tr("Constitutional");
    return QString::fromStdString(code);
}

QString proposalStatusName(interfaces::ProposalStatus status)
{
    switch (status) {
    case interfaces::ProposalStatus::Voting:
        //: Proposal status: votes are being taken.
        return ProposalTableModel::tr("Voting");
    case interfaces::ProposalStatus::Passed:
        //: Proposal status: passed, waiting until it executes.
        return ProposalTableModel::tr("Passed, waiting");
    case interfaces::ProposalStatus::Rejected:
        //: Proposal status: no quorum, or not enough support.
        return ProposalTableModel::tr("Rejected");
    case interfaces::ProposalStatus::Enacted:
        //: Proposal status: executed.
        return ProposalTableModel::tr("Enacted");
    case interfaces::ProposalStatus::Failed:
        //: Proposal status: passed, but its change no longer held when it was due.
        return ProposalTableModel::tr("Failed when due");
    }
    return {};
}

QString voterClassName(const std::string &code)
{
    //: Class of voters in a governance tally.
    if (code == "authorities")
        return TallyTableModel::tr("Authorities");
    //: Class of voters: validators weighted by stake.
    if (code == "stake-validators")
        return TallyTableModel::tr("Stake validators");
    //: Class of voters: validators weighted by verified energy.
    if (code == "energy-validators")
        return TallyTableModel::tr("Energy validators");
    //: Class of voters: token holders, weighted by balance.
    if (code == "community")
        return TallyTableModel::tr("Community");
    return QString::fromStdString(code);
}

QString depositFateName(const std::string &code)
{
    //: A proposal's deposit while the vote is open.
    if (code == "held")
        return ProposalTableModel::tr("held until the vote closes");
    //: A proposal's deposit: the vote reached its quorum.
    if (code == "returned")
        return ProposalTableModel::tr("returned");
    //: A proposal's deposit: the vote did not reach its quorum.
    if (code == "burned")
        return ProposalTableModel::tr("burned (no quorum)");
    //: An emergency proposal carries no deposit.
    if (code == "none")
        return ProposalTableModel::tr("none (an authority's emergency proposal)");
    return QString::fromStdString(code);
}

QString durationText(std::int64_t ms)
{
    constexpr std::int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;
    if (ms >= kDay && ms % kDay == 0)
        //: A duration in whole days.
        return ProposalTableModel::tr("%n day(s)", nullptr, int(ms / kDay));
    if (ms >= kHour && ms % kHour == 0)
        //: A duration in whole hours.
        return ProposalTableModel::tr("%n hour(s)", nullptr, int(ms / kHour));
    if (ms >= kMinute && ms % kMinute == 0)
        //: A duration in whole minutes.
        return ProposalTableModel::tr("%n minute(s)", nullptr, int(ms / kMinute));
    //: A duration in seconds.
    return ProposalTableModel::tr("%n second(s)", nullptr, int(ms / 1000));
}

QString governedParamName(const std::string &name)
{
    struct Name
    {
        const char *code;
        const char *text;
    };
    // The governed parameters (docs/protocol.md, section 23).
    static const Name kNames[] = {
        //: Governed parameter.
        {"transaction_fee", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Transaction fee")},
        //: Governed parameter: how long a slashing case is held for appeals.
        {"appeal_window_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Appeal window")},
        //: Governed parameter: how long after a case an appeal may be filed.
        {"appeal_filing_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Time to file an appeal")},
        //: Governed parameter: how long validators vote on an appeal.
        {"community_review_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Community review")},
        //: Governed parameter.
        {"temporary_suspension_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Temporary suspension")},
        //: Governed parameter.
        {"extended_suspension_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Extended suspension")},
        //: Governed parameter: proposer duties before downtime is judged.
        {"downtime_min_duties", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Duties before downtime is judged")},
        //: Governed parameter: share of duties missed that is excessive downtime.
        {"downtime_threshold_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Downtime threshold")},
        //: Governed parameter.
        {"proposal_deposit", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Proposal deposit")},
        //: Governed parameter (market rule): how long after an interval its trades may settle.
        {"trade_settlement_window_ms", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Trade settlement window")},
        //: Governed parameter: the authorities' weight in a tally.
        {"authority_weight_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Authorities' weight")},
        //: Governed parameter.
        {"stake_validator_weight_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Stake validators' weight")},
        //: Governed parameter.
        {"energy_validator_weight_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Energy validators' weight")},
        //: Governed parameter.
        {"community_weight_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Community's weight")},
        //: Governed parameter: weighted turnout a standard proposal needs.
        {"standard_quorum_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Standard quorum")},
        //: Governed parameter: weighted support a standard proposal must exceed.
        {"standard_pass_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Standard support")},
        //: Governed parameter.
        {"constitutional_quorum_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Constitutional quorum")},
        //: Governed parameter.
        {"constitutional_pass_bps", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Constitutional support")},
        //: Governed parameter.
        {"standard_voting_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Standard voting time")},
        //: Governed parameter: the wait between a standard vote and execution.
        {"standard_wait_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Standard wait")},
        //: Governed parameter.
        {"constitutional_voting_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Constitutional voting time")},
        //: Governed parameter.
        {"constitutional_wait_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Constitutional wait")},
        //: Governed parameter.
        {"emergency_voting_slots", QT_TRANSLATE_NOOP("gtx::ui::ProposalTableModel", "Emergency voting time")},
    };
    for (const Name &n : kNames)
        if (name == n.code)
            return ProposalTableModel::tr(n.text);
    return QString::fromStdString(name);
}

QString governedParamValue(const std::string &name, std::uint64_t value, std::uint64_t slotMs)
{
    const auto endsWith = [&](const char *suffix) {
        const std::string s(suffix);
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (endsWith("_slots"))
        return durationText(static_cast<std::int64_t>(std::min<std::uint64_t>(value, INT64_MAX / std::max<std::uint64_t>(slotMs, 1)) * slotMs));
    if (endsWith("_ms"))
        return durationText(static_cast<std::int64_t>(std::min<std::uint64_t>(value, INT64_MAX)));
    if (endsWith("_bps"))
        return percent(value);
    if (name == "transaction_fee" || name == "proposal_deposit")
        return QStringLiteral("%1 GT").arg(formatGtAmount(value));
    return QLocale().toString(static_cast<qulonglong>(value));
}

// --- ProposalTableModel -----------------------------------------------------------

int ProposalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProposalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProposalTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::ProposalRow &r = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column != Result);
    if (role == Qt::ToolTipRole && column == Title)
        return QString::fromStdString(r.title);
    // Colour only for what is abnormal: a change that passed but failed when due.
    const bool abnormal = column == Status && r.status == interfaces::ProposalStatus::Failed;
    if (role == Qt::BackgroundRole && abnormal)
        return HmiStyle::palette().alarmMedium;
    if (role == Qt::ForegroundRole && abnormal)
        return HmiStyle::palette().alarmMediumText;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Title:
        return QString::fromStdString(r.title);
    case Type:
        return proposalTypeName(r.type);
    case Track:
        return proposalTrackName(r.track);
    case Status:
        return proposalStatusName(r.status);
    case VotingEnds:
        return ThaiDate::formatUtcMs(r.votingEndMs, QLocale().language());
    case Result:
        // Weighted support / turnout, as it stands or as it closed (unit symbols only).
        return QStringLiteral("%1 / %2").arg(percent(r.supportBps), percent(r.turnoutBps));
    }
    return {};
}

QVariant ProposalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        //: Proposals table column.
        return tr("Proposal");
    case Type:
        //: Proposals table column.
        return tr("Type");
    case Track:
        //: Proposals table column: emergency, standard or constitutional.
        return tr("Track");
    case Status:
        //: Proposals table column.
        return tr("Status");
    case VotingEnds:
        //: Proposals table column: when the vote closes.
        return tr("Voting ends");
    case Result:
        //: Proposals table column: weighted support, then weighted turnout.
        return tr("For / turnout");
    }
    return {};
}

void ProposalTableModel::setRows(const std::vector<interfaces::ProposalRow> &rows)
{
    replaceKeyedRows(m_rows, rows, [](const auto &a, const auto &b) { return !(a == b); });
}

void ProposalTableModel::retranslate()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// --- TallyTableModel ----------------------------------------------------------------

int TallyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TallyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TallyTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::ClassTallyRow &t = m_rows[std::size_t(index.row())].tally;
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column == Class);
    if (role != Qt::DisplayRole)
        return {};
    // In 128 bits: a class's weights are micro-GT of the whole supply.
    const std::uint64_t cast = saturatingAdd(saturatingAdd(t.yes, t.no), t.abstain);
    const std::uint64_t decided = saturatingAdd(t.yes, t.no);
    switch (column) {
    case Class:
        return voterClassName(t.voterClass);
    case Weight:
        return percent(t.weightBps);
    case Yes:
        return classAmount(t.voterClass, t.yes);
    case No:
        return classAmount(t.voterClass, t.no);
    case Abstain:
        return classAmount(t.voterClass, t.abstain);
    case Eligible:
        return classAmount(t.voterClass, t.eligible);
    case Turnout:
        //: A class with no eligible weight takes no part in the tally.
        return t.eligible ? percent(mulDiv(std::min<std::uint64_t>(cast, t.eligible), 10'000, t.eligible)) : tr("not counted");
    case Support:
        //: A class whose voters all abstained (or none voted) counts for no support.
        if (m_emergency && t.voterClass == "authorities" && t.eligible)
            return percent(mulDiv(t.yes, 10'000, t.eligible));   // approvals of all the authorities
        return decided ? percent(mulDiv(t.yes, 10'000, decided)) : tr("no votes");
    }
    return {};
}

QVariant TallyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Class:
        //: Tally table column: the class of voters.
        return tr("Class");
    case Weight:
        //: Tally table column: the class's weight in the result.
        return tr("Weight");
    case Yes:
        //: Tally table column: weight voting for.
        return tr("For");
    case No:
        //: Tally table column: weight voting against.
        return tr("Against");
    case Abstain:
        //: Tally table column.
        return tr("Abstain");
    case Eligible:
        //: Tally table column: the class's whole weight.
        return tr("Eligible");
    case Turnout:
        //: Tally table column: share of the class's weight that voted.
        return tr("Turnout");
    case Support:
        //: Tally table column: share for, of those for or against.
        return tr("Support");
    }
    return {};
}

void TallyTableModel::setClasses(const std::vector<interfaces::ClassTallyRow> &classes, bool emergency)
{
    if (emergency != m_emergency) {
        m_emergency = emergency;
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    std::vector<Row> rows;
    rows.reserve(classes.size());
    for (const auto &c : classes)
        rows.push_back({c.voterClass, c});
    replaceKeyedRows(m_rows, rows, [](const Row &a, const Row &b) { return !(a.tally == b.tally); });
}

void TallyTableModel::retranslate()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// --- GovernanceModel ------------------------------------------------------------

GovernanceModel::GovernanceModel(interfaces::GovernanceView &view, QObject *parent)
    : QObject(parent), m_proposals(this)
{
    m_subscription = std::make_unique<GuiSubscription<GovernanceModel>>(view, this);
}

GovernanceModel::~GovernanceModel() = default;

const interfaces::ProposalRow *GovernanceModel::find(const std::string &key) const
{
    for (const auto &p : m_snapshot.proposals)
        if (p.key == key)
            return &p;
    return nullptr;
}

void GovernanceModel::apply(const interfaces::GovernanceSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_proposals.setRows(snapshot.proposals);
    emit changed();
}

} // namespace gtx::ui
