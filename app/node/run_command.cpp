#include "app/node/run_command.h"

#include "app/node/control_command.h"
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

sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

// Waits up to `ms` for SIGINT or SIGTERM (blocked beforehand); true when one came.
bool waitForStop(const sigset_t &set, long ms)
{
    timespec timeout{ms / 1000, (ms % 1000) * 1'000'000};
    return sigtimedwait(&set, nullptr, &timeout) > 0;
}

std::string statusJson(const net::HostSnapshot &s)
{
    std::ostringstream o;
    o << "{\"head\":" << s.headHeight << ",\"fast\":" << s.fastHeight << ",\"full\":" << s.fullHeight
      << ",\"economic\":" << s.economicHeight << ",\"fast_hash\":\"" << s.fastHash.hex()
      << "\",\"safety_alarms\":" << s.safetyAlarms << ",\"evidence\":" << s.evidenceDetected << "}\n";
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

// The number after "name": in a status file; 0 when absent.
std::uint64_t statusField(const std::string &json, const std::string &name)
{
    const std::string needle = "\"" + name + "\":";
    const auto at = json.find(needle);
    if (at == std::string::npos)
        return 0;
    return std::strtoull(json.c_str() + at + needle.size(), nullptr, 10);
}

std::string readText(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
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
    devnet->add_option("--authorities", o.authorities, "Authorities (1 to 5; default 5)")->check(CLI::Range(1, 5));
    devnet->add_option("--stake-validators", o.stakeValidators, "Stake validators (default 4)")
        ->check(CLI::Range(0, 32));
    devnet->add_option("--energy-validators", o.energyValidators, "Energy validators (default 2)")
        ->check(CLI::Range(0, 32));
    devnet->add_option("--base-port", o.basePort, "First loopback port; each node takes two (default 24100)")
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
    const std::string name = "node " + key->publicKey().shortHex();
    auto store = consensus::LedgerConsensusStore::open(config->dataDir / "ledger", pass->view(), network->params,
                                                       *network->genesis, crypto::Argon2Params::interactive(),
                                                       name);
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

    while (!waitForStop(signals, 500)) {
        const net::HostSnapshot now = (*host)->snapshot();
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
    return 0;
}

namespace {

struct DevnetNode
{
    std::string name;   // node-1 ...
    std::string role;   // "EGAT authority", "stake validator", ...
    fs::path dir;
    fs::path config;
    PublicKey key;
    pid_t pid = -1;
    bool exited = false;
    int status = 0;
};

std::string randomHex(std::size_t bytes)
{
    Bytes b(bytes);
    crypto::randomBytes(b);
    return toHex(b);
}

Status writePrivate(const fs::path &file, const std::string &text)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError("devnet.io", "Cannot write " + file.string() + ".");
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    return ok ? Status::success() : makeError("devnet.io", "Cannot write " + file.string() + ".");
}

// Creates the devnet under `dir`: keys, passphrases, the network file and
// one configuration per node.
Status createDevnet(const DevnetOptions &o, const fs::path &dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("devnet.io", "Cannot create " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    node::NetworkFile network;
    network.params = node::devnetParams();
    // A few seconds for the nodes to start before the first slot.
    network.params.genesisTimeMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count()
        + 5000;
    auto genesis = std::make_shared<consensus::ConsensusGenesis>();
    Bytes seed(32);
    crypto::randomBytes(seed);
    std::copy(seed.begin(), seed.end(), genesis->seed.bytes.begin());

    const int total = o.authorities + o.stakeValidators + o.energyValidators;
    std::vector<node::NodeConfig> configs;
    std::vector<PublicKey> keys;
    for (int i = 0; i < total; ++i) {
        const fs::path nodeDir = dir / ("node-" + std::to_string(i + 1));
        fs::create_directories(nodeDir, ec);
        if (ec)
            return makeError("devnet.io", "Cannot create " + nodeDir.string() + ": " + ec.message());
        fs::permissions(nodeDir, fs::perms::owner_all, fs::perm_options::replace, ec);
        const std::string passphrase = randomHex(24);
        GTX_TRY(writePrivate(nodeDir / "passphrase", passphrase + "\n"));
        const crypto::KeyPair key = crypto::KeyPair::generate();
        GTX_TRY(crypto::saveKeystore(nodeDir / "node.key", key, "node", asBytes(passphrase),
                                     crypto::Argon2Params::interactive()));
        keys.push_back(key.publicKey());
        if (i < o.authorities) {
            std::vector<PublicKey> operators;
            for (int op = 1; op <= 2; ++op) {
                const crypto::KeyPair opKey = crypto::KeyPair::generate();
                GTX_TRY(crypto::saveKeystore(nodeDir / ("operator-" + std::to_string(op) + ".key"), opKey,
                                             "operator", asBytes(passphrase), crypto::Argon2Params::interactive()));
                operators.push_back(opKey.publicKey());
            }
            genesis->authorities.push_back(
                consensus::authorityMember(static_cast<AuthorityType>(i), key.publicKey(), std::move(operators)));
        } else {
            const bool stake = i < o.authorities + o.stakeValidators;
            consensus::Candidate c;
            c.role = stake ? state::ValidatorRole::Stake : state::ValidatorRole::Energy;
            c.info.publicKey = key.publicKey();
            c.info.stakeAmount = gtToMicro(stake ? 20'000 : 2'000);
            c.info.geographicDistribution = GridZone{static_cast<std::uint16_t>(1 + (i - o.authorities) % 6)};
            c.info.uptimeHistoryPpm = 1'000'000;
            if (!stake)
                c.info.energyCredentials.verifiedEnergyWh = 5'000'000;
            genesis->candidates.push_back(c);
        }
        genesis->accounts.push_back({key.publicKey(), gtToMicro(1'000)});
        node::NodeConfig config;
        config.network = "../network.toml";
        config.dataDir = ".";
        config.keyFile = "node.key";
        config.passphraseFile = "passphrase";
        config.statusFile = "status.json";
        config.metricsFile = "metrics.prom";
        config.listenConsensus = "tcp://127.0.0.1:" + std::to_string(o.basePort + 2 * i);
        config.listenBulk = "tcp://127.0.0.1:" + std::to_string(o.basePort + 2 * i + 1);
        configs.push_back(config);
    }
    // The console's place: an observer key, two ports after the nodes', and
    // a configuration in the same format (gtx-console --join-devnet reads it).
    const fs::path consoleDir = dir / "console";
    fs::create_directories(consoleDir, ec);
    if (ec)
        return makeError("devnet.io", "Cannot create " + consoleDir.string() + ": " + ec.message());
    fs::permissions(consoleDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    const std::string consolePassphrase = randomHex(24);
    GTX_TRY(writePrivate(consoleDir / "passphrase", consolePassphrase + "\n"));
    const crypto::KeyPair observer = crypto::KeyPair::generate();
    GTX_TRY(crypto::saveKeystore(consoleDir / "observer.key", observer, "node", asBytes(consolePassphrase),
                                 crypto::Argon2Params::interactive()));
    node::NodeConfig console;
    console.network = "../network.toml";
    console.dataDir = ".";
    console.keyFile = "observer.key";
    console.passphraseFile = "passphrase";
    console.listenConsensus = "tcp://127.0.0.1:" + std::to_string(o.basePort + 2 * total);
    console.listenBulk = "tcp://127.0.0.1:" + std::to_string(o.basePort + 2 * total + 1);
    for (int j = 0; j < total; ++j)
        console.peers.push_back({keys[static_cast<std::size_t>(j)], configs[static_cast<std::size_t>(j)].listenConsensus,
                                 configs[static_cast<std::size_t>(j)].listenBulk});
    GTX_TRY(writePrivate(consoleDir / "node.toml", node::formatNodeConfig(console)));
    for (int i = 0; i < total; ++i)
        for (int j = 0; j < total; ++j)
            if (i != j)
                configs[static_cast<std::size_t>(i)].peers.push_back(
                    {keys[static_cast<std::size_t>(j)], configs[static_cast<std::size_t>(j)].listenConsensus,
                     configs[static_cast<std::size_t>(j)].listenBulk});
    for (auto &config : configs) {
        config.observers.push_back(observer.publicKey());
        config.peers.push_back({observer.publicKey(), console.listenConsensus, console.listenBulk});
    }
    for (int i = 0; i < total; ++i)
        GTX_TRY(writePrivate(dir / ("node-" + std::to_string(i + 1)) / "node.toml",
                             node::formatNodeConfig(configs[static_cast<std::size_t>(i)])));
    network.genesis = genesis;
    // Checked as every node will read it.
    if (auto parsed = node::parseNetworkFile(node::formatNetworkFile(network)); !parsed)
        return parsed.error();
    return node::writeNetworkFile(dir / "network.toml", network);
}

std::string roleOf(const node::NetworkFile &network, const PublicKey &key)
{
    for (const auto &a : network.genesis->authorities)
        if (a.key == key)
            return std::string(toString(a.type)) + " authority";
    for (const auto &c : network.genesis->candidates)
        if (c.info.publicKey == key)
            return c.role == state::ValidatorRole::Stake ? "stake validator" : "energy validator";
    return "observer";
}

void reap(std::vector<DevnetNode> &nodes)
{
    for (auto &n : nodes) {
        if (n.exited || n.pid <= 0)
            continue;
        int status = 0;
        if (::waitpid(n.pid, &status, WNOHANG) == n.pid) {
            n.exited = true;
            n.status = status;
        }
    }
}

} // namespace

int runDevnet(const DevnetOptions &o, const std::string &self)
{
    const char *cmd = "devnet";
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    const fs::path dir = fs::absolute(o.dir);
    if (!fs::exists(dir / "network.toml")) {
        if (auto created = createDevnet(o, dir); !created)
            return fail(cmd, created.error().message);
        std::cout << "devnet: created a new network in " << dir.string() << std::endl;
    } else {
        std::cout << "devnet: reusing the network in " << dir.string() << std::endl;
    }
    auto network = node::readNetworkFile(dir / "network.toml");
    if (!network)
        return fail(cmd, network.error().message);

    std::vector<DevnetNode> nodes;
    for (int i = 1;; ++i) {
        const fs::path nodeDir = dir / ("node-" + std::to_string(i));
        if (!fs::exists(nodeDir / "node.toml"))
            break;
        auto config = node::readNodeConfig(nodeDir / "node.toml");
        if (!config)
            return fail(cmd, config.error().message);
        auto info = crypto::readKeystoreInfo(config->keyFile);
        if (!info)
            return fail(cmd, info.error().message);
        DevnetNode n;
        n.name = "node-" + std::to_string(i);
        n.dir = nodeDir;
        n.config = nodeDir / "node.toml";
        n.key = info->publicKey;
        n.role = roleOf(*network, n.key);
        nodes.push_back(n);
        std::cout << "devnet: " << n.name << " " << n.role << " " << n.key.shortHex() << " consensus "
                  << config->listenConsensus << " bulk " << config->listenBulk << " log "
                  << (nodeDir / "node.log").string() << std::endl;
    }
    if (nodes.empty())
        return fail(cmd, "no node configurations under " + dir.string());
    if (o.initOnly)
        return 0;

    for (auto &n : nodes) {
        (void)std::remove((n.dir / "status.json").c_str());
        const pid_t pid = ::fork();
        if (pid < 0)
            return fail(cmd, "cannot start the nodes (fork failed)");
        if (pid == 0) {
            const int log = ::open((n.dir / "node.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
            if (log >= 0) {
                ::dup2(log, STDOUT_FILENO);
                ::dup2(log, STDERR_FILENO);
            }
            sigset_t none;
            sigemptyset(&none);
            pthread_sigmask(SIG_SETMASK, &none, nullptr);
            const std::string config = n.config.string();
            const char *argv[] = {"gtx-node", "run", "--config", config.c_str(), nullptr};
            ::execv(self.c_str(), const_cast<char *const *>(argv));
            std::_Exit(127);
        }
        n.pid = pid;
    }

    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    auto lowest = [&](const char *field) {
        std::uint64_t m = UINT64_MAX;
        for (const auto &n : nodes)
            m = std::min(m, statusField(readText(n.dir / "status.json"), field));
        return m == UINT64_MAX ? 0 : m;
    };
    bool early = false;
    double lastReport = 0;
    while (o.durationSeconds <= 0 || elapsed() < o.durationSeconds) {
        if (waitForStop(signals, 250))
            break;
        reap(nodes);
        if (std::any_of(nodes.begin(), nodes.end(), [](const DevnetNode &n) { return n.exited; })) {
            early = true;
            break;
        }
        if (elapsed() - lastReport >= 10) {
            lastReport = elapsed();
            std::cout << "devnet: t=" << static_cast<int>(lastReport) << "s head=" << lowest("head")
                      << " fast=" << lowest("fast") << " full=" << lowest("full") << " economic="
                      << lowest("economic") << std::endl;
        }
    }

    // Stop: SIGTERM, then up to 15 s for a clean exit, then SIGKILL.
    for (auto &n : nodes)
        if (!n.exited)
            ::kill(n.pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline
           && std::any_of(nodes.begin(), nodes.end(), [](const DevnetNode &n) { return !n.exited; })) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        reap(nodes);
    }
    bool clean = !early;
    for (auto &n : nodes) {
        if (!n.exited) {
            ::kill(n.pid, SIGKILL);
            ::waitpid(n.pid, &n.status, 0);
            n.exited = true;
            clean = false;
            std::cerr << "gtx-node: devnet: " << n.name << " did not stop in time and was killed\n";
        } else if (!WIFEXITED(n.status) || WEXITSTATUS(n.status) != 0) {
            clean = false;
            std::cerr << "gtx-node: devnet: " << n.name << " failed (see " << (n.dir / "node.log").string() << ")\n";
        }
    }

    // Compare the finalized chains in the ledgers at the lowest height all reached.
    std::vector<std::optional<std::pair<std::uint64_t, std::unique_ptr<ledger::Ledger>>>> ledgers;
    std::uint64_t common = UINT64_MAX;
    for (const auto &n : nodes) {
        auto passphrase = node::readPassphraseFile(n.dir / "passphrase");
        auto l = passphrase ? ledger::Ledger::open(n.dir / "ledger", asBytes(*passphrase))
                            : Result<std::unique_ptr<ledger::Ledger>>(passphrase.error());
        if (!l) {
            std::cerr << "gtx-node: devnet: " << n.name << ": " << l.error().message << '\n';
            ledgers.emplace_back(std::nullopt);
            continue;
        }
        const std::uint64_t h = (*l)->height();
        common = std::min(common, h);
        ledgers.emplace_back(std::make_pair(h, std::move(l).value()));
    }
    std::map<Hash256, int> votes;
    std::vector<std::optional<Hash256>> hashes;
    for (auto &l : ledgers) {
        std::optional<Hash256> h;
        if (l && common != UINT64_MAX)
            if (auto header = l->second->headerAt(common))
                h = blockHash(*header);
        hashes.push_back(h);
        if (h)
            ++votes[*h];
    }
    Hash256 majority;
    int best = 0;
    for (const auto &[h, count] : votes)
        if (count > best) {
            best = count;
            majority = h;
        }
    int divergent = 0;
    for (const auto &h : hashes)
        if (!h || *h != majority)
            ++divergent;
    std::cout << "devnet: nodes=" << nodes.size() << " height=" << lowest("head") << " fast=" << lowest("fast")
              << " full=" << lowest("full") << " economic=" << lowest("economic") << " divergent=" << divergent
              << std::endl;
    return clean && divergent == 0 ? 0 : 1;
}

} // namespace gtx::app
