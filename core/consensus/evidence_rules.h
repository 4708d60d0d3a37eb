#pragma once

// Which evidence a block may carry (docs/protocol.md, "Evidence"). The
// signatures and the conflict are checked by verifyConsensusEvidence()
// (messages.h); this is the rule on top of it, in one place for block
// validation, block building and what a node keeps and gossips.

#include "core/common/result.h"
#include "core/consensus/validators.h"
#include "core/types/evidence.h"

#include <cstdint>
#include <vector>

namespace gtx::consensus {

// The one rule for which verified evidence a block at `slot` may carry (and
// so which evidence a node keeps and gossips): dated within the evidence
// window, not after the slot, and, for an authority's offence (link votes,
// emergency votes), naming an authority. Whether it is already on the chain
// is the chain's business. Errors: "evidence.stale", "evidence.not_authority".
Status checkEvidenceWindow(const Evidence &evidence, std::uint64_t slot, std::uint64_t windowSlots,
                           const std::vector<AuthorityMember> &authorities);

} // namespace gtx::consensus
