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

// `authorityNames`: each authority's key and short name (EGAT, ...).
interfaces::SlashingSnapshot slashingSnapshot(const state::State &state, const consensus::ConsensusParams &params,
                                              const std::map<PublicKey, std::string> &authorityNames,
                                              std::int64_t nowMs);

} // namespace gtx::node
