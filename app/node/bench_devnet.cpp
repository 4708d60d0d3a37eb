#include "app/node/bench_devnet.h"

#include "app/node/devnet.h"
#include "core/codec/codec.h"
#include "core/crypto/keystore.h"
#include "core/net/control.h"
#include "core/net/peer_host.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/state/payloads.h"
#include "core/types/emergency.h"
#include "core/types/grid_zone.h"

#include <signal.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace gtx::app {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

int fail(const std::string &message)
{
    std::cerr << "gtx-node: error: bench devnet: " << message << '\n';
    return 1;
}

std::int64_t nowMs()
{
    return net::wallClockUs() / 1000;
}

struct HashKey
{
    std::size_t operator()(const Hash256 &h) const
    {
        std::size_t v = 0;
        std::memcpy(&v, h.bytes.data(), sizeof v);
        return v;
    }
};

Result<crypto::KeyPair> loadKey(const fs::path &file, const fs::path &passphraseFile)
{
    auto passphrase = node::readPassphraseFile(passphraseFile);
    if (!passphrase)
        return passphrase.error();
    return crypto::loadKeystore(file, asBytes(*passphrase));
}

// The value of the `perMille` percentile of sorted samples (nearest rank), in ms.
double percentileMs(const std::vector<std::int64_t> &sortedUs, std::size_t perMille)
{
    if (sortedUs.empty())
        return 0;
    const std::size_t rank = (perMille * sortedUs.size() + 999) / 1000;
    return static_cast<double>(sortedUs[std::clamp<std::size_t>(rank, 1, sortedUs.size()) - 1]) / 1000.0;
}

// Everything the load and the trace share: when each transaction was given,
// and when node-1 saw it Fast-final.
struct Ledgerbook
{
    std::mutex mutex;
    std::unordered_map<Hash256, std::int64_t, HashKey> submittedUs;
    std::vector<std::pair<std::int64_t, std::int64_t>> finalized;   // (fast at, latency), in us
    std::uint64_t accepted = 0;
    std::uint64_t refused = 0;
    std::string firstRefusal;
};

// Offers `rate` transfers per second to one node, in batches every 50 ms,
// sent by `sender` to the others in turn, until `stop`. One such loop runs
// per node, so a node busy with a block holds up only its own share.
void runLoad(const DevnetNode &node, std::size_t sender, const std::vector<crypto::KeyPair> &senders,
             std::uint32_t networkId, double rate, const std::atomic<bool> &stop, Ledgerbook &book)
{
    net::ControlClient client(node.dir);
    std::uint64_t nonce = static_cast<std::uint64_t>(nowMs()) * 1000;
    std::size_t next = 0;
    const auto start = Clock::now();
    double owed = 0;
    std::uint64_t batches = 0;
    while (!stop) {
        // Catches up after a slow reply: the offered rate is kept on average.
        // At most 600 a batch: about 200 KB of hex, inside the control
        // endpoint's 256 KiB.
        const auto due = start + std::chrono::milliseconds(50 * (batches + 1));
        std::this_thread::sleep_until(due);
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        owed = rate * elapsed - static_cast<double>(next);
        const auto count = static_cast<std::size_t>(std::clamp(owed, 0.0, 600.0));
        ++batches;
        std::string request = "txs";
        std::vector<Hash256> ids;
        const std::int64_t t = nowMs();
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t to = (sender + 1 + (next + i) % (senders.size() - 1)) % senders.size();
            Transaction tx;
            tx.kind = TransactionKind::Transfer;
            tx.networkId = networkId;
            tx.timestampMs = t;
            tx.nonce = ++nonce;
            tx.payload = codec::encode(state::TransferPayload{senders[to].publicKey(), 1});
            signTransaction(tx, senders[sender]);
            ids.push_back(transactionId(tx));
            request += ' ';
            request += toHex(codec::encode(tx));
        }
        next += count;
        if (ids.empty())
            continue;
        const std::int64_t givenUs = net::wallClockUs();
        {
            std::lock_guard lock(book.mutex);
            for (const Hash256 &id : ids)
                book.submittedUs.emplace(id, givenUs);
        }
        auto reply = client.request(request, 10000);
        std::lock_guard lock(book.mutex);
        if (!reply) {
            book.refused += ids.size();
            if (book.firstRefusal.empty())
                book.firstRefusal = reply.error().message;
            continue;
        }
        const std::uint64_t accepted = statusField(*reply, "accepted");
        book.accepted += accepted;
        book.refused += ids.size() - std::min<std::uint64_t>(accepted, ids.size());
        if (book.firstRefusal.empty()) {
            const auto at = reply->find("\"first_error\":\"");
            if (at != std::string::npos)
                book.firstRefusal = reply->substr(at + 15, reply->find('"', at + 15) - at - 15);
        }
    }
}

// Follows node-1's Fast-final blocks and matches their transactions with
// the load's, until `stop`.
void runTrace(const DevnetNode &node, std::uint64_t fromHeight, const std::atomic<bool> &stop, Ledgerbook &book)
{
    net::ControlClient client(node.dir);
    std::uint64_t since = fromHeight;
    while (!stop) {
        auto reply = client.request("trace fast-since " + std::to_string(since), 5000);
        bool more = false;
        if (reply) {
            std::istringstream lines(*reply);
            for (std::string line; std::getline(lines, line);) {
                std::istringstream words(line);
                std::uint64_t height = 0;
                std::int64_t atUs = 0;
                if (!(words >> height >> atUs))
                    break;
                since = height;
                more = true;
                std::lock_guard lock(book.mutex);
                for (std::string hex; words >> hex;) {
                    Bytes bytes;
                    if (!fromHex(hex, bytes) || bytes.size() != Hash256::size())
                        continue;
                    Hash256 id;
                    std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
                    const auto it = book.submittedUs.find(id);
                    if (it == book.submittedUs.end() || atUs == 0)
                        continue;
                    book.finalized.emplace_back(atUs, atUs - it->second);
                    book.submittedUs.erase(it);
                }
            }
        }
        if (!more)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

struct HaltFigures
{
    std::vector<std::int64_t> haltUs;     // given -> Instant-final on every authority
    std::vector<std::int64_t> resumeUs;
    std::uint64_t timedOut = 0;
    std::string firstError;
    std::atomic<std::size_t> halted{0};   // haltUs.size(), for the progress lines of another thread
};

// Gives an order at one authority and waits until every authority has it
// Instant-final; the time from giving it to the last of them, or -1.
std::int64_t orderToAllAuthorities(net::ControlClient &giver, std::vector<std::unique_ptr<net::ControlClient>> &all,
                                   const Transaction &order, std::string &error)
{
    const std::string id = transactionId(order).hex();
    const std::int64_t givenUs = net::wallClockUs();
    auto reply = giver.request("tx " + toHex(codec::encode(order)), 5000);
    if (!reply || reply->find("\"accepted\":true") == std::string::npos) {
        if (error.empty())
            error = reply ? *reply : reply.error().message;
        return -1;
    }
    std::vector<std::int64_t> at(all.size(), -1);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
        bool done = true;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (at[i] >= 0)
                continue;
            auto r = all[i]->request("trace instant " + id, 2000);
            if (r && !r->empty() && std::isdigit(static_cast<unsigned char>(r->front())))
                at[i] = std::strtoll(r->c_str(), nullptr, 10);
            done = done && at[i] >= 0;
        }
        if (done)
            return *std::max_element(at.begin(), at.end()) - givenUs;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return -1;
}

// Halts PEA South and resumes it, `count` times, one order at a time.
void runHalts(const std::vector<DevnetNode> &authorities, const crypto::KeyPair &egat,
              const crypto::KeyPair &op1, const crypto::KeyPair &op2, std::uint32_t networkId, int count,
              const std::atomic<bool> &stop, HaltFigures &out)
{
    net::ControlClient giver(authorities.front().dir);
    std::vector<std::unique_ptr<net::ControlClient>> all;
    for (const auto &a : authorities)
        all.push_back(std::make_unique<net::ControlClient>(a.dir));
    std::uint64_t nonce = static_cast<std::uint64_t>(nowMs()) * 1000;
    for (int i = 0; i < count && !stop; ++i) {
        EmergencyOrder halt;
        halt.zones = {zones::kPeaSouth};
        halt.reason = "benchmark: halt " + std::to_string(i + 1);
        const Transaction haltTx = makeEmergencyOrder(TransactionKind::EmergencyHalt, networkId, ++nonce, nowMs(),
                                                      halt, egat, {&op1, &op2});
        const std::int64_t h = orderToAllAuthorities(giver, all, haltTx, out.firstError);
        if (h < 0) {
            ++out.timedOut;
            continue;
        }
        out.haltUs.push_back(h);
        ++out.halted;
        EmergencyOrder resume;
        resume.lifts = {transactionId(haltTx)};
        resume.reason = "benchmark: resume " + std::to_string(i + 1);
        const Transaction resumeTx = makeEmergencyOrder(TransactionKind::EmergencyResume, networkId, ++nonce,
                                                        nowMs(), resume, egat, {&op1, &op2});
        const std::int64_t r = orderToAllAuthorities(giver, all, resumeTx, out.firstError);
        if (r < 0)
            ++out.timedOut;
        else
            out.resumeUs.push_back(r);
        for (int w = 0; w < 10 && !stop; ++w)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

} // namespace

void addBenchDevnetOptions(CLI::App *bench, BenchDevnetOptions &o)
{
    auto *devnet = bench->add_subcommand("devnet", "Transactions finalized per second and emergency-halt latency on "
                                                   "a local devnet under load");
    devnet->add_option("--dir", o.dir, "A new directory for the devnet (default: a temporary one, removed after)");
    devnet->add_option("--duration", o.durationSeconds, "Seconds of load, the first 10 not counted (default 40; at least 15)")
        ->check(CLI::Range(15.0, 3600.0));
    devnet->add_option("--rate", o.rate, "Transfers offered per second (default 3000)")
        ->check(CLI::Range(1.0, 100000.0));
    devnet->add_option("--halts", o.halts, "Halt-and-resume rounds during the load (default 20)")
        ->check(CLI::Range(0, 1000));
    devnet->add_option("--base-port", o.basePort, "First loopback port (default 24500)")
        ->check(CLI::Range(1024, 65000));
}

int runBenchDevnet(const BenchDevnetOptions &o, const std::string &self)
{
    // The nodes are stopped on every way out; Ctrl-C ends the load early.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    fs::path dir;
    bool temporary = false;
    if (o.dir.empty()) {
        std::string pattern = (fs::temp_directory_path() / "gtx-bench-devnet-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            return fail("cannot create a temporary directory");
        dir = pattern;
        temporary = true;
    } else {
        dir = fs::absolute(o.dir);
        if (fs::exists(dir / "network.toml"))
            return fail(dir.string() + " already holds a devnet; the benchmark needs a new one");
    }
    auto cleanup = [&] {
        if (temporary) {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    };
    DevnetLayout layout;
    layout.basePort = o.basePort;
    if (auto created = createDevnet(layout, dir); !created) {
        cleanup();
        return fail(created.error().message);
    }
    auto devnet = DevnetProcesses::open(dir);
    if (!devnet) {
        cleanup();
        return fail(devnet.error().message);
    }
    auto network = node::readNetworkFile(dir / "network.toml");
    if (!network) {
        cleanup();
        return fail(network.error().message);
    }
    const std::uint32_t networkId = network->params.networkId;

    // Keys: every node's account sends (each holds 1,000 GT at genesis), and
    // EGAT's node key with its two operators gives the emergency orders.
    std::vector<crypto::KeyPair> senders;
    std::vector<DevnetNode> authorities;
    for (const auto &n : devnet->nodes()) {
        auto key = loadKey(n.dir / "node.key", n.dir / "passphrase");
        if (!key) {
            cleanup();
            return fail(key.error().message);
        }
        senders.push_back(std::move(key).value());
        if (n.role.find("authority") != std::string::npos)
            authorities.push_back(n);
    }
    if (authorities.empty() || authorities.front().role != "EGAT authority") {
        cleanup();
        return fail("the devnet has no EGAT authority");
    }
    const fs::path egatDir = authorities.front().dir;
    auto op1 = loadKey(egatDir / "operator-1.key", egatDir / "passphrase");
    auto op2 = loadKey(egatDir / "operator-2.key", egatDir / "passphrase");
    if (!op1 || !op2) {
        cleanup();
        return fail((op1 ? op2.error() : op1.error()).message);
    }
    auto egat = crypto::KeyPair::fromSecretKey(senders.front().secretKey().view());
    if (!egat) {
        cleanup();
        return fail(egat.error().message);
    }

    std::cout << "bench devnet: " << devnet->nodes().size() << " nodes in " << dir.string() << ", offering "
              << o.rate << " transfers/s for " << o.durationSeconds << " s with " << o.halts << " halt rounds"
              << std::endl;
    if (auto started = devnet->start(self); !started) {
        (void)devnet->stop(std::cerr);
        cleanup();
        return fail(started.error().message);
    }
    auto stopAll = [&](const std::string &why) {
        (void)devnet->stop(std::cerr);
        cleanup();
        return fail(why);
    };
    auto interrupted = [&](long ms) {
        timespec timeout{ms / 1000, (ms % 1000) * 1'000'000};
        return sigtimedwait(&signals, nullptr, &timeout) > 0;
    };

    // Wait until Fast finality moves on every node.
    const auto warmDeadline = Clock::now() + std::chrono::seconds(90);
    while (devnet->lowest("fast") < 3) {
        if (Clock::now() > warmDeadline)
            return stopAll("Fast finality did not start within 90 s");
        if (devnet->anyExited())
            return stopAll("a node stopped while starting (see its node.log)");
        if (interrupted(250))
            return stopAll("interrupted");
    }
    std::uint64_t traceFrom = 0;
    {
        net::ControlClient first(devnet->nodes().front().dir);
        if (auto status = first.request("status"))
            traceFrom = statusField(*status, "fast");
    }

    Ledgerbook book;
    HaltFigures halts;
    std::atomic<bool> stopLoad{false};
    std::atomic<bool> stopTrace{false};
    std::atomic<bool> stopHalts{false};
    const std::int64_t loadStartUs = net::wallClockUs();
    std::thread trace([&] { runTrace(devnet->nodes().front(), traceFrom, stopTrace, book); });
    std::vector<std::thread> load;
    const double share = o.rate / static_cast<double>(devnet->nodes().size());
    for (std::size_t i = 0; i < devnet->nodes().size(); ++i)
        load.emplace_back([&, i] { runLoad(devnet->nodes()[i], i, senders, networkId, share, stopLoad, book); });
    // The halts start once the load has filled the pipeline.
    std::thread haltThread([&] {
        for (int w = 0; w < 100 && !stopHalts; ++w)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        runHalts(authorities, *egat, *op1, *op2, networkId, o.halts, stopHalts, halts);
    });

    const auto loadStart = Clock::now();
    bool early = false;
    int lastReport = 0;
    while (std::chrono::duration<double>(Clock::now() - loadStart).count() < o.durationSeconds) {
        if (interrupted(250) || devnet->anyExited()) {
            early = true;
            break;
        }
        const int t = static_cast<int>(std::chrono::duration<double>(Clock::now() - loadStart).count());
        if (t / 10 > lastReport / 10) {
            lastReport = t;
            std::lock_guard lock(book.mutex);
            std::cout << "bench devnet: t=" << t << "s accepted=" << book.accepted << " refused=" << book.refused
                      << " fast_final=" << book.finalized.size() << " fast=" << devnet->lowest("fast")
                      << " halts=" << halts.halted << std::endl;
        }
    }
    stopLoad = true;
    for (auto &t : load)
        t.join();
    const std::int64_t loadEndUs = net::wallClockUs();
    stopHalts = true;
    haltThread.join();
    // Up to 10 s more for what was given to become final (for its latency).
    for (int w = 0; w < 40; ++w) {
        {
            std::lock_guard lock(book.mutex);
            if (book.finalized.size() >= book.accepted)
                break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    stopTrace = true;
    trace.join();

    const bool clean = devnet->stop(std::cerr) && !early;
    const int divergent = devnet->divergent(std::cerr);

    // Throughput over the load's steady part: after its first 10 s.
    const std::int64_t windowStartUs = loadStartUs + 10'000'000;
    std::uint64_t inWindow = 0;
    std::vector<std::int64_t> latencies;
    for (const auto &[atUs, latencyUs] : book.finalized) {
        if (atUs >= windowStartUs && atUs <= loadEndUs)
            ++inWindow;
        latencies.push_back(latencyUs);
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(halts.haltUs.begin(), halts.haltUs.end());
    std::sort(halts.resumeUs.begin(), halts.resumeUs.end());
    const double windowS = std::max(1e-3, static_cast<double>(loadEndUs - windowStartUs) / 1e6);
    const double perSecond = static_cast<double>(inWindow) / windowS;

    std::cout << std::fixed << std::setprecision(1);
    std::cout << "bench devnet: accepted=" << book.accepted << " refused=" << book.refused;
    if (!book.firstRefusal.empty())
        std::cout << " (first: " << book.firstRefusal << ")";
    std::cout << " fast_final=" << book.finalized.size()
              << " not_final=" << (book.accepted > book.finalized.size() ? book.accepted - book.finalized.size() : 0)
              << " (left out of the latencies) halts=" << halts.haltUs.size()
              << " resumes=" << halts.resumeUs.size() << " orders_timed_out=" << halts.timedOut;
    if (!halts.firstError.empty())
        std::cout << " (first: " << halts.firstError << ")";
    std::cout << '\n';
    std::cout << "bench devnet: resume_instant_p50_ms=" << percentileMs(halts.resumeUs, 500)
              << " resume_instant_p99_ms=" << percentileMs(halts.resumeUs, 990) << " divergent=" << divergent
              << (clean ? "" : " (a node did not run to the end)") << '\n';
    std::cout << "devnet-bench: tx_finalized_per_s=" << perSecond << " fast_p50_ms=" << percentileMs(latencies, 500)
              << " fast_p99_ms=" << percentileMs(latencies, 990)
              << " halt_instant_p50_ms=" << std::setprecision(2) << percentileMs(halts.haltUs, 500)
              << " halt_instant_p99_ms=" << percentileMs(halts.haltUs, 990) << std::endl;
    cleanup();
    if (early)
        return fail("the load ended early (interrupted, or a node stopped)");
    if (!clean)
        return fail("a node did not stop cleanly (see its node.log)");
    return divergent == 0 ? 0 : 1;
}

} // namespace gtx::app
