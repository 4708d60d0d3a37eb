#pragma once

// The first block of a network and its initial state.

#include "core/common/result.h"
#include "core/ledger/ledger.h"
#include "core/types/block.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gtx::node {

struct NetworkParams
{
    std::string name;            // "devnet", "testnet", "mainnet"
    std::uint32_t networkId = 0;
    std::int64_t genesisTimeMs = 0;
};

// Known networks by name; an unknown name is an error.
Result<NetworkParams> networkByName(const std::string &name);

struct Genesis
{
    Block block;
    std::vector<ledger::StateChange> state;
};

// Builds the genesis block and state of a network (deterministic: the same
// parameters always give the same block hash).
Genesis makeGenesis(const NetworkParams &params);

} // namespace gtx::node
