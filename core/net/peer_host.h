#pragma once

// Runs one ConsensusNode over the peer transport, on its own thread, under
// the system clock: the host the node's design leaves to the process (as
// core/sim is the host in the simulator).
//
// The node's Outbox maps onto the transport: a PeerId is the position of a
// peer's key in the host's peer table (from 1; 0 is the node itself), a
// broadcast goes to every peer, and each message takes the channel of its
// type (channelOf()). The allow-list follows the chain: admittedKeys() of
// the head and of the Fast-final block, recomputed whenever either moves.

#include "core/common/clock.h"
#include "core/consensus/node.h"
#include "core/net/transport.h"

#include <array>
#include <deque>
#include <functional>
#include <future>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace gtx::net {

struct PeerAddress
{
    PublicKey key;
    std::string consensusEndpoint;
    std::string bulkEndpoint;
};

// Microseconds since the Unix epoch on the system clock: comparable between
// the processes of one machine (the devnet benchmark's latencies).
std::int64_t wallClockUs();

// Transactions and block fetches travel on the bulk channel, everything
// else (blocks, votes, emergency records, evidence, vote requests) on the
// consensus channel. A message that does not decode goes on bulk.
Channel channelOf(ByteView message);

// The keys a node admits at `block`: the authorities, the validators of the
// block's epoch and of the next one, every validator still self-bonded in
// the block's state (a candidate needs its links before it is drawn), and
// the configured observers; sorted, without duplicates. A validator that
// released its whole self-bond drops out once it has left both active sets.
std::vector<PublicKey> admittedKeys(const consensus::ConsensusGenesis &genesis, const consensus::BlockNode &block,
                                    const std::vector<PublicKey> &observers);

struct BlockSummary
{
    std::uint64_t height = 0;
    std::uint64_t slot = 0;
    Hash256 hash;
    PublicKey proposer;
    std::uint32_t transactions = 0;
    consensus::FinalityLevel level = consensus::FinalityLevel::None;
    std::int64_t timestampMs = 0;
};

// A member of the network: an authority, or a validator of the head's epoch.
struct MemberSummary
{
    PublicKey key;
    bool authority = false;
    AuthorityType authorityType = AuthorityType::EGAT;
    state::ValidatorRole role = state::ValidatorRole::Stake;
    std::uint64_t stake = 0;   // micro-GT
    std::uint64_t blocksProduced = 0;
    std::uint64_t slotsMissed = 0;
    std::uint32_t uptimePpm = 0;
    std::uint64_t rewards = 0;   // micro-GT of fees earned
    bool suspended = false;      // by a slashing case: leaves at the next rotation
};

// One peer link as the host judges it. Authorities and validators send
// every slot, so silence means a lost link; observers send only what they
// ask for, so their silence is normal.
enum class LinkRole : std::uint8_t { Authority = 0, Validator = 1, Observer = 2, Other = 3 };
enum class LinkState : std::uint8_t {
    Connecting = 0,   // nothing heard yet, within the grace after start
    Up = 1,           // heard within linkLostAfterMs()
    Silent = 2,       // an observer that has sent nothing lately (normal)
    Lost = 3,         // a member not heard for longer, or never after the grace
    Banned = 4,       // misbehaved: dropped and refused for a while
};
struct LinkSummary
{
    PublicKey key;
    LinkRole role = LinkRole::Other;
    LinkState state = LinkState::Connecting;
    std::int64_t silentMs = -1;   // -1: never heard
    std::uint64_t received = 0;
    int score = 0;
};
// A member's link is lost after five slots of silence, and never less than three seconds.
std::int64_t linkLostAfterMs(std::uint64_t slotMs);

// What the host last saw of its node, for status displays and tests.
struct HostSnapshot
{
    std::uint64_t headHeight = 0;
    std::uint64_t fastHeight = 0;
    std::uint64_t fullHeight = 0;
    std::uint64_t economicHeight = 0;
    Hash256 fastHash;
    std::uint64_t safetyAlarms = 0;
    std::uint64_t evidenceDetected = 0;   // offences this node saw (double votes and the like)
    std::uint64_t fastSlot = 0;           // slot of the Fast-final block
    std::uint64_t currentSlot = 0;        // this node's clock
    // A technical upgrade the head's chain scheduled (version 0: none), and
    // whether it has stopped this node (its software is below it and the
    // slot has come: it takes no block until it is upgraded).
    std::uint32_t upgradeVersion = 0;
    std::uint64_t upgradeSlot = 0;
    bool upgradeRequired = false;
    std::size_t peers = 0;
    std::array<std::size_t, kLaneCount> mempool{};   // waiting transactions per lane
    consensus::NodeCounters counters;
    std::vector<BlockSummary> recentBlocks;   // newest first, at most kRecentBlocks, the head's chain
    std::vector<MemberSummary> members;       // authorities, then the active validators
    std::uint64_t version = 0;                // grows whenever the head or a finality level moves
    std::vector<PublicKey> admitted;          // the allow-list in force (admittedKeys()), sorted
    std::vector<LinkSummary> links;           // configured peers and admitted keys but this node, sorted by key
};
constexpr std::size_t kRecentBlocks = 20;

// The host's figures in the Prometheus text format (version 0.0.4), for the
// node_exporter textfile collector or any scraper that reads a file.
std::string prometheusText(const HostSnapshot &host, const TransportCounters &transport,
                           std::uint64_t slotMs);

class PeerHost
{
public:
    struct Setup
    {
        consensus::ConsensusParams params;
        std::shared_ptr<const consensus::ConsensusGenesis> genesis;
        consensus::ConsensusStore *store = nullptr;   // outlives the host
        TransportConfig transport;
        std::vector<PublicKey> observers;             // admitted besides the genesis members
    };

    // Starts the transport and the node (restoring it from the store); the
    // node runs once run() is called. Errors: the transport's, the node's.
    static Result<std::unique_ptr<PeerHost>> start(Setup setup, crypto::KeyPair key);
    ~PeerHost();

    std::string consensusEndpoint() const;
    std::string bulkEndpoint() const;

    // Links to these peers (call before run(), or while running).
    void addPeers(const std::vector<PeerAddress> &peers);
    void run();    // starts the node's thread
    // Hands a signed transaction to the node (on its thread); the result is
    // the mempool's verdict. Errors: the node's, or "net.stopped".
    Status submitTransaction(const Transaction &tx);
    // Many at once, a verdict each; taken in slices of 64, each one step of
    // the node with one write of its consensus log.
    std::vector<Status> submitTransactions(const std::vector<Transaction> &txs);
    // An emergency order of this authority (ConsensusNode::submitEmergencyOrder).
    Status submitEmergencyOrder(const Transaction &order);
    // Evidence handed in (ConsensusNode::submitEvidence).
    Status submitEvidence(const Evidence &evidence);
    // Runs `task` on the node's thread, between two of its steps, and waits
    // for it (for queries that read the chain); false when not running.
    bool onNodeThread(const std::function<void(const consensus::ConsensusNode &)> &task);
    void stop();   // stops it and waits; also done by the destructor

    HostSnapshot snapshot() const;
    // Fast-final block hash at `height` on this node's chain, when known.
    std::optional<Hash256> fastHashAt(std::uint64_t height) const;
    TransportCounters transportCounters() const;
    // When this node saw the block at `height` become Fast-final, and an
    // emergency order (by its transaction id) become Instant-final, in
    // wallClockUs(); kept for the last 8,192 heights and 1,024 orders.
    std::optional<std::int64_t> fastAtUs(std::uint64_t height) const;
    std::optional<std::int64_t> instantAtUs(const Hash256 &orderId) const;

private:
    class Impl;
    explicit PeerHost(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace gtx::net
