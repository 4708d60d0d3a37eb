#include "app/node/devnet.h"

#include "core/consensus/validators.h"
#include "core/crypto/keystore.h"
#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/net/control.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/types/grid_zone.h"
#include "core/types/units.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

namespace gtx::app {

namespace fs = std::filesystem;

namespace {

std::string randomHex(std::size_t bytes)
{
    Bytes b(bytes);
    crypto::randomBytes(b);
    return toHex(b);
}

// Creates `dir` (and its parents) for its owner alone.
Status makePrivateDirectory(const fs::path &dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("devnet.io", "Cannot create " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    return Status::success();
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

std::string readText(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::uint64_t statusField(const std::string &json, const std::string &name)
{
    const std::string needle = "\"" + name + "\":";
    const auto at = json.find(needle);
    if (at == std::string::npos)
        return 0;
    return std::strtoull(json.c_str() + at + needle.size(), nullptr, 10);
}

// Creates the devnet under `dir`: keys, passphrases, the network file and
// one configuration per node.
Status createDevnet(const DevnetLayout &o, const fs::path &dir)
{
    GTX_TRY(makePrivateDirectory(dir));
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
        GTX_TRY(makePrivateDirectory(nodeDir));
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
    GTX_TRY(makePrivateDirectory(consoleDir));
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

Result<DevnetProcesses> DevnetProcesses::open(const fs::path &dir)
{
    auto network = node::readNetworkFile(dir / "network.toml");
    if (!network)
        return network.error();
    DevnetProcesses out;
    for (int i = 1;; ++i) {
        const fs::path nodeDir = dir / ("node-" + std::to_string(i));
        if (!fs::exists(nodeDir / "node.toml"))
            break;
        auto config = node::readNodeConfig(nodeDir / "node.toml");
        if (!config)
            return config.error();
        auto info = crypto::readKeystoreInfo(config->keyFile);
        if (!info)
            return info.error();
        DevnetNode n;
        n.name = "node-" + std::to_string(i);
        n.dir = nodeDir;
        n.config = nodeDir / "node.toml";
        n.key = info->publicKey;
        n.role = roleOf(*network, n.key);
        n.listenConsensus = config->listenConsensus;
        n.listenBulk = config->listenBulk;
        out.m_nodes.push_back(n);
    }
    if (out.m_nodes.empty())
        return makeError("devnet.empty", "no node configurations under " + dir.string());
    return out;
}

Status DevnetProcesses::start(const std::string &self)
{
    // Two processes on one ledger would each refuse the other's writes and
    // the comparison at the end would say only that they diverged.
    for (const auto &n : m_nodes)
        if (net::controlRequest(n.dir, "status", 500))
            return makeError("devnet.running", n.name + " of this devnet is already running (" + n.dir.string()
                                                   + "); stop it first.");
    for (auto &n : m_nodes) {
        (void)std::remove((n.dir / "status.json").c_str());
        const pid_t pid = ::fork();
        if (pid < 0)
            return makeError("devnet.start", "cannot start the nodes (fork failed)");
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
        n.exited = false;
    }
    return Status::success();
}

bool DevnetProcesses::anyExited()
{
    for (auto &n : m_nodes) {
        if (n.exited || n.pid <= 0)
            continue;
        int status = 0;
        if (::waitpid(n.pid, &status, WNOHANG) == n.pid) {
            n.exited = true;
            n.status = status;
        }
    }
    return std::any_of(m_nodes.begin(), m_nodes.end(), [](const DevnetNode &n) { return n.exited; });
}

std::uint64_t DevnetProcesses::lowest(const std::string &field) const
{
    std::uint64_t m = UINT64_MAX;
    for (const auto &n : m_nodes)
        m = std::min(m, statusField(readText(n.dir / "status.json"), field));
    return m == UINT64_MAX ? 0 : m;
}

bool DevnetProcesses::stop(std::ostream &errors)
{
    for (auto &n : m_nodes)
        if (!n.exited && n.pid > 0)
            ::kill(n.pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    auto running = [&] {
        (void)anyExited();
        return std::any_of(m_nodes.begin(), m_nodes.end(),
                           [](const DevnetNode &n) { return n.pid > 0 && !n.exited; });
    };
    while (std::chrono::steady_clock::now() < deadline && running())
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    bool clean = true;
    for (auto &n : m_nodes) {
        if (n.pid <= 0)
            continue;
        if (!n.exited) {
            ::kill(n.pid, SIGKILL);
            ::waitpid(n.pid, &n.status, 0);
            n.exited = true;
            clean = false;
            errors << "gtx-node: devnet: " << n.name << " did not stop in time and was killed\n";
        } else if (!WIFEXITED(n.status) || WEXITSTATUS(n.status) != 0) {
            clean = false;
            errors << "gtx-node: devnet: " << n.name << " failed (see " << (n.dir / "node.log").string() << ")\n";
        }
    }
    return clean;
}

int DevnetProcesses::divergent(std::ostream &errors) const
{
    std::vector<std::unique_ptr<ledger::Ledger>> ledgers;
    std::uint64_t common = UINT64_MAX;
    for (const auto &n : m_nodes) {
        auto passphrase = node::readPassphraseFile(n.dir / "passphrase");
        auto l = passphrase ? ledger::Ledger::open(n.dir / "ledger", asBytes(*passphrase))
                            : Result<std::unique_ptr<ledger::Ledger>>(passphrase.error());
        if (!l) {
            errors << "gtx-node: devnet: " << n.name << ": " << l.error().message << '\n';
            ledgers.emplace_back(nullptr);
            continue;
        }
        common = std::min(common, (*l)->height());
        ledgers.push_back(std::move(l).value());
    }
    std::map<Hash256, int> votes;
    std::vector<std::optional<Hash256>> hashes;
    for (const auto &l : ledgers) {
        std::optional<Hash256> h;
        if (l && common != UINT64_MAX)
            if (auto header = l->headerAt(common))
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
    return divergent;
}

} // namespace gtx::app
