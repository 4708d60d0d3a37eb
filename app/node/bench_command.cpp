#include "app/node/bench_command.h"

#include "app/node/bench_dir.h"

#include "core/crypto/kdf.h"
#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/ledger/sqlite.h"
#include "core/ledger/state_tree.h"
#include "core/state/state_trie.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

namespace gtx::app {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Bytes keyFor(std::uint64_t i)
{
    // Meter-like keys: a table byte and a hash, so they spread over buckets.
    const auto h = crypto::hash("gtx/bench-key/v1", ByteView(reinterpret_cast<const std::uint8_t *>(&i), sizeof i));
    Bytes key(1 + h.bytes.size());
    key[0] = 'm';
    std::copy(h.bytes.begin(), h.bytes.end(), key.begin() + 1);
    return key;
}

Bytes valueFor(std::mt19937_64 &rng)
{
    Bytes v(40);
    for (auto &b : v)
        b = static_cast<std::uint8_t>(rng());
    return v;
}

Result<ScopedDir> makeDir(const BenchOptions &o, const std::string &name)
{
    return makeBenchDir(o.dir, name);
}

// Rows per second that SQLCipher itself inserts on this machine: the state
// table's shape, the ledger's pragmas, 10,000 rows per transaction.
Result<double> rawRowsPerSecond(const BenchOptions &o, std::uint64_t rows)
{
    auto dir = makeDir(o, "raw");
    if (!dir)
        return dir.error();
    Bytes key(32);
    crypto::randomBytes(key);
    auto db = ledger::sql::Database::openEncrypted(dir->path / "raw.db", key, true);
    if (!db)
        return db.error();
    GTX_TRY(db->exec("PRAGMA journal_mode = WAL"));
    GTX_TRY(db->exec("PRAGMA synchronous = FULL"));
    GTX_TRY(db->exec("PRAGMA cache_size = -65536"));
    GTX_TRY(db->exec("CREATE TABLE state (bucket INTEGER NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL, "
                     "PRIMARY KEY (bucket, key)) WITHOUT ROWID"));
    // Plain INSERT (the keys are new): INSERT OR REPLACE would also pay for
    // a statement journal, whose pages SQLCipher encrypts too.
    auto insert = db->prepare("INSERT INTO state (bucket, key, value) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    std::mt19937_64 rng(1);
    const auto start = Clock::now();
    for (std::uint64_t done = 0; done < rows;) {
        // In (bucket, key) order, as the ledger writes a block's changes.
        std::vector<std::pair<std::pair<std::uint32_t, Bytes>, Bytes>> batch;
        for (std::uint64_t i = 0; i < 10'000 && done < rows; ++i, ++done) {
            Bytes k = keyFor(done);
            batch.push_back({{ledger::stateBucketOf(k), std::move(k)}, valueFor(rng)});
        }
        std::sort(batch.begin(), batch.end());
        ledger::sql::Transaction tx(*db);
        GTX_TRY(tx.begin());
        for (const auto &[bk, v] : batch)
            GTX_TRY(insert->start().bind(1, std::int64_t(bk.first)).bind(2, bk.second).bind(3, v).run());
        GTX_TRY(tx.commit());
    }
    return static_cast<double>(rows) / secondsSince(start);
}

Block blockAt(std::uint64_t height, const Hash256 &parent, const Hash256 &root)
{
    Block b;
    b.header.kind = height == 0 ? BlockKind::Genesis : BlockKind::Regular;
    b.header.height = height;
    b.header.slot = height;
    b.header.parentHash = parent;
    b.header.stateRoot = root;
    return b;
}

struct SizeResult
{
    double perChangeSeconds = 0;   // blocks of 1,000 and 10,000 changes together
    double rate1k = 0;
    double rate10k = 0;
    double rootShare = 0;          // of the time, the share spent computing roots
};

// Fills a ledger to `entries`, then commits blocks of 1,000 and of 10,000
// changes as a node does: the state machine's trie gives the root for the
// header, then the ledger commits the block with its changes. Each size
// runs one whole fold cycle of the ledger (from a fold to the next, which
// the last block of the run triggers), so the folds are paid for in full.
Result<SizeResult> measureSize(const BenchOptions &o, std::uint64_t entries)
{
    auto dir = makeDir(o, "state");
    if (!dir)
        return dir.error();
    const std::string passphrase = "benchmark passphrase";
    const Block genesis = blockAt(0, {}, ledger::Ledger::stateRootFor({}));
    auto created = ledger::Ledger::create(dir->path / "ledger", asBytes(passphrase), genesis, {},
                                          crypto::Argon2Params::floor(), crypto::KeyPair::generate());
    if (!created)
        return created.error();
    ledger::Ledger &l = **created;
    state::StateTrie trie;
    std::mt19937_64 rng(entries);
    std::uint64_t height = 0;
    Hash256 head = blockHash(genesis.header);
    double rootSeconds = 0;
    auto commit = [&](const std::vector<ledger::StateChange> &changes) -> Status {
        const auto start = Clock::now();
        trie = trie.with(changes);
        rootSeconds += secondsSince(start);
        Block b = blockAt(++height, head, trie.root());
        GTX_TRY(l.commitBlock(b, changes));
        head = blockHash(b.header);
        return Status::success();
    };
    const auto fillStart = Clock::now();
    for (std::uint64_t next = 0; next < entries;) {
        std::vector<ledger::StateChange> changes;
        for (std::uint64_t i = 0; i < 50'000 && next < entries; ++i, ++next)
            changes.push_back({keyFor(next), valueFor(rng)});
        GTX_TRY(commit(changes));
    }
    std::fprintf(stderr, "bench: filled %llu entries in %.1f s\n", static_cast<unsigned long long>(entries),
                 secondsSince(fillStart));
    std::uint64_t fresh = entries;
    // Half the changes update an existing entry, half add a new one.
    auto run = [&](std::uint64_t size, std::uint64_t &changed) -> Result<double> {
        GTX_TRY(l.flushState());
        rootSeconds = 0;
        double seconds = 0;
        const std::uint64_t blocks = (ledger::kStateFoldChanges + size - 1) / size;
        for (std::uint64_t b = 0; b < blocks; ++b) {
            std::vector<ledger::StateChange> changes;
            for (std::uint64_t i = 0; i < size; ++i)
                changes.push_back({i % 2 == 0 ? keyFor(rng() % entries) : keyFor(fresh++), valueFor(rng)});
            const auto start = Clock::now();
            GTX_TRY(commit(changes));
            seconds += secondsSince(start);
        }
        changed = blocks * size;
        return seconds;
    };
    std::uint64_t n1k = 0, n10k = 0;
    auto s1k = run(1'000, n1k);
    if (!s1k)
        return s1k.error();
    const double root1k = rootSeconds;
    auto s10k = run(10'000, n10k);
    if (!s10k)
        return s10k.error();
    SizeResult r;
    r.rate1k = static_cast<double>(n1k) / *s1k;
    r.rate10k = static_cast<double>(n10k) / *s10k;
    r.perChangeSeconds = (*s1k + *s10k) / static_cast<double>(n1k + n10k);
    r.rootShare = (root1k + rootSeconds) / (*s1k + *s10k);
    return r;
}

} // namespace

void addBenchOptions(CLI::App *bench, BenchOptions &o)
{
    auto *state = bench->add_subcommand("state", "State changes committed with their authenticated root per second, "
                                                 "against the raw SQLCipher insert rate");
    state->add_option("--entries", o.entries, "Entries in the large state (default 2,000,000)")
        ->check(CLI::Range(std::uint64_t{1000}, std::uint64_t{100'000'000}));
    state->add_option("--small", o.small, "Entries in the small state (default 20,000)")
        ->check(CLI::Range(std::uint64_t{1000}, std::uint64_t{100'000'000}));
    state->add_option("--dir", o.dir, "Where the temporary ledgers go (default: the system's temporary directory)");
}

int runBenchState(const BenchOptions &o)
{
    if (!crypto::initialize()) {
        std::cerr << "gtx-node: error: libsodium could not be initialized\n";
        return 1;
    }
    auto fail = [](const Error &e) {
        std::cerr << "gtx-node: error: " << e.message << '\n';
        return 1;
    };
    auto raw = rawRowsPerSecond(o, 200'000);
    if (!raw)
        return fail(raw.error());
    std::printf("raw: SQLCipher inserts %.0f rows/s (10,000 per transaction)\n", *raw);
    auto small = measureSize(o, o.small);
    if (!small)
        return fail(small.error());
    std::printf("small: entries=%llu blocks of 1,000: %.0f changes/s; of 10,000: %.0f changes/s; roots %.0f%% of the time\n",
                static_cast<unsigned long long>(o.small), small->rate1k, small->rate10k, 100 * small->rootShare);
    std::fflush(stdout);
    auto large = measureSize(o, o.entries);
    if (!large)
        return fail(large.error());
    std::printf("large: entries=%llu blocks of 1,000: %.0f changes/s; of 10,000: %.0f changes/s; roots %.0f%% of the time\n",
                static_cast<unsigned long long>(o.entries), large->rate1k, large->rate10k, 100 * large->rootShare);
    const double x = 1.0 / large->perChangeSeconds;
    std::printf("state: entries=%llu commit_changes_per_s=%.0f raw_rows_per_s=%.0f ratio=%.3f large_small_ratio=%.2f\n",
                static_cast<unsigned long long>(o.entries), x, *raw, x / *raw,
                large->perChangeSeconds / small->perChangeSeconds);
    return 0;
}

} // namespace gtx::app
