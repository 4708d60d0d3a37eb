// The encrypted ledger: round trips, the incremental state root, atomic
// commits, passphrases, encryption at rest, damage detection, the audit
// trail, crash safety under SIGKILL, and failures injected into passphrase
// changes and creation (a full disk, failed renames and directory syncs).

// moc need not (and cannot) parse the C++20 library headers behind these.
#ifndef Q_MOC_RUN
#include "ledger_support.h"

#include "core/crypto/hash.h"
#include "core/ledger/key_file.h"
#include "core/ledger/sqlite.h"
#include "core/ledger/state_tree.h"
#endif

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>

#include <sys/stat.h>

using namespace ledgertest;
using gtx::Hash256;
using gtx::Status;
using gtx::ledger::AuditEntry;
using gtx::ledger::AuditRecord;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const gtx::crypto::Argon2Params kFastKdf = gtx::crypto::Argon2Params::floor();

gtx::ByteView bytesOf(const QByteArray &a)
{
    return {reinterpret_cast<const std::uint8_t *>(a.constData()),
            static_cast<std::size_t>(a.size())};
}

std::filesystem::path pathOf(const QTemporaryDir &dir)
{
    return std::filesystem::path(dir.path().toStdString()) / "ledger";
}

QString qPath(const std::filesystem::path &p)
{
    return QString::fromStdString(p.string());
}

using Model = std::map<Bytes, Bytes>;

void applyToModel(Model &model, std::span<const StateChange> changes)
{
    for (const auto &change : changes) {
        if (change.value)
            model[change.key] = *change.value;
        else
            model.erase(change.key);
    }
}

std::vector<StateChange> modelAsChanges(const Model &model)
{
    std::vector<StateChange> out;
    for (const auto &[key, value] : model)
        out.push_back({key, value});
    return out;
}

// File name -> BLAKE2b of its content, for every file in the directory.
QMap<QString, QByteArray> digestsOf(const std::filesystem::path &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(qPath(dir), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        out.insert(QFileInfo(path).fileName(),
                   QCryptographicHash::hash(file.readAll(), QCryptographicHash::Blake2b_256));
    }
    return out;
}

QByteArray readFile(const std::filesystem::path &path)
{
    QFile file(qPath(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const std::filesystem::path &path, const QByteArray &data)
{
    QFile file(qPath(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

struct Fixture
{
    std::unique_ptr<Ledger> ledger;
    Model model;
};

std::vector<StateChange> genesisState()
{
    return {{gtx::toBytes("network/name"), gtx::toBytes("devnet")},
            {gtx::toBytes("network/id"), gtx::toBytes("7")}};
}

std::unique_ptr<Ledger> createLedger(const std::filesystem::path &dir, Model *model = nullptr,
                                     const QByteArray &passphrase = kPassphrase)
{
    const auto state = genesisState();
    auto created = Ledger::create(dir, bytesOf(passphrase), makeGenesis(state), state, kFastKdf, testSigner());
    if (!created) {
        qWarning() << created.error().code.c_str() << created.error().message.c_str();
        return nullptr;
    }
    if (model)
        applyToModel(*model, state);
    return std::move(created).value();
}

Status commitChanges(Ledger &ledger, std::span<const StateChange> changes,
                     std::span<const AuditEntry> audit = {})
{
    auto block = makeNextBlock(ledger, changes);
    if (!block)
        return block.error();
    return ledger.commitBlock(*block, changes, audit, &testSigner());
}

// A second connection to the database, as someone holding the key could open it.
gtx::Result<gtx::ledger::sql::Database> openRaw(const std::filesystem::path &dir,
                                                const QByteArray &passphrase = kPassphrase)
{
    auto file = gtx::ledger::readKeyFile(dir / "ledger.kdf");
    if (!file)
        return file.error();
    auto key = gtx::ledger::deriveKey(*file, bytesOf(passphrase));
    if (!key)
        return key.error();
    return gtx::ledger::sql::Database::openEncrypted(dir / "ledger.db", key->key.view(), false);
}

// Runs the fault-test helper (ledger_fault.cpp) with `args`; with `fault`,
// the fault-injection library is preloaded into it with GTX_FAULT=fault.
struct HelperRun
{
    int exitCode = -1;
    QByteArray output;
};

HelperRun runFaultHelper(const QStringList &args, const QByteArray &fault = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!fault.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_PRELOAD", QStringLiteral(GTX_FAULT_INJECTION_PATH));
        env.insert("GTX_FAULT", QString::fromUtf8(fault));
        // In a sanitizer build the preloaded library comes before the
        // sanitizer runtime, which is harmless here.
        const QString asan = env.value("ASAN_OPTIONS");
        env.insert("ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "verify_asan_link_order=0");
        process.setProcessEnvironment(env);
    }
    process.start(QStringLiteral(GTX_LEDGER_FAULT_PATH), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, "the helper did not finish"};
    }
    HelperRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll().trimmed();
    return run;
}

// A ledger of several hundred KiB: `blocks` commits of 300 changes with
// values up to 400 bytes.
std::unique_ptr<Ledger> createLargeLedger(const std::filesystem::path &dir, Model &model,
                                          int blocks)
{
    auto ledger = createLedger(dir, &model);
    if (!ledger)
        return nullptr;
    std::mt19937_64 rng(64);
    for (int i = 0; i < blocks; ++i) {
        const auto changes = randomChanges(rng, 300, 3000, 0, 400);
        if (!commitChanges(*ledger, changes).ok())
            return nullptr;
        applyToModel(model, changes);
    }
    return ledger;
}

QString errorCode(const gtx::Error &error)
{
    return QString::fromStdString(error.code);
}

QString errorMessage(const gtx::Error &error)
{
    return QString::fromStdString(error.message);
}

// Turns the audit trail into what schema version 5 and older kept: the table
// without the signature columns and every record unsigned, hashed as
// version 1 hashed it, under the same triggers (less `dropTrigger`, if set).
gtx::Status makeAuditUnsigned(gtx::ledger::sql::Database &raw, const char *dropTrigger = nullptr)
{
    using gtx::ledger::AuditEntry;
    struct Row
    {
        std::uint64_t sequence;
        AuditEntry entry;
    };
    std::vector<Row> rows;
    std::vector<std::string> triggers;
    std::string table;
    {
        auto st = raw.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit'");
        if (!st)
            return st.error();
        st->start();
        for (;;) {
            auto more = st->next();
            if (!more)
                return more.error();
            if (!*more)
                break;
            if (st->text(0) == "table")
                table = st->text(2);
            else if (st->text(0) == "trigger" && (!dropTrigger || st->text(1) != dropTrigger))
                triggers.push_back(st->text(2));
        }
    }
    const std::size_t columns = table.find("\n, signer BLOB");
    if (columns == std::string::npos)
        return gtx::makeError("test.schema", "the audit table has no signer column");
    table = table.substr(0, columns) + "\n)";
    {
        auto st = raw.prepare("SELECT sequence, time_ms, actor, action, reason, details FROM audit "
                              "ORDER BY sequence");
        if (!st)
            return st.error();
        st->start();
        for (;;) {
            auto more = st->next();
            if (!more)
                return more.error();
            if (!*more)
                break;
            rows.push_back({static_cast<std::uint64_t>(st->integer(0)),
                            {st->integer(1), st->text(2), st->text(3), st->text(4), st->text(5)}});
        }
    }
    for (const char *sql : {"DROP TRIGGER IF EXISTS audit_no_update",
                            "DROP TRIGGER IF EXISTS audit_no_delete",
                            "DROP TRIGGER IF EXISTS audit_next_only", "DROP TABLE audit"})
        if (auto status = raw.exec(sql); !status)
            return status;
    if (auto status = raw.exec(table.c_str()); !status)
        return status;
    auto insert = raw.prepare("INSERT INTO audit (sequence, time_ms, actor, action, reason, details, "
                              "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert)
        return insert.error();
    gtx::crypto::Hash256 previous;
    for (const Row &row : rows) {
        const auto hash = gtx::ledger::auditHash(row.sequence, previous, gtx::crypto::PublicKey{},
                                                 row.entry);
        auto status = insert->start()
                          .bind(1, static_cast<std::int64_t>(row.sequence))
                          .bind(2, row.entry.timeMs)
                          .bindText(3, row.entry.actor)
                          .bindText(4, row.entry.action)
                          .bindText(5, row.entry.reason)
                          .bindText(6, row.entry.details)
                          .bind(7, previous.view())
                          .bind(8, hash.view())
                          .run();
        if (!status)
            return status;
        previous = hash;
    }
    for (const std::string &trigger : triggers)
        if (auto status = raw.exec(trigger.c_str()); !status)
            return status;
    return {};
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void stateTreeBasics();
    void createAndReopen();
    void oneOpenAtATimeAndInterruptedCreation();
    void fiftyBlocksSurviveReopen();
    void incrementalRootMatchesRecomputation();
    void rejectedBlocksWriteNothing();
    void stateLogFoldsAndChecksTheRoot();
    void wrongPassphraseLeavesFilesUntouched();
    void plaintextNeverReachesDisk();
    void damagedFilesAreReported();
    void changePassphraseKeepsEverything();
    void interruptedPassphraseChangeStillOpens();
    void auditIsAppendOnlyAndChained();
    void auditAdmitsOnlyTheNextRecord();
    void verifyFindsTampering();
    void newerSchemaIsRefused();
    void localRecordsAreDurableAndSeparate();
    void consensusLogKeepsEntriesUntilPruned();
    void olderSchemaIsUpgraded();
    void auditRuleIsAddedToAnIntactTrailOnly();
    void auditRecordsAreSignedByTheirWriter();
    void survivesSigkill();
    void failedReencryptionKeepsOldPassphrase();
    void reencryptionNeedsFreeSpace();
    void closedConnectionFailsCleanly();
    void passphraseChangeSucceedsOnceReencrypted();
    void creationSurvivesFailedDirectorySync();
    void hostileKeyFileParametersAreRefused();
    void auditProtectionMustMatchSchema();
    void keyFileMustBeRegularFile();
};

void TestLedger::stateTreeBasics()
{
    using namespace gtx::ledger;
    // Buckets are 20-bit, spread over the whole range.
    std::uint32_t maxBucket = 0;
    for (int i = 0; i < 5000; ++i)
        maxBucket = std::max(maxBucket, stateBucketOf(keyFor(static_cast<std::uint64_t>(i))));
    QVERIFY(maxBucket < kStateBucketCount);
    QVERIFY(maxBucket > kStateBucketCount / 2);

    // Empty state, defaults, and order independence of the root.
    QCOMPARE(Ledger::stateRootFor({}), defaultNodeHash(kStateTreeDepth));
    QCOMPARE(defaultNodeHash(1), stateNodeHash(defaultNodeHash(0), defaultNodeHash(0)));
    std::vector<StateChange> a = {{keyFor(1), gtx::toBytes("x")}, {keyFor(2), gtx::toBytes("y")}};
    std::vector<StateChange> b = {a[1], a[0]};
    QCOMPARE(Ledger::stateRootFor(a), Ledger::stateRootFor(b));
    // Values matter; an empty value differs from an absent key.
    std::vector<StateChange> c = {{keyFor(1), gtx::toBytes("x")}, {keyFor(2), gtx::toBytes("z")}};
    QVERIFY(Ledger::stateRootFor(a) != Ledger::stateRootFor(c));
    std::vector<StateChange> d = {{keyFor(1), gtx::toBytes("x")}, {keyFor(2), Bytes{}}};
    std::vector<StateChange> e = {{keyFor(1), gtx::toBytes("x")}};
    QVERIFY(Ledger::stateRootFor(d) != Ledger::stateRootFor(e));
    // A delete after a put cancels it.
    std::vector<StateChange> f = {a[0], a[1], {keyFor(2), std::nullopt}};
    QCOMPARE(Ledger::stateRootFor(f), Ledger::stateRootFor(e));

    // A single-entry state's root follows the definition in state_tree.h.
    const Bytes key = keyFor(42);
    const Bytes value = gtx::toBytes("v");
    std::uint32_t index = stateBucketOf(key);
    BucketHasher bucket;
    bucket.add(key, value);
    Hash256 node = bucket.finish();
    for (int level = 0; level < kStateTreeDepth; ++level) {
        node = (index & 1) ? stateNodeHash(defaultNodeHash(level), node)
                           : stateNodeHash(node, defaultNodeHash(level));
        index >>= 1;
    }
    const std::vector<StateChange> single = {{key, value}};
    QCOMPARE(Ledger::stateRootFor(single), node);
}

void TestLedger::createAndReopen()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    QVERIFY(tmp.isValid());
    const auto dir = pathOf(tmp);
    QVERIFY(!Ledger::exists(dir));

    auto missing = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!missing);
    QCOMPARE(QString::fromStdString(missing.error().code), QString("ledger.not_found"));

    const auto state = genesisState();
    const Block genesis = makeGenesis(state);
    Hash256 root;
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        QVERIFY(Ledger::exists(dir));
        QCOMPARE(ledger->height(), std::uint64_t{0});
        QCOMPARE(ledger->headHash(), gtx::blockHash(genesis.header));
        QCOMPARE(ledger->stateRoot(), genesis.header.stateRoot);
        QCOMPARE(ledger->get(gtx::toBytes("network/name")), std::optional(gtx::toBytes("devnet")));
        QCOMPARE(ledger->auditCount(), std::uint64_t{1});
        const auto records = ledger->auditRange(1, 10).value();
        QCOMPARE(records.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(records[0].entry.action), QString("ledger.created"));
        root = ledger->stateRoot();
    }

    // Owner-only permissions: directory 0700, files 0600.
    namespace fs = std::filesystem;
    QVERIFY(fs::status(dir).permissions() == fs::perms::owner_all);
    const auto ownerReadWrite = fs::perms::owner_read | fs::perms::owner_write;
    QVERIFY(fs::status(dir / "ledger.db").permissions() == ownerReadWrite);
    QVERIFY(fs::status(dir / "ledger.kdf").permissions() == ownerReadWrite);
    QCOMPARE(QFileInfo(qPath(dir / "ledger.kdf")).size(), qint64(gtx::ledger::kKeyFileBytes));
    {
        // 4 KiB encrypted pages, write-ahead logging.
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(*raw->queryText("PRAGMA cipher_page_size"), std::string("4096"));
        QCOMPARE(*raw->queryText("PRAGMA journal_mode"), std::string("wal"));
        QVERIFY(!raw->cipherVersion()->empty());
    }

    // A second create in the same place is refused and changes nothing.
    const auto before = digestsOf(dir);
    auto again = Ledger::create(dir, bytesOf(kPassphrase), genesis, state, kFastKdf, testSigner());
    QVERIFY(!again);
    QCOMPARE(QString::fromStdString(again.error().code), QString("ledger.exists"));
    QCOMPARE(digestsOf(dir), before);

    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY2(reopened, reopened ? "" : reopened.error().message.c_str());
    Ledger &ledger = **reopened;
    QCOMPARE(ledger.height(), std::uint64_t{0});
    QCOMPARE(ledger.headHash(), gtx::blockHash(genesis.header));
    QCOMPARE(ledger.stateRoot(), root);
    auto block = ledger.blockAt(0);
    QVERIFY(block);
    QVERIFY(*block == genesis);
    QCOMPARE(ledger.get(gtx::toBytes("network/id")), std::optional(gtx::toBytes("7")));
    QVERIFY(!ledger.get(gtx::toBytes("network/other")));
    QVERIFY(!ledger.blockAt(1));
    const auto report = ledger.verify();
    QVERIFY2(report.ok, report.problem.c_str());
    QCOMPARE(report.blocks, std::uint64_t{1});
    QCOMPARE(report.auditRecords, std::uint64_t{1});
}

void TestLedger::oneOpenAtATimeAndInterruptedCreation()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto first = createLedger(dir);
        QVERIFY(first);
        auto second = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY(!second);
        QCOMPARE(QString::fromStdString(second.error().code), QString("ledger.busy"));
    }
    QVERIFY(Ledger::open(dir, bytesOf(kPassphrase)));

    // A database left beside ledger.kdf.creating is an unfinished creation:
    // not a ledger, and create() starts afresh.
    QVERIFY(QFile::rename(qPath(dir / "ledger.kdf"), qPath(dir / "ledger.kdf.creating")));
    QVERIFY(!Ledger::exists(dir));
    auto unfinished = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!unfinished);
    QCOMPARE(QString::fromStdString(unfinished.error().code), QString("ledger.not_found"));
    QVERIFY(createLedger(dir));
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.creating")));
    QVERIFY(Ledger::open(dir, bytesOf(kPassphrase)));

    // A database without any key file may be a ledger whose ledger.kdf was
    // lost: create() refuses to overwrite it.
    QVERIFY(QFile::remove(qPath(dir / "ledger.kdf")));
    const QByteArray db = readFile(dir / "ledger.db");
    const auto state = genesisState();
    auto refused = Ledger::create(dir, bytesOf(kPassphrase), makeGenesis(state), state, kFastKdf, testSigner());
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().code), QString("ledger.exists"));
    QCOMPARE(readFile(dir / "ledger.db"), db);
}

void TestLedger::fiftyBlocksSurviveReopen()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Model model;
    std::vector<Hash256> hashes;
    std::vector<Hash256> roots;
    std::mt19937_64 rng(50);
    {
        auto ledger = createLedger(dir, &model);
        QVERIFY(ledger);
        hashes.push_back(ledger->headHash());
        roots.push_back(ledger->stateRoot());
        for (int i = 1; i <= 50; ++i) {
            const auto changes = randomChanges(rng, 1 + rng() % 40, 300, 4);
            const Status status = commitChanges(*ledger, changes);
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
            applyToModel(model, changes);
            QCOMPARE(ledger->height(), std::uint64_t(i));
            hashes.push_back(ledger->headHash());
            roots.push_back(ledger->stateRoot());
        }
    }
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    Ledger &ledger = **reopened;
    QCOMPARE(ledger.height(), std::uint64_t{50});
    QCOMPARE(ledger.headHash(), hashes.back());
    QCOMPARE(ledger.stateRoot(), roots.back());
    for (std::uint64_t h = 0; h <= 50; ++h) {
        auto header = ledger.headerAt(h);
        QVERIFY(header);
        QCOMPARE(gtx::blockHash(*header), hashes[h]);
        QCOMPARE(header->stateRoot, roots[h]);
        QCOMPARE(header->height, h);
    }
    for (std::uint64_t n = 0; n < 300; ++n) {
        const auto it = model.find(keyFor(n));
        const auto stored = ledger.get(keyFor(n));
        if (it == model.end())
            QVERIFY(!stored);
        else
            QCOMPARE(stored, std::optional(it->second));
    }
    QCOMPARE(ledger.stateRoot(), Ledger::stateRootFor(modelAsChanges(model)));
    const auto report = ledger.verify();
    QVERIFY2(report.ok, report.problem.c_str());
    QCOMPARE(report.blocks, std::uint64_t{51});
}

void TestLedger::incrementalRootMatchesRecomputation()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Model model;
    auto ledger = createLedger(dir, &model);
    QVERIFY(ledger);
    std::mt19937_64 rng(20240429);
    for (int i = 0; i < 40; ++i) {
        // Small key space: many updates and deletes of existing keys, and
        // buckets emptied and refilled.
        const auto changes = randomChanges(rng, 150, i < 20 ? 400 : 60, 3);
        const Hash256 before = ledger->stateRoot();
        auto preview = ledger->previewStateRoot(changes);
        QVERIFY(preview);
        // previewStateRoot writes nothing.
        QCOMPARE(ledger->stateRoot(), before);
        const Status status = commitChanges(*ledger, changes);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        applyToModel(model, changes);
        QCOMPARE(ledger->stateRoot(), *preview);
        QCOMPARE(ledger->stateRoot(), Ledger::stateRootFor(modelAsChanges(model)));
    }
    // Delete everything: back to the empty-state root, no tree nodes left over.
    std::vector<StateChange> wipe;
    for (const auto &[key, value] : model)
        wipe.push_back({key, std::nullopt});
    QVERIFY(commitChanges(*ledger, wipe).ok());
    QCOMPARE(ledger->stateRoot(), gtx::ledger::defaultNodeHash(gtx::ledger::kStateTreeDepth));
    // No changes at all: the root stays.
    QCOMPARE(*ledger->previewStateRoot({}), ledger->stateRoot());
    QVERIFY(commitChanges(*ledger, {}).ok());
    // And refill.
    const auto refill = randomChanges(rng, 200, 1000, 0);
    QVERIFY(commitChanges(*ledger, refill).ok());
    Model refilled;
    applyToModel(refilled, refill);
    QCOMPARE(ledger->stateRoot(), Ledger::stateRootFor(modelAsChanges(refilled)));

    const auto report = ledger->verify();
    QVERIFY2(report.ok, report.problem.c_str());
    ledger.reset();
    auto raw = openRaw(dir);
    QVERIFY(raw);
    // Only non-default nodes of the stored levels (0, 5, 10, 15, 20) are
    // kept: one per non-empty bucket at level 0, at most five per bucket.
    const auto nodes = raw->queryText("SELECT count(*) FROM state_node");
    const auto leafNodes = raw->queryText("SELECT count(*) FROM state_node WHERE level = 0");
    const auto buckets = raw->queryText("SELECT count(DISTINCT bucket) FROM state");
    const auto otherLevels = raw->queryText("SELECT count(*) FROM state_node WHERE level % 5 != 0");
    QVERIFY(nodes && leafNodes && buckets && otherLevels);
    QCOMPARE(*leafNodes, *buckets);
    QVERIFY(std::stoll(*nodes) <= 5 * std::stoll(*buckets));
    QCOMPARE(*otherLevels, std::string("0"));
}

void TestLedger::rejectedBlocksWriteNothing()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Model model;
    auto ledger = createLedger(dir, &model);
    QVERIFY(ledger);
    std::mt19937_64 rng(7);
    for (int i = 0; i < 3; ++i) {
        const auto changes = randomChanges(rng, 20, 100, 0);
        QVERIFY(commitChanges(*ledger, changes).ok());
        applyToModel(model, changes);
    }
    const std::uint64_t height = ledger->height();
    const Hash256 head = ledger->headHash();
    const Hash256 root = ledger->stateRoot();
    const std::uint64_t audits = ledger->auditCount();
    const auto files = [&] {
        QMap<QString, QByteArray> d = digestsOf(dir);
        d.remove("ledger.db-shm");   // holds only read locks and the WAL index
        return d;
    };
    const auto before = files();

    const std::vector<StateChange> changes = {{gtx::toBytes("rejected/key"), gtx::toBytes("v")},
                                              {keyFor(1), std::nullopt}};
    const AuditEntry audit{1, "tester", "test.rejected", "must not be stored", ""};
    auto good = makeNextBlock(*ledger, changes);
    QVERIFY(good);

    const auto expectRejected = [&](const Block &block, const char *code) {
        const Status status =
            ledger->commitBlock(block, changes, std::span<const AuditEntry>(&audit, 1), &testSigner());
        QVERIFY(!status.ok());
        QCOMPARE(QString::fromStdString(status.error().code), QString(code));
        QCOMPARE(ledger->height(), height);
        QCOMPARE(ledger->headHash(), head);
        QCOMPARE(ledger->stateRoot(), root);
        QCOMPARE(ledger->auditCount(), audits);
        QVERIFY(!ledger->get(gtx::toBytes("rejected/key")));
        QCOMPARE(files(), before);
    };

    Block wrongParent = *good;
    wrongParent.header.parentHash.bytes[0] ^= 1;
    expectRejected(wrongParent, "ledger.wrong_parent");
    Block wrongHeight = *good;
    wrongHeight.header.height += 1;
    expectRejected(wrongHeight, "ledger.wrong_height");
    Block replay = *good;
    replay.header.height = height;
    expectRejected(replay, "ledger.wrong_height");
    Block wrongNetwork = *good;
    wrongNetwork.header.networkId += 1;
    expectRejected(wrongNetwork, "ledger.wrong_network");

    // Invalid changes and audit entries are refused before anything is written.
    const std::vector<StateChange> badKey = {
        {Bytes(gtx::ledger::kMaxStateKeyBytes + 1, 'k'), gtx::toBytes("v")}};
    QCOMPARE(QString::fromStdString(ledger->commitBlock(*good, badKey).error().code),
             QString("ledger.invalid_change"));
    const AuditEntry tooLong{1, "tester", "test.long",
                             std::string(gtx::ledger::kMaxAuditFieldBytes + 1, 'r'), ""};
    const Status longAudit =
        ledger->commitBlock(*good, changes, std::span<const AuditEntry>(&tooLong, 1), &testSigner());
    QCOMPARE(QString::fromStdString(longAudit.error().code), QString("ledger.invalid_audit"));
    QCOMPARE(files(), before);

    // The same block, correct, is accepted afterwards.
    QVERIFY(ledger->commitBlock(*good, changes).ok());
    QCOMPARE(ledger->height(), height + 1);

    // And after a reopen the rejected attempts left no trace.
    ledger.reset();
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    QCOMPARE((*reopened)->height(), height + 1);
    QCOMPARE((*reopened)->auditCount(), audits);
    QVERIFY((*reopened)->verify().ok);
}

void TestLedger::stateLogFoldsAndChecksTheRoot()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Model model;
    auto ledger = createLedger(dir, &model);
    QVERIFY(ledger);
    std::mt19937_64 rng(31);
    // Blocks between folds: their changes are read back from the log, in
    // memory and after a reopen, and verify() checks the head's root.
    for (int i = 0; i < 5; ++i) {
        const auto changes = randomChanges(rng, 30, 100, 0);
        QVERIFY(commitChanges(*ledger, changes).ok());
        applyToModel(model, changes);
    }
    const auto expectModel = [&](const Ledger &l) {
        for (const auto &[key, value] : model)
            QCOMPARE(l.get(key), std::optional(value));
        QCOMPARE(l.stateRoot(), Ledger::stateRootFor(modelAsChanges(model)));
    };
    expectModel(*ledger);
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(raw->queryText("SELECT count(*) FROM state_log").value(), std::string("5"));
    }
    ledger.reset();
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    expectModel(**reopened);
    auto report = (*reopened)->verify();
    QVERIFY2(report.ok, report.problem.c_str());
    // A fold empties the log and keeps the state.
    QVERIFY((*reopened)->flushState().ok());
    expectModel(**reopened);
    report = (*reopened)->verify();
    QVERIFY2(report.ok, report.problem.c_str());
    reopened->reset();
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(raw->queryText("SELECT count(*) FROM state_log").value(), std::string("0"));
        QCOMPARE(raw->queryText("SELECT value FROM meta WHERE name = 'folded_height'").value(),
                 std::string("5"));
    }

    // A root that its changes do not give is found when the log is folded:
    // by verify() at once, by the fold that it reaches, which writes nothing,
    // and from then on the ledger takes no more blocks.
    reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    Ledger &l = **reopened;
    const auto changes = randomChanges(rng, 10, 100, 0);
    auto bad = makeNextBlock(l, changes);
    QVERIFY(bad);
    bad->header.stateRoot.bytes[31] ^= 0x80;
    QVERIFY(l.commitBlock(*bad, changes).ok());
    report = l.verify();
    QVERIFY(!report.ok);
    QVERIFY2(QString::fromStdString(report.problem).contains("state log"), report.problem.c_str());
    const Status folded = l.flushState();
    QCOMPARE(QString::fromStdString(folded.error().code), QString("ledger.state_root_mismatch"));
    QVERIFY(QString::fromStdString(folded.error().message).contains("blocks 6 to 6"));
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(raw->queryText("SELECT value FROM meta WHERE name = 'folded_height'").value(),
                 std::string("5"));
    }
    auto next = makeNextBlock(l, {});
    QVERIFY(next);
    QCOMPARE(QString::fromStdString(l.commitBlock(*next, {}).error().code),
             QString("ledger.state_root_mismatch"));
    QCOMPARE(l.height(), std::uint64_t{6});
    reopened->reset();

    // A block whose commit folds (here the 1,024th block since the last
    // fold) is refused whole when the root is wrong.
    QTemporaryDir tmp2(tempBase() + "/ledger-XXXXXX");
    auto fresh = createLedger(pathOf(tmp2));
    QVERIFY(fresh);
    for (int i = 0; i < 1023; ++i)
        QVERIFY(commitChanges(*fresh, {}).ok());
    const auto lastChanges = randomChanges(rng, 10, 100, 0);
    auto last = makeNextBlock(*fresh, lastChanges);
    QVERIFY(last);
    Block wrong = *last;
    wrong.header.stateRoot.bytes[0] ^= 1;
    QCOMPARE(QString::fromStdString(fresh->commitBlock(wrong, lastChanges).error().code),
             QString("ledger.state_root_mismatch"));
    QCOMPARE(fresh->height(), std::uint64_t{1023});
    QVERIFY(!fresh->get(lastChanges.front().key));
    QVERIFY(!fresh->blockAt(1024));
}

void TestLedger::wrongPassphraseLeavesFilesUntouched()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        std::mt19937_64 rng(11);
        QVERIFY(commitChanges(*ledger, randomChanges(rng, 50, 100, 0)).ok());
        QVERIFY(ledger->putLocal("node.record", gtx::toBytes("kept")).ok());
    }
    const auto before = digestsOf(dir);
    QVERIFY(before.contains("ledger.db"));
    QVERIFY(before.contains("ledger.kdf"));
    for (const QByteArray &wrong : {QByteArray("wrong"), QByteArray(""), kPassphrase + " "}) {
        auto opened = Ledger::open(dir, bytesOf(wrong));
        QVERIFY(!opened);
        QCOMPARE(QString::fromStdString(opened.error().code), QString("ledger.wrong_passphrase"));
        QCOMPARE(digestsOf(dir), before);
    }
    // While the ledger is open elsewhere in this process, too (WAL present).
    auto open = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(open);
    std::mt19937_64 rng(12);
    QVERIFY(commitChanges(**open, randomChanges(rng, 10, 100, 0)).ok());
    const auto whileOpen = digestsOf(dir);
    auto wrong = Ledger::open(dir, bytesOf("nope"));
    QVERIFY(!wrong);
    QCOMPARE(QString::fromStdString(wrong.error().code), QString("ledger.wrong_passphrase"));
    QCOMPARE(digestsOf(dir), whileOpen);
}

void TestLedger::plaintextNeverReachesDisk()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const QByteArray marker = "PLAINTEXT-MARKER-4f1c9e";
    const Bytes markerBytes(marker.begin(), marker.end());
    auto ledger = createLedger(dir);
    QVERIFY(ledger);
    std::vector<StateChange> changes;
    for (int i = 0; i < 200; ++i) {
        Bytes value = markerBytes;
        value.push_back(static_cast<std::uint8_t>('0' + i % 10));
        changes.push_back({keyFor(static_cast<std::uint64_t>(i)), value});
    }
    changes.push_back({markerBytes, markerBytes});
    const AuditEntry audit{1, "operator-1", "test.marker", marker.toStdString(),
                           "details " + marker.toStdString()};
    QVERIFY(commitChanges(*ledger, changes, std::span<const AuditEntry>(&audit, 1)).ok());
    QVERIFY(ledger->appendAudit({2, "operator-1", "test.marker", marker.toStdString(), ""}, testSigner()).ok());
    QVERIFY(ledger->get(markerBytes).has_value());

    // While open: the commits sit in the WAL.
    const QByteArray db = readFile(dir / "ledger.db");
    const QByteArray wal = readFile(dir / "ledger.db-wal");
    QVERIFY(!db.isEmpty());
    QVERIFY(wal.size() > 4096);
    QVERIFY(!db.contains(marker));
    QVERIFY(!wal.contains(marker));
    // Nor the schema's own text (the database is encrypted page by page).
    QVERIFY(!db.contains("CREATE TABLE"));
    QVERIFY(!wal.contains("CREATE TABLE"));

    ledger.reset();
    QDirIterator it(qPath(dir), QDir::Files | QDir::Hidden);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(marker), qPrintable(path));
        QVERIFY2(!content.contains("SQLite format 3"), qPrintable(path));
        ++files;
    }
    QVERIFY(files >= 2);
    // The data is really there.
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    QCOMPARE((*reopened)->get(markerBytes), std::optional(markerBytes));
    QCOMPARE(QByteArray::fromStdString((*reopened)->auditRange(2, 1).value().at(0).entry.reason), marker);
}

void TestLedger::damagedFilesAreReported()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        std::mt19937_64 rng(99);
        for (int i = 0; i < 10; ++i)
            QVERIFY(commitChanges(*ledger, randomChanges(rng, 300, 3000, 0, 300)).ok());
    }
    const QByteArray db = readFile(dir / "ledger.db");
    const QByteArray kdf = readFile(dir / "ledger.kdf");
    QVERIFY(db.size() > 64 * 1024);
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.db-wal")));

    const auto expectCorrupt = [&](const char *fileName) {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        if (opened) {
            // Damage in pages the opening did not read shows in verify().
            const auto report = (*opened)->verify();
            QVERIFY(!report.ok);
            QVERIFY2(QString::fromStdString(report.problem).contains(fileName),
                     report.problem.c_str());
            return;
        }
        QCOMPARE(QString::fromStdString(opened.error().code), QString("ledger.corrupt"));
        QVERIFY2(QString::fromStdString(opened.error().message).contains(fileName),
                 opened.error().message.c_str());
    };
    const auto restore = [&] {
        QVERIFY(writeFile(dir / "ledger.db", db));
        QVERIFY(writeFile(dir / "ledger.kdf", kdf));
        for (const char *extra : {"ledger.db-wal", "ledger.db-shm"})
            QFile::remove(qPath(dir / extra));
    };

    // Truncated database, at several lengths.
    for (qsizetype size :
         {qsizetype(0), qsizetype(100), qsizetype(4096), db.size() / 2, db.size() - 4096}) {
        QVERIFY(writeFile(dir / "ledger.db", db.left(size)));
        expectCorrupt("ledger.db");
        restore();
    }
    // Garbage in the middle, and at the start.
    for (qsizetype offset : {db.size() / 2, db.size() / 3, qsizetype(16), qsizetype(5000)}) {
        QByteArray damaged = db;
        for (int i = 0; i < 64; ++i)
            damaged[offset + i] = char(0x5a);
        QVERIFY(writeFile(dir / "ledger.db", damaged));
        expectCorrupt("ledger.db");
        restore();
    }
    // Damaged, truncated and missing key file.
    QByteArray flipped = kdf;
    flipped[40] = char(flipped[40] ^ 0x01);   // inside the salt
    for (const QByteArray &bad : {flipped, kdf.left(50), QByteArray(), kdf + "x"}) {
        QVERIFY(writeFile(dir / "ledger.kdf", bad));
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY(!opened);
        QCOMPARE(QString::fromStdString(opened.error().code), QString("ledger.corrupt"));
        QVERIFY(QString::fromStdString(opened.error().message).contains("ledger.kdf"));
        restore();
    }
    QVERIFY(QFile::remove(qPath(dir / "ledger.kdf")));
    auto noKdf = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!noKdf);
    QCOMPARE(QString::fromStdString(noKdf.error().code), QString("ledger.corrupt"));
    QVERIFY(QString::fromStdString(noKdf.error().message).contains("ledger.kdf"));
    restore();

    // Intact again: opens and verifies.
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(opened);
    QVERIFY((*opened)->verify().ok);
}

void TestLedger::changePassphraseKeepsEverything()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const QByteArray newPassphrase = "a new passphrase for 2026";
    Model model;
    Hash256 head;
    {
        auto ledger = createLedger(dir, &model);
        QVERIFY(ledger);
        std::mt19937_64 rng(5);
        for (int i = 0; i < 5; ++i) {
            const auto changes = randomChanges(rng, 100, 500, 4);
            QVERIFY(commitChanges(*ledger, changes).ok());
            applyToModel(model, changes);
        }
        QVERIFY(ledger->appendAudit({5, "operator-1", "test.before_change", "", ""}, testSigner()).ok());
        const auto oldKdf = readFile(dir / "ledger.kdf");
        const Status changed = ledger->changePassphrase(bytesOf(newPassphrase), kFastKdf);
        QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().message.c_str());
        QVERIFY(readFile(dir / "ledger.kdf") != oldKdf);
        QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));
        // Still usable after the change.
        const auto changes = randomChanges(rng, 100, 500, 4);
        QVERIFY(commitChanges(*ledger, changes).ok());
        applyToModel(model, changes);
        head = ledger->headHash();
    }
    auto old = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!old);
    QCOMPARE(QString::fromStdString(old.error().code), QString("ledger.wrong_passphrase"));

    auto opened = Ledger::open(dir, bytesOf(newPassphrase));
    QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
    Ledger &ledger = **opened;
    QCOMPARE(ledger.height(), std::uint64_t{6});
    QCOMPARE(ledger.headHash(), head);
    QCOMPARE(ledger.stateRoot(), Ledger::stateRootFor(modelAsChanges(model)));
    for (const auto &[key, value] : model)
        QCOMPARE(ledger.get(key), std::optional(value));
    QCOMPARE(ledger.auditCount(), std::uint64_t{2});
    const auto report = ledger.verify();
    QVERIFY2(report.ok, report.problem.c_str());

    // The database key really changed: the old one no longer decrypts it.
    opened->reset();
    QVERIFY(!openRaw(dir, kPassphrase));
    QVERIFY(openRaw(dir, newPassphrase));
}

void TestLedger::interruptedPassphraseChangeStillOpens()
{
    // The two crash points of changePassphrase(), rebuilt from the files
    // before and after a completed change.
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const QByteArray newPassphrase = "after the change";
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        std::mt19937_64 rng(3);
        QVERIFY(commitChanges(*ledger, randomChanges(rng, 50, 100, 0)).ok());
    }
    const QByteArray oldDb = readFile(dir / "ledger.db");
    const QByteArray oldKdf = readFile(dir / "ledger.kdf");
    {
        auto ledger = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY(ledger);
        QVERIFY((*ledger)->changePassphrase(bytesOf(newPassphrase), kFastKdf).ok());
    }
    const QByteArray newDb = readFile(dir / "ledger.db");
    const QByteArray newKdf = readFile(dir / "ledger.kdf");
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.db-wal")));

    const auto arrange = [&](const QByteArray &db, const QByteArray &kdf,
                             const QByteArray &pending) {
        QVERIFY(writeFile(dir / "ledger.db", db));
        QVERIFY(writeFile(dir / "ledger.kdf", kdf));
        QVERIFY(writeFile(dir / "ledger.kdf.new", pending));
    };

    // Crash before the database was re-encrypted: the old passphrase rules.
    arrange(oldDb, oldKdf, newKdf);
    auto refused = Ledger::open(dir, bytesOf(newPassphrase));
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().code), QString("ledger.wrong_passphrase"));
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QCOMPARE((*opened)->height(), std::uint64_t{1});
        QVERIFY((*opened)->verify().ok);
    }
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));
    QCOMPARE(readFile(dir / "ledger.kdf"), oldKdf);

    // Crash after re-encryption, before ledger.kdf was replaced: the new one rules.
    arrange(newDb, oldKdf, newKdf);
    auto stale = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!stale);
    QCOMPARE(QString::fromStdString(stale.error().code), QString("ledger.wrong_passphrase"));
    {
        auto opened = Ledger::open(dir, bytesOf(newPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QCOMPARE((*opened)->height(), std::uint64_t{1});
        QVERIFY((*opened)->verify().ok);
    }
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));
    QCOMPARE(readFile(dir / "ledger.kdf"), newKdf);
    QVERIFY(Ledger::open(dir, bytesOf(newPassphrase)));
}

void TestLedger::auditIsAppendOnlyAndChained()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    std::vector<AuditRecord> records;
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        for (int i = 0; i < 5; ++i) {
            auto record = ledger->appendAudit({1000 + i, "operator-" + std::to_string(i),
                                               "emergency.halt", "reason " + std::to_string(i),
                                               "zones=BKK,NON"}, testSigner());
            QVERIFY(record);
            QCOMPARE(record->sequence, std::uint64_t(i + 2));
            QCOMPARE(record->hash, gtx::ledger::auditHash(record->sequence, record->previousHash,
                                                          testSigner().publicKey(), record->entry));
            QCOMPARE(record->signer, testSigner().publicKey());
            QVERIFY(gtx::ledger::auditRecordProblem(*record).empty());
            records.push_back(*record);
        }
        const auto range = ledger->auditRange(2, 100).value();
        QCOMPARE(range.size(), std::size_t{5});
        for (std::size_t i = 0; i < range.size(); ++i)
            QCOMPARE(range[i], records[i]);
        QCOMPARE(range[1].previousHash, range[0].hash);
        QCOMPARE(ledger->auditRange(1, 1).value().at(0).previousHash, Hash256{});
        QCOMPARE(ledger->auditRange(3, 2).value().size(), std::size_t{2});
        QVERIFY(ledger->auditRange(100, 2).value().empty());

        // Oversized fields and a missing action are refused.
        AuditEntry big{1, "a", "x", "", std::string(gtx::ledger::kMaxAuditFieldBytes + 1, 'd')};
        QCOMPARE(QString::fromStdString(ledger->appendAudit(big, testSigner()).error().code),
                 QString("ledger.invalid_audit"));
        QVERIFY(!ledger->appendAudit({1, "a", "", "", ""}, testSigner()));
        QCOMPARE(ledger->auditCount(), std::uint64_t{6});

        // The entry codec round-trips and enforces the field limit.
        const AuditEntry entry = records[0].entry;
        auto decoded = gtx::codec::decode<AuditEntry>(gtx::codec::encode(entry), "audit entry");
        QVERIFY(decoded);
        QCOMPARE(*decoded, entry);
        QVERIFY(!gtx::codec::decode<AuditEntry>(gtx::codec::encode(big), "audit entry"));
    }

    // Through a second connection that holds the key: UPDATE and DELETE abort.
    {
        auto raw = openRaw(dir);
        QVERIFY2(raw, raw ? "" : raw.error().message.c_str());
        const Status update = raw->exec("UPDATE audit SET reason = 'forged' WHERE sequence = 3");
        QVERIFY(!update.ok());
        QVERIFY2(QString::fromStdString(update.error().message).contains("append-only"),
                 update.error().message.c_str());
        QVERIFY(!raw->exec("DELETE FROM audit WHERE sequence = 6").ok());
        QVERIFY(!raw->exec("DELETE FROM audit").ok());
    }
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(opened);
    QCOMPARE((*opened)->auditCount(), std::uint64_t{6});
    QCOMPARE((*opened)->auditRange(2, 100).value().at(1), records[1]);
    QVERIFY((*opened)->verify().ok);
    // Sequence numbers continue after a reopen.
    auto next = (*opened)->appendAudit({9, "operator-9", "node.unlocked", "", ""}, testSigner());
    QVERIFY(next);
    QCOMPARE(next->sequence, std::uint64_t{7});
    QCOMPARE(next->previousHash, records.back().hash);
}

// Someone holding the database key rewrites a record in the middle with
// INSERT OR REPLACE (REPLACE deletes the old row without firing DELETE
// triggers) and recomputes every later hash, so the chain still links. The
// database must refuse any insert other than the next record on the last hash.
void TestLedger::auditAdmitsOnlyTheNextRecord()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    std::vector<AuditRecord> records;
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        for (int i = 0; i < 6; ++i)
            QVERIFY(ledger->appendAudit({1000 + i, "operator-" + std::to_string(i),
                                         "emergency.halt", "reason " + std::to_string(i), ""}, testSigner()));
        records = ledger->auditRange(1, 100).value();
    }
    QCOMPARE(records.size(), std::size_t{7});
    const auto insertSql = [](const char *verb) {
        return std::string(verb)
               + " INTO audit (sequence, time_ms, actor, action, reason, details, prev_hash, "
                 "hash, signer, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    };
    const auto insert = [](gtx::ledger::sql::Statement &st, const AuditRecord &r) {
        return st.start()
            .bind(1, static_cast<std::int64_t>(r.sequence))
            .bind(2, r.entry.timeMs)
            .bindText(3, r.entry.actor)
            .bindText(4, r.entry.action)
            .bindText(5, r.entry.reason)
            .bindText(6, r.entry.details)
            .bind(7, r.previousHash.view())
            .bind(8, r.hash.view())
            .bind(9, r.signer.view())
            .bind(10, r.signature.view())
            .run();
    };
    const auto expectRefused = [](const Status &status) {
        QVERIFY(!status.ok());
        QVERIFY2(QString::fromStdString(status.error().message).contains("append-only"),
                 status.error().message.c_str());
    };
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        // The rewrite: record 3 forged, records 3..7 re-hashed.
        std::vector<AuditRecord> forged = records;
        forged[2].entry.reason = "forged";
        for (std::size_t i = 2; i < forged.size(); ++i) {
            forged[i].previousHash = forged[i - 1].hash;
            forged[i].hash = gtx::ledger::auditHash(forged[i].sequence, forged[i].previousHash,
                                                    forged[i].signer, forged[i].entry);
        }
        for (const char *verb : {"INSERT OR REPLACE", "REPLACE", "INSERT OR IGNORE"}) {
            auto st = raw->prepare(insertSql(verb));
            QVERIFY(st);
            expectRefused(insert(*st, forged[2]));
        }
        auto st = raw->prepare(insertSql("INSERT"));
        QVERIFY(st);
        // A record that skips a number, one that does not link to the last
        // hash, and a second record 1 (after the chain is emptied) are refused.
        AuditRecord next = records.back();
        next.sequence += 2;
        next.previousHash = records.back().hash;
        expectRefused(insert(*st, next));
        next.sequence = records.back().sequence + 1;
        next.previousHash = records[3].hash;
        expectRefused(insert(*st, next));
        next.previousHash = Hash256{};
        expectRefused(insert(*st, next));
    }
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(opened);
    QCOMPARE((*opened)->auditRange(1, 100).value(), records);
    const auto report = (*opened)->verify();
    QVERIFY2(report.ok, report.problem.c_str());
    // The ledger's own appends still pass the rule.
    auto appended = (*opened)->appendAudit({2000, "operator-7", "node.unlocked", "", ""}, testSigner());
    QVERIFY2(appended, appended ? "" : appended.error().message.c_str());
    QCOMPARE(appended->sequence, std::uint64_t{8});
}

void TestLedger::verifyFindsTampering()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        std::mt19937_64 rng(17);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(commitChanges(*ledger, randomChanges(rng, 30, 200, 0)).ok());
            QVERIFY(ledger->appendAudit({i, "operator", "test.step", "", ""}, testSigner()).ok());
        }
        QVERIFY(ledger->verify().ok);
    }
    const QByteArray pristine = readFile(dir / "ledger.db");
    const auto tamper = [&](const char *sql, const char *expected) {
        {
            auto raw = openRaw(dir);
            QVERIFY(raw);
            const Status status = raw->exec(sql);
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        }
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        if (opened) {
            const auto report = (*opened)->verify();
            QVERIFY2(!report.ok, sql);
            QVERIFY2(QString::fromStdString(report.problem).contains(expected),
                     report.problem.c_str());
        } else {
            QVERIFY2(QString::fromStdString(opened.error().message).contains(expected),
                     opened.error().message.c_str());
        }
        opened = gtx::Error{};
        QVERIFY(writeFile(dir / "ledger.db", pristine));
        QFile::remove(qPath(dir / "ledger.db-wal"));
        QFile::remove(qPath(dir / "ledger.db-shm"));
    };

    // An audit record edited by someone who removed the protection and put it back.
    tamper("DROP TRIGGER audit_no_update;"
           "UPDATE audit SET reason = 'forged' WHERE sequence = 3;"
           "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
           "audit record 3");
    // A record removed from the middle.
    tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE sequence = 2;"
           "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
           "audit record");
    // The protection itself removed.
    tamper("DROP TRIGGER audit_no_update", "append-only");
    // A state value changed behind the tree's back.
    tamper("UPDATE state SET value = x'00' WHERE key = (SELECT key FROM state LIMIT 1)",
           "state root");
    // A state entry removed.
    tamper("DELETE FROM state WHERE key = (SELECT key FROM state ORDER BY key LIMIT 1)",
           "state root");
    // A stored tree node changed (the root still matches; later updates would not).
    tamper("UPDATE state_node SET hash = zeroblob(32) WHERE level = 5 AND "
           "idx = (SELECT idx FROM state_node WHERE level = 5 LIMIT 1)",
           "state tree node");
    // A stored tree node removed.
    tamper("DELETE FROM state_node WHERE level = 0 AND "
           "idx = (SELECT idx FROM state_node WHERE level = 0 LIMIT 1)",
           "state tree node");
    // A block in the middle replaced by another.
    tamper("UPDATE blocks SET data = (SELECT data FROM blocks WHERE height = 1) WHERE height = 2",
           "block 2");
    // A block removed from the middle.
    tamper("DELETE FROM blocks WHERE height = 2", "not contiguous");
}

void TestLedger::newerSchemaIsRefused()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    QVERIFY(createLedger(dir));
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(raw->exec("UPDATE meta SET value = 7 WHERE name = 'schema_version'").ok());
    }
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!opened);
    QCOMPARE(QString::fromStdString(opened.error().code), QString("ledger.schema_too_new"));
    QVERIFY(QString::fromStdString(opened.error().message).contains("Upgrade"));
}

// The consensus log: entries come back in append order after a reopen,
// pruning removes those at or below a slot, the bounds are refused with
// their codes, and a version 3 ledger gets an empty log when it is opened.
void TestLedger::consensusLogKeepsEntriesUntilPruned()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Hash256 root;
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        root = ledger->stateRoot();
        QVERIFY(ledger->consensusLog().value().empty());
        using Entry = gtx::ledger::Ledger::LogEntry;
        const std::vector<Entry> first{{12, gtx::toBytes("block at 12")}, {11, gtx::toBytes("late vote for 11")}};
        QVERIFY(ledger->appendConsensusLog(first).ok());
        const std::vector<Entry> second{{13, gtx::toBytes("block at 13")}};
        QVERIFY(ledger->appendConsensusLog(second).ok());
        // A batch with one entry too big writes none of it.
        const std::vector<Entry> big{{14, gtx::toBytes("fine")}, {14, Bytes(gtx::ledger::kMaxConsensusLogEntryBytes + 1, 7)}};
        const auto refused = ledger->appendConsensusLog(big);
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error().code), QString("ledger.invalid_log"));
        QCOMPARE(ledger->consensusLog().value().size(), std::size_t{3});
        QCOMPARE(ledger->stateRoot(), root);
        // Bounded: a batch that would take the log past its limit writes
        // none of it and says so; up to the limit exactly is fine.
        std::vector<Entry> many(gtx::ledger::kMaxConsensusLogEntries - 3, Entry{20, gtx::toBytes("v")});
        many.push_back({20, gtx::toBytes("one too many")});
        const auto full = ledger->appendConsensusLog(many);
        QVERIFY(!full.ok());
        QCOMPARE(QString::fromStdString(full.error().code), QString("ledger.log_full"));
        QCOMPARE(ledger->consensusLog().value().size(), std::size_t{3});
        many.pop_back();
        QVERIFY(ledger->appendConsensusLog(many).ok());
        QCOMPARE(ledger->consensusLog().value().size(), gtx::ledger::kMaxConsensusLogEntries);
        QVERIFY(!ledger->appendConsensusLog(second).ok());
        QVERIFY(ledger->pruneConsensusLog(20).ok());   // the many go with slot 20
        QCOMPARE(ledger->consensusLog().value().size(), std::size_t{0});
        QVERIFY(ledger->appendConsensusLog(first).ok());
        QVERIFY(ledger->appendConsensusLog(second).ok());
    }
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY(opened);
        auto &ledger = **opened;
        const auto log = ledger.consensusLog().value();
        QCOMPARE(log.size(), std::size_t{3});
        QCOMPARE(log[0], gtx::toBytes("block at 12"));
        QCOMPARE(log[1], gtx::toBytes("late vote for 11"));
        QCOMPARE(log[2], gtx::toBytes("block at 13"));
        QVERIFY(ledger.pruneConsensusLog(12).ok());
        QCOMPARE(ledger.consensusLog().value(), std::vector<Bytes>{gtx::toBytes("block at 13")});
        QVERIFY(ledger.verify().ok);
    }
    {
        // A version 3 ledger has no consensus log: it gets an empty one.
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(raw->exec("DROP TABLE consensus_log").ok());
        QVERIFY(makeAuditUnsigned(*raw, "audit_next_only").ok());
        QVERIFY(raw->exec("UPDATE meta SET value = 3 WHERE name = 'schema_version'").ok());
    }
    auto upgraded = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY2(upgraded, upgraded ? "" : upgraded.error().message.c_str());
    QVERIFY((*upgraded)->consensusLog().value().empty());
    QCOMPARE((*upgraded)->stateRoot(), root);
    QVERIFY((*upgraded)->verify().ok);
}

void TestLedger::localRecordsAreDurableAndSeparate()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const Bytes first = gtx::toBytes("first value");
    const Bytes second(300, 0xA5);
    Hash256 root;
    std::uint64_t audits = 0;
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        root = ledger->stateRoot();
        audits = ledger->auditCount();
        QVERIFY(!ledger->getLocal("node.record").value());
        QVERIFY(ledger->putLocal("node.record", first).ok());
        QCOMPARE(ledger->getLocal("node.record").value(), std::optional(first));
        QVERIFY(ledger->putLocal("node.record", second).ok());   // overwrite
        QCOMPARE(ledger->getLocal("node.record").value(), std::optional(second));
        QVERIFY(ledger->putLocal("node.empty", Bytes{}).ok());
        QCOMPARE(ledger->getLocal("node.empty").value(), std::optional(Bytes{}));
        // Neither the state (and its root) nor the audit trail changes, and
        // the state does not see the record.
        QCOMPARE(ledger->stateRoot(), root);
        QCOMPARE(ledger->auditCount(), audits);
        QVERIFY(!ledger->get(gtx::toBytes("node.record")));

        // Bounds: names 1..128 printable characters, values up to 64 KiB.
        const std::pair<std::string, std::size_t> refused[] = {
            {"", 1},
            {std::string(gtx::ledger::kMaxLocalKeyBytes + 1, 'k'), 1},
            {"with space", 1},
            {"tab\tname", 1},
            {"node.big", gtx::ledger::kMaxLocalValueBytes + 1},
        };
        for (const auto &[key, size] : refused) {
            const auto status = ledger->putLocal(key, Bytes(size, 1));
            QVERIFY(!status.ok());
            QCOMPARE(QString::fromStdString(status.error().code), QString("ledger.invalid_local"));
        }
        QVERIFY(ledger->putLocal(std::string(gtx::ledger::kMaxLocalKeyBytes, 'k'),
                                 Bytes(gtx::ledger::kMaxLocalValueBytes, 2))
                    .ok());
        QCOMPARE(QString::fromStdString(ledger->getLocal("").error().code), QString("ledger.invalid_local"));
        QVERIFY(ledger->verify().ok);
    }
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    QCOMPARE((*reopened)->getLocal("node.record").value(), std::optional(second));
    QCOMPARE((*reopened)->getLocal("node.empty").value(), std::optional(Bytes{}));
    QCOMPARE((*reopened)->getLocal(std::string(gtx::ledger::kMaxLocalKeyBytes, 'k')).value(),
             std::optional(Bytes(gtx::ledger::kMaxLocalValueBytes, 2)));
    QCOMPARE((*reopened)->stateRoot(), root);
    QCOMPARE((*reopened)->auditCount(), audits);
    // The records survive a passphrase change.
    QVERIFY((*reopened)->changePassphrase(bytesOf("another passphrase"),
                                          gtx::crypto::Argon2Params::floor())
                .ok());
    QCOMPARE((*reopened)->getLocal("node.record").value(), std::optional(second));
    QVERIFY((*reopened)->putLocal("node.record", first).ok());
    reopened->reset();
    auto again = Ledger::open(dir, bytesOf("another passphrase"));
    QVERIFY(again);
    QCOMPARE((*again)->getLocal("node.record").value(), std::optional(first));
    QVERIFY((*again)->verify().ok);
}

void TestLedger::olderSchemaIsUpgraded()
{
    // A version 1 ledger (before local records, blocks in the older encoding
    // with a parent certificate and no consensus records) opens, is
    // converted, and keeps its blocks, state and audit trail.
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    Model model;
    std::vector<Block> blocks;
    std::uint64_t audits = 0;
    {
        auto ledger = createLedger(dir, &model);
        QVERIFY(ledger);
        std::mt19937_64 rng(21);
        for (int i = 0; i < 3; ++i) {
            const auto changes = randomChanges(rng, 40, 100, 0);
            QVERIFY(commitChanges(*ledger, changes).ok());
            applyToModel(model, changes);
        }
        for (std::uint64_t h = 0; h <= ledger->height(); ++h)
            blocks.push_back(ledger->blockAt(h).value());
        audits = ledger->auditCount();
        // Older ledgers kept the head's state in the state tables.
        QVERIFY(ledger->flushState().ok());
    }
    QCOMPARE(blocks.size(), std::size_t{4});
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(raw->exec("DROP TABLE local_meta").ok());
        QVERIFY(raw->exec("DROP TABLE state_log").ok());
        QVERIFY(raw->exec("DROP TABLE consensus_log").ok());
        QVERIFY(makeAuditUnsigned(*raw, "audit_next_only").ok());
        QVERIFY(raw->exec("DELETE FROM meta WHERE name = 'folded_height'").ok());
        QVERIFY(raw->exec("UPDATE meta SET value = 1 WHERE name = 'schema_version'").ok());
        auto update = raw->prepare("UPDATE blocks SET data = ?2 WHERE height = ?1");
        QVERIFY(update);
        for (const Block &block : blocks) {
            gtx::codec::Writer w;
            w.value(block.header);
            w.list(block.transactions);
            w.u32(0);                       // evidence
            w.value(gtx::Certificate{});    // the parent certificate
            w.fixed(block.proposerSignature);
            const Bytes legacy = w.take();
            QVERIFY(legacy != gtx::codec::encode(block));
            QVERIFY(update->start()
                        .bind(1, static_cast<std::int64_t>(block.header.height))
                        .bind(2, gtx::ByteView(legacy))
                        .run()
                        .ok());
        }
    }
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QCOMPARE((*opened)->headHash(), gtx::blockHash(blocks.back().header));
        for (const Block &block : blocks)
            QCOMPARE((*opened)->blockAt(block.header.height).value(), block);
        QCOMPARE((*opened)->auditCount(), audits);
        QVERIFY(!(*opened)->getLocal("node.record").value());
        QVERIFY((*opened)->putLocal("node.record", gtx::toBytes("v")).ok());
        const auto report = (*opened)->verify();
        QVERIFY2(report.ok, report.problem.c_str());
        for (const auto &[key, value] : model)
            QCOMPARE((*opened)->get(key), std::optional(value));
        // It goes on as a current ledger.
        std::mt19937_64 rng(22);
        QVERIFY(commitChanges(**opened, randomChanges(rng, 10, 100, 0)).ok());
    }
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(raw->queryText("SELECT value FROM meta WHERE name = 'schema_version'").value(),
                 std::string("6"));
    }
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(opened);
    QCOMPARE((*opened)->height(), std::uint64_t{4});
    QCOMPARE((*opened)->getLocal("node.record").value(), std::optional(gtx::toBytes("v")));
    QVERIFY((*opened)->verify().ok);
}

// A version 4 ledger has no insert rule. Opening adds it, but only over a
// trail that verifies: a rewrite done before the upgrade must not be sealed
// in as if it were the original.
void TestLedger::auditRuleIsAddedToAnIntactTrailOnly()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        for (int i = 0; i < 3; ++i)
            QVERIFY(ledger->appendAudit({1000 + i, "operator", "test.step", "", ""}, testSigner()));
    }
    const auto makeVersion4 = [&](const char *extra) {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(makeAuditUnsigned(*raw, "audit_next_only").ok());
        QVERIFY(raw->exec("UPDATE meta SET value = 4 WHERE name = 'schema_version'").ok());
        if (*extra) {
            const Status status = raw->exec(extra);
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        }
    };
    const QByteArray pristine = readFile(dir / "ledger.db");
    makeVersion4("");
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        const auto report = (*opened)->verify();
        QVERIFY2(report.ok, report.problem.c_str());
        QCOMPARE(report.auditRecords, std::uint64_t{4});
        QCOMPARE(report.unsignedAuditRecords, std::uint64_t{4});
        // The next record is signed and follows the unsigned ones.
        QVERIFY((*opened)->appendAudit({2000, "operator", "test.after", "", ""}, testSigner()));
        const auto after = (*opened)->verify();
        QVERIFY2(after.ok, after.problem.c_str());
        QCOMPARE(after.unsignedAuditRecords, std::uint64_t{4});
    }
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QCOMPARE(raw->queryText("SELECT value FROM meta WHERE name = 'schema_version'").value(),
                 std::string("6"));
        QVERIFY(!raw->exec("INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE sequence = 2")
                     .ok());
    }

    // A version 4 ledger whose record 2 was rewritten: not upgraded, and the
    // error names the trail.
    QVERIFY(writeFile(dir / "ledger.db", pristine));
    QFile::remove(qPath(dir / "ledger.db-wal"));
    QFile::remove(qPath(dir / "ledger.db-shm"));
    makeVersion4("INSERT OR REPLACE INTO audit (sequence, time_ms, actor, action, reason, "
                 "details, prev_hash, hash) SELECT sequence, time_ms, actor, action, 'forged', "
                 "details, prev_hash, hash FROM audit WHERE sequence = 2");
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!opened);
    QVERIFY2(errorMessage(opened.error()).contains("audit trail cannot be upgraded"),
             qPrintable(errorMessage(opened.error())));
    QVERIFY2(errorMessage(opened.error()).contains("audit record 2"),
             qPrintable(errorMessage(opened.error())));
}

// The attack of someone who holds the database key: drop the triggers,
// rewrite a record in the middle, recompute every later hash (and link),
// recreate the triggers exactly. The chain and the schema hold; the
// signatures do not. A record re-signed under another key, an unsigned
// record after a signed one, and an entry without a key are refused too.
void TestLedger::auditRecordsAreSignedByTheirWriter()
{
    using gtx::ledger::AuditRecord;
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    std::array<std::uint8_t, 32> otherSeed{};
    otherSeed.fill(0x33);
    const auto other = gtx::crypto::KeyPair::fromSeed(otherSeed);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        for (int i = 0; i < 5; ++i)
            QVERIFY(ledger->appendAudit({1000 + i, "operator", "emergency.halt",
                                         "reason " + std::to_string(i), "zones=BKK"},
                                        i % 2 ? other : testSigner()));
        const auto records = ledger->auditRange(1, 10).value();
        QCOMPARE(records.size(), std::size_t{6});
        QVERIFY(records[0].signer == testSigner().publicKey());   // ledger.created
        QVERIFY(records[2].signer == other.publicKey());
        for (const AuditRecord &record : records)
            QVERIFY2(gtx::ledger::auditRecordProblem(record).empty(),
                     gtx::ledger::auditRecordProblem(record).c_str());
        // No key, no record.
        const gtx::crypto::KeyPair none;
        auto refused = ledger->appendAudit({2000, "operator", "test.unsigned", "", ""}, none);
        QVERIFY(!refused);
        QCOMPARE(errorCode(refused.error()), QString("ledger.no_signer"));
        QCOMPARE(ledger->auditCount(), std::uint64_t{6});
        const auto report = ledger->verify();
        QVERIFY2(report.ok, report.problem.c_str());
        QCOMPARE(report.unsignedAuditRecords, std::uint64_t{0});
    }
    const QByteArray pristine = readFile(dir / "ledger.db");
    const auto restore = [&] {
        QVERIFY(writeFile(dir / "ledger.db", pristine));
        QFile::remove(qPath(dir / "ledger.db-wal"));
        QFile::remove(qPath(dir / "ledger.db-shm"));
    };

    // Rewrites records from `from` on: record `from` gets `reason`, is
    // signed by `signer` (or keeps its old signature when null, or is left
    // unsigned when `unsign`), and every later record is re-hashed and
    // re-linked under its own signer and old signature.
    const auto rewrite = [&](std::uint64_t from, const std::string &reason,
                             const gtx::crypto::KeyPair *signer, bool unsign) {
        std::vector<AuditRecord> records;
        {
            auto ledger = Ledger::open(dir, bytesOf(kPassphrase));
            QVERIFY(ledger);
            records = (*ledger)->auditRange(1, 100).value();
        }
        auto raw = openRaw(dir);
        QVERIFY(raw);
        std::vector<std::string> triggers;
        {
            auto st = raw->prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'");
            QVERIFY(st);
            st->start();
            while (st->next().value())
                triggers.push_back(st->text(0));
        }
        QCOMPARE(triggers.size(), std::size_t{3});
        for (const char *sql : {"DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete",
                                "DROP TRIGGER audit_next_only"})
            QVERIFY(raw->exec(sql).ok());
        auto update = raw->prepare("UPDATE audit SET reason = ?2, prev_hash = ?3, hash = ?4, "
                                   "signer = ?5, signature = ?6 WHERE sequence = ?1");
        QVERIFY(update);
        gtx::crypto::Hash256 previous = records[from - 2].hash;
        for (std::size_t i = from - 1; i < records.size(); ++i) {
            AuditRecord &r = records[i];
            r.previousHash = previous;
            if (r.sequence == from) {
                r.entry.reason = reason;
                if (unsign) {
                    r.signer = {};
                    r.signature = {};
                } else if (signer) {
                    r.signer = signer->publicKey();
                }
            }
            r.hash = gtx::ledger::auditHash(r.sequence, r.previousHash, r.signer, r.entry);
            if (r.sequence == from && signer)
                r.signature = signer->sign(gtx::ledger::kAuditSignatureDomain, r.hash.view());
            previous = r.hash;
            const gtx::ByteView signerBytes = r.signer.isZero() ? gtx::ByteView{} : r.signer.view();
            const gtx::ByteView signatureBytes =
                r.signature.isZero() ? gtx::ByteView{} : r.signature.view();
            const gtx::Status status = update->start()
                                           .bind(1, static_cast<std::int64_t>(r.sequence))
                                           .bindText(2, r.entry.reason)
                                           .bind(3, r.previousHash.view())
                                           .bind(4, r.hash.view())
                                           .bind(5, signerBytes)
                                           .bind(6, signatureBytes)
                                           .run();
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        }
        for (const std::string &trigger : triggers)
            QVERIFY(raw->exec(trigger.c_str()).ok());
    };
    const auto verifyProblem = [&]() -> std::string {
        auto ledger = Ledger::open(dir, bytesOf(kPassphrase));
        if (!ledger)
            return "open: " + ledger.error().message;
        const auto report = (*ledger)->verify();
        return report.ok ? std::string() : report.problem;
    };

    // The attack: record 3 edited, the rest re-chained, the
    // signatures kept.
    rewrite(3, "forged", nullptr, false);
    std::string problem = verifyProblem();
    QVERIFY2(QString::fromStdString(problem).contains("audit record 3 has a signature that does "
                                                      "not verify"),
             problem.c_str());
    // The same, re-signed by a key of the attacker's making: the edited
    // record verifies (the limit audit.h states), but record 4's signature
    // covered the old hash chain.
    restore();
    const auto attacker = gtx::crypto::KeyPair::generate();
    rewrite(3, "forged", &attacker, false);
    problem = verifyProblem();
    QVERIFY2(QString::fromStdString(problem).contains("audit record 4 has a signature"),
             problem.c_str());
    // The newest record rewritten and re-signed by another key: its own
    // signature holds; nothing local can tell (anchored checkpoints will).
    restore();
    rewrite(6, "forged", &attacker, false);
    QCOMPARE(verifyProblem(), std::string());
    // An unsigned record after signed ones (the edit disguised as an old,
    // unsigned record).
    restore();
    rewrite(6, "forged", nullptr, true);
    problem = verifyProblem();
    QVERIFY2(QString::fromStdString(problem).contains("audit record 6 is not signed"),
             problem.c_str());
    // A signer without a signature, or garbage where the key should be.
    restore();
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(raw->exec("DROP TRIGGER audit_no_update").ok());
        QVERIFY(raw->exec("UPDATE audit SET signature = x'' WHERE sequence = 2").ok());
    }
    QVERIFY(!verifyProblem().empty());
    restore();
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(raw->exec("DROP TRIGGER audit_no_update").ok());
        QVERIFY(raw->exec("UPDATE audit SET signer = x'0102' WHERE sequence = 2").ok());
    }
    problem = verifyProblem();
    QVERIFY2(QString::fromStdString(problem).contains("malformed"), problem.c_str());

    // A version 5 ledger (unsigned records under the insert rule) is
    // upgraded: its records stay as they were, counted as unsigned, and new
    // ones are signed.
    restore();
    {
        auto raw = openRaw(dir);
        QVERIFY(raw);
        QVERIFY(makeAuditUnsigned(*raw).ok());
        QVERIFY(raw->exec("UPDATE meta SET value = 5 WHERE name = 'schema_version'").ok());
    }
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QVERIFY((*opened)->appendAudit({3000, "operator", "test.after", "", ""}, testSigner()));
        const auto report = (*opened)->verify();
        QVERIFY2(report.ok, report.problem.c_str());
        QCOMPARE(report.auditRecords, std::uint64_t{7});
        QCOMPARE(report.unsignedAuditRecords, std::uint64_t{6});
        QVERIFY((*opened)->auditRange(7, 1).value().front().signer == testSigner().publicKey());
        QVERIFY((*opened)->auditRange(6, 1).value().front().signer.isZero());
    }
}

void TestLedger::survivesSigkill()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    QVERIFY(createLedger(dir));
    const QString writer = QStringLiteral(GTX_LEDGER_WRITER_PATH);
    QVERIFY(QFileInfo::exists(writer));

    std::mt19937_64 rng(0x5eed);
    std::uint64_t lastPrinted = 0;
    int killsMidCommit = 0;
    const int kKills = 12;
    for (int round = 0; round < kKills; ++round) {
        QStringList args = {qPath(dir), QString::fromUtf8(kPassphrase), QString::number(round + 1)};
        // Odd rounds: the writer kills itself a few microseconds into a commit.
        if (round % 2 == 1)
            args << QString::number(lastPrinted + 2 + rng() % 3) << QString::number(rng() % 4000);
        QProcess process;
        process.start(writer, args);
        QVERIFY(process.waitForStarted(10000));
        if (round % 2 == 0) {
            // Even rounds: killed from outside after a seeded delay counted
            // from the first output (the ledger is open by then).
            QVERIFY(process.waitForReadyRead(20000));
            QTest::qWait(static_cast<int>(rng() % 400));
            process.kill();
        }
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        bool lastWasBegin = false;
        std::uint64_t lastBegun = lastPrinted;   // the highest block the writer started
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            bool isNumber = false;
            const qulonglong height = line.toULongLong(&isNumber);
            if (isNumber) {
                lastPrinted = std::max<std::uint64_t>(lastPrinted, height);
                lastWasBegin = false;
            } else if (line.startsWith("begin ")) {
                lastWasBegin = true;
                lastBegun = std::max<std::uint64_t>(lastBegun, line.mid(6).toULongLong());
            }
        }
        if (lastWasBegin)
            ++killsMidCommit;

        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        Ledger &ledger = **opened;
        QVERIFY2(ledger.height() >= lastPrinted,
                 qPrintable(QString("height %1 < printed %2")
                                .arg(ledger.height())
                                .arg(lastPrinted)));
        // Nothing beyond the last block begun: a killed commit is whole or absent.
        QVERIFY2(ledger.height() <= lastBegun,
                 qPrintable(QString("height %1 > last begun %2").arg(ledger.height()).arg(lastBegun)));
        const auto report = ledger.verify();
        QVERIFY2(report.ok, report.problem.c_str());
        QCOMPARE(report.blocks, ledger.height() + 1);
        auto head = ledger.headerAt(ledger.height());
        QVERIFY(head);
        QCOMPARE(head->stateRoot, ledger.stateRoot());
        // Every committed block carried one audit entry; the record count matches.
        QCOMPARE(ledger.auditCount(), ledger.height() + 1);
        lastPrinted = ledger.height();
    }
    qInfo("%d kills, %d during a commit, final height %llu", kKills, killsMidCommit,
          static_cast<unsigned long long>(lastPrinted));
    QVERIFY(lastPrinted > 0);
    // The odd rounds aim inside a commit; most of them must land there, or
    // the test says little about atomicity.
    QVERIFY2(killsMidCommit >= kKills / 3, qPrintable(QString("only %1 kills of %2 landed during a commit")
                                                          .arg(killsMidCommit).arg(kKills)));
}

void TestLedger::failedReencryptionKeepsOldPassphrase()
{
    // The re-encryption runs out of room: a file-size limit (with SIGXFSZ
    // ignored) makes writes fail with EFBIG as on a full disk. SQLCipher's
    // rekey reports success even then, so the ledger must find out by
    // itself, report the failure and keep the old passphrase in force.
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const QByteArray newPassphrase = "never takes effect";
    Model model;
    Hash256 head;
    std::uint64_t audits = 0;
    {
        auto ledger = createLargeLedger(dir, model, 8);
        QVERIFY(ledger);
        head = ledger->headHash();
        audits = ledger->auditCount();
    }
    QVERIFY(QFileInfo(qPath(dir / "ledger.db")).size() > 512 * 1024);
    const QByteArray kdf = readFile(dir / "ledger.kdf");

    const HelperRun run = runFaultHelper(
        {"passwd", qPath(dir), QString::fromUtf8(kPassphrase), QString::fromUtf8(newPassphrase),
         QString::number(64 * 1024)});
    QVERIFY2(run.exitCode == 1, run.output.constData());
    QVERIFY2(run.output.startsWith("error ") && run.output.contains("old passphrase"),
             run.output.constData());
    QCOMPARE(readFile(dir / "ledger.kdf"), kdf);
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));

    auto refused = Ledger::open(dir, bytesOf(newPassphrase));
    QVERIFY(!refused);
    QCOMPARE(errorCode(refused.error()), QString("ledger.wrong_passphrase"));
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
    Ledger &ledger = **opened;
    QCOMPARE(ledger.height(), std::uint64_t{8});
    QCOMPARE(ledger.headHash(), head);
    QCOMPARE(ledger.auditCount(), audits);
    QCOMPARE(ledger.stateRoot(), Ledger::stateRootFor(modelAsChanges(model)));
    for (const auto &[key, value] : model)
        QCOMPARE(ledger.get(key), std::optional(value));
    const auto report = ledger.verify();
    QVERIFY2(report.ok, report.problem.c_str());

    // With room to work, the same change succeeds.
    const Status changed = ledger.changePassphrase(bytesOf(newPassphrase), kFastKdf);
    QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().message.c_str());
    opened->reset();
    auto reopened = Ledger::open(dir, bytesOf(newPassphrase));
    QVERIFY(reopened);
    QCOMPARE((*reopened)->headHash(), head);
    QVERIFY((*reopened)->verify().ok);
}

void TestLedger::reencryptionNeedsFreeSpace()
{
    // The check changePassphrase() makes before it starts (about the size of
    // the database must be free): no file system has 2^64 - 1 bytes free.
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const std::filesystem::path dir(tmp.path().toStdString());
    const Status refused =
        gtx::ledger::requireFreeSpace(dir, UINT64_MAX, "to re-encrypt the ledger");
    QVERIFY(!refused.ok());
    QCOMPARE(errorCode(refused.error()), QString("ledger.disk_full"));
    QVERIFY2(errorMessage(refused.error()).contains("to re-encrypt the ledger")
                 && errorMessage(refused.error()).contains("17592186044416 MiB are needed")
                 && errorMessage(refused.error()).contains("MiB are free"),
             refused.error().message.c_str());
    QVERIFY(gtx::ledger::requireFreeSpace(dir, 4096, "to re-encrypt the ledger").ok());
}

void TestLedger::closedConnectionFailsCleanly()
{
    // What a ledger holds after a passphrase change whose database could not
    // be read back: an empty connection and empty statements. Every use
    // fails with "ledger.closed" instead of reaching SQLite with null handles.
    gtx::ledger::sql::Database db;
    QVERIFY(!db.isOpen());
    const Status exec = db.exec("SELECT 1");
    QVERIFY(!exec.ok());
    QCOMPARE(errorCode(exec.error()), QString("ledger.closed"));
    QCOMPARE(errorCode(db.queryText("SELECT 1").error()), QString("ledger.closed"));
    QCOMPARE(errorCode(db.prepare("SELECT 1").error()), QString("ledger.closed"));
    QCOMPARE(errorCode(db.cipherVersion().error()), QString("ledger.closed"));
    QCOMPARE(db.changes(), std::int64_t{0});
    gtx::ledger::sql::Statement st;
    auto row = st.start().bind(1, std::int64_t{1}).bindText(2, "x").next();
    QVERIFY(!row);
    QCOMPARE(errorCode(row.error()), QString("ledger.closed"));
    QVERIFY(!st.run().ok());
    st.reset();
}

void TestLedger::passphraseChangeSucceedsOnceReencrypted()
{
    // Once the database is re-encrypted and checked under the new key, the
    // change has happened: a failure of the steps after it must not be
    // reported as a failed change (after which only the new passphrase works).
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const QByteArray second = "the second passphrase";
    const QByteArray third = "the third passphrase";
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        std::mt19937_64 rng(31);
        QVERIFY(commitChanges(*ledger, randomChanges(rng, 50, 100, 0)).ok());
    }
    const QByteArray firstKdf = readFile(dir / "ledger.kdf");

    // The rename of ledger.kdf.new over ledger.kdf fails.
    HelperRun run = runFaultHelper({"passwd", qPath(dir), QString::fromUtf8(kPassphrase),
                                    QString::fromUtf8(second)},
                                   "rename-pending");
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QCOMPARE(readFile(dir / "ledger.kdf"), firstKdf);
    const QByteArray pending = readFile(dir / "ledger.kdf.new");
    QCOMPARE(pending.size(), qsizetype(gtx::ledger::kKeyFileBytes));
    auto stale = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!stale);
    QCOMPARE(errorCode(stale.error()), QString("ledger.wrong_passphrase"));
    {
        // open() completes the rename.
        auto opened = Ledger::open(dir, bytesOf(second));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QCOMPARE((*opened)->height(), std::uint64_t{1});
        QVERIFY((*opened)->verify().ok);
    }
    QCOMPARE(readFile(dir / "ledger.kdf"), pending);
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));

    // The directory sync after that rename fails.
    run = runFaultHelper(
        {"passwd", qPath(dir), QString::fromUtf8(second), QString::fromUtf8(third)},
        "dir-sync-after-commit");
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.new")));
    auto old = Ledger::open(dir, bytesOf(second));
    QVERIFY(!old);
    QCOMPARE(errorCode(old.error()), QString("ledger.wrong_passphrase"));
    auto opened = Ledger::open(dir, bytesOf(third));
    QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
    QCOMPARE((*opened)->height(), std::uint64_t{1});
    QVERIFY((*opened)->verify().ok);
}

void TestLedger::creationSurvivesFailedDirectorySync()
{
    // The rename of ledger.kdf.creating to ledger.kdf commits a creation;
    // the directory sync after it fails. The ledger exists then and must
    // not lose its database.
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    const HelperRun run = runFaultHelper({"create", qPath(dir), QString::fromUtf8(kPassphrase)},
                                         "dir-sync-after-commit");
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QVERIFY(Ledger::exists(dir));
    QVERIFY(!QFileInfo::exists(qPath(dir / "ledger.kdf.creating")));
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
    QCOMPARE((*opened)->height(), std::uint64_t{0});
    QVERIFY((*opened)->verify().ok);
}

void TestLedger::hostileKeyFileParametersAreRefused()
{
    using gtx::crypto::Argon2Params;
    using gtx::crypto::kArgon2MaxMemLimitBytes;
    using gtx::crypto::kArgon2MaxOpsLimit;
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    QVERIFY(createLedger(dir));
    const QByteArray kdf = readFile(dir / "ledger.kdf");
    auto good = gtx::ledger::readKeyFile(dir / "ledger.kdf");
    QVERIFY(good);

    // Key files with a valid checksum whose parameters demand too much work
    // (or too little to be valid) are damaged files, whatever their name.
    const Argon2Params hostile[] = {
        {kArgon2MaxOpsLimit + 1, 8192},
        {0xffffffffu, 8192},
        {UINT64_MAX, 8192},
        {1, kArgon2MaxMemLimitBytes + 1024},
        {1, std::uint64_t{4} << 30},
        {1, UINT64_MAX},
        {0, 8192},
        {1, 1024},
    };
    for (const Argon2Params &params : hostile) {
        gtx::ledger::KeyFile file = *good;
        file.params = params;
        const Bytes encoded = gtx::ledger::encodeKeyFile(file);
        auto decoded = gtx::ledger::decodeKeyFile(encoded, "ledger.kdf");
        QVERIFY(!decoded);
        QCOMPARE(errorCode(decoded.error()), QString("ledger.corrupt"));
        QVERIFY(errorMessage(decoded.error()).contains("ledger.kdf"));

        // The key file of a passphrase change in progress is read the same way.
        QVERIFY(writeFile(dir / "ledger.kdf.new",
                          QByteArray(reinterpret_cast<const char *>(encoded.data()),
                                     qsizetype(encoded.size()))));
        auto pending = gtx::ledger::readKeyFile(dir / "ledger.kdf.new");
        QVERIFY(!pending);
        QCOMPARE(errorCode(pending.error()), QString("ledger.corrupt"));
        QVERIFY(errorMessage(pending.error()).contains("ledger.kdf.new"));
    }
    QVERIFY(QFile::remove(qPath(dir / "ledger.kdf.new")));

    // open() refuses such a ledger.kdf before deriving anything.
    gtx::ledger::KeyFile costly = *good;
    costly.params = {kArgon2MaxOpsLimit + 1, 8192};
    const Bytes costlyBytes = gtx::ledger::encodeKeyFile(costly);
    QVERIFY(writeFile(dir / "ledger.kdf",
                      QByteArray(reinterpret_cast<const char *>(costlyBytes.data()),
                                 qsizetype(costlyBytes.size()))));
    auto refused = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!refused);
    QCOMPARE(errorCode(refused.error()), QString("ledger.corrupt"));
    QVERIFY(errorMessage(refused.error()).contains("ledger.kdf"));
    QVERIFY(writeFile(dir / "ledger.kdf", kdf));

    // The limits themselves are accepted.
    for (const Argon2Params &params :
         {Argon2Params{kArgon2MaxOpsLimit, 8192}, Argon2Params{1, kArgon2MaxMemLimitBytes},
          Argon2Params::interactive(), Argon2Params::moderate()}) {
        gtx::ledger::KeyFile file = *good;
        file.params = params;
        auto decoded = gtx::ledger::decodeKeyFile(gtx::ledger::encodeKeyFile(file), "ledger.kdf");
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->params, params);
    }

    // No key file beyond the limits is ever written: create() and
    // changePassphrase() refuse such parameters.
    const Argon2Params tooCostly{kArgon2MaxOpsLimit + 1, 8192};
    const auto otherDir = dir.parent_path() / "other";
    const auto state = genesisState();
    auto created = Ledger::create(otherDir, bytesOf(kPassphrase), makeGenesis(state), state,
                                  tooCostly, testSigner());
    QVERIFY(!created);
    QVERIFY(!Ledger::exists(otherDir));
    {
        auto opened = Ledger::open(dir, bytesOf(kPassphrase));
        QVERIFY(opened);
        QVERIFY(!(*opened)->changePassphrase(bytesOf("costly"), tooCostly).ok());
    }
    QCOMPARE(readFile(dir / "ledger.kdf"), kdf);
    auto reopened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(reopened);
    QVERIFY((*reopened)->verify().ok);
}

void TestLedger::auditProtectionMustMatchSchema()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    {
        auto ledger = createLedger(dir);
        QVERIFY(ledger);
        for (int i = 0; i < 3; ++i)
            QVERIFY(ledger->appendAudit({i, "operator", "test.step", "", ""}, testSigner()).ok());
        QVERIFY(ledger->verify().ok);
    }
    const QByteArray pristine = readFile(dir / "ledger.db");
    const auto expectDetected = [&](const char *sql) {
        {
            auto raw = openRaw(dir);
            QVERIFY(raw);
            const Status status = raw->exec(sql);
            QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        }
        {
            auto opened = Ledger::open(dir, bytesOf(kPassphrase));
            QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
            const auto report = (*opened)->verify();
            QVERIFY2(!report.ok, sql);
            QVERIFY2(QString::fromStdString(report.problem).contains("append-only"),
                     report.problem.c_str());
        }
        QVERIFY(writeFile(dir / "ledger.db", pristine));
        QFile::remove(qPath(dir / "ledger.db-wal"));
        QFile::remove(qPath(dir / "ledger.db-shm"));
    };

    // A trigger replaced by a no-op of the same name, through a second
    // connection that holds the key.
    expectDetected("DROP TRIGGER audit_no_delete;"
                   "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;");
    expectDetected("DROP TRIGGER audit_no_update;"
                   "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;");
    // ... and then used to delete the newest record, which leaves the chain intact.
    expectDetected("DROP TRIGGER audit_no_delete;"
                   "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;"
                   "DELETE FROM audit WHERE sequence = 4;");
    // The insert rule removed, or replaced by one that admits anything.
    expectDetected("DROP TRIGGER audit_next_only");
    expectDetected("DROP TRIGGER audit_next_only;"
                   "CREATE TRIGGER audit_next_only BEFORE INSERT ON audit WHEN 0 "
                   "BEGIN SELECT RAISE(ABORT, 'no'); END;");
    // An extra trigger that silently drops new records.
    expectDetected("CREATE TRIGGER audit_swallow BEFORE INSERT ON audit "
                   "BEGIN SELECT RAISE(IGNORE); END;");
    // The audit table itself changed.
    expectDetected("ALTER TABLE audit ADD COLUMN note TEXT");

    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(opened);
    const auto report = (*opened)->verify();
    QVERIFY2(report.ok, report.problem.c_str());
    QCOMPARE(report.auditRecords, std::uint64_t{4});
}

void TestLedger::keyFileMustBeRegularFile()
{
    QTemporaryDir tmp(tempBase() + "/ledger-XXXXXX");
    const auto dir = pathOf(tmp);
    QVERIFY(createLedger(dir));
    const auto kdfPath = dir / "ledger.kdf";
    const QByteArray kdf = readFile(kdfPath);

    // A FIFO that nobody writes to: reading must not wait for a writer.
    QVERIFY(QFile::remove(qPath(kdfPath)));
    QCOMPARE(::mkfifo(kdfPath.c_str(), 0600), 0);
    auto read = gtx::ledger::readKeyFile(kdfPath);
    QVERIFY(!read);
    QCOMPARE(errorCode(read.error()), QString("ledger.corrupt"));
    QVERIFY(errorMessage(read.error()).contains("ledger.kdf"));
    auto opened = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!opened);
    QCOMPARE(errorCode(opened.error()), QString("ledger.corrupt"));
    QVERIFY(errorMessage(opened.error()).contains("ledger.kdf"));

    // A symbolic link, even to a valid key file.
    QVERIFY(QFile::remove(qPath(kdfPath)));
    QVERIFY(writeFile(dir / "elsewhere.kdf", kdf));
    QVERIFY(QFile::link(qPath(dir / "elsewhere.kdf"), qPath(kdfPath)));
    auto linked = Ledger::open(dir, bytesOf(kPassphrase));
    QVERIFY(!linked);
    QCOMPARE(errorCode(linked.error()), QString("ledger.corrupt"));
    QVERIFY(errorMessage(linked.error()).contains("ledger.kdf"));

    // The regular file opens.
    QVERIFY(QFile::remove(qPath(kdfPath)));
    QVERIFY(writeFile(kdfPath, kdf));
    QVERIFY(Ledger::open(dir, bytesOf(kPassphrase)));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "test_ledger.moc"
