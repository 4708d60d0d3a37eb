#pragma once

// Offences made on purpose, for testing slashing on a live devnet: a key
// signs two different blocks for one slot. Byzantine behaviour lives here,
// in the simulator, never in the production node; the node only receives
// the evidence and judges it like any other.

#include "core/crypto/signature.h"
#include "core/types/evidence.h"

#include <cstdint>

namespace gtx::sim {

// Two regular block headers for `slot` on network `networkId`, signed by
// `key`, that differ in their transactions root: a double proposal.
Evidence forgeDoubleProposal(const crypto::KeyPair &key, std::uint32_t networkId, std::uint64_t slot);

} // namespace gtx::sim
