#pragma once

// What the console's Slashing & Appeals page shows, read from one executed
// state: every slashing case, newest first, with its evidence re-verified,
// its decision, deadlines, parts and appeal trail.

#include "core/consensus/params.h"
#include "core/node/interface.h"
#include "core/state/state.h"

#include <map>
#include <string>

namespace gtx::node {

// This node's own check of a case's evidence (empty when it verifies),
// by case id: a case's evidence never changes, so it is checked once.
using EvidenceChecks = std::map<crypto::Hash256, std::string>;

// `authorityNames`: each authority's key and short name (EGAT, ...);
// `checks`: earlier results to reuse and add to (none: check every case).
interfaces::SlashingSnapshot slashingSnapshot(const state::State &state, const consensus::ConsensusParams &params,
                                              const std::map<PublicKey, std::string> &authorityNames,
                                              std::int64_t nowMs, EvidenceChecks *checks = nullptr);

} // namespace gtx::node
