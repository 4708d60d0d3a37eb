#pragma once

// Scripted scenarios: a readable TOML file of accounts, validators and
// steps (signed transactions from named keys, clock advances, queries with
// expected results) replayed on a fresh in-process chain under simulated
// time. Every block is built and validated by the consensus code itself
// (BlockTree: signatures, lanes, execution, state root). The format is
// documented in docs/scenarios.md; `gtx-node scenario FILE` runs it.
//
// Output: one JSON object per step (JSON Lines), then a summary.

#include "core/common/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gtx::sim {

struct ScenarioReport
{
    std::string title;
    std::vector<std::string> lines;   // one JSON object per step
    std::uint64_t steps = 0;
    std::uint64_t failedExpectations = 0;
    bool ok() const { return failedExpectations == 0; }
};

// The largest scenario file read (a scenario is a script, not a data set).
constexpr std::uintmax_t kMaxScenarioBytes = 1u << 20;
constexpr std::size_t kMaxScenarioSteps = 10'000;

// Errors: "scenario.io", "scenario.too_large", "scenario.syntax" (with the
// line), "scenario.invalid" (a step or an entry that makes no sense, with
// its position).
Result<ScenarioReport> runScenarioText(const std::string &text, const std::string &source);
Result<ScenarioReport> runScenarioFile(const std::filesystem::path &path);

} // namespace gtx::sim
