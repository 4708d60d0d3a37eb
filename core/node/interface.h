#pragma once

// The one narrow interface between the operator console (ui/) and the node.
// Snapshots and commands go in; events come out through handlers. The
// console never reaches into core/ modules directly.
//
// Threading: every call may block (key derivation, disk) and must not be made
// on the GUI thread; event callbacks arrive on a node thread and must be
// marshalled to the GUI thread by the receiver.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/passphrase_policy.h"
#include "core/node/operator_roles.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gtx::interfaces {

// The passphrase policy the node enforces when it seals a ledger or key
// file (core/crypto/passphrase_policy.h): the console's dialogs show it
// while typing and the node refuses anything shorter.
inline constexpr int kMinPassphraseCharacters = static_cast<int>(crypto::kMinPassphraseCharacters);

// Keeps an event subscription alive; destroying it unsubscribes.
class Handler
{
public:
    virtual ~Handler() = default;
    virtual void disconnect() = 0;
};

// What the console shows of the node at one moment.
struct NodeStatus
{
    bool unlocked = false;
    std::string networkName;          // "devnet", ...
    std::uint64_t height = 0;
    std::string headHash;             // hex
    std::string stateRoot;            // hex
    std::int64_t headTimeMs = 0;      // UTC ms of the head block
    std::uint64_t auditRecords = 0;
};

// --- Consensus -------------------------------------------------------------

enum class Finality : std::uint8_t { None = 0, Fast = 1, Full = 2, Economic = 3 };

// Who a network member is. Authorities carry their short name (EGAT, MEA,
// PEA, NEPO, ERC), which is a proper name and never translated.
enum class MemberKind : std::uint8_t { Authority = 0, StakeValidator = 1, EnergyValidator = 2 };

struct BlockRow
{
    std::uint64_t height = 0;
    std::uint64_t slot = 0;
    std::string hash;          // hex
    std::string proposer;      // hex key
    std::string proposerName;  // authority short name, or empty for a validator
    std::uint32_t transactions = 0;
    Finality finality = Finality::None;
    std::int64_t timeMs = 0;   // UTC ms
};

struct MemberRow
{
    std::string key;           // hex
    MemberKind kind = MemberKind::Authority;
    std::string authorityName; // EGAT ... for authorities
    std::uint64_t stakeMicroGt = 0;
    std::uint64_t blocksProduced = 0;   // validators: from the chain's records
    std::uint64_t slotsMissed = 0;
    std::uint32_t uptimePpm = 0;
    std::uint64_t rewardsMicroGt = 0;   // fees earned as proposer and attester
    bool suspended = false;             // by a slashing case (Slashing & Appeals)
};

// One of the node's peer links and its health (net::LinkSummary).
enum class LinkKind : std::uint8_t { Authority = 0, Validator = 1, Observer = 2, Other = 3 };
enum class LinkHealth : std::uint8_t { Connecting = 0, Up = 1, Silent = 2, Lost = 3, Banned = 4 };

struct PeerRow
{
    std::string key;            // hex
    LinkKind kind = LinkKind::Other;
    std::string authorityName;  // EGAT ... for authorities
    LinkHealth health = LinkHealth::Connecting;
    std::int64_t silentMs = -1; // since its last message; -1: never
    std::uint64_t received = 0; // messages
    int score = 0;              // 0 clean, lower for misbehaviour
};

// The network as this console's node sees it.
struct ConsensusSnapshot
{
    bool joined = false;            // the node runs on a network (else the rest is empty)
    std::uint64_t headHeight = 0;
    std::uint64_t fastHeight = 0;
    std::uint64_t fullHeight = 0;
    std::uint64_t economicHeight = 0;
    std::uint64_t currentSlot = 0;
    std::uint64_t fastSlot = 0;
    std::uint64_t slotMs = 0;
    std::size_t peers = 0;
    std::uint64_t safetyAlarms = 0;
    std::vector<BlockRow> recentBlocks;   // newest first, at most 20, on the head's chain
    std::vector<MemberRow> members;       // authorities, then validators of the current epoch
    std::vector<PeerRow> links;           // authorities first, then by key

    // Seconds from the Fast-final block's slot to the node's clock.
    double finalityLagSeconds() const
    {
        return currentSlot > fastSlot ? static_cast<double>((currentSlot - fastSlot) * slotMs) / 1000.0 : 0.0;
    }
};

class ConsensusView
{
public:
    virtual ~ConsensusView() = default;
    virtual ConsensusSnapshot snapshot() const = 0;
    // Called on a node thread, at most every 250 ms, when something changed.
    using ChangedFn = std::function<void(const ConsensusSnapshot &)>;
    virtual std::unique_ptr<Handler> handleChanged(ChangedFn fn) = 0;
};

// --- Grid ------------------------------------------------------------------

// A zone's conservation verdict for the interval (docs/protocol.md, section 21).
enum class Conservation : std::uint8_t { Unjudged = 0, Balanced = 1, LossesLow = 2, LossesHigh = 3 };

// One zone in the interval shown: its metered figures and EGAT's tie-line
// exchange. Energies in Wh; lossBps of the inflow (meaningful when judged).
struct ZoneRow
{
    std::string key;               // the zone's code: "MEA-METRO", "PEA-S", ...
    std::string operatorName;      // EGAT, MEA or PEA (a proper name)
    std::uint32_t readings = 0;    // accepted readings of the interval
    std::uint64_t generationWh = 0;
    std::uint64_t consumptionWh = 0;
    std::uint64_t importsWh = 0;   // tie lines, from EGAT's report
    std::uint64_t exportsWh = 0;
    std::int64_t lossesWh = 0;
    std::int32_t lossBps = 0;
    Conservation conservation = Conservation::Unjudged;
    bool halted = false;           // trading halted here (or nationwide)
    bool operator==(const ZoneRow &) const = default;
};

// A tie line and its loading in the interval shown (from EGAT's report).
struct TieLineRow
{
    std::string key;               // the line's id: "W-S 500 kV 1"
    std::string fromZone;
    std::string toZone;
    std::string corridor;          // empty: a corridor of its own
    std::uint32_t capacityMw = 0;
    bool reported = false;         // EGAT's report gives its flow
    bool outOfService = false;     // EGAT reports it out of service (maintenance, a trip)
    std::int32_t flowMw = 0;       // positive from fromZone to toZone
    std::uint32_t loadingBps = 0;  // |flow| / capacity
    bool congested = false;        // above its capacity
    bool n1Violated = false;       // its corridor fails N-1 (or, out of service, leaves none in service)
    bool operator==(const TieLineRow &) const = default;
};

struct TrendPoint
{
    std::int64_t intervalEndMs = 0;
    std::uint64_t generationWh = 0;
    std::uint64_t consumptionWh = 0;
    bool operator==(const TrendPoint &) const = default;
};

// A zone's last 24 hours of 15-minute intervals, oldest first.
struct ZoneTrend
{
    std::string zone;
    std::vector<TrendPoint> points;
    bool operator==(const ZoneTrend &) const = default;
};

// The grid as the Fast-final chain records it.
struct GridSnapshot
{
    bool joined = false;
    std::string modelName;
    std::uint32_t lossMinBps = 0;     // the model's loss band, of a zone's inflow
    std::uint32_t lossMaxBps = 0;
    std::int64_t chainTimeMs = 0;     // the Fast-final tip's time: how old the interval shown is
    std::int64_t intervalEndMs = 0;   // the interval shown: the newest with data, else the last ended
    bool reported = false;            // EGAT has reported it
    std::uint32_t frequencyMilliHz = 0;
    std::int32_t reserveMarginBps = 0;
    bool nationwideHalt = false;
    std::vector<ZoneRow> zones;       // the grid model's order
    std::vector<TieLineRow> lines;    // the grid model's order
    std::vector<ZoneTrend> trends;    // one per zone, the zones' order
    bool operator==(const GridSnapshot &) const = default;
};

class GridView
{
public:
    virtual ~GridView() = default;
    virtual GridSnapshot snapshot() const = 0;
    // Called on a node thread, at most every second, when the Fast-final chain moved.
    using ChangedFn = std::function<void(const GridSnapshot &)>;
    virtual std::unique_ptr<Handler> handleChanged(ChangedFn fn) = 0;
};

// --- Slashing --------------------------------------------------------------

// A slashing case's state (docs/protocol.md, section 22).
enum class CaseStatus : std::uint8_t { Pending = 0, Executed = 1, Cancelled = 2, Refunded = 3 };
enum class AppealStage : std::uint8_t { None = 0, Technical = 1, Community = 2, Authority = 3, Closed = 4 };

// A part of a slash: whose stake, bonded to which validator, and from where.
struct SlashPartRow
{
    std::string party;           // hex key
    std::string validator;       // hex key: the offender, or where the stake was redelegated
    bool fromUnbonding = false;  // taken from an unbonding entry (else from the bond)
    std::uint64_t amountMicroGt = 0;
    bool operator==(const SlashPartRow &) const = default;
};

// One step of an appeal's trail. `action` is "file", "vote", "decide",
// "court-case" or "court-refund"; `by` is empty for the automatic steps.
struct AppealStep
{
    AppealStage stage = AppealStage::Technical;
    std::string action;
    std::uint64_t slot = 0;
    std::int64_t timeMs = 0;      // the slot's start, UTC ms
    std::string by;               // hex key
    std::string byName;           // an authority's short name, else empty
    bool uphold = false;
    std::uint64_t stakeMicroGt = 0;   // a community vote's weight
    std::string text;             // grounds, reasoning, a court reference (as written)
    bool operator==(const AppealStep &) const = default;
};

// One of the two signed messages that prove an offence.
struct SignedMessageRow
{
    std::uint64_t slot = 0;       // the block's slot, or the vote's (target) slot
    std::uint64_t sourceSlot = 0; // link votes: the source's slot
    std::string signedHash;       // hex: the block, or the block voted for
    std::string signature;        // hex
    bool operator==(const SignedMessageRow &) const = default;
};

// A slashing case with its evidence, decision, deadlines and appeal. Codes
// (stable, for the console to name): offence "double-proposal",
// "double-link-vote", "surround-link-vote", "double-attestation",
// "double-emergency-vote", "downtime" (no messages: the duties); reason "double-production",
// "energy-falsification", "grid-violation", "downtime-excess",
// "malicious-behavior"; severity "low", "medium", "high"; tier "minor",
// "major", "critical"; suspension "temporary", "extended", "permanent".
struct SlashCaseRow
{
    std::string key;              // hex case id (the offence key)
    std::string offender;         // hex key
    std::string offenderName;     // an authority's short name, else empty
    bool authority = false;
    std::string offence;
    std::string reason;
    std::string severity;
    std::uint32_t priorCases = 0;
    std::string tier;
    std::uint32_t fractionBps = 0;
    std::string suspension;
    bool governmentReview = false;
    std::uint64_t infractionSlot = 0;
    std::int64_t infractionTimeMs = 0;
    std::uint64_t recordedSlot = 0;
    std::int64_t recordedTimeMs = 0;
    std::int64_t filingDeadlineMs = 0;     // an appeal is filed before it
    std::int64_t communityDeadlineMs = 0;  // 0 until an appeal is filed
    std::uint64_t executeSlot = 0;
    std::int64_t executeTimeMs = 0;        // the appeal window's end
    bool bannedForever = false;
    std::int64_t suspendedUntilMs = 0;     // 0: no suspension (authorities)
    std::uint64_t stakeAtInfractionMicroGt = 0;
    std::uint64_t amountMicroGt = 0;
    std::uint64_t uncollectedMicroGt = 0;
    CaseStatus status = CaseStatus::Pending;
    AppealStage appealStage = AppealStage::None;
    std::uint64_t upholdStakeMicroGt = 0;
    std::uint64_t overturnStakeMicroGt = 0;
    std::string courtCase;
    SignedMessageRow first;           // evidence cases
    SignedMessageRow second;
    std::uint32_t dutiesMissed = 0;   // downtime cases: of its last dutiesCounted proposer duties
    std::uint32_t dutiesCounted = 0;
    bool evidenceVerified = false;         // this node re-verified both signatures and the conflict
    std::string evidenceProblem;           // why not, when not
    std::vector<SlashPartRow> parts;
    std::vector<AppealStep> trail;
    bool operator==(const SlashCaseRow &) const = default;
};

// Every slashing case on the Fast-final chain, newest first.
struct SlashingSnapshot
{
    bool joined = false;
    std::int64_t chainTimeMs = 0;        // the Fast-final tip's time
    std::vector<SlashCaseRow> cases;
    bool operator==(const SlashingSnapshot &) const = default;
};

class SlashingView
{
public:
    virtual ~SlashingView() = default;
    virtual SlashingSnapshot snapshot() const = 0;
    // Called on a node thread, at most every second, when the Fast-final chain moved.
    using ChangedFn = std::function<void(const SlashingSnapshot &)>;
    virtual std::unique_ptr<Handler> handleChanged(ChangedFn fn) = 0;
};

// --- Governance ------------------------------------------------------------

// A proposal's state (docs/protocol.md, section 23).
enum class ProposalStatus : std::uint8_t { Voting = 0, Passed = 1, Rejected = 2, Enacted = 3, Failed = 4 };

// One class of voters in a proposal's tally. Units: authorities counted,
// stake and balances in micro-GT, energy in Wh. While the vote is open the
// validators' weights are what they have now (they are measured at the close).
struct ClassTallyRow
{
    std::string voterClass;        // "authorities", "stake-validators", "energy-validators", "community"
    std::uint32_t weightBps = 0;   // the class's weight in the tally
    std::uint64_t yes = 0;
    std::uint64_t no = 0;
    std::uint64_t abstain = 0;
    std::uint64_t eligible = 0;
    bool operator==(const ClassTallyRow &) const = default;
};

// A governed parameter a proposal sets: its name (docs/protocol.md,
// section 23), the value in force now and the one proposed.
struct ProposalSettingRow
{
    std::string name;
    std::uint64_t current = 0;
    std::uint64_t proposed = 0;
    bool operator==(const ProposalSettingRow &) const = default;
};

// A proposal with its timeline and tally. Codes: type "parameter-change",
// "authority-update", "emergency-protocol", "market-rule",
// "technical-upgrade"; track "emergency", "standard", "constitutional";
// deposit fate "held", "returned", "burned", "none".
struct ProposalRow
{
    std::string key;               // hex proposal id
    std::string type;
    std::string track;
    ProposalStatus status = ProposalStatus::Voting;
    std::string title;
    std::string text;
    std::string proposer;          // hex key
    std::string proposerName;      // an authority's short name, else empty
    std::uint64_t depositMicroGt = 0;
    std::string depositFate;
    std::int64_t submittedMs = 0;
    std::int64_t votingEndMs = 0;  // votes are taken until then
    std::int64_t enactMs = 0;      // it executes then, once passed (emergency: when the quorum approves)
    std::int64_t closedMs = 0;     // 0 while voting
    std::int64_t enactedMs = 0;    // executed or failed; 0 until then
    std::uint32_t votes = 0;
    std::vector<ClassTallyRow> classes;   // the four classes, in the order above
    std::uint32_t quorumBps = 0;   // weighted turnout needed
    std::uint32_t passBps = 0;     // weighted support needed: above it, or at least it (constitutional)
    bool supportAtLeast = false;
    std::uint32_t turnoutBps = 0;  // as it stands (projected while voting), or as it closed
    std::uint32_t supportBps = 0;
    bool quorumMet = false;
    bool passed = false;
    std::vector<ProposalSettingRow> settings;
    std::uint32_t upgradeVersion = 0;   // technical upgrades
    std::int64_t upgradeMs = 0;
    std::string outcome;           // what it changed, or why not (the chain's words)
    bool operator==(const ProposalRow &) const = default;
};

// Every proposal on the Fast-final chain, newest first, and the rules a
// new one would be judged by.
struct GovernanceSnapshot
{
    bool joined = false;
    std::int64_t chainTimeMs = 0;
    std::vector<ProposalRow> proposals;
    std::uint64_t proposalDepositMicroGt = 0;
    std::vector<std::uint32_t> classWeightsBps;   // authorities, stake, energy, community
    std::uint32_t standardQuorumBps = 0;
    std::uint32_t standardPassBps = 0;
    std::uint32_t constitutionalQuorumBps = 0;
    std::uint32_t constitutionalPassBps = 0;
    std::int64_t standardVotingMs = 0;
    std::int64_t standardWaitMs = 0;
    std::int64_t constitutionalVotingMs = 0;
    std::int64_t constitutionalWaitMs = 0;
    std::int64_t emergencyVotingMs = 0;
    std::uint64_t slotMs = 0;                    // the slot length, for settings counted in slots
    std::uint32_t authorityQuorum = 0;           // of authorityCount, for emergency proposals
    std::uint32_t authorityCount = 0;
    // A technical upgrade the chain scheduled (version 0: none), and the
    // chain rules version this software executes.
    std::uint32_t upgradeVersion = 0;
    std::int64_t upgradeMs = 0;
    std::uint32_t softwareVersion = 0;
    bool operator==(const GovernanceSnapshot &) const = default;
};

class GovernanceView
{
public:
    virtual ~GovernanceView() = default;
    virtual GovernanceSnapshot snapshot() const = 0;
    // Called on a node thread, at most every second, when the Fast-final chain moved.
    using ChangedFn = std::function<void(const GovernanceSnapshot &)>;
    virtual std::unique_ptr<Handler> handleChanged(ChangedFn fn) = 0;
};

// --- Operators -------------------------------------------------------------

// The people who use the console (core/node/roster.h, core/node/
// operator_roles.h). Each signs in with their own key file and passphrase;
// each command they give is checked against their roles, signed with their
// key and written to the audit trail.

struct OperatorRow
{
    std::string id;            // "somchai.k": 1..32 of a-z, 0-9, '.', '_', '-'
    std::string displayName;   // as they asked to be named (UTF-8)
    RoleSet roles = 0;
    std::string key;           // hex Ed25519 public key
    bool active = true;        // false once disabled (an id is never reused)
    std::int64_t addedMs = 0;  // UTC ms
    std::string addedBy;       // the administrator's id (their own for the first)
    bool operator==(const OperatorRow &) const = default;
};

// A signed-in operator. `token` names the session in later calls; it is
// locked (every call then fails with "operator.session_locked") after
// NodeOptions::sessionIdleMs without a call, or when the operator is
// disabled; their roles follow the roster at every call.
struct OperatorSession
{
    std::string token;
    std::string id;
    std::string displayName;
    RoleSet roles = 0;
    bool operator==(const OperatorSession &) const = default;
};

struct NewOperator
{
    std::string id;
    std::string displayName;
    RoleSet roles = 0;
};

class Operators
{
public:
    virtual ~Operators() = default;

    // Every operator the trail has added, by id.
    virtual std::vector<OperatorRow> list() const = 0;
    // True while the ledger is open and no operator exists yet.
    virtual bool needsFirstAdministrator() const = 0;
    // Adds the first operator, an administrator, with a new key file sealed
    // under `passphrase`, and signs them in. Errors: "operator.exists" once
    // there is an operator; "operator.invalid" (the id, name or roles);
    // the passphrase policy's.
    virtual Result<OperatorSession> createFirstAdministrator(const NewOperator &who, ByteView passphrase) = 0;
    // Errors: "operator.unknown" (no such active operator: the same for a
    // disabled one), "operator.wrong_passphrase", "operator.key_mismatch"
    // (the key file is not the one the roster holds). Every attempt is
    // audited.
    virtual Result<OperatorSession> signIn(const std::string &id, ByteView passphrase) = 0;
    virtual void signOut(const std::string &token) = 0;
    // The session as it stands (its roles now), without counting as use.
    virtual Result<OperatorSession> session(const std::string &token) = 0;
    // Counts as use: the console calls it on the operator's input.
    virtual Status keepAlive(const std::string &token) = 0;
    // Re-authentication before a critical command: the session's own
    // passphrase again. Errors as signIn.
    virtual Status confirm(const std::string &token, ByteView passphrase) = 0;

    // Administrator only ("operator.not_permitted" otherwise). The new
    // operator's key file is sealed under `initialPassphrase`, which they
    // are given in person.
    virtual Status addOperator(const std::string &token, const NewOperator &who, ByteView initialPassphrase,
                               const std::string &reason) = 0;
    virtual Status setRoles(const std::string &token, const std::string &id, RoleSet roles,
                            const std::string &reason) = 0;
    virtual Status disableOperator(const std::string &token, const std::string &id, const std::string &reason) = 0;

    // Records a command the operator gave: refused with
    // "operator.not_permitted" unless their roles allow `permission`;
    // otherwise signed with their key and appended to the audit trail.
    // `action` is a machine name outside "operator." (e.g.
    // "slashing.export").
    virtual Status recordAction(const std::string &token, Permission permission, const std::string &action,
                                const std::string &reason, const std::string &details) = 0;

    // Called on a node thread, with list(), when the roster changed or a
    // session locked.
    using ChangedFn = std::function<void(const std::vector<OperatorRow> &)>;
    virtual std::unique_ptr<Handler> handleChanged(ChangedFn fn) = 0;
};

// --- Audit -----------------------------------------------------------------

// The audit trail as the console reads it (core/ledger/audit.h): every
// operator action and the node's own, newest first, filtered and paged.

struct AuditFilter
{
    std::int64_t fromMs = 0;      // UTC ms, inclusive; 0: from the start
    std::int64_t toMs = 0;        // UTC ms, exclusive; 0: to now
    std::string actor;            // an operator id (or the node's actor); empty: anyone
    std::string action;           // an action, or a prefix ending in '.' ("emergency."); empty: any
    std::string zone;             // a zone code named in the details ("zone=X", "zones=X,Y"); empty: any
    bool operator==(const AuditFilter &) const = default;
};

struct AuditRow
{
    std::uint64_t sequence = 0;
    std::int64_t timeMs = 0;
    std::string actor;
    std::string actorName;        // the operator's display name, when the actor is an operator
    std::string action;
    std::string reason;
    std::string details;
    std::string signer;           // hex key; empty for a record written before records were signed
    bool byOperator = false;      // signed by the key the roster holds for the actor
    bool operator==(const AuditRow &) const = default;
};

// One page of matches, newest first. `nextBefore` continues to older
// records (0: none left).
struct AuditPage
{
    std::vector<AuditRow> rows;
    std::uint64_t total = 0;       // records in the trail
    std::uint64_t nextBefore = 0;
    bool operator==(const AuditPage &) const = default;
};

// What "verify integrity" found (Ledger::verify: the block and audit hash
// chains, every record's signature, the append-only triggers, every page).
struct AuditVerification
{
    bool ok = false;
    std::uint64_t records = 0;
    std::uint64_t unsignedRecords = 0;   // written before records were signed
    std::uint64_t blocks = 0;
    std::string problem;                 // the first problem found (English), empty when ok
    std::int64_t checkedAtMs = 0;
};

class AuditView
{
public:
    virtual ~AuditView() = default;
    // At most `limit` (up to kMaxAuditPage) matches among the records older
    // than `beforeSequence` (0: from the newest). Errors: the ledger's.
    static constexpr std::size_t kMaxAuditPage = 1000;
    virtual Result<AuditPage> query(const AuditFilter &filter, std::uint64_t beforeSequence, std::size_t limit) = 0;
    // Reads the whole ledger: seconds on a large one.
    virtual Result<AuditVerification> verify() = 0;
};

class Node
{
public:
    virtual ~Node() = default;

    virtual std::filesystem::path dataDir() const = 0;
    // True when the data directory already holds a ledger.
    virtual bool ledgerExists() const = 0;
    // First run: creates the encrypted ledger with its genesis block.
    virtual Status createLedger(ByteView passphrase, const std::string &actor) = 0;
    // Opens the ledger. Error code "ledger.wrong_passphrase" on a wrong one.
    virtual Status unlock(ByteView passphrase, const std::string &actor) = 0;
    // Closes the ledger and stops background work.
    virtual void shutdown() = 0;

    virtual NodeStatus status() const = 0;

    using StatusChangedFn = std::function<void(const NodeStatus &)>;
    virtual std::unique_ptr<Handler> handleStatusChanged(StatusChangedFn fn) = 0;

    // The consensus area: the chain and its members as this node sees them.
    virtual ConsensusView &consensus() = 0;
    // The grid area: zones, tie lines and their trends from the chain.
    virtual GridView &grid() = 0;
    // The slashing area: cases, their evidence and their appeals.
    virtual SlashingView &slashing() = 0;
    // The governance area: proposals, their timelines and tallies.
    virtual GovernanceView &governance() = 0;
    // The operators: sign-in, roles, and the commands they give.
    virtual Operators &operators() = 0;
    // The audit trail: read, filtered, paged and verified.
    virtual AuditView &audit() = 0;
};

struct NodeOptions
{
    std::filesystem::path dataDir;
    std::string networkName = "devnet";
    bool fastKdf = false;   // devnet/tests: Argon2id INTERACTIVE instead of MODERATE
    // A devnet directory (gtx-node devnet) to join as an observer: its
    // network file, its nodes' addresses, and the observer key it made
    // for the console (console/observer.key). Empty: no network.
    std::filesystem::path joinDevnet;
    // An operator's session locks after this long without a call.
    std::int64_t sessionIdleMs = 15 * 60 * 1000;
};

// The node embedded in this process.
std::unique_ptr<Node> makeLocalNode(const NodeOptions &options);

} // namespace gtx::interfaces
