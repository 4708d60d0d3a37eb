#include "app/node/simulate_command.h"

#include "core/sim/simulator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace gtx::app {

namespace {

const char *const kFaultClasses =
    "latency, loss, duplication, partition, crash, clock, equivocation, twins, double-vote, "
    "surround-vote, withheld-votes, invalid-block, invalid-energy-data, emergency, rotation";

// Applies --faults: "all", "none", or a comma-separated list of classes to enable.
bool applyFaults(const std::string &spec, sim::FaultMix &f, std::string &error)
{
    if (spec == "all") {
        f = sim::FaultMix::all();
        return true;
    }
    const sim::FaultMix all = sim::FaultMix::all();
    f = sim::FaultMix::none();
    if (spec == "none")
        return true;
    std::stringstream in(spec);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item == "latency") {
            f.maxLatencyMs = all.maxLatencyMs;
            f.tailPpm = all.tailPpm;
            f.tailLatencyMs = all.tailLatencyMs;
        } else if (item == "loss") {
            f.lossPpm = all.lossPpm;
        } else if (item == "duplication") {
            f.duplicatePpm = all.duplicatePpm;
        } else if (item == "partition") {
            f.partitions = all.partitions;
        } else if (item == "crash") {
            f.crashes = all.crashes;
        } else if (item == "clock") {
            f.maxClockSkewMs = all.maxClockSkewMs;
            f.maxDriftPpm = all.maxDriftPpm;
        } else if (item == "equivocation") {
            f.equivocation = true;
        } else if (item == "twins") {
            f.twins = true;
        } else if (item == "double-vote") {
            f.doubleVotes = true;
        } else if (item == "surround-vote") {
            f.surroundVotes = true;
        } else if (item == "withheld-votes") {
            f.withheldVotes = true;
        } else if (item == "invalid-block") {
            f.invalidBlocks = true;
        } else if (item == "invalid-energy-data") {
            f.invalidEnergyData = true;
        } else if (item == "emergency") {
            f.emergencies = true;
        } else if (item == "rotation") {
            f.rotation = true;
        } else {
            error = "unknown fault class '" + item + "' (known: all, none, " + kFaultClasses + ")";
            return false;
        }
    }
    return true;
}

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0.0;
    const auto k = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}

std::string reproduceOptions(const SimulateOptions &o)
{
    std::ostringstream s;
    s << "--authorities " << o.authorities << " --stake-validators " << o.stakeValidators
      << " --energy-validators " << o.energyValidators << " --byzantine-authorities "
      << o.byzantineAuthorities << " --byzantine-validators " << o.byzantineValidators << " --slots "
      << o.slots << " --faults " << o.faults;
    if (o.adversaries != "none")
        s << " --adversary " << o.adversaries;
    if (o.ledger)
        s << " --ledger";
    if (o.weakenQuorum)
        s << " --weaken-quorum";
    if (o.noDoubleSignProtection)
        s << " --no-double-sign-protection";
    if (!o.mutation.empty())
        s << " --mutation " << o.mutation;
    return s.str();
}

std::string fixed2(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

} // namespace

void addSimulateOptions(CLI::App *sub, SimulateOptions &o)
{
    sub->add_option("--seed", o.seed, "Seed of the first run; run i uses seed + i");
    sub->add_option("--runs", o.runs, "Number of runs (default 100, or 20000 with --long)");
    sub->add_option("--authorities", o.authorities, "Authority nodes")->check(CLI::Range(1, 64));
    sub->add_option("--stake-validators", o.stakeValidators, "Stake validator nodes")->check(CLI::Range(0, 64));
    sub->add_option("--energy-validators", o.energyValidators, "Energy validator nodes")->check(CLI::Range(0, 64));
    sub->add_option("--byzantine-authorities", o.byzantineAuthorities, "Byzantine authorities")
        ->check(CLI::Range(0, 64));
    sub->add_option("--byzantine-validators", o.byzantineValidators, "Byzantine stake or energy validators")
        ->check(CLI::Range(0, 64));
    sub->add_option("--slots", o.slots, "Slots per run")->check(CLI::Range(40, 100000));
    sub->add_option("--faults", o.faults,
                    std::string("Fault classes: all, none, or a comma-separated list of ") + kFaultClasses);
    std::string adversaryHelp = "Adversaries (docs/protocol.md, section 15): all, none, or a comma-separated list of";
    for (const auto &name : sim::adversaryNames())
        adversaryHelp += (name == sim::adversaryNames().front() ? " " : ", ") + name;
    sub->add_option("--adversary", o.adversaries, adversaryHelp);
    sub->add_flag("--ledger", o.ledger,
                  "Nodes that crash keep their state in a real encrypted ledger (in a temporary directory)");
    sub->add_flag("--long", o.longMode, "Nightly mode: 20000 runs unless --runs is given");
    sub->add_flag("--weaken-quorum", o.weakenQuorum,
                  "Mutation check: a quorum of 2 authorities; the simulator must find a violation");
    sub->add_flag("--no-double-sign-protection", o.noDoubleSignProtection,
                  "Mutation check: nodes forget what they signed when they restart");
    std::string mutationHelp = "Mutation check: break one protection; exit 0 only when the simulator catches it. One of";
    for (const auto &m : sim::mutations())
        mutationHelp += "\n  " + m.name + ": " + m.what;
    sub->add_option("--mutation", o.mutation, mutationHelp);
    sub->add_flag("--verbose", o.verbose, "Print a line per run");
    sub->add_option("--jobs", o.jobs, "Runs simulated at once on separate threads (results stay in seed order)")
        ->check(CLI::Range(1u, 64u));
    sub->add_option("--max-reports", o.maxReports, "Violating runs printed in full")->check(CLI::Range(0, 1000));
}

int runSimulate(const SimulateOptions &o)
{
    sim::Scenario scenario;
    scenario.authorities = o.authorities;
    scenario.stakeValidators = o.stakeValidators;
    scenario.energyValidators = o.energyValidators;
    scenario.byzantineAuthorities = o.byzantineAuthorities;
    scenario.byzantineValidators = o.byzantineValidators;
    scenario.slotCount = o.slots;
    scenario.weakenedQuorum = o.weakenQuorum;
    scenario.volatileSignerRecord = o.noDoubleSignProtection;
    if (o.slots < scenario.livenessBoundSlots + 16) {
        std::cerr << "gtx-node: error: --slots must be at least " << scenario.livenessBoundSlots + 16
                  << " (faults, then the liveness window)\n";
        return 2;
    }
    std::string error;
    if (!applyFaults(o.faults, scenario.faults, error)) {
        std::cerr << "gtx-node: error: " << error << '\n';
        return 2;
    }
    auto adversaries = sim::parseAdversaries(o.adversaries);
    if (!adversaries) {
        std::cerr << "gtx-node: error: " << adversaries.error().message << '\n';
        return 2;
    }
    scenario.adversaries = *adversaries;
    const sim::Mutation *mutation = nullptr;
    if (!o.mutation.empty()) {
        mutation = sim::findMutation(o.mutation);
        if (!mutation) {
            std::string known;
            for (const auto &m : sim::mutations())
                known += (known.empty() ? "" : ", ") + m.name;
            std::cerr << "gtx-node: error: unknown mutation '" << o.mutation << "' (known: " << known << ")\n";
            return 2;
        }
        mutation->apply(scenario);
    }
    std::uint64_t caughtSeed = 0;
    sim::ViolationKind caughtKind{};
    std::filesystem::path tempDir;
    if (o.ledger) {
        std::error_code ec;
        tempDir = std::filesystem::temp_directory_path(ec)
            / ("gtx-simulate-" + std::to_string(::getpid()));
        std::filesystem::create_directories(tempDir, ec);
        if (ec) {
            std::cerr << "gtx-node: error: cannot create a temporary directory for the ledgers: "
                      << ec.message() << '\n';
            return 1;
        }
        scenario.ledgerDirectory = tempDir;
    }
    const std::uint64_t runs = o.runs != 0 ? o.runs : (o.longMode ? 20000 : 100);

    std::vector<double> fast;
    std::vector<double> full;
    std::uint64_t violations = 0;
    std::uint64_t failedRuns = 0;
    std::uint64_t slots = 0;
    std::uint64_t events = 0;
    std::uint64_t equivocations = 0;
    std::uint64_t observed = 0;
    std::uint64_t offences = 0;
    std::uint64_t proposals = 0;
    std::uint64_t instant = 0;
    std::uint64_t restarts = 0;
    std::uint64_t attacks = 0;
    std::uint64_t minEconomic = UINT64_MAX;
    int reported = 0;
    const auto started = std::chrono::steady_clock::now();
    // Runs are independent; a batch is simulated on `jobs` threads and its
    // results are reported in seed order, so the output does not depend on it.
    const std::uint64_t batch = std::max<std::uint64_t>(1, o.jobs) * 8;
    std::uint64_t runsDone = 0;
    for (std::uint64_t first = 0; first < runs && caughtSeed == 0; first += batch) {
        const std::uint64_t count = std::min(batch, runs - first);
        std::vector<sim::RunResult> results(count);
        std::atomic<std::uint64_t> next{0};
        auto work = [&] {
            for (std::uint64_t i = next++; i < count; i = next++)
                results[i] = sim::runSimulation(scenario, o.seed + first + i);
        };
        std::vector<std::thread> threads;
        for (unsigned t = 1; t < o.jobs; ++t)
            threads.emplace_back(work);
        work();
        for (auto &t : threads)
            t.join();
        runsDone += count;
        for (sim::RunResult &result : results) {
            const std::uint64_t seed = result.seed;
            slots += result.slotsRun;
            events += result.events;
            equivocations += result.equivocations;
            observed += result.equivocationsObserved;
            offences += result.offencesOnChain;
            proposals += result.proposalsDecided;
            instant += result.instantFinal;
            restarts += result.restarts;
            attacks += result.adversaryActions;
            minEconomic = std::min(minEconomic, result.economicHeight);
            fast.insert(fast.end(), result.fastLatencySlots.begin(), result.fastLatencySlots.end());
            full.insert(full.end(), result.fullLatencySlots.begin(), result.fullLatencySlots.end());
            if (o.verbose)
                std::cout << "run seed=" << seed << " violations=" << result.violations.size()
                          << " fast_height=" << result.fastHeight << " economic_height=" << result.economicHeight
                          << " equivocations=" << result.equivocations << " events=" << result.events << '\n';
            if (mutation && caughtSeed == 0)
                for (sim::ViolationKind k : result.kinds)
                    if (mutation->expected.count(k)) {
                        caughtSeed = seed;
                        caughtKind = k;
                        break;
                    }
            if (!result.ok()) {
                violations += result.violations.size();
                ++failedRuns;
                if (reported++ < o.maxReports) {
                    std::cout << "violation in run seed=" << seed << ":\n";
                    for (const auto &v : result.violations)
                        std::cout << "  " << v << '\n';
                    std::cout << "  trace:\n";
                    for (const auto &line : result.trace)
                        std::cout << "    " << line << '\n';
                    std::cout << "  reproduce: gtx-node simulate --seed " << seed << " --runs 1 "
                              << reproduceOptions(o) << '\n';
                }
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!tempDir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(tempDir, ec);
    }
    if (minEconomic == UINT64_MAX)
        minEconomic = 0;
    std::cout << "simulate: runs=" << runsDone << " violations=" << violations << " failed_runs=" << failedRuns
              << " slots=" << slots << " fast_p50=" << fixed2(percentile(fast, 0.5))
              << " fast_p99=" << fixed2(percentile(fast, 0.99)) << " full_p50=" << fixed2(percentile(full, 0.5))
              << " full_p99=" << fixed2(percentile(full, 0.99)) << " min_economic_height=" << minEconomic
              << " equivocations=" << equivocations << " observed=" << observed << " offences_on_chain="
              << offences << " proposals_decided=" << proposals << " instant_final=" << instant << " restarts=" << restarts << " attacks=" << attacks
              << " slots_per_second=" << static_cast<std::uint64_t>(seconds > 0 ? slots / seconds : 0)
              << " seconds=" << fixed2(seconds);
    if (mutation) {
        std::cout << " mutation=" << mutation->name << " caught=" << (caughtSeed != 0 ? 1 : 0);
        if (caughtSeed != 0)
            std::cout << " seed=" << caughtSeed << " kind=" << sim::toString(caughtKind);
        std::cout << '\n';
        return caughtSeed != 0 ? 0 : 1;
    }
    std::cout << '\n';
    return violations == 0 ? 0 : 1;
}

} // namespace gtx::app
