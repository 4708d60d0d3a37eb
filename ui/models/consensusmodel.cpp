#include "ui/models/consensusmodel.h"

#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"

#include <QLocale>


namespace gtx::ui {

QString authorityDisplayName(const std::string &shortName)
{
    //: Short name of the Electricity Generating Authority of Thailand.
    if (shortName == "EGAT")
        return BlockFeedModel::tr("EGAT");
    //: Short name of the Metropolitan Electricity Authority.
    if (shortName == "MEA")
        return BlockFeedModel::tr("MEA");
    //: Short name of the Provincial Electricity Authority.
    if (shortName == "PEA")
        return BlockFeedModel::tr("PEA");
    //: Short name of the Energy Policy and Planning Office.
    if (shortName == "NEPO")
        return BlockFeedModel::tr("NEPO");
    //: Short name of the Energy Regulatory Commission.
    if (shortName == "ERC")
        return BlockFeedModel::tr("ERC");
    return QString::fromStdString(shortName);
}

QString finalityName(interfaces::Finality finality)
{
    switch (finality) {
    case interfaces::Finality::None:
        //: Finality of a block: not final yet.
        return BlockFeedModel::tr("Not final");
    case interfaces::Finality::Fast:
        //: Finality level: the authorities' two-step confirmation.
        return BlockFeedModel::tr("Fast");
    case interfaces::Finality::Full:
        //: Finality level: Fast plus the stake validators' attestations.
        return BlockFeedModel::tr("Full");
    case interfaces::Finality::Economic:
        //: Finality level: Full and deep enough that reverting it would cost the stake.
        return BlockFeedModel::tr("Economic");
    }
    return {};
}

namespace {

QString shortKey(const std::string &hex)
{
    return QString::fromStdString(hex.substr(0, 8));
}

} // namespace

// --- BlockFeedModel ------------------------------------------------------------

int BlockFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BlockFeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BlockFeedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::BlockRow &r = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Proposer || index.column() == FinalityColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Proposer)
        return QString::fromStdString(r.proposer);
    if (role == Qt::ToolTipRole && index.column() == Time)
        return ThaiDate::formatUtcMs(r.timeMs, QLocale().language());
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Height:
        return QString::number(r.height);   // Arabic digits in tables
    case Slot:
        return QString::number(r.slot);
    case Time:
        return ThaiDate::formatTimeUtcMs(r.timeMs, locale.language());
    case Proposer:
        return r.proposerName.empty() ? shortKey(r.proposer)
                                      : authorityDisplayName(r.proposerName) + QStringLiteral(" ") + shortKey(r.proposer);
    case Transactions:
        return QString::number(r.transactions);
    case FinalityColumn:
        return finalityName(r.finality);
    }
    return {};
}

QVariant BlockFeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Height:
        //: Block feed column: the block's number.
        return tr("Block");
    case Slot:
        //: Block feed column: the time slot the block belongs to.
        return tr("Slot");
    case Time:
        //: Block feed column: when the block was made (Bangkok time).
        return tr("Time");
    case Proposer:
        //: Block feed column: who made the block.
        return tr("Proposer");
    case Transactions:
        //: Block feed column: number of transactions in the block.
        return tr("Transactions");
    case FinalityColumn:
        //: Block feed column: how final the block is.
        return tr("Finality");
    }
    return {};
}

void BlockFeedModel::setRows(const std::vector<interfaces::BlockRow> &rows)
{
    // Where the old newest block sits in the new list: the rows above it are new.
    std::size_t fresh = rows.size();
    if (!m_rows.empty()) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].hash == m_rows.front().hash) {
                fresh = i;
                break;
            }
    }
    const bool continues = m_rows.empty() || fresh < rows.size();
    if (!continues) {
        // Another chain (a reorganisation): every row goes and comes back.
        if (!m_rows.empty()) {
            beginRemoveRows({}, 0, int(m_rows.size()) - 1);
            m_rows.clear();
            endRemoveRows();
        }
        fresh = rows.size();
    }
    if (fresh > 0) {
        beginInsertRows({}, 0, int(fresh) - 1);
        m_rows.insert(m_rows.begin(), rows.begin(), rows.begin() + std::ptrdiff_t(fresh));
        endInsertRows();
    }
    if (m_rows.size() > rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size()) - 1);
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    for (std::size_t i = fresh; i < m_rows.size(); ++i) {
        if (m_rows[i].finality != rows[i].finality || m_rows[i].hash != rows[i].hash) {
            m_rows[i] = rows[i];
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

void BlockFeedModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- MemberTableModel -------------------------------------------------------------

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::MemberRow &r = m_rows[std::size_t(index.row())];
    const bool authority = r.kind == interfaces::MemberKind::Authority;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Member || index.column() == Key ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Key)
        return QString::fromStdString(r.key);
    // Colour only for what is abnormal: a member suspended by a slash.
    if (role == Qt::BackgroundRole && index.column() == Member && r.suspended)
        return HmiStyle::palette().alarmMedium;
    if (role == Qt::ForegroundRole && index.column() == Member && r.suspended)
        return HmiStyle::palette().alarmMediumText;
    if (role != Qt::DisplayRole)
        return {};
    const QString none = QStringLiteral("-");
    switch (index.column()) {
    case Member:
        if (authority)
            //: Members table: an authority, %1 its short name.
            return tr("Authority %1").arg(authorityDisplayName(r.authorityName));
        if (r.suspended)
            return r.kind == interfaces::MemberKind::StakeValidator
                       //: Members table: a stake validator suspended by a slashing case.
                       ? tr("Stake validator (suspended)")
                       //: Members table: an energy validator suspended by a slashing case.
                       : tr("Energy validator (suspended)");
        return r.kind == interfaces::MemberKind::StakeValidator
                   //: Members table: a validator whose weight is its stake.
                   ? tr("Stake validator")
                   //: Members table: a validator whose weight comes from verified energy.
                   : tr("Energy validator");
    case Key:
        return shortKey(r.key);
    case Stake:
        return authority ? none : QString::number(double(r.stakeMicroGt) / 1e6, 'f', 0);
    case BlocksMade:
        return authority ? none : QString::number(r.blocksProduced);
    case SlotsMissed:
        return authority ? none : QString::number(r.slotsMissed);
    case Uptime:
        return authority || r.blocksProduced + r.slotsMissed == 0
                   ? none
                   : QString::number(double(r.uptimePpm) / 10000.0, 'f', 1) + QStringLiteral(" %");
    case Rewards:
        return authority ? none : QString::number(double(r.rewardsMicroGt) / 1e6, 'f', 2);
    }
    return {};
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Member:
        //: Members table column: who the member is.
        return tr("Member");
    case Key:
        //: Members table column: the start of the member's public key.
        return tr("Key");
    case Stake:
        //: Members table column: bonded stake in GT.
        return tr("Stake (GT)");
    case BlocksMade:
        //: Members table column: blocks the validator made.
        return tr("Blocks made");
    case SlotsMissed:
        //: Members table column: slots the validator was drawn for and made no block.
        return tr("Slots missed");
    case Uptime:
        //: Members table column: blocks made out of slots drawn, in percent.
        return tr("Uptime");
    case Rewards:
        //: Members table column: fees the validator earned as proposer and attester, in GT.
        return tr("Rewards (GT)");
    }
    return {};
}

void MemberTableModel::setRows(const std::vector<interfaces::MemberRow> &rows)
{
    replaceKeyedRows(m_rows, rows, [](const interfaces::MemberRow &a, const interfaces::MemberRow &b) {
        return a.stakeMicroGt != b.stakeMicroGt || a.blocksProduced != b.blocksProduced
            || a.slotsMissed != b.slotsMissed || a.uptimePpm != b.uptimePpm
            || a.rewardsMicroGt != b.rewardsMicroGt || a.suspended != b.suspended;
    });
}

void MemberTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- PeerTableModel -----------------------------------------------------------------

QString linkHealthName(interfaces::LinkHealth health)
{
    switch (health) {
    case interfaces::LinkHealth::Connecting:
        //: Peer link state: nothing heard yet, shortly after start.
        return PeerTableModel::tr("Connecting");
    case interfaces::LinkHealth::Up:
        //: Peer link state: messages arrive.
        return PeerTableModel::tr("Up");
    case interfaces::LinkHealth::Silent:
        //: Peer link state: an observer that has sent nothing lately, which is normal.
        return PeerTableModel::tr("Quiet");
    case interfaces::LinkHealth::Lost:
        //: Peer link state: a member not heard from for five slots.
        return PeerTableModel::tr("Lost");
    case interfaces::LinkHealth::Banned:
        //: Peer link state: the peer misbehaved and is refused for a while.
        return PeerTableModel::tr("Banned");
    }
    return {};
}

int PeerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::PeerRow &r = m_rows[std::size_t(index.row())];
    const bool abnormal = r.health == interfaces::LinkHealth::Lost || r.health == interfaces::LinkHealth::Banned;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Peer || index.column() == Key || index.column() == Link
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Key)
        return QString::fromStdString(r.key);
    // Colour only for what is abnormal: a lost or banned link.
    if (role == Qt::BackgroundRole && index.column() == Link && abnormal)
        return HmiStyle::palette().alarmMedium;
    if (role == Qt::ForegroundRole && index.column() == Link && abnormal)
        return HmiStyle::palette().alarmMediumText;
    if (role != Qt::DisplayRole)
        return {};
    const QString none = QStringLiteral("-");
    switch (index.column()) {
    case Peer:
        switch (r.kind) {
        case interfaces::LinkKind::Authority:
            //: Peers table: an authority's node, %1 its short name.
            return tr("Authority %1").arg(authorityDisplayName(r.authorityName));
        case interfaces::LinkKind::Validator:
            //: Peers table: a validator's node.
            return tr("Validator");
        case interfaces::LinkKind::Observer:
            //: Peers table: a node that follows the chain without voting (an operator console).
            return tr("Observer");
        case interfaces::LinkKind::Other:
            //: Peers table: a configured peer that is no longer a member.
            return tr("Former member");
        }
        return {};
    case Key:
        return shortKey(r.key);
    case Link:
        return linkHealthName(r.health);
    case LastHeard:
        if (r.silentMs < 0)
            //: Peers table: nothing was ever received from this peer.
            return tr("never");
        //: Peers table: seconds since the last message from the peer, e.g. "0.4 s ago".
        return tr("%1 s ago").arg(QString::number(double(r.silentMs) / 1000.0, 'f', 1));
    case Messages:
        return QString::number(r.received);
    case Score:
        return QString::number(r.score);
    }
    return {};
}

QVariant PeerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Peer:
        //: Peers table column: whose node the link goes to.
        return tr("Peer");
    case Key:
        //: Peers table column: the start of the peer's public key.
        return tr("Key");
    case Link:
        //: Peers table column: the link's health.
        return tr("Link");
    case LastHeard:
        //: Peers table column: time since the last message from the peer.
        return tr("Last heard");
    case Messages:
        //: Peers table column: messages received from the peer.
        return tr("Messages");
    case Score:
        //: Peers table column: the peer's behaviour score (0 is clean; lower for bad messages).
        return tr("Score");
    }
    return {};
}

void PeerTableModel::setRows(const std::vector<interfaces::PeerRow> &rows)
{
    // "Last heard" is shown to a tenth of a second: finer changes redraw nothing.
    replaceKeyedRows(m_rows, rows, [](const interfaces::PeerRow &a, const interfaces::PeerRow &b) {
        return a.health != b.health || a.silentMs / 100 != b.silentMs / 100 || a.received != b.received
            || a.score != b.score || a.kind != b.kind;
    });
}

void PeerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- ConsensusModel ----------------------------------------------------------------

ConsensusModel::ConsensusModel(interfaces::ConsensusView &view, QObject *parent)
    : QObject(parent), m_blocks(this), m_members(this), m_links(this),
      m_subscription(std::make_unique<GuiSubscription<ConsensusModel>>(view, this))
{
}

ConsensusModel::~ConsensusModel() = default;

void ConsensusModel::apply(const interfaces::ConsensusSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_blocks.setRows(snapshot.recentBlocks);
    m_members.setRows(snapshot.members);
    m_links.setRows(snapshot.links);
    emit changed();
}

} // namespace gtx::ui
