#pragma once

// The deterministic network simulator (docs/protocol.md, "The simulator").
//
// One run = one seed: the same ConsensusNode code runs as N nodes in this
// process over a simulated network (latency with a long tail, loss,
// duplication, reordering, partitions and heals) and simulated clocks (skew
// and drift), with crash-and-restart from each node's store (optionally a
// real encrypted ledger) and Byzantine nodes (equivocating proposers, Twins
// double voters sharing one key, surround voters, withheld votes, invalid
// blocks, forged energy data). A seeded discrete-event scheduler orders
// everything, so a seed always replays the same run. Invariants are checked
// as the nodes report, and once more at the end of the run.

#include "core/consensus/node.h"
#include "core/consensus/params.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gtx::sim {

// Probabilities are in parts per million.
struct FaultMix
{
    std::int64_t minLatencyMs = 20;
    std::int64_t maxLatencyMs = 300;
    std::uint32_t tailPpm = 20'000;          // a message is late by up to tailLatencyMs
    std::int64_t tailLatencyMs = 4000;
    std::uint32_t lossPpm = 30'000;
    std::uint32_t duplicatePpm = 20'000;
    int partitions = 1;                      // per run, each healed
    int crashes = 1;                         // crash-and-restart events per run
    std::int64_t maxClockSkewMs = 400;
    std::int64_t maxDriftPpm = 200;
    // Byzantine behaviours the Byzantine nodes draw from.
    bool equivocation = true;                // two blocks for one slot
    bool twins = true;                       // two instances sharing one authority key
    bool doubleVotes = true;                 // a second, conflicting vote per slot
    bool surroundVotes = true;
    bool withheldVotes = true;
    bool invalidBlocks = true;
    bool invalidEnergyData = true;
    // Workload.
    bool emergencies = true;                 // a halt and its resume per run
    bool rotation = true;                    // a validator bonds and another unbonds

    static FaultMix none();                  // a perfect network, no Byzantine behaviour
    static FaultMix all() { return {}; }
    bool anyByzantine() const
    {
        return equivocation || twins || doubleVotes || surroundVotes || withheldVotes || invalidBlocks
            || invalidEnergyData;
    }
};

struct Scenario
{
    int authorities = 5;
    int stakeValidators = 4;
    int energyValidators = 2;
    int byzantineAuthorities = 1;
    int byzantineValidators = 1;
    std::uint64_t slotCount = 96;
    // After the last heal or restart, finality must resume within this many slots.
    std::uint64_t livenessBoundSlots = 24;
    // Evidence and certified emergency orders must be Fast-final on every
    // honest node this many slots after they were seen (as long as finality
    // may take to resume: a run of Byzantine or empty slots delays the
    // 2-chain).
    std::uint64_t settleSlots = 24;
    int transactionsPerSlot = 3;
    FaultMix faults;
    consensus::ConsensusParams params = consensus::ConsensusParams::simulation();
    // Mutation checks (test-only switches).
    bool weakenedQuorum = false;          // quorum fixed at 2 authorities
    bool volatileSignerRecord = false;    // honest nodes forget what they signed on restart
    // When set, nodes that crash keep their state in a real encrypted ledger
    // under this directory (removed at the end of the run).
    std::filesystem::path ledgerDirectory;
    // Keep a line per fault and Byzantine action (otherwise only the schedule).
    bool verboseTrace = false;
};

struct RunResult
{
    std::uint64_t seed = 0;
    std::vector<std::string> violations;
    std::vector<std::string> trace;
    std::uint64_t slotsRun = 0;
    std::uint64_t events = 0;
    std::uint64_t messages = 0;
    std::vector<double> fastLatencySlots;   // per honest node and block: slot start to Fast
    std::vector<double> fullLatencySlots;
    std::uint64_t fastHeight = 0;           // lowest Fast-final height among honest nodes
    std::uint64_t economicHeight = 0;       // lowest Economic-final height among honest nodes
    std::uint64_t equivocations = 0;
    std::uint64_t equivocationsObserved = 0;
    std::uint64_t offencesOnChain = 0;
    std::uint64_t instantFinal = 0;
    std::uint64_t invalidBlocksRejected = 0;
    std::uint64_t restarts = 0;
    bool livenessRequired = false;

    bool ok() const { return violations.empty(); }
};

RunResult runSimulation(const Scenario &scenario, std::uint64_t seed);

} // namespace gtx::sim
