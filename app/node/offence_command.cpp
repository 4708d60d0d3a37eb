#include "app/node/offence_command.h"

#include "app/node/devnet.h"
#include "core/codec/codec.h"
#include "core/common/clock.h"
#include "core/crypto/keystore.h"
#include "core/net/control.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/sim/offence.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

namespace gtx::app {

namespace {

int fail(const std::string &message)
{
    std::cerr << "gtx-node: double-sign: " << message << "\n";
    return 1;
}

} // namespace

CLI::App *addOffenceCommand(CLI::App &app, OffenceOptions &o)
{
    auto *cmd = app.add_subcommand(
        "double-sign", "Devnet test of slashing: a node's key signs two blocks for one slot and another node of the "
                       "devnet is handed the evidence");
    cmd->add_option("--devnet", o.devnetDir, "The devnet's directory (gtx-node devnet --dir)")->required();
    cmd->add_option("--node", o.node, "The offender: a node of the devnet (node-1 ...)")->required();
    cmd->add_option("--slot", o.slot, "The offence's slot (default: the current slot)");
    cmd->add_option("--to", o.to, "The node handed the evidence (default: the first other node)");
    return cmd;
}

int runOffence(const OffenceOptions &o)
{
    namespace fs = std::filesystem;
    const fs::path dir = o.devnetDir;
    auto network = node::readNetworkFile(dir / "network.toml");
    if (!network)
        return fail(network.error().message);
    auto devnet = DevnetProcesses::open(dir);
    if (!devnet)
        return fail(devnet.error().message);
    const DevnetNode *offender = nullptr;
    for (const DevnetNode &n : devnet->nodes())
        if (n.name == o.node)
            offender = &n;
    if (!offender)
        return fail("the devnet has no node named " + o.node);
    auto config = node::readNodeConfig(offender->config);
    if (!config)
        return fail(config.error().message);
    auto passphrase = node::readPassphraseFile(config->passphraseFile);
    if (!passphrase)
        return fail(passphrase.error().message);
    auto key = crypto::loadKeystore(config->keyFile, asBytes(*passphrase));
    if (!key)
        return fail(key.error().message);

    const consensus::ConsensusParams &params = network->params;
    const std::uint64_t slot =
        o.slot >= 0 ? static_cast<std::uint64_t>(o.slot) : params.slotAt(SystemClock().nowMs());
    const Evidence evidence = sim::forgeDoubleProposal(*key, params.networkId, slot);
    const std::string request = "evidence " + toHex(codec::encode(evidence));
    // Another node judges it (the offender's own would too, but a monitor
    // reports to a node it trusts): --to, or the first other node.
    const DevnetNode *judge = nullptr;
    for (const DevnetNode &n : devnet->nodes())
        if (n.name != o.node && (o.to.empty() ? !judge : n.name == o.to))
            judge = &n;
    if (!judge)
        return fail(o.to.empty() ? "the devnet has no other node" : "the devnet has no node named " + o.to);
    // A devnet that is starting: its node may take a few seconds to answer.
    auto reply = net::controlRequest(judge->dir, request, 10'000);
    for (int tries = 0; !reply && tries < 20; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        reply = net::controlRequest(judge->dir, request, 10'000);
    }
    if (!reply)
        return fail(judge->name + " does not answer on its control endpoint: " + reply.error().message);
    std::cout << judge->name << ": " << *reply;
    return reply->find("\"accepted\":true") != std::string::npos ? 0 : 1;
}

} // namespace gtx::app
