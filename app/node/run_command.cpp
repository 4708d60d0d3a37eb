#include "app/node/run_command.h"

#include "app/node/stop_signals.h"

#include "app/node/control_command.h"
#include "app/node/devnet.h"
#include "app/node/passphrase_input.h"
#include "core/consensus/ledger_store.h"
#include "core/crypto/keystore.h"
#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/net/control.h"
#include "core/net/peer_host.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/types/grid_zone.h"
#include "core/types/units.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

namespace gtx::app {

namespace fs = std::filesystem;

namespace {

int fail(const std::string &command, const std::string &message)
{
    std::cerr << "gtx-node: error: " << command << ": " << message << '\n';
    return 1;
}

std::string statusJson(const net::HostSnapshot &s)
{
    std::ostringstream o;
    o << "{\"head\":" << s.headHeight << ",\"fast\":" << s.fastHeight << ",\"full\":" << s.fullHeight
      << ",\"economic\":" << s.economicHeight << ",\"fast_hash\":\"" << s.fastHash.hex()
      << "\",\"safety_alarms\":" << s.safetyAlarms << ",\"evidence\":" << s.evidenceDetected
      << ",\"upgrade_version\":" << s.upgradeVersion << ",\"upgrade_slot\":" << s.upgradeSlot
      << ",\"upgrade_required\":" << (s.upgradeRequired ? "true" : "false") << "}\n";
    return o.str();
}

bool writeAtomically(const fs::path &file, const std::string &text)
{
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush())
            return false;
    }
    std::error_code ec;
    fs::rename(tmp, file, ec);
    return !ec;
}

} // namespace

void addRunOptions(CLI::App *run, RunOptions &o)
{
    run->add_option("--config", o.config, "The node's configuration file (TOML; see core/node/node_config.h)")
        ->required();
}

void addDevnetOptions(CLI::App *devnet, DevnetOptions &o)
{
    devnet->add_option("--dir", o.dir, "Where the nodes' keys, ledgers, configurations and logs live")->required();
    devnet->add_option("--duration", o.durationSeconds, "Stop after this many seconds (default: at Ctrl-C)")
        ->check(CLI::Range(0.0, 86400.0));
    devnet->add_option("--authorities", o.layout.authorities, "Authorities (1 to 5; default 5)")->check(CLI::Range(1, 5));
    devnet->add_option("--stake-validators", o.layout.stakeValidators, "Stake validators (default 4)")
        ->check(CLI::Range(0, 32));
    devnet->add_option("--energy-validators", o.layout.energyValidators, "Energy validators (default 2)")
        ->check(CLI::Range(0, 32));
    devnet->add_option("--base-port", o.layout.basePort, "First loopback port; each node takes two (default 24100)")
        ->check(CLI::Range(1024, 65000));
    devnet->add_flag("--init", o.initOnly, "Only create the directory (keys, network file, configurations)");
}

int runNodeDaemon(const RunOptions &o)
{
    const char *cmd = "run";
    // Before any thread starts, so that every thread leaves them to sigtimedwait.
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto config = node::readNodeConfig(o.config);
    if (!config)
        return fail(cmd, config.error().message);
    auto network = node::readNetworkFile(config->network);
    if (!network)
        return fail(cmd, network.error().message);
    auto pass = obtainPassphrase(config->passphraseFile.string(), "", false);
    if (!pass)
        return fail(cmd, pass.error().message);
    auto key = crypto::loadKeystore(config->keyFile, pass->view());
    if (!key)
        return fail(cmd, key.error().message);
    auto store = consensus::LedgerConsensusStore::open(config->dataDir / "ledger", pass->view(), network->params,
                                                       *network->genesis, crypto::Argon2Params::interactive(),
                                                       *key);
    if (!store)
        return fail(cmd, store.error().message);

    const PublicKey me = key->publicKey();
    auto host = net::PeerHost::start(node::hostSetup(*config, network->params, network->genesis, store->get()),
                                     std::move(key).value());
    if (!host)
        return fail(cmd, host.error().message);
    (*host)->addPeers(config->peers);
    (*host)->run();
    net::PeerHost &running = **host;
    auto control = net::ControlServer::start(config->dataDir, [&running](const std::string &request) {
        if (request == "status")
            return statusJson(running.snapshot());
        return answerControlRequest(running, request);
    });
    if (!control)
        return fail(cmd, control.error().message);
    std::cout << "run: node " << me.hex() << " on network " << network->params.networkId << ", consensus "
              << (*host)->consensusEndpoint() << ", bulk " << (*host)->bulkEndpoint() << ", " << config->peers.size()
              << " peers" << std::endl;

    std::uint32_t announced = 0;   // the upgrade last told to the operator
    bool stopped = false;
    while (!waitForStop(signals, 500)) {
        const net::HostSnapshot now = (*host)->snapshot();
        if (now.upgradeVersion > consensus::kChainRulesVersion && now.upgradeVersion != announced) {
            announced = now.upgradeVersion;
            std::cout << "run: the chain runs chain rules version " << now.upgradeVersion << " from slot "
                      << now.upgradeSlot << "; this node runs version " << consensus::kChainRulesVersion
                      << ": install the new release before then" << std::endl;
        }
        if (now.upgradeRequired && !stopped) {
            stopped = true;
            std::cerr << "gtx-node: run: stopped following the chain at slot " << now.upgradeSlot
                      << ": it runs chain rules version " << now.upgradeVersion
                      << ", which this release does not have. Install the new release." << std::endl;
        }
        if (!config->statusFile.empty())
            (void)writeAtomically(config->statusFile, statusJson(now));
        if (!config->metricsFile.empty())
            (void)writeAtomically(config->metricsFile,
                                  net::prometheusText(now, (*host)->transportCounters(), network->params.slotMs));
    }
    control->reset();
    (*host)->stop();
    const net::HostSnapshot last = (*host)->snapshot();
    if (!config->statusFile.empty())
        (void)writeAtomically(config->statusFile, statusJson(last));
    // Folded now, the next start reads no state log back.
    const Status flushed = (*store)->ledger().flushState();
    std::cout << "run: stopped at head " << last.headHeight << ", fast " << last.fastHeight << ", full "
              << last.fullHeight << ", economic " << last.economicHeight << std::endl;
    if (!flushed.ok())
        return fail(cmd, flushed.error().message);
    return 0;
}

int runStatusQuery(const std::string &configFile, bool json)
{
    auto config = node::readNodeConfig(configFile);
    if (!config)
        return fail("status", config.error().message);
    auto reply = net::controlRequest(config->dataDir, "status");
    if (!reply)
        return fail("status", reply.error().message);
    if (json) {
        std::cout << *reply;
        return 0;
    }
    std::cout << "head " << statusField(*reply, "head") << "\nfast " << statusField(*reply, "fast") << "\nfull "
              << statusField(*reply, "full") << "\neconomic " << statusField(*reply, "economic")
              << "\nsafety alarms " << statusField(*reply, "safety_alarms") << "\nevidence seen "
              << statusField(*reply, "evidence") << '\n';
    if (reply->find("\"upgrade_required\":true") != std::string::npos)
        std::cout << "upgrade required: chain rules version " << statusField(*reply, "upgrade_version")
                  << " since slot " << statusField(*reply, "upgrade_slot") << '\n';
    else if (statusField(*reply, "upgrade_version") != 0)
        std::cout << "upgrade scheduled: chain rules version " << statusField(*reply, "upgrade_version")
                  << " from slot " << statusField(*reply, "upgrade_slot") << '\n';
    return 0;
}

int runDevnet(const DevnetOptions &o, const std::string &self)
{
    const char *cmd = "devnet";
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    const fs::path dir = fs::absolute(o.dir);
    if (!fs::exists(dir / "network.toml")) {
        if (auto created = createDevnet(o.layout, dir); !created)
            return fail(cmd, created.error().message);
        std::cout << "devnet: created a new network in " << dir.string() << std::endl;
    } else {
        std::cout << "devnet: reusing the network in " << dir.string() << std::endl;
    }
    auto devnet = DevnetProcesses::open(dir);
    if (!devnet)
        return fail(cmd, devnet.error().message);
    for (const auto &n : devnet->nodes())
        std::cout << "devnet: " << n.name << " " << n.role << " " << n.key.shortHex() << " consensus "
                  << n.listenConsensus << " bulk " << n.listenBulk << " log " << (n.dir / "node.log").string()
                  << std::endl;
    if (o.initOnly)
        return 0;
    if (auto started = devnet->start(self); !started) {
        std::ostringstream ignored;
        (void)devnet->stop(ignored);
        return fail(cmd, started.error().message);
    }

    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    bool early = false;
    double lastReport = 0;
    while (o.durationSeconds <= 0 || elapsed() < o.durationSeconds) {
        if (waitForStop(signals, 250))
            break;
        if (devnet->anyExited()) {
            early = true;
            break;
        }
        if (elapsed() - lastReport >= 10) {
            lastReport = elapsed();
            std::cout << "devnet: t=" << static_cast<int>(lastReport) << "s head=" << devnet->lowest("head")
                      << " fast=" << devnet->lowest("fast") << " full=" << devnet->lowest("full")
                      << " economic=" << devnet->lowest("economic") << std::endl;
        }
    }
    const bool clean = devnet->stop(std::cerr) && !early;
    const int divergent = devnet->divergent(std::cerr);
    std::cout << "devnet: nodes=" << devnet->nodes().size() << " height=" << devnet->lowest("head")
              << " fast=" << devnet->lowest("fast") << " full=" << devnet->lowest("full")
              << " economic=" << devnet->lowest("economic") << " divergent=" << divergent << std::endl;
    return clean && divergent == 0 ? 0 : 1;
}

} // namespace gtx::app
