#include "core/ledger/ledger.h"

#include "core/common/clock.h"
#include "core/ledger/key_file.h"
#include "core/ledger/sqlite.h"
#include "core/ledger/state_tree.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <utility>
#include <sys/file.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace gtx::ledger {

namespace fs = std::filesystem;

namespace {

// Version 2 added local_meta and the block encoding that carries the
// consensus records (core/types/block.h); version 3 the state change log
// (state_log, meta folded_height); version 4 the consensus log
// (consensus_log); version 5 the audit trail's insert rule
// (audit_next_only); version 6 signed audit records (columns signer and
// signature). An older ledger is upgraded when opened (see
// SqlLedger::upgradeSchema()).
constexpr std::int64_t kSchemaVersion = 6;
constexpr std::int64_t kOldestSchemaVersion = 1;
constexpr const char *kDbFile = "ledger.db";
constexpr const char *kKdfFile = "ledger.kdf";
// A passphrase change in progress: the key file of the new passphrase,
// written before the database is re-encrypted (see changePassphrase()).
constexpr const char *kKdfNewFile = "ledger.kdf.new";
// A creation in progress: the key file of a ledger being created, renamed to
// ledger.kdf once the database holds its genesis block (see create()).
constexpr const char *kKdfCreatingFile = "ledger.kdf.creating";
constexpr std::size_t kMaxAuditRange = 10000;

// Schema version 1.
//
// state is keyed by (bucket, key): the bucket is a function of the key
// (state_tree.h), so the key alone is unique, and the entries of a bucket
// are stored together in key order; rehashing a bucket is one range read.
const char *const kSchemaSql = R"sql(
CREATE TABLE meta (
    name TEXT PRIMARY KEY NOT NULL,
    value NOT NULL
) WITHOUT ROWID;
CREATE TABLE blocks (
    height INTEGER PRIMARY KEY NOT NULL,
    hash BLOB NOT NULL UNIQUE,
    data BLOB NOT NULL
);
CREATE TABLE state (
    bucket INTEGER NOT NULL,
    key BLOB NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (bucket, key)
) WITHOUT ROWID;
CREATE TABLE state_node (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
)sql";

// Schema version 2: the node's own durable records (see Ledger::putLocal()).
const char *const kLocalMetaSql = R"sql(
CREATE TABLE local_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
) WITHOUT ROWID;
)sql";

// Schema version 3: the state changes of the blocks above folded_height,
// one row per block in its canonical encoding (encodeChanges()).
const char *const kStateLogSql = R"sql(
CREATE TABLE state_log (
    height INTEGER PRIMARY KEY NOT NULL,
    changes BLOB NOT NULL
);
)sql";

// Schema version 4: the consensus node's log (see Ledger::appendConsensusLog()),
// in append order.
const char *const kConsensusLogSql = R"sql(
CREATE TABLE consensus_log (
    sequence INTEGER PRIMARY KEY NOT NULL,
    slot INTEGER NOT NULL,
    entry BLOB NOT NULL
);
)sql";

// The audit trail and its append-only protection, one statement each:
// SQLite stores each statement's text verbatim (sqlite_master.sql), and
// verify() requires exactly these texts and no other trigger.
struct SchemaObject
{
    const char *type;
    const char *name;
    const char *sql;
};
//
// The table is created as schema version 1 had it, then given the signature
// columns of version 6 by ALTER TABLE, exactly as an upgraded ledger is, so
// that a new and an upgraded ledger keep the same text. An unsigned record
// (schema 5 and older) has empty signer and signature blobs.
// GTX_AUDIT_COLUMNS_V1: the table of version 1 up to its closing parenthesis.
#define GTX_AUDIT_COLUMNS_V1                                                        \
    "CREATE TABLE audit (\n"                                                      \
    "    sequence INTEGER PRIMARY KEY NOT NULL,\n"                                \
    "    time_ms INTEGER NOT NULL,\n"                                             \
    "    actor TEXT NOT NULL,\n"                                                  \
    "    action TEXT NOT NULL,\n"                                                 \
    "    reason TEXT NOT NULL,\n"                                                 \
    "    details TEXT NOT NULL,\n"                                                \
    "    prev_hash BLOB NOT NULL,\n"                                              \
    "    hash BLOB NOT NULL\n"
const char *const kAuditTableSql = GTX_AUDIT_COLUMNS_V1 ")";
const char *const kAuditSignatureColumnsSql[] = {
    "ALTER TABLE audit ADD COLUMN signer BLOB NOT NULL DEFAULT x''",
    "ALTER TABLE audit ADD COLUMN signature BLOB NOT NULL DEFAULT x''",
};
const SchemaObject kAuditSchema[] = {
    // The text SQLite keeps for kAuditTableSql after kAuditSignatureColumnsSql.
    {"table", "audit",
     GTX_AUDIT_COLUMNS_V1
     ", signer BLOB NOT NULL DEFAULT x'', signature BLOB NOT NULL DEFAULT x'')"},
    {"trigger", "audit_no_update", R"sql(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END)sql"},
    {"trigger", "audit_no_delete", R"sql(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END)sql"},
    // Only the next record on the last hash: INSERT OR REPLACE of an
    // existing sequence (which deletes the old row without firing
    // audit_no_delete), a gap, or a record that does not link is refused.
    {"trigger", "audit_next_only", R"sql(CREATE TRIGGER audit_next_only BEFORE INSERT ON audit
WHEN NEW.sequence IS NOT (SELECT coalesce(max(sequence), 0) + 1 FROM audit)
    OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY sequence DESC LIMIT 1),
                                     zeroblob(32))
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: a record must follow the last one');
END)sql"},
};
#undef GTX_AUDIT_COLUMNS_V1
// The schema versions that added audit_next_only and the signature columns
// (see upgradeSchema()).
constexpr std::int64_t kAuditNextOnlyVersion = 5;
constexpr std::int64_t kSignedAuditVersion = 6;

// Free space a passphrase change needs beyond the database and its WAL
// (which the rollback journal of the re-encryption copies page by page).
constexpr std::uint64_t kRekeySpareBytes = std::uint64_t{8} << 20;

Error corrupt(const std::string &message)
{
    return makeError("ledger.corrupt", std::string(kDbFile) + ": " + message);
}

bool hashFromBlob(ByteView blob, Hash256 &out)
{
    if (blob.size() != Hash256::size())
        return false;
    std::copy(blob.begin(), blob.end(), out.bytes.begin());
    return true;
}

// A fixed-size value, or all zero from an empty blob (an unsigned audit
// record's signer and signature).
template <std::size_t N>
bool fixedOrZeroFromBlob(ByteView blob, FixedBytes<N> &out)
{
    out = FixedBytes<N>{};
    if (blob.empty())
        return true;
    if (blob.size() != N)
        return false;
    std::copy(blob.begin(), blob.end(), out.bytes.begin());
    return true;
}

// A row of sequence, time_ms, actor, action, reason, details, prev_hash,
// hash, signer, signature. False when a hash, key or signature has the
// wrong size, or a record has only one of signer and signature.
bool readAuditRecord(const sql::Statement &st, AuditRecord &record)
{
    record.sequence = static_cast<std::uint64_t>(st.integer(0));
    record.entry.timeMs = st.integer(1);
    record.entry.actor = st.text(2);
    record.entry.action = st.text(3);
    record.entry.reason = st.text(4);
    record.entry.details = st.text(5);
    return hashFromBlob(st.blobView(6), record.previousHash)
           && hashFromBlob(st.blobView(7), record.hash)
           && fixedOrZeroFromBlob(st.blobView(8), record.signer)
           && fixedOrZeroFromBlob(st.blobView(9), record.signature)
           && st.blobView(8).empty() == st.blobView(9).empty();
}

bool lessThan(ByteView a, ByteView b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

bool sameBytes(ByteView a, ByteView b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// The changes of one commit, grouped by bucket, later changes of a key winning.
using BucketChanges = std::map<Bytes, std::optional<Bytes>>;
using GroupedChanges = std::map<std::uint32_t, BucketChanges>;

Status checkChanges(std::span<const StateChange> changes)
{
    for (const StateChange &change : changes) {
        if (change.key.empty() || change.key.size() > kMaxStateKeyBytes)
            return makeError("ledger.invalid_change",
                             "A state key must be 1 to " + std::to_string(kMaxStateKeyBytes)
                                 + " bytes long.");
        if (change.value && change.value->size() > kMaxStateValueBytes)
            return makeError("ledger.invalid_change",
                             "A state value must be at most " + std::to_string(kMaxStateValueBytes)
                                 + " bytes long.");
    }
    return Status::success();
}

// Adds checked `changes` on top of `into`: a key changed twice takes the later change.
void addChanges(GroupedChanges &into, std::span<const StateChange> changes)
{
    for (const StateChange &change : changes)
        into[stateBucketOf(change.key)].insert_or_assign(change.key, change.value);
}

Hash256 rootOf(const std::vector<TreeLevel> &levels, const Hash256 &unchangedRoot)
{
    const TreeLevel &top = levels.back();
    return top.empty() ? unchangedRoot : top.front().hash;
}

bool isRegularFile(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

void removeIfPresent(const fs::path &path)
{
    std::error_code ec;
    fs::remove(path, ec);
}

// A block as schema version 1 stored it: header, transactions, evidence (a
// list, empty in every block a node stored), the parent's certificate (never
// used) and the proposer signature. Converted to the current encoding by
// SqlLedger::upgradeSchema().
Result<Block> decodeVersion1Block(ByteView bytes)
{
    codec::Reader r(bytes);
    Block block;
    r.value(block.header);
    r.list(block.transactions, kMaxBlockTransactions, "block transactions",
           kMinTransactionEncodedBytes);
    const std::uint32_t evidence = r.u32();
    if (r.ok() && evidence != 0)
        r.fail("a version 1 block carrying evidence cannot be converted");
    Certificate unusedParentCertificate;
    r.value(unusedParentCertificate);
    r.fixed(block.proposerSignature);
    if (r.ok() && !r.atEnd())
        r.fail("trailing bytes after the block");
    if (!r.ok())
        return makeError("codec.malformed", "block: " + r.error());
    return block;
}

Result<Block> decodeStoredBlock(ByteView bytes, std::int64_t schemaVersion)
{
    if (schemaVersion == 1)
        return decodeVersion1Block(bytes);
    return codec::decode<Block>(bytes, "block");
}

// All of the statements the ledger runs, prepared once.
struct Statements
{
    sql::Statement metaGet;
    sql::Statement metaPut;
    sql::Statement blockInsert;
    sql::Statement blockAt;
    sql::Statement stateGet;
    sql::Statement stateInsert;
    sql::Statement stateUpdate;
    sql::Statement stateDelete;
    sql::Statement bucketEntries;
    sql::Statement nodeGroup;
    sql::Statement nodeInsert;
    sql::Statement nodeUpdate;
    sql::Statement nodeDelete;
    sql::Statement auditInsert;
    sql::Statement auditRange;
    sql::Statement auditLast;
    sql::Statement logInsert;
    sql::Statement logFrom;
    sql::Statement logDeleteUpTo;
};

// Statements on tables or columns a schema version added are prepared only
// for that version and later (an older ledger is upgraded, then prepared
// again).
Status prepareAll(sql::Database &db, Statements &st, std::int64_t schemaVersion)
{
    struct Entry
    {
        sql::Statement *target;
        const char *sql;
    };
    const Entry entries[] = {
        {&st.metaGet, "SELECT value FROM meta WHERE name = ?1"},
        {&st.metaPut, "INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)"},
        {&st.blockInsert, "INSERT INTO blocks (height, hash, data) VALUES (?1, ?2, ?3)"},
        {&st.blockAt, "SELECT hash, data FROM blocks WHERE height = ?1"},
        {&st.stateGet, "SELECT value FROM state WHERE bucket = ?1 AND key = ?2"},
        {&st.stateInsert, "INSERT INTO state (bucket, key, value) VALUES (?1, ?2, ?3)"},
        {&st.stateUpdate, "UPDATE OR IGNORE state SET value = ?3 WHERE bucket = ?1 AND key = ?2"},
        {&st.stateDelete, "DELETE FROM state WHERE bucket = ?1 AND key = ?2"},
        {&st.bucketEntries, "SELECT key, value FROM state WHERE bucket = ?1 ORDER BY key"},
        {&st.nodeGroup,
         "SELECT idx, hash FROM state_node WHERE level = ?1 AND idx BETWEEN ?2 AND ?3"},
        {&st.nodeInsert, "INSERT INTO state_node (level, idx, hash) VALUES (?1, ?2, ?3)"},
        {&st.nodeUpdate, "UPDATE OR IGNORE state_node SET hash = ?3 WHERE level = ?1 AND idx = ?2"},
        {&st.nodeDelete, "DELETE FROM state_node WHERE level = ?1 AND idx = ?2"},
        {&st.auditLast, "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1"},
    };
    const Entry signedAuditEntries[] = {
        {&st.auditInsert,
         "INSERT INTO audit (sequence, time_ms, actor, action, reason, details, prev_hash, hash, "
         "signer, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&st.auditRange,
         "SELECT sequence, time_ms, actor, action, reason, details, prev_hash, hash, signer, "
         "signature FROM audit WHERE sequence >= ?1 ORDER BY sequence LIMIT ?2"},
    };
    const Entry logEntries[] = {
        {&st.logInsert, "INSERT INTO state_log (height, changes) VALUES (?1, ?2)"},
        {&st.logFrom, "SELECT height, changes FROM state_log WHERE height > ?1 ORDER BY height"},
        {&st.logDeleteUpTo, "DELETE FROM state_log WHERE height <= ?1"},
    };
    const auto prepare = [&db](std::span<const Entry> group) -> Status {
        for (const Entry &entry : group) {
            auto prepared = db.prepare(entry.sql);
            if (!prepared)
                return prepared.error();
            *entry.target = std::move(prepared).value();
        }
        return Status::success();
    };
    GTX_TRY(prepare(entries));
    if (schemaVersion >= 3)
        GTX_TRY(prepare(logEntries));
    if (schemaVersion >= kSignedAuditVersion)
        GTX_TRY(prepare(signedAuditEntries));
    return Status::success();
}

// A block's state changes as stored in state_log: u32 count, then per
// change the key, a presence flag and the value.
Bytes encodeChanges(std::span<const StateChange> changes)
{
    codec::Writer w;
    w.u32(static_cast<std::uint32_t>(changes.size()));
    for (const StateChange &c : changes) {
        w.bytes(c.key);
        w.boolean(c.value.has_value());
        if (c.value)
            w.bytes(*c.value);
    }
    return w.take();
}

Result<std::vector<StateChange>> decodeChanges(ByteView data)
{
    codec::Reader r(data);
    const std::uint32_t count = r.u32();
    // Every change takes at least 9 bytes: a bound before anything is reserved.
    if (!r.ok() || count > data.size() / 9)
        return makeError("ledger.corrupt", "a state log entry is malformed");
    std::vector<StateChange> out(count);
    for (StateChange &c : out) {
        c.key = r.bytes(kMaxStateKeyBytes, "state key");
        if (r.boolean())
            c.value = r.bytes(kMaxStateValueBytes, "state value");
        if (!r.ok())
            break;
    }
    if (!r.ok() || !r.atEnd())
        return makeError("ledger.corrupt", "a state log entry is malformed");
    return out;
}

// Pragmas for every connection, once the file is known to be a ledger.
Status configureConnection(sql::Database &db)
{
    auto mode = db.queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    if (*mode != "wal")
        return makeError("ledger.io", std::string(kDbFile)
                                          + ": cannot switch to write-ahead logging (journal mode "
                                          + *mode + ").");
    // FULL: a commit is on disk (the WAL is fsynced) before commitBlock()
    // returns, so a block the node has acknowledged survives a power cut,
    // not only a process crash. Blocks are few per second; the cost is one
    // fsync each.
    GTX_TRY(db.exec("PRAGMA synchronous = FULL"));
    // Temporary tables and sort spills stay in memory: temporary files are
    // not encrypted.
    GTX_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    // 64 MiB of decrypted pages: keeps the upper levels of the state and
    // tree B-trees in memory at tens of millions of entries.
    GTX_TRY(db.exec("PRAGMA cache_size = -65536"));
    // After a large commit (a bulk genesis) the WAL shrinks back to 64 MiB.
    GTX_TRY(db.exec("PRAGMA journal_size_limit = 67108864"));
    return Status::success();
}

// The first problems PRAGMA quick_check finds, empty when there are none.
// It reads every page: a page that fails its authentication code (damage,
// or a page under another key) or a damaged B-tree shows here.
std::string integrityProblem(sql::Database &db)
{
    auto check = db.prepare("PRAGMA quick_check(4)");
    if (!check)
        return check.error().message;
    std::string findings;
    check->start();
    for (;;) {
        auto row = check->next();
        if (!row)
            return row.error().message;
        if (!*row)
            break;
        const std::string line = check->text(0);
        if (line != "ok" && line.rfind("***", 0) != 0)
            findings += (findings.empty() ? "" : "; ") + line;
        else if (line != "ok" && findings.empty())
            findings = "damaged";
    }
    if (!findings.empty())
        return std::string(kDbFile) + ": the integrity check failed: " + findings;
    return {};
}

// Opens the database with `key` and reads every page of it.
Result<sql::Database> openChecked(const fs::path &dbPath, ByteView key)
{
    auto db = sql::Database::openEncrypted(dbPath, key, false);
    if (!db)
        return db.error();
    const std::string problem = integrityProblem(*db);
    if (!problem.empty())
        return makeError("ledger.corrupt", problem);
    return db;
}

std::uint64_t fileSizeOrZero(const fs::path &path)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

Status createEmptyPrivateFile(const fs::path &path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return makeError("ledger.io", path.filename().string() + ": cannot create: "
                                          + std::strerror(errno));
    ::close(fd);
    return Status::success();
}

// An exclusive lock on the data directory (flock), held while a Ledger is
// open, so that a second node process, or a second Ledger in this process,
// cannot write to the same files. flock locks do not interfere with the
// POSIX record locks SQLite takes on the database file.
class DirectoryLock
{
public:
    DirectoryLock() = default;
    ~DirectoryLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    DirectoryLock(DirectoryLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    DirectoryLock &operator=(DirectoryLock &&) = delete;
    DirectoryLock(const DirectoryLock &) = delete;
    DirectoryLock &operator=(const DirectoryLock &) = delete;

    static Result<DirectoryLock> acquire(const fs::path &dir)
    {
        DirectoryLock lock;
        lock.m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (lock.m_fd < 0)
            return makeError("ledger.io", "Cannot open the data directory " + dir.string() + ": "
                                              + std::strerror(errno));
        if (::flock(lock.m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno == EWOULDBLOCK)
                return makeError("ledger.busy", "The ledger in " + dir.string()
                                                    + " is already open in another process "
                                                      "(or elsewhere in this one).");
            return makeError("ledger.io", "Cannot lock the data directory " + dir.string()
                                              + ": " + std::strerror(errno));
        }
        return lock;
    }

private:
    int m_fd = -1;
};

class SqlLedger final : public Ledger
{
public:
    SqlLedger(fs::path dir, DirectoryLock lock, sql::Database db, crypto::SecureBuffer key)
        : m_dir(std::move(dir)), m_lock(std::move(lock)), m_db(std::move(db)), m_key(std::move(key))
    {
        m_key.noAccess();
    }

    Status load();
    Status configure() { return configureConnection(m_db); }
    Status upgradeSchema();
    Status initialise(const Block &genesis, std::span<const StateChange> genesisState,
                      const crypto::KeyPair &creator);

    Status changePassphrase(ByteView newPassphrase, const crypto::Argon2Params &kdf) override;
    Status rekeyTo(ByteView newPassphrase, const crypto::Argon2Params &kdf);
    Status resume(sql::Database db);

    std::uint64_t height() const override { return m_height; }
    Hash256 headHash() const override { return m_headHash; }
    Hash256 stateRoot() const override { return m_stateRoot; }
    Result<Block> blockAt(std::uint64_t height) const override;
    Result<BlockHeader> headerAt(std::uint64_t height) const override;
    std::optional<Bytes> get(ByteView key) const override;

    Status putLocal(std::string_view key, ByteView value) override;
    Result<std::optional<Bytes>> getLocal(std::string_view key) const override;
    Status appendConsensusLog(std::span<const LogEntry> entries) override;
    Status pruneConsensusLog(std::uint64_t throughSlot) override;
    Result<std::vector<Bytes>> consensusLog() const override;

    Result<Hash256> previewStateRoot(std::span<const StateChange> changes) const override;
    Status commitBlock(const Block &block, std::span<const StateChange> changes,
                       std::span<const AuditEntry> audit,
                       const crypto::KeyPair *signer) override;
    Status flushState() override;

    Result<AuditRecord> appendAudit(const AuditEntry &entry,
                                    const crypto::KeyPair &signer) override;
    std::uint64_t auditCount() const override { return m_auditCount; }
    Result<std::vector<AuditRecord>> auditRange(std::uint64_t firstSequence,
                                        std::size_t maxCount) const override;

    VerifyReport verify() const override;

private:
    struct StatePlan
    {
        std::vector<TreeLevel> levels;   // the changed nodes of the stored levels
        Hash256 root;
    };

    // The tree after `changes` on top of the state tables. With `write`, each
    // bucket's rows are rewritten as soon as it is rehashed (one pass over
    // the pages; the caller's transaction is rolled back if anything fails).
    Result<StatePlan> planState(const GroupedChanges &changes, bool write);
    Result<StatePlan> planState(const GroupedChanges &changes) const;
    // Folds m_pending (the changes of the blocks above the last fold, merged)
    // into the state tables as the state at `height`, whose header claims
    // `root`: inside the caller's transaction, which the caller must roll
    // back on an error (nothing is then written).
    Status foldPending(std::uint64_t height, const Hash256 &root);
    // The state log of the blocks foldedHeight + 1 .. headHeight, merged,
    // and the number of changes in it. Errors: "ledger.corrupt" when a
    // height is missing or an entry is malformed, the database's.
    Result<std::pair<GroupedChanges, std::uint64_t>> readLog(std::uint64_t foldedHeight,
                                                             std::uint64_t headHeight) const;
    Status upgradeFromVersion1();
    // The bucket's new hash; with `existed`, also which of the changed keys
    // the stored bucket holds (one flag per change, in key order).
    Result<Hash256> rehashBucket(std::uint32_t bucket, const BucketChanges &changes,
                                 std::vector<bool> *existed = nullptr) const;
    Status storedGroup(int level, std::uint32_t first, std::span<Hash256> out) const;
    Status writeBucket(std::uint32_t bucket, const BucketChanges &changes, const std::vector<bool> &existed);
    // After a failed fold (rolled back): m_pending again from the state log,
    // and the ledger marked failed when the roots differed or the log cannot
    // be read. Returns `error`.
    Error restorePending(Error error);
    Status writeNodes(const StatePlan &plan);
    Status writeBlock(const Block &block, std::span<const StateChange> changes,
                      std::span<const AuditEntry> audit, const crypto::KeyPair *signer,
                      bool genesis);
    static Status checkAuditEntry(const AuditEntry &entry, const crypto::KeyPair *signer);
    Status insertAudit(const AuditRecord &record);
    Status putMeta(const char *name, std::int64_t value);
    Status putMeta(const char *name, const Hash256 &value);
    Result<std::int64_t> metaInteger(const char *name) const;
    Result<Hash256> metaHash(const char *name) const;
    Result<Block> readBlock(std::uint64_t height, Hash256 *storedHash) const;
    std::string verifyBlocks(VerifyReport &report) const;
    std::string verifyAudit(VerifyReport &report) const;
    std::string verifyAuditChain(VerifyReport &report) const;
    std::string verifyAuditSchema() const;
    std::string verifyState() const;

    fs::path m_dir;
    // Members are destroyed in reverse order: the statements, then the
    // connection, then the lock.
    DirectoryLock m_lock;
    mutable sql::Database m_db;
    mutable Statements m_st;
    // The database key (no access between uses): needed to go back to it
    // when a passphrase change fails.
    crypto::SecureBuffer m_key;

    std::int64_t m_schemaVersion = kSchemaVersion;
    bool m_hasHead = false;
    std::uint32_t m_networkId = 0;
    std::uint64_t m_height = 0;
    Hash256 m_headHash;
    Hash256 m_stateRoot = defaultNodeHash(kStateTreeDepth);   // the head header's
    // The state tables hold the state after block m_foldedHeight; m_pending
    // holds the changes of the blocks above it (their state_log rows),
    // merged, later changes winning; m_pendingChanges counts those rows'
    // changes. Invariant: m_foldedHeight <= m_height, and state_log holds
    // exactly the heights m_foldedHeight + 1 .. m_height.
    std::uint64_t m_foldedHeight = 0;
    Hash256 m_foldedRoot = defaultNodeHash(kStateTreeDepth);   // block m_foldedHeight's
    GroupedChanges m_pending;
    std::uint64_t m_pendingChanges = 0;
    // Set when a fold found that the changes do not give the claimed root:
    // the ledger then takes no more blocks.
    std::optional<Error> m_failed;
    std::uint64_t m_auditCount = 0;
    Hash256 m_auditHead;
};

// --- meta ------------------------------------------------------------------

Status SqlLedger::putMeta(const char *name, std::int64_t value)
{
    return m_st.metaPut.start().bindText(1, name).bind(2, value).run();
}

Status SqlLedger::putMeta(const char *name, const Hash256 &value)
{
    return m_st.metaPut.start().bindText(1, name).bind(2, value.view()).run();
}

Result<std::int64_t> SqlLedger::metaInteger(const char *name) const
{
    auto row = m_st.metaGet.start().bindText(1, name).next();
    if (!row)
        return row.error();
    if (!*row)
        return corrupt(std::string("the ledger record '") + name + "' is missing");
    const std::int64_t value = m_st.metaGet.integer(0);
    m_st.metaGet.reset();
    return value;
}

Result<Hash256> SqlLedger::metaHash(const char *name) const
{
    auto row = m_st.metaGet.start().bindText(1, name).next();
    if (!row)
        return row.error();
    if (!*row)
        return corrupt(std::string("the ledger record '") + name + "' is missing");
    Hash256 value;
    const bool ok = hashFromBlob(m_st.metaGet.blobView(0), value);
    m_st.metaGet.reset();
    if (!ok)
        return corrupt(std::string("the ledger record '") + name + "' is malformed");
    return value;
}

// --- loading -----------------------------------------------------------------

Status SqlLedger::load()
{
    // The schema version comes first: a newer ledger may have other tables.
    auto hasMeta = m_db.queryText(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!hasMeta)
        return hasMeta.error();
    if (*hasMeta != "1")
        return corrupt("the file holds no ledger (its tables are missing)");
    {
        auto st = m_db.prepare("SELECT value FROM meta WHERE name = 'schema_version'");
        if (!st)
            return st.error();
        auto row = st->start().next();
        if (!row)
            return row.error();
        if (!*row)
            return corrupt("the schema version is missing");
        const std::int64_t version = st->integer(0);
        st->reset();
        if (version > kSchemaVersion)
            return makeError("ledger.schema_too_new",
                             std::string(kDbFile) + " has schema version "
                                 + std::to_string(version) + "; this program reads version "
                                 + std::to_string(kSchemaVersion)
                                 + " and older. Upgrade the program.");
        if (version < kOldestSchemaVersion)
            return corrupt("unknown schema version " + std::to_string(version));
        m_schemaVersion = version;
    }
    GTX_TRY(prepareAll(m_db, m_st, m_schemaVersion));

    auto network = metaInteger("network_id");
    if (!network)
        return network.error();
    auto height = metaInteger("head_height");
    if (!height)
        return height.error();
    auto head = metaHash("head_hash");
    if (!head)
        return head.error();
    auto root = metaHash("state_root");
    if (!root)
        return root.error();
    if (*height < 0 || *network < 0 || *network > 0xffffffffLL)
        return corrupt("the head record is malformed");

    Hash256 storedHash;
    auto block = readBlock(static_cast<std::uint64_t>(*height), &storedHash);
    if (!block)
        return block.error();
    if (storedHash != *head || blockHash(block->header) != *head)
        return corrupt("the head block does not match the recorded head hash");
    if (block->header.stateRoot != *root)
        return corrupt("the head block's state root does not match the recorded state root");

    m_networkId = static_cast<std::uint32_t>(*network);
    m_height = static_cast<std::uint64_t>(*height);
    m_headHash = *head;
    m_stateRoot = *root;
    m_hasHead = true;
    m_foldedHeight = m_height;
    m_foldedRoot = m_stateRoot;
    if (m_schemaVersion >= 3) {
        auto folded = metaInteger("folded_height");
        if (!folded)
            return folded.error();
        if (*folded < 0 || *folded > *height)
            return corrupt("the folded height is out of range");
        auto foldedBlock = readBlock(static_cast<std::uint64_t>(*folded), nullptr);
        if (!foldedBlock)
            return foldedBlock.error();
        auto log = readLog(static_cast<std::uint64_t>(*folded), m_height);
        if (!log)
            return log.error();
        m_foldedHeight = static_cast<std::uint64_t>(*folded);
        m_foldedRoot = foldedBlock->header.stateRoot;
        m_pending = std::move(log->first);
        m_pendingChanges = log->second;
    }

    auto row = m_st.auditLast.start().next();
    if (!row)
        return row.error();
    if (*row) {
        const std::int64_t sequence = m_st.auditLast.integer(0);
        const bool ok = hashFromBlob(m_st.auditLast.blobView(1), m_auditHead);
        m_st.auditLast.reset();
        if (!ok || sequence < 1)
            return corrupt("the last audit record is malformed");
        m_auditCount = static_cast<std::uint64_t>(sequence);
    }
    return Status::success();
}

Result<std::pair<GroupedChanges, std::uint64_t>> SqlLedger::readLog(std::uint64_t foldedHeight,
                                                                    std::uint64_t headHeight) const
{
    std::pair<GroupedChanges, std::uint64_t> out;
    sql::Statement &st = m_st.logFrom;
    st.start().bind(1, static_cast<std::int64_t>(foldedHeight));
    std::uint64_t expected = foldedHeight + 1;
    for (;;) {
        auto row = st.next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::int64_t height = st.integer(0);
        auto changes = decodeChanges(st.blobView(1));
        const bool valid = changes && checkChanges(*changes).ok();
        if (height != static_cast<std::int64_t>(expected) || expected > headHeight || !valid) {
            st.reset();
            return corrupt("the state log entry at height " + std::to_string(height)
                           + (valid ? " does not belong there" : " is malformed"));
        }
        out.second += changes->size();
        addChanges(out.first, *changes);
        ++expected;
    }
    if (expected != headHeight + 1)
        return corrupt("the state log lacks the changes of block " + std::to_string(expected));
    return out;
}

Status SqlLedger::initialise(const Block &genesis, std::span<const StateChange> genesisState,
                             const crypto::KeyPair &creator)
{
    {
        sql::Transaction tx(m_db);
        GTX_TRY(tx.begin());
        GTX_TRY(m_db.exec(kSchemaSql));
        GTX_TRY(m_db.exec(kLocalMetaSql));
        GTX_TRY(m_db.exec(kStateLogSql));
        GTX_TRY(m_db.exec(kConsensusLogSql));
        GTX_TRY(m_db.exec(kAuditTableSql));
        for (const char *column : kAuditSignatureColumnsSql)
            GTX_TRY(m_db.exec(column));
        for (const SchemaObject &object : kAuditSchema)
            if (std::string_view(object.type) == "trigger")
                GTX_TRY(m_db.exec(object.sql));
        GTX_TRY(prepareAll(m_db, m_st, kSchemaVersion));
        GTX_TRY(putMeta("schema_version", kSchemaVersion));
        GTX_TRY(putMeta("network_id", genesis.header.networkId));
        GTX_TRY(putMeta("folded_height", std::int64_t{0}));
        GTX_TRY(tx.commit());
    }
    m_networkId = genesis.header.networkId;
    const AuditEntry created{SystemClock().nowMs(), "ledger", "ledger.created", "",
                             "network=" + std::to_string(genesis.header.networkId)
                                 + " genesis=" + blockHash(genesis.header).hex()};
    return writeBlock(genesis, genesisState, std::span<const AuditEntry>(&created, 1), &creator,
                      true);
}

// Brings an older ledger to the current schema in one transaction. Version 1
// lacks local_meta and stored blocks in the older encoding: each block is
// re-encoded (its header, and so its hash, is unchanged). Version 2 lacks
// the state log: its state tables hold the head's state, so it is folded
// up to the head. Version 3 lacks the consensus log, which starts empty.
// Version 4 lacks the audit insert rule; the trail is verified first, so the
// rule is never put over a chain that is already broken. Version 5 lacks the
// signature columns: its records stay unsigned (empty signer and signature).
Status SqlLedger::upgradeSchema()
{
    if (m_schemaVersion == kSchemaVersion)
        return Status::success();
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    if (m_schemaVersion < 2)
        GTX_TRY(upgradeFromVersion1());
    const bool addsStateLog = m_schemaVersion < 3;
    if (addsStateLog) {
        GTX_TRY(m_db.exec(kStateLogSql));
        GTX_TRY(putMeta("folded_height", static_cast<std::int64_t>(m_height)));
    }
    if (m_schemaVersion < 4)
        GTX_TRY(m_db.exec(kConsensusLogSql));
    if (m_schemaVersion < kSignedAuditVersion)
        for (const char *column : kAuditSignatureColumnsSql)
            GTX_TRY(m_db.exec(column));
    if (m_schemaVersion < kAuditNextOnlyVersion) {
        VerifyReport unused;
        const std::string problem = verifyAuditChain(unused);
        if (!problem.empty())
            return corrupt("the audit trail cannot be upgraded: " + problem);
        for (const SchemaObject &object : kAuditSchema)
            if (std::string_view(object.name) == "audit_next_only")
                GTX_TRY(m_db.exec(object.sql));
    }
    GTX_TRY(putMeta("schema_version", kSchemaVersion));
    GTX_TRY(tx.commit());
    m_schemaVersion = kSchemaVersion;
    if (addsStateLog)
        m_foldedHeight = m_height;
    return prepareAll(m_db, m_st, kSchemaVersion);
}

Status SqlLedger::upgradeFromVersion1()
{
    GTX_TRY(m_db.exec(kLocalMetaSql));
    auto select = m_db.prepare("SELECT height, data FROM blocks WHERE height >= ?1 "
                               "ORDER BY height LIMIT 1000");
    if (!select)
        return select.error();
    auto update = m_db.prepare("UPDATE blocks SET data = ?2 WHERE height = ?1");
    if (!update)
        return update.error();
    std::int64_t next = 0;
    for (;;) {
        std::vector<std::pair<std::int64_t, Bytes>> converted;
        select->start().bind(1, next);
        for (;;) {
            auto row = select->next();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const std::int64_t height = select->integer(0);
            auto block = decodeVersion1Block(select->blobView(1));
            if (!block) {
                select->reset();
                return corrupt("block " + std::to_string(height)
                               + " cannot be converted to the current format: "
                               + block.error().message);
            }
            converted.emplace_back(height, codec::encode(*block));
        }
        if (converted.empty())
            break;
        for (const auto &[height, data] : converted)
            GTX_TRY(update->start().bind(1, height).bind(2, ByteView(data)).run());
        next = converted.back().first + 1;
    }
    return Status::success();
}

// --- reading -----------------------------------------------------------------

Result<Block> SqlLedger::readBlock(std::uint64_t height, Hash256 *storedHash) const
{
    if (height > static_cast<std::uint64_t>(INT64_MAX))
        return makeError("ledger.no_block", "No block at height " + std::to_string(height) + ".");
    auto row = m_st.blockAt.start().bind(1, static_cast<std::int64_t>(height)).next();
    if (!row)
        return row.error();
    if (!*row)
        return makeError("ledger.no_block", "No block at height " + std::to_string(height) + ".");
    if (storedHash && !hashFromBlob(m_st.blockAt.blobView(0), *storedHash)) {
        m_st.blockAt.reset();
        return corrupt("the hash of block " + std::to_string(height) + " is malformed");
    }
    auto block = decodeStoredBlock(m_st.blockAt.blobView(1), m_schemaVersion);
    m_st.blockAt.reset();
    if (!block)
        return corrupt("block " + std::to_string(height)
                       + " cannot be decoded: " + block.error().message);
    if (block->header.height != height)
        return corrupt("block " + std::to_string(height) + " is stored under the wrong height");
    return block;
}

Result<Block> SqlLedger::blockAt(std::uint64_t height) const
{
    return readBlock(height, nullptr);
}

Result<BlockHeader> SqlLedger::headerAt(std::uint64_t height) const
{
    auto block = readBlock(height, nullptr);
    if (!block)
        return block.error();
    return block->header;
}

std::optional<Bytes> SqlLedger::get(ByteView key) const
{
    if (key.empty() || key.size() > kMaxStateKeyBytes)
        return std::nullopt;
    if (const auto bucket = m_pending.find(stateBucketOf(key)); bucket != m_pending.end())
        if (const auto change = bucket->second.find(Bytes(key.begin(), key.end())); change != bucket->second.end())
            return change->second;
    auto row = m_st.stateGet.start().bind(1, std::int64_t{stateBucketOf(key)}).bind(2, key).next();
    if (!row || !*row)
        return std::nullopt;
    Bytes value = m_st.stateGet.blob(0);
    m_st.stateGet.reset();
    return value;
}

// --- local records -------------------------------------------------------------

namespace {

std::string localKeyProblem(std::string_view key)
{
    if (key.empty() || key.size() > kMaxLocalKeyBytes)
        return "a local record's name must be 1 to " + std::to_string(kMaxLocalKeyBytes)
               + " characters long";
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e)
            return "a local record's name must be printable ASCII without spaces";
    }
    return {};
}

} // namespace

Status SqlLedger::putLocal(std::string_view key, ByteView value)
{
    const std::string problem = localKeyProblem(key);
    if (!problem.empty())
        return makeError("ledger.invalid_local", "Local record rejected: " + problem + ".");
    if (value.size() > kMaxLocalValueBytes)
        return makeError("ledger.invalid_local",
                         "Local record rejected: a value must be at most "
                             + std::to_string(kMaxLocalValueBytes) + " bytes long.");
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is closed after a failed operation; open "
                                          "it again.");
    // Written rarely (a signer record every few seconds): prepared per call,
    // which also keeps it independent of the statements a passphrase change
    // prepares again.
    auto st = m_db.prepare("INSERT OR REPLACE INTO local_meta (key, value) VALUES (?1, ?2)");
    if (!st)
        return st.error();
    // Its own transaction, committed with synchronous = FULL: on disk when
    // this returns.
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    GTX_TRY(st->start().bindText(1, key).bind(2, value).run());
    return tx.commit();
}

Result<std::optional<Bytes>> SqlLedger::getLocal(std::string_view key) const
{
    if (const std::string problem = localKeyProblem(key); !problem.empty())
        return makeError("ledger.invalid_local", problem);
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is not open.");
    auto st = m_db.prepare("SELECT value FROM local_meta WHERE key = ?1");
    if (!st)
        return st.error();
    auto row = st->start().bindText(1, key).next();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Bytes>{};
    Bytes value = st->blob(0);
    st->reset();
    if (value.size() > kMaxLocalValueBytes)
        return makeError("ledger.corrupt", "A local record in " + m_dir.string() + " is larger than any written.");
    return std::optional<Bytes>(std::move(value));
}

// --- consensus log -----------------------------------------------------------

// A write or two per slot (a batch before each signature, a prune per
// finalization): statements are prepared per call, as for local records.
Status SqlLedger::appendConsensusLog(std::span<const LogEntry> entries)
{
    for (const LogEntry &e : entries) {
        if (e.entry.size() > kMaxConsensusLogEntryBytes)
            return makeError("ledger.invalid_log", "A consensus log entry must be at most "
                                                       + std::to_string(kMaxConsensusLogEntryBytes) + " bytes long.");
        if (e.slot > static_cast<std::uint64_t>(INT64_MAX))
            return makeError("ledger.invalid_log", "A consensus log entry's slot is out of range.");
    }
    if (entries.empty())
        return Status::success();
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is closed after a failed operation; open it again.");
    auto count = m_db.prepare("SELECT count(*) FROM consensus_log");
    if (!count)
        return count.error();
    auto row = count->start().next();
    if (!row)
        return row.error();
    const std::int64_t held = *row ? count->integer(0) : 0;
    count->reset();
    if (held + static_cast<std::int64_t>(entries.size()) > static_cast<std::int64_t>(kMaxConsensusLogEntries))
        return makeError("ledger.log_full", "The consensus log holds " + std::to_string(held)
                                                + " entries, near its limit; nothing more is kept until finality moves.");
    auto st = m_db.prepare("INSERT INTO consensus_log (slot, entry) VALUES (?1, ?2)");
    if (!st)
        return st.error();
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    for (const LogEntry &e : entries)
        GTX_TRY(st->start().bind(1, static_cast<std::int64_t>(e.slot)).bind(2, e.entry).run());
    return tx.commit();
}

Status SqlLedger::pruneConsensusLog(std::uint64_t throughSlot)
{
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is closed after a failed operation; open it again.");
    auto st = m_db.prepare("DELETE FROM consensus_log WHERE slot <= ?1");
    if (!st)
        return st.error();
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    GTX_TRY(st->start()
                .bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(throughSlot, INT64_MAX)))
                .run());
    return tx.commit();
}

Result<std::vector<Bytes>> SqlLedger::consensusLog() const
{
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is not open.");
    auto st = m_db.prepare("SELECT entry FROM consensus_log ORDER BY sequence LIMIT ?1");
    if (!st)
        return st.error();
    std::vector<Bytes> out;
    st->start().bind(1, static_cast<std::int64_t>(kMaxConsensusLogEntries));
    for (;;) {
        auto row = st->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (st->blobView(0).size() > kMaxConsensusLogEntryBytes) {
            st->reset();
            return corrupt("a consensus log entry is larger than any written");
        }
        out.push_back(st->blob(0));
    }
    return out;
}

// --- state root --------------------------------------------------------------

Status SqlLedger::storedGroup(int level, std::uint32_t first, std::span<Hash256> out) const
{
    for (auto &hash : out)
        hash = defaultNodeHash(level);
    sql::Statement &st = m_st.nodeGroup;
    st.start()
        .bind(1, std::int64_t{level})
        .bind(2, std::int64_t{first})
        .bind(3, static_cast<std::int64_t>(first) + static_cast<std::int64_t>(out.size()) - 1);
    for (;;) {
        auto row = st.next();
        if (!row)
            return row.error();
        if (!*row)
            return Status::success();
        const std::int64_t index = st.integer(0);
        if (index < first || index >= static_cast<std::int64_t>(first + out.size())
            || !hashFromBlob(st.blobView(1), out[static_cast<std::size_t>(index - first)])) {
            st.reset();
            return corrupt("state tree node (level " + std::to_string(level) + ", index "
                           + std::to_string(index) + ") is malformed");
        }
    }
}

// The bucket's new hash: its stored entries merged, in key order, with the
// changes (both sorted by key).
Result<Hash256> SqlLedger::rehashBucket(std::uint32_t bucket, const BucketChanges &changes,
                                       std::vector<bool> *existed) const
{
    if (existed)
        existed->clear();
    BucketHasher hasher;
    auto change = changes.begin();
    sql::Statement &st = m_st.bucketEntries;
    st.start().bind(1, std::int64_t{bucket});
    for (;;) {
        auto row = st.next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const ByteView key = st.blobView(0);
        for (; change != changes.end() && lessThan(change->first, key); ++change) {
            if (change->second)
                hasher.add(change->first, *change->second);
            if (existed)
                existed->push_back(false);
        }
        if (change != changes.end() && sameBytes(change->first, key)) {
            if (change->second)
                hasher.add(key, *change->second);
            if (existed)
                existed->push_back(true);
            ++change;
        } else {
            hasher.add(key, st.blobView(1));
        }
    }
    for (; change != changes.end(); ++change) {
        if (change->second)
            hasher.add(change->first, *change->second);
        if (existed)
            existed->push_back(false);
    }
    return hasher.finish();
}

Result<SqlLedger::StatePlan> SqlLedger::planState(const GroupedChanges &changes) const
{
    return const_cast<SqlLedger *>(this)->planState(changes, false);
}

Result<SqlLedger::StatePlan> SqlLedger::planState(const GroupedChanges &changes, bool write)
{
    TreeLevel buckets;
    buckets.reserve(changes.size());
    std::vector<bool> existed;
    for (const auto &[bucket, bucketChanges] : changes) {
        auto hash = rehashBucket(bucket, bucketChanges, write ? &existed : nullptr);
        if (!hash)
            return hash.error();
        buckets.push_back({bucket, *hash});
        if (write)
            GTX_TRY(writeBucket(bucket, bucketChanges, existed));
    }
    auto levels = propagateBucketChanges(
        std::move(buckets), [this](int level, std::uint32_t first, std::span<Hash256> out) {
            return storedGroup(level, first, out);
        });
    if (!levels)
        return levels.error();
    StatePlan plan;
    plan.levels = std::move(levels).value();
    plan.root = rootOf(plan.levels, m_foldedRoot);
    return plan;
}

// Plain INSERT, UPDATE and DELETE of one row each, since the stored bucket
// says which keys exist. None of them needs a statement journal, whose
// every page SQLCipher encrypts (that doubled a fold's cost): INSERT OR
// REPLACE may delete a row before it inserts one, and a plain UPDATE of a
// NOT NULL column may abort half-way, so both open one. The updates say OR
// IGNORE for that reason alone: their values are never NULL (an empty value
// is bound as a zero-length blob) and they leave the primary key alone, so
// there is nothing to ignore.
Status SqlLedger::writeBucket(std::uint32_t bucket, const BucketChanges &changes,
                              const std::vector<bool> &existed)
{
    std::size_t i = 0;
    for (const auto &[key, value] : changes) {
        const bool stored = existed[i++];
        if (value && stored)
            GTX_TRY(m_st.stateUpdate.start().bind(1, std::int64_t{bucket}).bind(2, key).bind(3, *value).run());
        else if (value)
            GTX_TRY(m_st.stateInsert.start().bind(1, std::int64_t{bucket}).bind(2, key).bind(3, *value).run());
        else if (stored)
            GTX_TRY(m_st.stateDelete.start().bind(1, std::int64_t{bucket}).bind(2, key).run());
    }
    return Status::success();
}

Status SqlLedger::writeNodes(const StatePlan &plan)
{
    for (std::size_t level = 0; level < plan.levels.size(); ++level) {
        const Hash256 &empty = defaultNodeHash(static_cast<int>(level));
        for (const TreeNode &node : plan.levels[level]) {
            if (node.hash == empty)
                GTX_TRY(m_st.nodeDelete.start()
                            .bind(1, static_cast<std::int64_t>(level))
                            .bind(2, std::int64_t{node.index})
                            .run());
            else {
                // An update, or an insert when the node was the default
                // (not stored): no statement journal either way.
                GTX_TRY(m_st.nodeUpdate.start()
                            .bind(1, static_cast<std::int64_t>(level))
                            .bind(2, std::int64_t{node.index})
                            .bind(3, node.hash.view())
                            .run());
                if (m_db.changes() == 0)
                    GTX_TRY(m_st.nodeInsert.start()
                                .bind(1, static_cast<std::int64_t>(level))
                                .bind(2, std::int64_t{node.index})
                                .bind(3, node.hash.view())
                                .run());
            }
        }
    }
    return Status::success();
}

Result<Hash256> SqlLedger::previewStateRoot(std::span<const StateChange> changes) const
{
    // Reads only: the changes are merged with the state in memory.
    GTX_TRY(checkChanges(changes));
    GroupedChanges merged = m_pending;
    addChanges(merged, changes);
    auto plan = planState(merged);
    if (!plan)
        return plan.error();
    return plan->root;
}

Error SqlLedger::restorePending(Error error)
{
    if (error.code == "ledger.state_root_mismatch")
        m_failed = error;
    auto log = readLog(m_foldedHeight, m_hasHead ? m_height : 0);
    if (log) {
        m_pending = std::move(log->first);
        m_pendingChanges = log->second;
    } else {
        m_failed = log.error();
    }
    return error;
}

Status SqlLedger::foldPending(std::uint64_t height, const Hash256 &root)
{
    // The stored tree is read before any of it is rewritten: the bucket rows
    // go first (in bucket order), the tree nodes once the root is known.
    auto plan = planState(m_pending, true);
    if (!plan)
        return plan.error();
    if (plan->root != root)
        return makeError("ledger.state_root_mismatch",
                         "Block " + std::to_string(height) + " claims state root " + root.shortHex()
                             + ", but the changes of blocks " + std::to_string(m_foldedHeight + 1) + " to "
                             + std::to_string(height) + " give " + plan->root.shortHex() + ".");
    GTX_TRY(writeNodes(*plan));
    GTX_TRY(m_st.logDeleteUpTo.start().bind(1, static_cast<std::int64_t>(height)).run());
    return putMeta("folded_height", static_cast<std::int64_t>(height));
}

// --- writing -----------------------------------------------------------------

Status SqlLedger::insertAudit(const AuditRecord &record)
{
    const AuditEntry &entry = record.entry;
    return m_st.auditInsert.start()
        .bind(1, static_cast<std::int64_t>(record.sequence))
        .bind(2, entry.timeMs)
        .bindText(3, entry.actor)
        .bindText(4, entry.action)
        .bindText(5, entry.reason)
        .bindText(6, entry.details)
        .bind(7, record.previousHash.view())
        .bind(8, record.hash.view())
        .bind(9, record.signer.view())
        .bind(10, record.signature.view())
        .run();
}

Status SqlLedger::writeBlock(const Block &block, std::span<const StateChange> changes,
                             std::span<const AuditEntry> audit, const crypto::KeyPair *signer,
                             bool genesis)
{
    const BlockHeader &header = block.header;
    const std::uint64_t expectedHeight = genesis ? 0 : m_height + 1;
    const Hash256 expectedParent = genesis ? Hash256{} : m_headHash;
    if (!genesis && !m_hasHead)
        return makeError("ledger.state", "The ledger has no head block.");
    if (header.height != expectedHeight)
        return makeError("ledger.wrong_height",
                         "Block height " + std::to_string(header.height)
                             + " does not extend the ledger: the next height is "
                             + std::to_string(expectedHeight) + ".");
    if (header.parentHash != expectedParent)
        return makeError("ledger.wrong_parent",
                         "Block " + std::to_string(header.height) + " names parent "
                             + header.parentHash.shortHex() + ", but the head is "
                             + expectedParent.shortHex() + ".");
    if (header.networkId != m_networkId)
        return makeError("ledger.wrong_network",
                         "Block " + std::to_string(header.height) + " belongs to network "
                             + std::to_string(header.networkId) + ", not "
                             + std::to_string(m_networkId) + ".");
    for (const AuditEntry &entry : audit)
        GTX_TRY(checkAuditEntry(entry, signer));
    const Bytes encoded = codec::encode(block);
    if (encoded.size() > codec::kMaxEncodedBytes)
        return makeError("ledger.block_too_large",
                         "Block " + std::to_string(header.height) + " is too large to store.");
    if (m_failed)
        return *m_failed;
    GTX_TRY(checkChanges(changes));
    const Hash256 hash = blockHash(header);
    // The state tables are folded at genesis, and then once enough changes
    // or blocks wait; in between, a block's changes go to the state log.
    const std::uint64_t waiting = m_pendingChanges + changes.size();
    const bool fold = genesis || waiting >= kStateFoldChanges
                      || header.height - m_foldedHeight >= kStateFoldBlocks;

    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    GTX_TRY(m_st.blockInsert.start()
                .bind(1, static_cast<std::int64_t>(header.height))
                .bind(2, hash.view())
                .bind(3, encoded)
                .run());
    if (!genesis)
        GTX_TRY(m_st.logInsert.start()
                    .bind(1, static_cast<std::int64_t>(header.height))
                    .bind(2, ByteView(encodeChanges(changes)))
                    .run());
    if (fold) {
        addChanges(m_pending, changes);
        const Status folded = foldPending(header.height, header.stateRoot);
        if (!folded.ok()) {
            tx.rollback();
            return restorePending(folded.error());
        }
    }
    // From here on, a failure after a fold must also put m_pending back.
    Status written = putMeta("head_height", static_cast<std::int64_t>(header.height));
    if (written.ok())
        written = putMeta("head_hash", hash);
    if (written.ok())
        written = putMeta("state_root", header.stateRoot);
    std::uint64_t auditCount = m_auditCount;
    Hash256 auditHead = m_auditHead;
    for (const AuditEntry &entry : audit) {
        if (!written.ok())
            break;
        const AuditRecord record = signAuditRecord(auditCount + 1, auditHead, entry, *signer);
        written = insertAudit(record);
        ++auditCount;
        auditHead = record.hash;
    }
    if (written.ok())
        written = tx.commit();
    if (!written.ok()) {
        tx.rollback();
        return fold ? restorePending(written.error()) : written;
    }

    m_height = header.height;
    m_headHash = hash;
    m_stateRoot = header.stateRoot;
    m_hasHead = true;
    if (fold) {
        m_foldedHeight = header.height;
        m_foldedRoot = header.stateRoot;
        m_pending.clear();
        m_pendingChanges = 0;
    } else {
        addChanges(m_pending, changes);
        m_pendingChanges = waiting;
    }
    m_auditCount = auditCount;
    m_auditHead = auditHead;
    return Status::success();
}

Status SqlLedger::commitBlock(const Block &block, std::span<const StateChange> changes,
                              std::span<const AuditEntry> audit, const crypto::KeyPair *signer)
{
    return writeBlock(block, changes, audit, signer, false);
}

Status SqlLedger::flushState()
{
    if (m_failed)
        return *m_failed;
    if (m_foldedHeight == m_height)
        return Status::success();
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    Status folded = foldPending(m_height, m_stateRoot);
    if (folded.ok())
        folded = tx.commit();
    if (!folded.ok()) {
        tx.rollback();
        return restorePending(folded.error());
    }
    m_foldedHeight = m_height;
    m_foldedRoot = m_stateRoot;
    m_pending.clear();
    m_pendingChanges = 0;
    return Status::success();
}

// --- audit -------------------------------------------------------------------

// The one check of an entry before it is written: its fields, and a signer
// that holds a key.
Status SqlLedger::checkAuditEntry(const AuditEntry &entry, const crypto::KeyPair *signer)
{
    const std::string problem = auditEntryProblem(entry);
    if (!problem.empty())
        return makeError("ledger.invalid_audit", "Audit entry rejected: " + problem + ".");
    if (!signer || !signer->valid())
        return makeError("ledger.no_signer", "Audit entry '" + entry.action
                                                 + "' rejected: no key to sign it with.");
    return Status::success();
}

Result<AuditRecord> SqlLedger::appendAudit(const AuditEntry &entry, const crypto::KeyPair &signer)
{
    GTX_TRY(checkAuditEntry(entry, &signer));
    const AuditRecord record = signAuditRecord(m_auditCount + 1, m_auditHead, entry, signer);
    sql::Transaction tx(m_db);
    GTX_TRY(tx.begin());
    GTX_TRY(insertAudit(record));
    GTX_TRY(tx.commit());
    m_auditCount = record.sequence;
    m_auditHead = record.hash;
    return record;
}

Result<std::vector<AuditRecord>> SqlLedger::auditRange(std::uint64_t firstSequence,
                                                       std::size_t maxCount) const
{
    std::vector<AuditRecord> out;
    if (maxCount == 0 || firstSequence > static_cast<std::uint64_t>(INT64_MAX))
        return out;
    const std::size_t limit = std::min(maxCount, kMaxAuditRange);
    sql::Statement &st = m_st.auditRange;
    st.start()
        .bind(1, static_cast<std::int64_t>(firstSequence))
        .bind(2, static_cast<std::int64_t>(limit));
    for (;;) {
        auto row = st.next();
        if (!row) {
            st.reset();
            return row.error();
        }
        if (!*row)
            break;
        AuditRecord record;
        if (!readAuditRecord(st, record)) {
            st.reset();
            return corrupt("audit record " + std::to_string(record.sequence) + " is malformed");
        }
        out.push_back(std::move(record));
    }
    st.reset();
    return out;
}

// --- passphrase change ---------------------------------------------------------
//
// Order of the steps, and what a crash between them leaves:
//   1. write ledger.kdf.new (new salt, key check of the new key) atomically
//        crash: ledger.kdf and the database still use the old passphrase;
//        open() with the old one succeeds and deletes ledger.kdf.new.
//   2. re-encrypt the database (one SQLite transaction, rolled back on a
//      crash: the rollback journal holds the pages under the old key)
//        crash during it: as in 1.
//        crash after it: the database uses the new key, ledger.kdf still
//        describes the old one; open() with the new passphrase matches
//        ledger.kdf.new, decrypts the database and renames it into place.
//   3. read every page back through a new connection under the new key
//   4. rename ledger.kdf.new over ledger.kdf (atomic), fsync the directory.
// At every point exactly one of the two passphrases opens the ledger, and no
// block, state entry or audit record is lost.
//
// The re-encryption runs with the rollback journal (journal_mode DELETE)
// rather than inside the WAL, the mode in which SQLCipher's rekey is known to
// be crash-safe; write-ahead logging is switched back on afterwards.
//
// SQLCipher 3.4.1's rekey reports success even when it failed (a full disk),
// and its connection is then left writing under the new key over pages
// under the old one. So its result is ignored, the connection is closed
// without another write through it, and step 3 decides: the change has
// happened exactly when every page reads back under the new key. Otherwise
// the database is read back under the old key and the change is undone.
Status SqlLedger::changePassphrase(ByteView newPassphrase, const crypto::Argon2Params &kdf)
{
    try {
        return rekeyTo(newPassphrase, kdf);
    } catch (const std::exception &e) {
        return makeError("ledger.io", std::string("Cannot change the passphrase: ") + e.what());
    }
}

// Takes `db` as the ledger's connection: write-ahead logging and the
// prepared statements. When that fails, the ledger is left closed.
Status SqlLedger::resume(sql::Database db)
{
    m_db = std::move(db);
    Status status = configureConnection(m_db);
    if (status.ok())
        status = prepareAll(m_db, m_st, kSchemaVersion);
    if (!status.ok()) {
        m_st = Statements{};
        m_db = sql::Database{};
    }
    return status;
}

Status SqlLedger::rekeyTo(ByteView newPassphrase, const crypto::Argon2Params &kdf)
{
    if (!m_db.isOpen())
        return makeError("ledger.closed", "The ledger is closed after a failed operation; open "
                                          "it again.");
    const fs::path dbPath = m_dir / kDbFile;
    const fs::path kdfPath = m_dir / kKdfFile;
    const fs::path pendingPath = m_dir / kKdfNewFile;
    // The rollback journal holds a copy of every page, and the WAL is first
    // checkpointed into the database.
    const std::uint64_t databaseBytes =
        fileSizeOrZero(dbPath) + fileSizeOrZero(m_dir / (std::string(kDbFile) + "-wal"));
    GTX_TRY(requireFreeSpace(m_dir, databaseBytes + kRekeySpareBytes,
                             "to re-encrypt the ledger"));
    auto newKey = makeNewKey(newPassphrase, kdf);
    if (!newKey)
        return newKey.error();
    const Status written = writeKeyFile(pendingPath, newKey->file);
    if (!written.ok()) {
        removeIfPresent(pendingPath);
        return written.error();
    }

    // Before the re-encryption: the connection is as it was.
    auto abandon = [&](const Error &error) {
        removeIfPresent(pendingPath);
        (void)syncDirectory(m_dir);
        (void)configureConnection(m_db);
        return error;
    };
    const Status checkpointed = m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpointed.ok())
        return abandon(checkpointed.error());
    auto mode = m_db.queryText("PRAGMA journal_mode = DELETE");
    if (!mode)
        return abandon(mode.error());
    if (*mode != "delete")
        return abandon(makeError("ledger.busy", std::string(kDbFile)
                                                    + ": cannot leave write-ahead logging to "
                                                      "re-encrypt; is another program using it?"));

    // The statements first, so that closing really closes the connection.
    m_st = Statements{};
    (void)m_db.rekey(newKey->key.view());
    m_db = sql::Database{};

    auto reencrypted = openChecked(dbPath, newKey->key.view());
    if (reencrypted) {
        // The change has happened: the new passphrase opens the ledger from
        // here on, even if ledger.kdf.new cannot be renamed now (open()
        // completes the rename) or the connection cannot resume.
        m_key = std::move(newKey->key);
        m_key.noAccess();
        if (renameFile(pendingPath, kdfPath).ok())
            (void)syncDirectory(m_dir);
        (void)resume(std::move(reencrypted).value());
        return Status::success();
    }

    m_key.readOnly();
    auto previous = openChecked(dbPath, m_key.view());
    m_key.noAccess();
    if (!previous)
        return makeError(
            "ledger.io",
            std::string(kDbFile) + " cannot be read back after its re-encryption under either "
                "key (" + previous.error().message + "). The ledger is closed; open it again: "
                "the old passphrase opens it unless the re-encryption completed, then the new "
                "one does.");
    removeIfPresent(pendingPath);
    (void)syncDirectory(m_dir);
    (void)resume(std::move(previous).value());
    return makeError("ledger.io",
                     std::string(kDbFile)
                         + " could not be re-encrypted under the new passphrase (is the disk "
                           "full?). Nothing was changed: the old passphrase still opens the "
                           "ledger.");
}

// --- verification --------------------------------------------------------------

std::string SqlLedger::verifyBlocks(VerifyReport &report) const
{
    auto st = m_db.prepare("SELECT height, hash, data FROM blocks ORDER BY height");
    if (!st)
        return st.error().message;
    std::uint64_t expected = 0;
    Hash256 previous;
    st->start();
    for (;;) {
        auto row = st->next();
        if (!row)
            return row.error().message;
        if (!*row)
            break;
        const std::string at = "block " + std::to_string(expected);
        if (st->integer(0) != static_cast<std::int64_t>(expected))
            return "block heights are not contiguous: expected " + std::to_string(expected)
                   + ", found " + std::to_string(st->integer(0));
        Hash256 stored;
        if (!hashFromBlob(st->blobView(1), stored))
            return at + ": the stored hash is malformed";
        auto block = decodeStoredBlock(st->blobView(2), m_schemaVersion);
        if (!block)
            return at + " cannot be decoded: " + block.error().message;
        if (block->header.height != expected)
            return at + " carries height " + std::to_string(block->header.height);
        if (blockHash(block->header) != stored)
            return at + ": the stored hash does not match the block header";
        if (block->header.parentHash != previous)
            return at + " does not link to its parent (parent hash mismatch)";
        if (block->header.networkId != m_networkId)
            return at + " belongs to another network";
        previous = stored;
        ++expected;
        report.blocks = expected;
    }
    auto height = metaInteger("head_height");
    if (!height)
        return height.error().message;
    auto head = metaHash("head_hash");
    if (!head)
        return head.error().message;
    if (expected == 0 || static_cast<std::int64_t>(expected - 1) != *height)
        return "the recorded head height " + std::to_string(*height) + " does not match the "
               + std::to_string(expected) + " stored blocks";
    if (previous != *head)
        return "the recorded head hash does not match the last stored block";
    return {};
}

std::string SqlLedger::verifyAudit(VerifyReport &report) const
{
    const std::string problem = verifyAuditChain(report);
    return problem.empty() ? verifyAuditSchema() : problem;
}

std::string SqlLedger::verifyAuditChain(VerifyReport &report) const
{
    auto st = m_db.prepare("SELECT sequence, time_ms, actor, action, reason, details, prev_hash, "
                           "hash, signer, signature FROM audit ORDER BY sequence");
    if (!st)
        return st.error().message;
    std::uint64_t expected = 1;
    std::uint64_t unsignedRecords = 0;
    Hash256 previous;
    st->start();
    for (;;) {
        auto row = st->next();
        if (!row)
            return row.error().message;
        if (!*row)
            break;
        const std::string at = "audit record " + std::to_string(expected);
        if (st->integer(0) != static_cast<std::int64_t>(expected))
            return "audit records are not contiguous: expected " + std::to_string(expected)
                   + ", found " + std::to_string(st->integer(0));
        AuditRecord record;
        if (!readAuditRecord(*st, record))
            return at + ": a stored hash, key or signature is malformed";
        const std::string problem = auditEntryProblem(record.entry);
        if (!problem.empty())
            return at + ": " + problem;
        if (record.previousHash != previous)
            return at + " does not link to the record before it";
        const std::string recordProblem = auditRecordProblem(record);
        if (!recordProblem.empty())
            return at + " " + recordProblem;
        // Unsigned records predate signing: none may follow a signed one.
        if (!record.isSigned()) {
            if (unsignedRecords + 1 != expected)
                return at + " is not signed, but records before it are";
            ++unsignedRecords;
        }
        previous = record.hash;
        ++expected;
        report.auditRecords = expected - 1;
        report.unsignedAuditRecords = unsignedRecords;
    }
    return {};
}

// The audit table and its triggers must be exactly those the ledger created,
// and no other trigger may exist: a trigger of the right name that does
// nothing, or an extra one that swallows inserts, would defeat the
// append-only protection.
std::string SqlLedger::verifyAuditSchema() const
{
    auto st = m_db.prepare("SELECT type, name, sql FROM sqlite_master "
                           "WHERE type = 'trigger' OR name = 'audit' ORDER BY type, name");
    if (!st)
        return st.error().message;
    std::size_t matched = 0;
    st->start();
    for (;;) {
        auto row = st->next();
        if (!row)
            return row.error().message;
        if (!*row)
            break;
        const std::string type = st->text(0);
        const std::string name = st->text(1);
        const auto expected = std::find_if(std::begin(kAuditSchema), std::end(kAuditSchema),
                                           [&](const SchemaObject &object) {
                                               return type == object.type && name == object.name;
                                           });
        if (expected == std::end(kAuditSchema)) {
            st->reset();
            return "the audit trail's append-only protection has been altered (unexpected "
                   + type + " '" + name + "')";
        }
        if (st->text(2) != expected->sql) {
            st->reset();
            return "the audit trail's append-only protection has been altered (" + type + " '"
                   + name + "' differs from the ledger's schema)";
        }
        ++matched;
    }
    if (matched != std::size(kAuditSchema))
        return "the audit trail has lost its append-only protection (triggers missing)";
    return {};
}

std::string SqlLedger::verifyState() const
{
    // One ordered scan: entries arrive bucket by bucket, in key order.
    auto st = m_db.prepare("SELECT bucket, key, value FROM state ORDER BY bucket, key");
    if (!st)
        return st.error().message;
    TreeLevel buckets;
    std::optional<BucketHasher> hasher;
    std::uint32_t current = 0;
    st->start();
    for (;;) {
        auto row = st->next();
        if (!row)
            return row.error().message;
        if (!*row)
            break;
        const ByteView key = st->blobView(1);
        const std::int64_t bucket = st->integer(0);
        if (key.empty() || key.size() > kMaxStateKeyBytes
            || st->blobView(2).size() > kMaxStateValueBytes)
            return "a state entry has a key or value of invalid size";
        if (bucket != std::int64_t{stateBucketOf(key)})
            return "a state entry is filed under the wrong bucket";
        const auto index = static_cast<std::uint32_t>(bucket);
        if (hasher && index != current) {
            buckets.push_back({current, hasher->finish()});
            hasher.reset();
        }
        if (!hasher) {
            hasher.emplace();
            current = index;
        }
        hasher->add(key, st->blobView(2));
    }
    if (hasher)
        buckets.push_back({current, hasher->finish()});

    auto levels = propagateBucketChanges(std::move(buckets), defaultGroup);
    if (!levels)
        return levels.error().message;
    const Hash256 root = rootOf(*levels, defaultNodeHash(kStateTreeDepth));
    auto folded = metaInteger("folded_height");
    if (!folded)
        return folded.error().message;
    auto height = metaInteger("head_height");
    if (!height)
        return height.error().message;
    if (*folded < 0 || *folded > *height)
        return "the folded height is out of range";
    auto foldedBlock = readBlock(static_cast<std::uint64_t>(*folded), nullptr);
    if (!foldedBlock)
        return foldedBlock.error().message;
    if (foldedBlock->header.stateRoot != root)
        return "the state root recomputed from the stored state (" + root.shortHex()
               + ") differs from block " + std::to_string(*folded) + "'s ("
               + foldedBlock->header.stateRoot.shortHex() + ")";

    // The stored tree nodes must be exactly the non-default computed ones
    // of the stored levels, or later incremental updates would go wrong.
    auto nodes = m_db.prepare("SELECT level, idx, hash FROM state_node ORDER BY level, idx");
    if (!nodes)
        return nodes.error().message;
    nodes->start();
    int level = 0;
    std::size_t position = 0;
    auto nextExpected = [&]() -> const TreeNode * {
        while (level <= kStateTreeDepth) {
            const TreeLevel &nodesAtLevel = (*levels)[static_cast<std::size_t>(level)];
            while (position < nodesAtLevel.size()) {
                const TreeNode &node = nodesAtLevel[position];
                if (node.hash != defaultNodeHash(level))
                    return &node;
                ++position;
            }
            ++level;
            position = 0;
        }
        return nullptr;
    };
    for (;;) {
        auto row = nodes->next();
        if (!row)
            return row.error().message;
        const TreeNode *expected = nextExpected();
        if (!*row) {
            if (expected)
                return "state tree node (level " + std::to_string(level) + ", index "
                       + std::to_string(expected->index) + ") is missing";
            break;
        }
        Hash256 hash;
        const bool ok = hashFromBlob(nodes->blobView(2), hash);
        if (!expected || !ok || nodes->integer(0) != level
            || nodes->integer(1) != std::int64_t{expected->index} || hash != expected->hash) {
            const std::string where = "state tree node (level " + std::to_string(nodes->integer(0))
                                      + ", index " + std::to_string(nodes->integer(1)) + ")";
            nodes->reset();
            return where + " does not match the state";
        }
        ++position;
    }

    // The state log above the fold must give the head's root.
    auto log = readLog(static_cast<std::uint64_t>(*folded), static_cast<std::uint64_t>(*height));
    if (!log)
        return log.error().message;
    Hash256 headRoot = root;
    if (!log->first.empty()) {
        auto plan = planState(std::move(log->first));
        if (!plan)
            return plan.error().message;
        headRoot = plan->root;
    }
    auto recorded = metaHash("state_root");
    if (!recorded)
        return recorded.error().message;
    auto head = readBlock(static_cast<std::uint64_t>(*height), nullptr);
    if (!head)
        return head.error().message;
    if (headRoot != *recorded || head->header.stateRoot != headRoot)
        return "the state root of the head (" + head->header.stateRoot.shortHex()
               + ") differs from the one its state log gives (" + headRoot.shortHex() + ")";
    return {};
}

VerifyReport SqlLedger::verify() const
{
    VerifyReport report;
    // Reads every page: a page that fails its authentication code or a
    // damaged B-tree shows here, wherever it is.
    report.problem = integrityProblem(m_db);
    if (!report.problem.empty())
        return report;
    report.problem = verifyBlocks(report);
    if (report.problem.empty())
        report.problem = verifyAudit(report);
    if (report.problem.empty())
        report.problem = verifyState();
    report.ok = report.problem.empty();
    return report;
}

// --- opening -------------------------------------------------------------------

struct Candidate
{
    crypto::SecureBuffer key;
    bool pending = false;   // from ledger.kdf.new
};

} // namespace

bool Ledger::exists(const fs::path &dir)
{
    return isRegularFile(dir / kKdfFile) && isRegularFile(dir / kDbFile);
}

Hash256 Ledger::stateRootFor(std::span<const StateChange> state)
{
    std::map<std::uint32_t, std::map<Bytes, Bytes>> buckets;
    for (const StateChange &entry : state) {
        auto &bucket = buckets[stateBucketOf(entry.key)];
        if (entry.value)
            bucket[entry.key] = *entry.value;
        else
            bucket.erase(entry.key);
    }
    TreeLevel changed;
    for (const auto &[index, entries] : buckets) {
        if (entries.empty())
            continue;
        BucketHasher hasher;
        for (const auto &[key, value] : entries)
            hasher.add(key, value);
        changed.push_back({index, hasher.finish()});
    }
    auto levels = propagateBucketChanges(std::move(changed), defaultGroup);
    // The lookup never fails, so neither does the propagation.
    return levels ? rootOf(*levels, defaultNodeHash(kStateTreeDepth))
                  : defaultNodeHash(kStateTreeDepth);
}

Result<std::unique_ptr<Ledger>> Ledger::create(const fs::path &dir, ByteView passphrase,
                                               const Block &genesis,
                                               std::span<const StateChange> genesisState,
                                               const crypto::Argon2Params &kdf,
                                               const crypto::KeyPair &creator)
{
    try {
        const fs::path kdfPath = dir / kKdfFile;
        const fs::path dbPath = dir / kDbFile;
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec)
            return makeError("ledger.io", "Cannot create the data directory: " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
        if (ec)
            return makeError("ledger.io", "Cannot restrict the data directory to its owner: "
                                              + ec.message());
        auto lock = DirectoryLock::acquire(dir);
        if (!lock)
            return lock.error();
        if (fs::exists(kdfPath, ec))
            return makeError("ledger.exists", "A ledger already exists in this directory.");
        if (genesis.header.height != 0 || !genesis.header.parentHash.isZero())
            return makeError("ledger.invalid_genesis",
                             "The genesis block must have height 0 and a zero parent hash.");
        if (!creator.valid())
            return makeError("ledger.no_signer",
                             "A new ledger needs the key that signs its first audit record.");

        // Creation protocol: ledger.kdf.creating, then ledger.db with the
        // genesis block, then ledger.kdf.creating renamed to ledger.kdf (the
        // commit point). Leftovers of an interrupted creation (a database
        // beside ledger.kdf.creating) are removed; a database without either
        // key file may be a ledger whose ledger.kdf was lost and is kept.
        const fs::path creatingPath = dir / kKdfCreatingFile;
        const auto removeDatabase = [&] {
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                removeIfPresent(dir / (std::string(kDbFile) + suffix));
        };
        if (fs::exists(dbPath, ec)) {
            if (!fs::exists(creatingPath, ec))
                return makeError("ledger.exists",
                                 std::string(kDbFile) + " exists without " + kKdfFile
                                     + ": restore " + kKdfFile
                                     + " from a backup, or move the old database away to "
                                       "create a new ledger.");
            removeDatabase();
        }
        removeIfPresent(creatingPath);
        removeIfPresent(dir / kKdfNewFile);
        removeIfPresent(dir / (std::string(kKdfFile) + ".tmp"));
        removeIfPresent(dir / (std::string(kKdfCreatingFile) + ".tmp"));

        auto newKey = makeNewKey(passphrase, kdf);
        if (!newKey)
            return newKey.error();
        GTX_TRY(writeKeyFile(creatingPath, newKey->file));
        const auto cleanup = [&](const Error &error) {
            // ledger.kdf was checked absent above: if it exists now, the
            // creation has been committed and the database must stay.
            if (!isRegularFile(kdfPath))
                removeDatabase();
            removeIfPresent(creatingPath);
            return error;
        };
        // SQLite gives the -wal and -shm files the mode of the database file.
        const Status fileCreated = createEmptyPrivateFile(dbPath);
        if (!fileCreated.ok())
            return cleanup(fileCreated.error());
        auto db = sql::Database::openEncrypted(dbPath, newKey->key.view(), true);
        if (!db)
            return cleanup(db.error());
        const Status configured = configureConnection(*db);
        if (!configured.ok())
            return cleanup(configured.error());
        auto ledger = std::make_unique<SqlLedger>(dir, std::move(lock).value(),
                                                  std::move(db).value(),
                                                  std::move(newKey->key));
        const Status initialised = ledger->initialise(genesis, genesisState, creator);
        if (!initialised.ok()) {
            ledger.reset();
            return cleanup(initialised.error());
        }
        // The commit point: once renamed, the ledger exists.
        const Status committed = renameFile(creatingPath, kdfPath);
        if (!committed.ok()) {
            ledger.reset();
            return cleanup(committed.error());
        }
        // A failed sync cannot undo the rename. Should a power cut undo it,
        // the ledger looks like an unfinished creation again, which create()
        // starts afresh.
        (void)syncDirectory(dir);
        return std::unique_ptr<Ledger>(std::move(ledger));
    } catch (const std::exception &e) {
        return makeError("ledger.io", std::string("Cannot create the ledger: ") + e.what());
    }
}

Result<std::unique_ptr<Ledger>> Ledger::open(const fs::path &dir, ByteView passphrase)
{
    try {
        const fs::path kdfPath = dir / kKdfFile;
        const fs::path pendingPath = dir / kKdfNewFile;
        const fs::path dbPath = dir / kDbFile;
        const bool haveDb = isRegularFile(dbPath);
        auto keyFile = readKeyFile(kdfPath);
        if (!keyFile) {
            if (keyFile.error().code == "ledger.not_found") {
                if (!haveDb)
                    return makeError("ledger.not_found",
                                     "There is no ledger in " + dir.string() + ".");
                if (isRegularFile(dir / kKdfCreatingFile))
                    return makeError("ledger.not_found",
                                     "The creation of the ledger in " + dir.string()
                                         + " was interrupted; create it again.");
                return makeError("ledger.corrupt",
                                 std::string(kKdfFile)
                                     + " is missing; the ledger cannot be decrypted without it. "
                                       "Restore it from a backup.");
            }
            return keyFile.error();
        }
        if (!haveDb)
            return makeError("ledger.corrupt",
                             std::string(kDbFile) + " is missing. Restore it from a backup.");
        std::error_code sizeError;
        if (fs::file_size(dbPath, sizeError) == 0 && !sizeError)
            return makeError("ledger.corrupt", std::string(kDbFile)
                                                   + " is empty (the file is damaged; restore it "
                                                     "from a backup or resynchronise)");

        // Everything up to the first SQLite call only reads: a wrong
        // passphrase leaves every file as it was.
        std::vector<Candidate> candidates;
        auto derived = deriveKey(*keyFile, passphrase);
        if (!derived)
            return derived.error();
        if (derived->matches)
            candidates.push_back({std::move(derived->key), false});
        std::optional<KeyFile> pending;
        if (isRegularFile(pendingPath)) {
            auto pendingFile = readKeyFile(pendingPath);
            if (pendingFile) {
                pending = *pendingFile;
                auto pendingKey = deriveKey(*pendingFile, passphrase);
                if (!pendingKey)
                    return pendingKey.error();
                if (pendingKey->matches)
                    candidates.push_back({std::move(pendingKey->key), true});
            }
        }
        if (candidates.empty())
            return makeError("ledger.wrong_passphrase", "The passphrase is wrong.");

        auto lock = DirectoryLock::acquire(dir);
        if (!lock)
            return lock.error();
        std::optional<Error> firstError;
        for (Candidate &candidate : candidates) {
            auto db = sql::Database::openEncrypted(dbPath, candidate.key.view(), false);
            if (!db) {
                if (!firstError)
                    firstError = db.error();
                if (db.error().code == "ledger.corrupt")
                    continue;   // perhaps the other key of an interrupted change
                return db.error();
            }
            auto ledger = std::make_unique<SqlLedger>(dir, std::move(lock).value(),
                                                      std::move(db).value(),
                                                      std::move(candidate.key));
            // load() only reads; the file is known to be a ledger before
            // configure() writes to it.
            GTX_TRY(ledger->load());
            GTX_TRY(ledger->configure());
            GTX_TRY(ledger->upgradeSchema());
            // Tidying up after an interrupted passphrase change. Neither step
            // is needed to use the ledger, and a failed one is tried again at
            // the next open(): the ledger opens either way.
            if (candidate.pending) {
                // The database was re-encrypted: finish the interrupted change.
                if (renameFile(pendingPath, kdfPath).ok())
                    (void)syncDirectory(dir);
            } else if (pending) {
                // The change never reached the database: forget it.
                removeIfPresent(pendingPath);
                (void)syncDirectory(dir);
            }
            return std::unique_ptr<Ledger>(std::move(ledger));
        }
        // A key that fits its key file but does not decrypt the database:
        // with an interrupted passphrase change, the other passphrase rules.
        if (candidates.size() == 1 && candidates.front().pending)
            return makeError("ledger.wrong_passphrase",
                             "The passphrase is wrong: an interrupted passphrase change left "
                             "the previous passphrase in force.");
        if (candidates.size() == 1 && pending)
            return makeError("ledger.wrong_passphrase",
                             "The passphrase is wrong: an interrupted passphrase change had "
                             "already re-encrypted the ledger; use the new passphrase.");
        return *firstError;
    } catch (const std::exception &e) {
        return makeError("ledger.io", std::string("Cannot open the ledger: ") + e.what());
    }
}

} // namespace gtx::ledger
