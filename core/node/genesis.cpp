#include "core/node/genesis.h"

#include "core/crypto/merkle.h"

namespace gtx::node {

namespace {

ledger::StateChange put(const std::string &key, const std::string &value)
{
    return {toBytes(key), toBytes(value)};
}

} // namespace

Result<NetworkParams> networkByName(const std::string &name)
{
    // 2026-01-01T00:00:00Z
    constexpr std::int64_t kGenesis2026 = 1767225600000;
    if (name == "devnet")
        return NetworkParams{"devnet", 1, kGenesis2026};
    if (name == "testnet")
        return NetworkParams{"testnet", 2, kGenesis2026};
    return makeError("node.unknown_network",
                     "Unknown network '" + name + "': use devnet or testnet.");
}

Genesis makeGenesis(const NetworkParams &params)
{
    Genesis g;
    g.state.push_back(put("network/name", params.name));
    g.state.push_back(put("network/id", std::to_string(params.networkId)));

    BlockHeader &h = g.block.header;
    h.networkId = params.networkId;
    h.kind = BlockKind::Genesis;
    h.height = 0;
    h.timestampMs = params.genesisTimeMs;
    h.stateRoot = ledger::Ledger::stateRootFor(g.state);
    h.txRoot = crypto::merkleRoot({});
    h.evidenceRoot = crypto::merkleRoot({});
    return g;
}

} // namespace gtx::node
