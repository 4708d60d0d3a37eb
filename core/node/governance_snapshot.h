#pragma once

// What the console's Governance page shows, read from one executed state:
// every proposal, newest first, with its timeline, its settings against the
// values in force, its tally per class (projected while the vote is open)
// and its outcome; the rules a new proposal would be judged by, and a
// scheduled upgrade.

#include "core/consensus/params.h"
#include "core/node/interface.h"
#include "core/state/state.h"

#include <map>
#include <string>

namespace gtx::node {

// `rules`: the genesis rules (state::State::rulesInForce() adds
// governance's); `authorityNames`: each authority's key and short name.
interfaces::GovernanceSnapshot governanceSnapshot(const state::State &state, const consensus::ConsensusParams &params,
                                                  const state::StateRules &rules,
                                                  const std::map<PublicKey, std::string> &authorityNames,
                                                  std::int64_t nowMs);

} // namespace gtx::node
