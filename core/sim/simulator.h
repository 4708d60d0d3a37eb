#pragma once

// The deterministic network simulator (docs/protocol.md, "The simulator").
//
// One run = one seed: the same ConsensusNode code runs as N nodes in this
// process over a simulated network (latency with a long tail, loss,
// duplication, reordering, partitions and heals) and simulated clocks (skew
// and drift), with crash-and-restart from each node's store (optionally a
// real encrypted ledger) and Byzantine nodes (equivocating proposers, Twins
// double voters sharing one key, surround voters, withheld votes, invalid
// blocks, forged energy data). A seeded discrete-event scheduler orders
// everything, so a seed always replays the same run. Invariants are checked
// as the nodes report, and once more at the end of the run.

#include "core/consensus/node.h"
#include "core/consensus/params.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string_view>
#include <string>
#include <vector>

namespace gtx::sim {

// Probabilities are in parts per million.
struct FaultMix
{
    std::int64_t minLatencyMs = 20;
    std::int64_t maxLatencyMs = 300;
    std::uint32_t tailPpm = 20'000;          // a message is late by up to tailLatencyMs
    std::int64_t tailLatencyMs = 4000;
    std::uint32_t lossPpm = 30'000;
    std::uint32_t duplicatePpm = 20'000;
    int partitions = 1;                      // per run, each healed
    int crashes = 1;                         // crash-and-restart events per run
    std::int64_t maxClockSkewMs = 400;
    std::int64_t maxDriftPpm = 200;
    // Byzantine behaviours the Byzantine nodes draw from.
    bool equivocation = true;                // two blocks for one slot
    bool twins = true;                       // two instances sharing one authority key
    bool doubleVotes = true;                 // a second, conflicting vote per slot
    bool surroundVotes = true;
    bool withheldVotes = true;
    bool invalidBlocks = true;
    bool invalidEnergyData = true;
    // Workload.
    bool emergencies = true;                 // a halt and its resume per run
    bool rotation = true;                    // a validator bonds and another unbonds

    static FaultMix none();                  // a perfect network, no Byzantine behaviour
    static FaultMix all() { return {}; }
    bool anyByzantine() const
    {
        return equivocation || twins || doubleVotes || surroundVotes || withheldVotes || invalidBlocks
            || invalidEnergyData;
    }
};

// Adversaries: attacks on the protocol beyond the fault mix. vote-flood and
// byzantine-emergency act through a Byzantine authority (one is made
// Byzantine if the scenario has none); long-outage takes an honest one down.
// Names as `gtx-node simulate --adversary` takes them.
struct Adversaries
{
    // vote-flood: for every block it sees, a vote naming the block with the
    // wrong slot (poisoning the target), and now and then hundreds of signed
    // votes for the block from made-up sources (flooding the vote table).
    bool voteFlood = false;
    // byzantine-emergency: EGAT (made Byzantine) sends some authorities
    // halts that skip sequence numbers (never certifiable), signs
    // conflicting emergency votes, and poisons the certificates of honest
    // authorities' orders with votes whose fields are wrong.
    bool byzantineEmergency = false;
    // long-outage: an honest authority is down for longer than
    // kLongOutageSlots and then restarts from its store (runs are made at
    // least kLongOutageRunSlots long); it must catch up and vote again.
    bool longOutage = false;
    static constexpr std::uint64_t kLongOutageSlots = 620;
    static constexpr std::uint64_t kLongOutageRunSlots = 720;
    // sybil-bond: an outsider holding kSybilFundsGt splits it over
    // kSybilKeys keys that bond as validators in one zone, after first
    // trying bonds that declare huge stake and verified energy (the old
    // payload). Its share of every epoch's proposer draw must stay within
    // what it really bonded and below a third (ProposerCapture).
    bool sybilBond = false;
    static constexpr int kSybilKeys = 6;
    static constexpr std::uint64_t kSybilFundsGt = 61'000;
    // lane-spam: funded outsider keys send kLaneSpamPerSlot valid staking-
    // lane transactions every slot, plus unfunded ones; every regulator's
    // order an honest authority gives must still be final on every honest
    // node by the end (AuthorityLaneStarved).
    bool laneSpam = false;
    static constexpr int kLaneSpamPerSlot = 40;
    // late-votes: the Byzantine authority (made one if none) sends each of
    // its link votes kLateVoteSlots after its target's slot and proposes on
    // the block kLateVoteSlots below its head. Harmless while four honest
    // authorities are up; when one is down its votes complete every quorum,
    // so the others learn of each justification late and take its old-based
    // fork: the exact-link rule is what keeps finality safe then.
    bool lateVotes = false;
    static constexpr std::uint32_t kLateVoteSlots = 3;
    // network-restart: every node goes down within one second (a
    // coordinated restart, an upgrade, a site-wide power cut) and comes
    // back from its store a few slots later, staggered. What only lived in
    // memory is gone (blocks above Fast finality, the votes seen); Fast
    // finality must resume within the liveness bound all the same.
    bool networkRestart = false;
    // How long long-outage keeps its authority down (at least 600 slots for
    // the adversary; mutation checks may shorten it).
    std::uint64_t outageSlots = kLongOutageSlots;

    bool any() const { return voteFlood || byzantineEmergency || lateVotes; }   // those that need a Byzantine authority
    static Adversaries all()
    {
        Adversaries a;
        a.voteFlood = true;
        a.byzantineEmergency = true;
        a.longOutage = true;
        a.sybilBond = true;
        a.laneSpam = true;
        a.lateVotes = true;
        a.networkRestart = true;
        return a;
    }
};

// The adversary names, in --help order; parseAdversaries() takes them,
// comma-separated, or "all". Errors: "sim.unknown_adversary".
const std::vector<std::string> &adversaryNames();
Result<Adversaries> parseAdversaries(const std::string &spec);

struct Scenario
{
    int authorities = 5;
    int stakeValidators = 4;
    int energyValidators = 2;
    int byzantineAuthorities = 1;
    int byzantineValidators = 1;
    std::uint64_t slotCount = 96;
    // After the last heal or restart, finality must resume within this many
    // slots, and from then on every honest node's Fast and Full heads must
    // advance at least once in every window of this many slots until the
    // end of the run (a node that stalls for good is a violation, not only
    // one that never resumes).
    std::uint64_t livenessBoundSlots = 24;
    // Evidence and certified emergency orders must be Fast-final on every
    // honest node this many slots after they were seen (as long as finality
    // may take to resume: a run of Byzantine or empty slots delays the
    // 2-chain).
    std::uint64_t settleSlots = 24;
    int transactionsPerSlot = 3;
    FaultMix faults;
    Adversaries adversaries;
    consensus::ConsensusParams params = consensus::ConsensusParams::simulation();
    // Mutation checks (test-only switches); see mutations() for the named ones.
    bool weakenedQuorum = false;          // quorum fixed at weakenedQuorumSize authorities
    std::uint32_t weakenedQuorumSize = 2;
    bool twinsAuthority = false;          // the Byzantine authority is a Twins pair
    bool noExactLink = false;             // Fast finality without the exact-link rule
    bool volatileSignerRecord = false;    // honest nodes forget what they signed on restart
    bool volatileConsensusLog = false;    // nodes do not replay their consensus log on restart
    // When set, nodes that crash keep their state in a real encrypted ledger
    // under this directory (removed at the end of the run).
    std::filesystem::path ledgerDirectory;
    // Keep a line per fault and Byzantine action (otherwise only the schedule).
    bool verboseTrace = false;
};

// What an invariant violation is about (mutation checks match on this, not
// on the text).
enum class ViolationKind : std::uint8_t {
    Setup,                 // a node could not start, an order was refused
    ConflictingFinality,   // two honest nodes finalized different blocks at one height
    ConflictingInstant,    // two Instant-final emergency blocks for one sequence
    DivergentChains,       // finalized chains are not prefixes of one another
    HonestAccused,         // evidence names an honest node
    InvalidBlockAccepted,  // an honest node accepted a block that breaks a rule
    SafetyAlarm,           // an honest node raised an alarm (fork choice, store)
    EvidenceMissing,       // an observed equivocation is not evidence on chain
    EmergencyMissing,      // a certified emergency block is not on chain, or an honest order was never certified
    UncertifiedHalt,       // an honest node halts a zone that no certified order halts
    ChurnLimit,            // the active set changed faster than allowed
    Liveness,              // an honest node stopped finalizing
    ProposerCapture,       // an outsider's share of the proposer draw exceeds what it bonded, or a third
    AuthorityLaneStarved,  // an honest authority's transaction never became final
};
std::string_view toString(ViolationKind kind);

struct RunResult
{
    std::uint64_t seed = 0;
    std::vector<std::string> violations;
    std::set<ViolationKind> kinds;          // of the violations
    std::vector<std::string> trace;
    std::uint64_t slotsRun = 0;
    std::uint64_t events = 0;
    std::uint64_t messages = 0;
    std::vector<double> fastLatencySlots;   // per honest node and block: slot start to Fast
    std::vector<double> fullLatencySlots;
    std::uint64_t fastHeight = 0;           // lowest Fast-final height among honest nodes
    std::uint64_t economicHeight = 0;       // lowest Economic-final height among honest nodes
    std::uint64_t equivocations = 0;
    std::uint64_t equivocationsObserved = 0;
    std::uint64_t offencesOnChain = 0;
    std::uint64_t proposalsDecided = 0;     // the clients' governance proposals closed on the reference chain
    std::uint64_t instantFinal = 0;
    std::uint64_t invalidBlocksRejected = 0;
    std::uint64_t restarts = 0;
    std::uint64_t adversaryActions = 0;     // attacks carried out by the adversaries
    std::uint64_t sybilEpochs = 0;          // sybil-bond: epochs whose draw includes its validators
    std::uint64_t authorityTxsChecked = 0;  // lane-spam: honest authority transactions checked final
    bool livenessRequired = false;

    bool ok() const { return violations.empty(); }
};

RunResult runSimulation(const Scenario &scenario, std::uint64_t seed);

// A mutation check: a scenario that breaks one protection, and the kinds of
// violation the simulator must then report for the check to pass.
struct Mutation
{
    std::string name;
    std::string what;
    std::set<ViolationKind> expected;
    void (*apply)(Scenario &);
};
// quorum-2, quorum-3-twins, no-exact-link, no-double-sign-protection.
const std::vector<Mutation> &mutations();
const Mutation *findMutation(const std::string &name);

} // namespace gtx::sim
