#include "app/node/bench_ingest.h"

#include "app/node/bench_dir.h"
#include "core/common/parallel.h"
#include "core/consensus/verifier.h"
#include "core/crypto/sodium.h"
#include "core/energy/reading.h"
#include "core/ledger/ledger.h"
#include "core/state/state.h"
#include "core/types/block.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

namespace gtx::app {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kNetworkId = 0x494E47;   // "ING"
constexpr std::int64_t kStartMs = 1777395600000; // 2026-04-28 17:00 UTC
constexpr std::size_t kReadingsPerBatch = 400;   // about 58 KiB: inside a transaction's 64 KiB

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

crypto::KeyPair keyFor(std::string_view what, std::uint64_t i)
{
    codec::Writer w;
    w.string(what);
    w.u64(i);
    const Hash256 h = crypto::hash("gtx/bench-ingest-key/v1", w.data());
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(h.bytes.data(), 32));
}

// A signature checked in the parallel phase, for the cache.
struct Checked
{
    crypto::Signature signature;
    crypto::PublicKey key;
    std::string_view domain;   // one of the static domain constants
    Bytes message;
    bool valid = false;
};

using Prechecks = std::vector<std::vector<Checked>>;

// Decodes every batch of a block and checks every signature in it, on
// `threads` threads.
Prechecks precheck(const std::vector<Transaction> &txs, const std::map<Hash256, crypto::PublicKey> &keyOf,
                   unsigned threads)
{
    Prechecks found(txs.size());
    parallelFor(txs.size(), threads, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            auto batch = codec::decode<energy::ReadingBatch>(txs[i].payload, "reading batch");
            if (!batch)
                continue;
            Bytes witnessBytes = energy::batchWitnessBytes(kNetworkId, *batch);
            const bool witnessValid = crypto::verify(batch->witness, energy::kBatchWitnessDomain, witnessBytes,
                                                     batch->witnessSignature);
            found[i].push_back({batch->witnessSignature, batch->witness, energy::kBatchWitnessDomain,
                                std::move(witnessBytes), witnessValid});
            for (const auto &r : batch->readings) {
                const auto key = keyOf.find(r.meterId);
                if (key == keyOf.end())
                    continue;
                Bytes bytes = energy::readingSigningBytes(kNetworkId, r);
                const bool valid = crypto::verify(key->second, energy::kReadingDomain, bytes, r.signature);
                found[i].push_back({r.signature, key->second, energy::kReadingDomain, std::move(bytes), valid});
            }
        }
    });
    return found;
}

struct Fleet
{
    state::StateRules rules;
    state::State genesis;
    std::vector<energy::MeterRecord> meters;   // meter i signs with keyFor("meter", i)
    std::map<AuthorityType, crypto::KeyPair> operators;
};

Result<Fleet> makeFleet(const BenchIngestOptions &o)
{
    Fleet f;
    const energy::GridModel &model = energy::defaultGridModel();
    f.rules.gridModel = &model;
    f.rules.networkId = kNetworkId;
    for (AuthorityType t : {AuthorityType::EGAT, AuthorityType::MEA, AuthorityType::PEA}) {
        f.operators[t] = keyFor("operator", static_cast<std::uint64_t>(t));
        f.rules.gridOperators[t] = f.operators[t].publicKey();
    }
    state::GenesisAllocation a;
    for (std::uint64_t i = 0; i < o.meters; ++i) {
        const energy::GridNodeModel &node = model.nodes[i % model.nodes.size()];
        energy::MeterRecord m;
        m.id = crypto::hash("gtx/bench-ingest-meter/v1", ByteView(reinterpret_cast<const std::uint8_t *>(&i), sizeof i));
        m.key = keyFor("meter", i).publicKey();
        m.owner = m.key;
        m.zone = node.zone;
        m.gridNode = node.id;
        m.location = node.location;
        m.ratedCapacityW = 15'000;
        m.registration = energy::MeterRegistration::Prosumer;
        a.meters.push_back(m);
        f.meters.push_back(m);
    }
    auto g = state::State::genesis(a, f.rules);
    if (!g)
        return g.error();
    f.genesis = *g;
    return f;
}

// One interval's batches, as transactions from each zone's grid operator.
std::vector<Transaction> makeInterval(const Fleet &f, std::int64_t interval, unsigned threads)
{
    const energy::GridModel &model = *f.rules.gridModel;
    std::vector<energy::MeterReading> readings(f.meters.size());
    const std::int64_t end = kStartMs + interval * energy::kIntervalMs;
    parallelFor(readings.size(), threads, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            energy::MeterReading &r = readings[i];
            r.meterId = f.meters[i].id;
            r.timestampMs = end;
            r.importWh = 300 + i % 7 * 10;
            r.exportWh = 100 + i % 5 * 10;
            r.importRegisterWh = 1'000'000 + static_cast<std::uint64_t>(interval) * r.importWh;
            r.exportRegisterWh = 1'000'000 + static_cast<std::uint64_t>(interval) * r.exportWh;
            r.location = f.meters[i].location;
            energy::signReading(r, kNetworkId, keyFor("meter", i));
        }
    });
    std::map<GridZone, std::vector<energy::MeterReading>> byZone;
    for (std::size_t i = 0; i < readings.size(); ++i)
        byZone[f.meters[i].zone].push_back(readings[i]);
    std::vector<Transaction> txs;
    for (auto &[zone, list] : byZone) {
        const crypto::KeyPair &op = f.operators.at(model.zone(zone)->gridOperator);
        for (std::size_t from = 0; from < list.size(); from += kReadingsPerBatch) {
            energy::ReadingBatch batch;
            batch.zone = zone;
            batch.readings.assign(list.begin() + static_cast<std::ptrdiff_t>(from),
                                  list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), from + kReadingsPerBatch)));
            energy::witnessBatch(batch, kNetworkId, op);
            Transaction tx;
            tx.kind = TransactionKind::MeterReading;
            tx.networkId = kNetworkId;
            tx.nonce = static_cast<std::uint64_t>(interval) * 100'000 + txs.size();
            tx.timestampMs = end;
            tx.payload = codec::encode(batch);
            signTransaction(tx, op);
            txs.push_back(std::move(tx));
        }
    }
    return txs;
}

} // namespace

void addBenchIngestOptions(CLI::App *bench, BenchIngestOptions &o)
{
    auto *ingest = bench->add_subcommand(
        "ingest", "Signed meter readings validated, applied and persisted per second, against the machine's "
                  "signature-verification ceiling");
    ingest->add_option("--seconds", o.seconds, "About how long each measurement runs")
        ->check(CLI::Range(1.0, 600.0))
        ->capture_default_str();
    ingest->add_option("--meters", o.meters, "Meters in the fleet (one reading each per block)")
        ->check(CLI::Range(std::uint64_t{100}, std::uint64_t{2'000'000}))
        ->capture_default_str();
    ingest->add_option("--threads", o.threads, "Threads (default: every core)")->check(CLI::Range(0u, 256u));
    ingest->add_option("--dir", o.dir, "Where the temporary ledger goes (default: the system's temporary directory)");
}

int runBenchIngest(const BenchIngestOptions &o)
{
    if (!crypto::initialize()) {
        std::fprintf(stderr, "gtx-node: error: libsodium could not be initialized\n");
        return 1;
    }
    const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    auto fleet = makeFleet(o);
    if (!fleet) {
        std::fprintf(stderr, "gtx-node: error: %s\n", fleet.error().message.c_str());
        return 1;
    }
    const Fleet &f = *fleet;

    // The ceiling, on the first interval's readings (decoded once, outside the timing).
    const std::vector<Transaction> first = makeInterval(f, 1, threads);
    std::vector<energy::MeterReading> sample;
    for (const auto &tx : first) {
        auto batch = codec::decode<energy::ReadingBatch>(tx.payload, "reading batch");
        if (batch)
            sample.insert(sample.end(), batch->readings.begin(), batch->readings.end());
    }
    std::vector<Bytes> signedBytes(sample.size());
    std::vector<crypto::PublicKey> sampleKeys(sample.size());
    std::map<Hash256, crypto::PublicKey> keyOf;
    for (const auto &m : f.meters)
        keyOf[m.id] = m.key;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        signedBytes[i] = energy::readingSigningBytes(kNetworkId, sample[i]);
        sampleKeys[i] = keyOf.at(sample[i].meterId);
    }
    std::atomic<std::uint64_t> verified{0};
    const auto ceilingStart = Clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            std::uint64_t n = 0;
            for (std::size_t i = t; secondsSince(ceilingStart) < o.seconds; i = (i + threads) % sample.size()) {
                if (!crypto::verify(sampleKeys[i], energy::kReadingDomain, signedBytes[i], sample[i].signature))
                    std::abort();
                ++n;
            }
            verified += n;
        });
    for (auto &t : pool)
        t.join();
    const double ceiling = static_cast<double>(verified) / secondsSince(ceilingStart);
    std::fprintf(stderr, "bench: verify ceiling %.0f signatures/s on %u threads\n", ceiling, threads);

    // Enough intervals for about o.seconds at the ceiling, signed before the timing.
    const auto intervals = static_cast<std::int64_t>(
        std::max<double>(2, std::ceil(ceiling * o.seconds / static_cast<double>(f.meters.size()))));
    std::vector<std::vector<Transaction>> blocks{first};
    for (std::int64_t k = 2; k <= intervals; ++k)
        blocks.push_back(makeInterval(f, k, threads));

    auto dir = makeBenchDir(o.dir, "ingest");
    if (!dir) {
        std::fprintf(stderr, "gtx-node: error: %s\n", dir.error().message.c_str());
        return 1;
    }
    const auto genesisEntries = f.genesis.entries();
    Block genesisBlock;
    genesisBlock.header.kind = BlockKind::Genesis;
    genesisBlock.header.stateRoot = f.genesis.root();
    const std::string passphrase = "benchmark passphrase";
    auto created = ledger::Ledger::create(dir->path / "ledger", asBytes(passphrase), genesisBlock, genesisEntries,
                                          crypto::Argon2Params::floor(), crypto::KeyPair::generate());
    if (!created) {
        std::fprintf(stderr, "gtx-node: error: %s\n", created.error().message.c_str());
        return 1;
    }
    ledger::Ledger &l = **created;

    state::State head = f.genesis;
    Hash256 parent = blockHash(genesisBlock.header);
    std::uint64_t accepted = 0, refused = 0;
    double checkSeconds = 0, applySeconds = 0, commitSeconds = 0;
    consensus::CachingVerifier prechecked;
    const auto runStart = Clock::now();
    // The signatures of the next block are checked while the current one is
    // applied and committed, as a node checks gossiped batches while it
    // executes: phase 1 of block b + 1 overlaps phases 2 and 3 of block b.
    std::future<Prechecks> next = std::async(std::launch::async, precheck, std::cref(blocks[0]), std::cref(keyOf), threads);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::vector<Transaction> &txs = blocks[b];
        // 1. Wait for this block's signatures (in parallel), start the next block's.
        auto t0 = Clock::now();
        Prechecks found = next.get();
        if (b + 1 < blocks.size())
            next = std::async(std::launch::async, precheck, std::cref(blocks[b + 1]), std::cref(keyOf), threads);
        for (auto &list : found)
            for (auto &c : list)
                prechecked.remember(c.key, c.domain, std::move(c.message), c.signature, c.valid);
        checkSeconds += secondsSince(t0);

        // 2. In order: the state machine, every rule, each meter's progress.
        t0 = Clock::now();
        state::BlockContext context;
        context.slot = b + 1;
        context.timeMs = kStartMs + static_cast<std::int64_t>(b + 1) * energy::kIntervalMs + 5'000;
        state::BlockExecution execution(head, f.rules, context, &prechecked);
        for (const auto &tx : txs)
            if (auto ok = execution.apply(tx); !ok) {
                std::fprintf(stderr, "gtx-node: error: a batch was refused: %s\n", ok.error().message.c_str());
                return 1;
            }
        accepted += execution.readingsAccepted();
        for (const auto &[code, n] : execution.readingsRefused())
            refused += n;
        auto outcome = std::move(execution).finish();
        applySeconds += secondsSince(t0);

        // 3. The block and its state changes, committed to the encrypted ledger.
        t0 = Clock::now();
        Block block;
        block.header.kind = BlockKind::Regular;
        block.header.height = b + 1;
        block.header.slot = b + 1;
        block.header.parentHash = parent;
        block.header.stateRoot = outcome.state.root();
        if (auto ok = l.commitBlock(block, outcome.changes); !ok) {
            std::fprintf(stderr, "gtx-node: error: %s\n", ok.error().message.c_str());
            return 1;
        }
        parent = blockHash(block.header);
        head = std::move(outcome.state);
        commitSeconds += secondsSince(t0);
    }
    const double total = secondsSince(runStart);
    const double rate = static_cast<double>(accepted) / total;
    std::fprintf(stderr,
                 "bench: %zu blocks of %llu readings: %llu accepted, %llu refused in %.2f s "
                 "(waiting for signatures %.0f %%, rules and state %.0f %%, ledger commit %.0f %%)\n",
                 blocks.size(), static_cast<unsigned long long>(f.meters.size()),
                 static_cast<unsigned long long>(accepted), static_cast<unsigned long long>(refused), total,
                 100 * checkSeconds / total, 100 * applySeconds / total, 100 * commitSeconds / total);
    std::printf("ingest: readings_per_s=%.0f verify_ceiling_per_s=%.0f ratio=%.3f\n", rate, ceiling, rate / ceiling);
    return refused == 0 ? 0 : 1;
}

} // namespace gtx::app
