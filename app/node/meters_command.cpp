#include "app/node/meters_command.h"

#include "core/energy/grid_model.h"
#include "core/sim/meter_sim.h"

#include <iostream>
#include <optional>

namespace gtx::app {

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
    meters->require_subcommand(1);
    return meters;
}

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

} // namespace gtx::app
