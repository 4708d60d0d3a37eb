#pragma once

// The encrypted local ledger: blocks, a key-value state with an authenticated
// state root, the audit trail and the node's own local records, in one
// SQLCipher database.
//
// Files in the data directory:
//   ledger.db (+ -wal, -shm)  SQLCipher database, 4 KiB pages, WAL mode
//   ledger.kdf                Argon2id parameters, salt and a key check
// The database key is Argon2id(passphrase, salt), handed to SQLCipher as a
// raw 256-bit key. A wrong passphrase is detected from the key check before
// the database is touched, so the files stay byte-identical.
//
// A Ledger is used from one thread at a time.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/hash.h"
#include "core/crypto/kdf.h"
#include "core/ledger/audit.h"
#include "core/types/block.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gtx::ledger {

// One change to the key-value state: a put, or a delete when value is
// std::nullopt (an empty byte string is a value like any other). Keys are
// 1..kMaxStateKeyBytes bytes. When a list names one key twice, the later
// change wins.
struct StateChange
{
    Bytes key;
    std::optional<Bytes> value;
};

constexpr std::size_t kMaxStateKeyBytes = 256;

// The state tables are folded (see Ledger::commitBlock()) once the blocks
// above the last fold carry this many changes, or once this many blocks wait.
constexpr std::uint64_t kStateFoldChanges = 262'144;
constexpr std::uint64_t kStateFoldBlocks = 1024;
constexpr std::size_t kMaxStateValueBytes = 1u << 20;

// Local records (Ledger::putLocal()): names of 1..kMaxLocalKeyBytes printable
// ASCII characters without spaces, values of at most kMaxLocalValueBytes.
constexpr std::size_t kMaxLocalKeyBytes = 128;
constexpr std::size_t kMaxLocalValueBytes = 64u << 10;

// The consensus log (Ledger::appendConsensusLog()): at most this many
// entries of at most this many bytes each; beyond, appends are refused.
constexpr std::size_t kMaxConsensusLogEntries = 65'536;
constexpr std::size_t kMaxConsensusLogEntryBytes = 16u << 20;

struct VerifyReport
{
    bool ok = false;
    std::uint64_t blocks = 0;        // blocks checked (height + 1)
    std::uint64_t auditRecords = 0;  // audit records checked
    // of which written before records were signed (schema version 5 and
    // older): they carry no signer and come before every signed record
    std::uint64_t unsignedAuditRecords = 0;
    std::string problem;             // first problem found, empty when ok
};

class Ledger
{
public:
    virtual ~Ledger() = default;

    // True when `dir` holds a ledger (its ledger.kdf and ledger.db exist).
    static bool exists(const std::filesystem::path &dir);

    // The state root of a state holding exactly `state` (deletes are
    // ignored, later puts of a key win): the genesis header's stateRoot.
    // See core/ledger/state_tree.h for the construction.
    static Hash256 stateRootFor(std::span<const StateChange> state);

    // Creates a new ledger whose first block is `genesis` (height 0, zero
    // parent) with the initial state `genesisState`, and records the audit
    // entry "ledger.created" signed by `creator` (the node's key, or the
    // founding operator's). Fails with "ledger.exists" if one exists,
    // "ledger.no_signer" when `creator` holds no key. The directory is
    // created with mode 0700, the files with 0600.
    static Result<std::unique_ptr<Ledger>> create(const std::filesystem::path &dir,
                                                  ByteView passphrase, const Block &genesis,
                                                  std::span<const StateChange> genesisState,
                                                  const crypto::Argon2Params &kdf,
                                                  const crypto::KeyPair &creator);
    // Opens an existing ledger. Errors: "ledger.wrong_passphrase",
    // "ledger.not_found", "ledger.corrupt" (naming the file), "ledger.io",
    // "ledger.busy" (already open, here or in another process),
    // "ledger.schema_too_new". Only one Ledger may hold a directory at a time.
    static Result<std::unique_ptr<Ledger>> open(const std::filesystem::path &dir,
                                                 ByteView passphrase);

    // Re-encrypts under a new passphrase (new salt). Nothing is lost. On
    // success the new passphrase opens the ledger (and the old one no longer
    // does); on failure the old passphrase still opens it. The one exception
    // is a database that cannot be read at all once re-encryption has been
    // attempted (an I/O error, said so in the "ledger.io" message): then,
    // as after a crash, open() finds which passphrase is in force.
    // Success is reported once every page reads back under the new key;
    // if ledger.kdf could not be replaced yet, open() completes that.
    // Errors: "ledger.disk_full" (checked first: about the size of the
    // database must be free), "crypto.kdf_params" (above
    // crypto::kArgon2MaxOpsLimit / kArgon2MaxMemLimitBytes), "ledger.io".
    // Should this object fail to resume afterwards (rare), its later calls
    // fail with "ledger.closed" and the ledger must be opened again.
    virtual Status changePassphrase(ByteView newPassphrase, const crypto::Argon2Params &kdf) = 0;

    // --- reading -------------------------------------------------------
    virtual std::uint64_t height() const = 0;
    virtual Hash256 headHash() const = 0;
    virtual Hash256 stateRoot() const = 0;
    virtual Result<Block> blockAt(std::uint64_t height) const = 0;
    virtual Result<BlockHeader> headerAt(std::uint64_t height) const = 0;
    // The value stored under `key`; nullopt when there is none (or when it
    // cannot be read: verify() then names the damage).
    virtual std::optional<Bytes> get(ByteView key) const = 0;

    // --- local records ---------------------------------------------------
    // The node's own durable records (its signer record): a small key-value
    // store in the same encrypted database, outside the state (no effect on
    // the state root) and outside the audit trail. putLocal() replaces any
    // value under `key` in its own transaction, on disk (fsynced) when it
    // returns. Errors: "ledger.invalid_local" (see the limits above), the
    // database's. getLocal() gives nullopt when there is no such record, and
    // an error when it cannot be read (never "no record" for a failed read:
    // the signer record rests on it). Errors: "ledger.invalid_local",
    // "ledger.closed", "ledger.corrupt", the database's.
    virtual Status putLocal(std::string_view key, ByteView value) = 0;
    virtual Result<std::optional<Bytes>> getLocal(std::string_view key) const = 0;

    // --- consensus log ---------------------------------------------------
    // What the consensus node must not lose when it restarts and nothing
    // else has kept (the blocks above Fast finality and the link votes it
    // counted; core/consensus/store.h): opaque entries, each tagged with a
    // slot, outside the state and the audit trail. appendConsensusLog()
    // writes a batch in one transaction, on disk when it returns;
    // pruneConsensusLog() removes those at or below a slot; consensusLog()
    // reads them back in the order they were appended. Errors:
    // "ledger.log_full" (kMaxConsensusLogEntries), "ledger.invalid_log" (an
    // entry over kMaxConsensusLogEntryBytes), "ledger.closed", the database's.
    struct LogEntry
    {
        std::uint64_t slot = 0;
        Bytes entry;
    };
    virtual Status appendConsensusLog(std::span<const LogEntry> entries) = 0;
    virtual Status pruneConsensusLog(std::uint64_t throughSlot) = 0;
    virtual Result<std::vector<Bytes>> consensusLog() const = 0;

    // --- writing -------------------------------------------------------
    // The state root the state would have after `changes`, without writing.
    // It reads the stored buckets of the changes and of every change waiting
    // in the state log: meant for tools and tests, not for every block.
    virtual Result<Hash256> previewStateRoot(std::span<const StateChange> changes) const = 0;
    // Commits a block, its state changes and audit entries atomically. The
    // block must extend the head (height + 1, parent hash); otherwise
    // nothing is written.
    //
    // The changes go to the state log in one row. The state tables (and the
    // stored tree) are brought up to date, "folded", in the same transaction
    // once kStateFoldChanges changes or kStateFoldBlocks blocks wait: a
    // fold recomputes the root from the stored state and the waiting
    // changes and compares it with the committing block's header. When the
    // roots differ, nothing of that commit is written, the error is
    // "ledger.state_root_mismatch", and the ledger takes no more blocks (the
    // node has checked every block's root before it commits it, so this is
    // a defect to investigate, never a normal refusal). Costs: a block that
    // does not fold writes a few rows whatever its size; a fold costs about
    // what the old per-block commit did for all its changes at once, with
    // the tree's upper levels shared between them.
    // Audit entries, when there are any, are signed by `signer`
    // ("ledger.no_signer" when it is missing or holds no key).
    virtual Status commitBlock(const Block &block, std::span<const StateChange> changes,
                               std::span<const AuditEntry> audit = {},
                               const crypto::KeyPair *signer = nullptr) = 0;
    // Folds the waiting changes now (after the same root check), so that
    // the state tables hold the head's state. Errors as commitBlock().
    virtual Status flushState() = 0;

    // --- audit trail ---------------------------------------------------
    // Appends `entry` as the next record, signed by `signer` (the key of
    // the operator or node that acted; core/ledger/audit.h). Errors:
    // "ledger.invalid_audit", "ledger.no_signer", the database's.
    virtual Result<AuditRecord> appendAudit(const AuditEntry &entry,
                                            const crypto::KeyPair &signer) = 0;
    virtual std::uint64_t auditCount() const = 0;
    // Errors: the database's (a failed read is an error, not a short range).
    virtual Result<std::vector<AuditRecord>> auditRange(std::uint64_t firstSequence,
                                                        std::size_t maxCount) const = 0;

    // --- verification --------------------------------------------------
    // Checks every page, the block hash chain, the audit chain with every
    // record's signature, and the audit trail's append-only triggers (their
    // exact text), and recomputes
    // the state root from the stored state. Read-only.
    virtual VerifyReport verify() const = 0;
};

} // namespace gtx::ledger
