#include "app/node/meters_command.h"

#include "app/node/devnet.h"
#include "app/node/stop_signals.h"
#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/crypto/keystore.h"
#include "core/energy/grid_model.h"
#include "core/energy/reading.h"
#include "core/net/control.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/sim/grid_feed.h"
#include "core/sim/meter_sim.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace gtx::app {

namespace {
constexpr unsigned kMaxBackfillHours = 24 * 6;   // inside the rules' week for late readings
}

CLI::App *addMetersCommand(CLI::App &app, MetersOptions &o)
{
    auto *meters = app.add_subcommand("meters", "The grid and meter simulator: meters check");
    auto *check = meters->add_subcommand(
        "check", "Run simulated meters with injected faults against the reading rules; exit 1 unless every "
                 "fault is caught and no valid reading is refused");
    check->add_option("--seed", o.seed, "Seed of the fleet, its loads and its faults")->capture_default_str();
    check->add_option("--meters", o.meters, "Meters in the fleet")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
        ->capture_default_str();
    check->add_option("--intervals", o.intervals, "15-minute intervals to run (96 is one day)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{96 * 366}))
        ->capture_default_str();
    check->add_option("--fault-ppm", o.faultPpm, "Chance that a reading is faulty, per million")
        ->check(CLI::Range(0u, 1'000'000u))
        ->capture_default_str();
    check->add_option("--batch-fault-ppm", o.batchFaultPpm, "Chance that a batch is faulty, per million")
        ->check(CLI::Range(0u, 1'000'000u))
        ->capture_default_str();
    check->add_option("--threads", o.threads, "Threads verifying each batch's signatures")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    check->add_option("--grid", o.gridFile, "Grid model (TOML) in place of the built-in one");
    check->add_flag("--json", o.json, "Print one JSON object with the counts per reason");
    auto *feed = meters->add_subcommand(
        "feed", "Feed a running devnet with a consistent synthetic grid: bulk meters, EGAT's reports and "
                "witnessed batches every 15 minutes, signed with the authorities' keys in the devnet's directory");
    feed->add_option("--devnet", o.devnetDir, "The devnet's directory (gtx-node devnet --dir)")->required();
    feed->add_option("--seed", o.seed, "Seed of the meters and their figures (the same seed resumes them)")
        ->capture_default_str();
    feed->add_option("--backfill-hours", o.backfillHours, "Hours of intervals before the genesis to send first")
        ->check(CLI::Range(0u, kMaxBackfillHours))
        ->capture_default_str();
    feed->add_flag("--once", o.once, "Stop once caught up with the clock, instead of feeding each new interval");
    meters->require_subcommand(1);
    return meters;
}

namespace {

namespace fs = std::filesystem;

int feedFail(const std::string &message)
{
    std::cerr << "gtx-node: error: meters feed: " << message << '\n';
    return 1;
}

// A number field of a flat JSON reply, or none (absent or null).
std::optional<std::int64_t> replyNumber(const std::string &json, const std::string &name)
{
    const std::string needle = "\"" + name + "\":";
    const auto at = json.find(needle);
    if (at == std::string::npos)
        return std::nullopt;
    const char *p = json.c_str() + at + needle.size();
    if (*p != '-' && (*p < '0' || *p > '9'))
        return std::nullopt;
    return std::strtoll(p, nullptr, 10);
}

struct FeedLink
{
    fs::path nodeDir;

    Result<std::string> ask(const std::string &request) const { return net::controlRequest(nodeDir, request, 10'000); }

    // Hands the transactions over; a duplicate (sent before a restart) counts as taken.
    Status submit(const std::vector<Transaction> &txs) const
    {
        for (std::size_t from = 0; from < txs.size(); from += 64) {
            std::string request = "txs";
            for (std::size_t i = from; i < std::min(txs.size(), from + 64); ++i)
                request += " " + toHex(codec::encode(txs[i]));
            auto reply = ask(request);
            if (!reply)
                return reply.error();
            if (reply->find("\"error\"") != std::string::npos)
                return makeError("feed.refused", *reply);
            const auto refused = replyNumber(*reply, "refused");
            // Refusals other than duplicates: the first one's code is given.
            if (refused && *refused > 0 && reply->find("\"first_error\":\"mempool.duplicate\"") == std::string::npos)
                return makeError("feed.refused", *reply);
        }
        return Status::success();
    }

    // What the chain's head holds of the meter: registered, and its last interval.
    Result<std::pair<bool, std::optional<std::int64_t>>> meter(const Hash256 &id) const
    {
        auto reply = ask("query meter " + id.hex());
        if (!reply)
            return reply.error();
        return std::make_pair(reply->find("\"registered\":true") != std::string::npos,
                              replyNumber(*reply, "last_interval_end_ms"));
    }
};

// Waits until `done` says so, up to `ms`; false on timeout or a stop signal.
template <class Done>
bool waitFor(const sigset_t &signals, long ms, Done done)
{
    for (long waited = 0; waited < ms; waited += 250) {
        if (done())
            return true;
        if (waitForStop(signals, 250))
            return false;
    }
    return done();
}

int runMetersFeed(const MetersOptions &o)
{
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    const fs::path dir = o.devnetDir;
    auto network = node::readNetworkFile(dir / "network.toml");
    if (!network)
        return feedFail(network.error().message);

    auto devnet = DevnetProcesses::open(dir);
    if (!devnet)
        return feedFail(devnet.error().message);

    // The grid operators' keys: the EGAT, MEA and PEA authorities' nodes.
    std::map<AuthorityType, crypto::KeyPair> operators;
    for (const DevnetNode &n : devnet->nodes()) {
        for (const auto &a : network->genesis->authorities) {
            if (a.key != n.key
                || (a.type != AuthorityType::EGAT && a.type != AuthorityType::MEA && a.type != AuthorityType::PEA))
                continue;
            auto config = node::readNodeConfig(n.config);
            if (!config)
                return feedFail(config.error().message);
            auto passphrase = node::readPassphraseFile(config->passphraseFile);
            if (!passphrase)
                return feedFail(passphrase.error().message);
            auto key = crypto::loadKeystore(config->keyFile, asBytes(*passphrase));
            if (!key)
                return feedFail(key.error().message);
            operators.emplace(a.type, std::move(key).value());
        }
    }
    // A devnet started a moment ago: its nodes have a minute to answer.
    std::optional<FeedLink> link;
    const bool answered = waitFor(signals, 60'000, [&] {
        for (const DevnetNode &n : devnet->nodes())
            if (net::controlRequest(n.dir, "status", 500)) {
                link = FeedLink{n.dir};
                return true;
            }
        return false;
    });
    if (!answered)
        return feedFail("no node of the devnet in " + dir.string() + " answers; start it first (gtx-node devnet --dir "
                        + dir.string() + ")");

    sim::GridFeedOptions options;
    options.seed = o.seed;
    options.networkId = network->params.networkId;
    const std::int64_t genesisInterval =
        network->params.genesisTimeMs / energy::kIntervalMs * energy::kIntervalMs;
    options.firstIntervalEndMs = genesisInterval - std::int64_t(o.backfillHours) * 4 * energy::kIntervalMs
        + energy::kIntervalMs;
    // The registers count from the longest backfill, whatever this run's:
    // a restart with another --backfill-hours continues them exactly.
    options.registersFromIntervalEndMs =
        genesisInterval - std::int64_t(kMaxBackfillHours) * 4 * energy::kIntervalMs + energy::kIntervalMs;
    auto feed = sim::GridFeed::make(options, std::move(operators));
    if (!feed)
        return feedFail(feed.error().message);
    const auto &meters = feed->meters();
    const SystemClock clock;

    // Registered already (a restart), or registered now.
    auto last = link->meter(meters.back().id);
    if (!last)
        return feedFail(last.error().message);
    if (!last->first) {
        if (const Status s = link->submit(feed->registrations(clock.nowMs())); !s)
            return feedFail(s.error().message);
        const bool registered = waitFor(signals, 60'000, [&] {
            auto m = link->meter(meters.back().id);
            return m && m->first;
        });
        if (!registered)
            return feedFail("the meters' registrations did not reach the chain within a minute");
        std::cout << "feed: registered " << meters.size() << " meters\n" << std::flush;
    }
    auto first = link->meter(meters.front().id);
    if (!first)
        return feedFail(first.error().message);
    if (first->second) {
        if (const Status s = feed->advanceTo(*first->second); !s)
            return feedFail(s.error().message);
        std::cout << "feed: the chain holds intervals up to " << *first->second << "; resuming\n" << std::flush;
    }

    std::vector<Hash256> perZone;
    {
        std::set<std::uint16_t> seen;
        for (const auto &m : meters)
            if (seen.insert(m.zone.id).second)
                perZone.push_back(m.id);
    }
    // One interval at a time, each once the chain holds the one before: a
    // meter's readings must arrive in order.
    std::size_t sent = 0;
    for (;;) {
        const std::int64_t end = feed->nextIntervalEndMs();
        const std::int64_t now = clock.nowMs();
        if (end + 5'000 > now) {
            if (o.once)
                break;
            if (waitForStop(signals, static_cast<long>(std::min<std::int64_t>(end + 5'000 - now, 1'000))))
                break;
            continue;
        }
        if (const Status s = link->submit(feed->next(now)); !s)
            return feedFail(s.error().message);
        // Every zone's batch on chain: one meter of each.
        const bool held = waitFor(signals, 60'000, [&] {
            for (const Hash256 &id : perZone) {
                auto m = link->meter(id);
                if (!m || !m->second || *m->second < end)
                    return false;
            }
            return true;
        });
        if (!held)
            return feedFail("interval " + std::to_string(end)
                            + " did not reach the chain within a minute (see the nodes' logs; a devnet stopped "
                              "for more than a week refuses readings that old: start a new one)");
        ++sent;
        if (sent % 16 == 0 || end + 15 * 60'000 > now)
            std::cout << "feed: interval ending " << end << " on chain (" << sent << " sent)\n" << std::flush;
    }
    std::cout << "feed: stopped after " << sent << " intervals\n";
    return 0;
}

} // namespace


namespace {

int runMetersCheck(const MetersOptions &o)
{
    std::optional<energy::GridModel> model;
    if (!o.gridFile.empty()) {
        auto read = energy::readGridModel(o.gridFile);
        if (!read) {
            std::cerr << "gtx-node: error: " << read.error().message << '\n';
            return 1;
        }
        model = std::move(*read);
    }
    sim::MeterCheckOptions options;
    options.seed = o.seed;
    options.meters = o.meters;
    options.intervals = o.intervals;
    options.faultPpm = o.faultPpm;
    options.batchFaultPpm = o.batchFaultPpm;
    options.threads = o.threads;
    options.model = model ? &*model : nullptr;
    auto report = sim::runMeterCheck(options);
    if (!report) {
        std::cerr << "gtx-node: error: " << report.error().message << '\n';
        return 1;
    }
    if (o.json) {
        std::cout << sim::meterCheckJson(*report) << '\n';
    } else {
        for (const auto &[reason, n] : report->caughtByReason)
            std::cout << "  caught " << reason << ": " << n << '\n';
        for (const auto &line : report->missedDetails)
            std::cout << "  missed: " << line << '\n';
        for (const auto &line : report->falseRejectDetails)
            std::cout << "  false reject: " << line << '\n';
        std::cout << "  batches=" << report->batches << " accepted=" << report->accepted
                  << " evidence=" << report->evidence << '\n';
        std::cout << sim::meterCheckLine(*report) << '\n';
    }
    return report->missed == 0 && report->falseRejects == 0 ? 0 : 1;
}

} // namespace

int runMeters(CLI::App &meters, const MetersOptions &o)
{
    if (meters.get_subcommand("feed")->parsed())
        return runMetersFeed(o);
    return runMetersCheck(o);
}

} // namespace gtx::app
