// Fault tests on real node processes: a devnet directory from
// `gtx-node devnet --init`, each node a `gtx-node run` process started and
// hurt by this test (kill -9, SIGSTOP, one authority's links cut by a relay
// it talks through, hostile clients at a port), and the finalized chains in
// the ledgers compared at the end.

#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/net/transport.h"

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <thread>

using namespace std::chrono_literals;

namespace {

constexpr int kNodes = 11;   // nodes 1..5 are the authorities

int basePort()
{
    return 26000 + (::getpid() % 240) * 25;
}

struct Status
{
    quint64 head = 0, fast = 0, full = 0, evidence = 0;
};

quint64 field(const QByteArray &json, const char *name)
{
    const QByteArray needle = QByteArray("\"") + name + "\":";
    const int at = json.indexOf(needle);
    if (at < 0)
        return 0;
    return json.mid(at + needle.size()).split(',').first().split('}').first().toULongLong();
}

// A TCP relay on loopback: each listener (on a port the kernel picks)
// forwards every connection to its target port, until cut() closes them
// all and refuses new ones; heal() lets them through again. One authority
// reaches the others, and they reach it, only through these.
class Relay
{
public:
    explicit Relay(const std::vector<int> &targets)
    {
        for (int target : targets) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr = loopback(0);
            if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(fd, 16) != 0)
                continue;
            socklen_t len = sizeof addr;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
            m_listeners.push_back({fd, target, ntohs(addr.sin_port)});
        }
        m_thread = std::thread([this] { loop(); });
    }
    ~Relay()
    {
        m_stop = true;
        m_thread.join();
        for (auto &l : m_listeners)
            ::close(l.fd);
        for (auto &[a, b] : m_pairs)
            ::close(a);
    }
    bool ok(std::size_t expected) const { return m_listeners.size() == expected; }
    // The relay's port for `target`.
    int portFor(int target) const
    {
        for (const auto &l : m_listeners)
            if (l.target == target)
                return l.port;
        return 0;
    }
    void cut() { m_cut = true; }
    void heal() { m_cut = false; }
    int cutConnections() const { return m_refused; }

private:
    struct Listener
    {
        int fd, target, port;
    };
    static sockaddr_in loopback(int port)
    {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return addr;
    }
    void closePair(int fd)
    {
        const int other = m_pairs[fd];
        ::close(fd);
        ::close(other);
        m_pairs.erase(fd);
        m_pairs.erase(other);
    }
    void loop()
    {
        char buffer[65536];
        while (!m_stop) {
            if (m_cut && !m_pairs.empty()) {
                m_refused += static_cast<int>(m_pairs.size() / 2);
                while (!m_pairs.empty())
                    closePair(m_pairs.begin()->first);
            }
            std::vector<pollfd> fds;
            for (const auto &l : m_listeners)
                fds.push_back({l.fd, POLLIN, 0});
            for (const auto &[fd, other] : m_pairs)
                fds.push_back({fd, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 50) <= 0)
                continue;
            for (std::size_t k = 0; k < fds.size(); ++k) {
                if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                if (k < m_listeners.size()) {
                    const int in = ::accept(fds[k].fd, nullptr, nullptr);
                    if (in < 0)
                        continue;
                    const int out = ::socket(AF_INET, SOCK_STREAM, 0);
                    sockaddr_in addr = loopback(m_listeners[k].target);
                    if (m_cut || out < 0 || ::connect(out, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
                        ::close(in);
                        if (out >= 0)
                            ::close(out);
                        continue;
                    }
                    m_pairs[in] = out;
                    m_pairs[out] = in;
                    continue;
                }
                const auto it = m_pairs.find(fds[k].fd);
                if (it == m_pairs.end())
                    continue;   // closed with its partner in this round
                const ssize_t n = ::read(fds[k].fd, buffer, sizeof buffer);
                bool sent = n > 0;
                for (ssize_t off = 0; sent && off < n;) {
                    const ssize_t w = ::write(it->second, buffer + off, static_cast<std::size_t>(n - off));
                    sent = w > 0;
                    off += w > 0 ? w : 0;
                }
                if (!sent)
                    closePair(fds[k].fd);
            }
        }
    }

    std::vector<Listener> m_listeners;
    std::map<int, int> m_pairs;   // fd -> the fd it forwards to
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cut{false};
    std::atomic<int> m_refused{0};
    std::thread m_thread;
};

// Rewrites the peer endpoints of a node's configuration: `port` -> map[port].
bool repointPeers(const QString &file, const std::map<int, int> &map)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    for (QByteArray &line : lines) {
        if (!line.startsWith("consensus = ") && !line.startsWith("bulk = "))
            continue;
        const int colon = line.lastIndexOf(':');
        const int port = line.mid(colon + 1).chopped(1).toInt();   // ...:PORT"
        if (const auto it = map.find(port); it != map.end())
            line = line.left(colon + 1) + QByteArray::number(it->second) + '"';
    }
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(lines.join('\n')) > 0;
}

class Devnet
{
public:
    explicit Devnet(QString dir) : m_dir(std::move(dir)) {}
    ~Devnet()
    {
        for (auto &[i, p] : m_processes) {
            ::kill(static_cast<pid_t>(p->processId()), SIGCONT);
            p->kill();
            p->waitForFinished(5000);
        }
    }

    QString nodeDir(int i) const { return m_dir + "/node-" + QString::number(i); }

    bool start(int i)
    {
        auto p = std::make_unique<QProcess>();
        p->setProgram(QStringLiteral(GTX_NODE_BINARY));
        p->setArguments({"run", "--config", nodeDir(i) + "/node.toml"});
        p->setStandardInputFile(QProcess::nullDevice());
        p->setStandardOutputFile(nodeDir(i) + "/node.log", QIODevice::Append);
        p->setStandardErrorFile(nodeDir(i) + "/node.log", QIODevice::Append);
        p->setChildProcessModifier([] { ::setsid(); });
        QFile::remove(nodeDir(i) + "/status.json");
        p->start();
        const bool ok = p->waitForStarted(10000);
        m_processes[i] = std::move(p);
        return ok;
    }

    void killHard(int i)
    {
        m_processes[i]->kill();   // SIGKILL
        m_processes[i]->waitForFinished(5000);
        m_processes.erase(i);
    }

    void signal(int i, int sig) { ::kill(static_cast<pid_t>(m_processes[i]->processId()), sig); }

    // SIGTERM to every node; true when every one exits 0.
    bool stopAll()
    {
        bool clean = true;
        for (auto &[i, p] : m_processes)
            p->terminate();
        for (auto &[i, p] : m_processes) {
            if (!p->waitForFinished(20000)) {
                p->kill();
                p->waitForFinished(5000);
                clean = false;
            }
            clean = clean && p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0;
        }
        m_processes.clear();
        return clean;
    }

    Status status(int i) const
    {
        QFile f(nodeDir(i) + "/status.json");
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray json = f.readAll();
        return {field(json, "head"), field(json, "fast"), field(json, "full"), field(json, "evidence")};
    }

    // The lowest value of `of` over the nodes in `nodes`.
    quint64 lowest(const std::vector<int> &nodes, const std::function<quint64(const Status &)> &of) const
    {
        quint64 m = UINT64_MAX;
        for (int i : nodes)
            m = std::min(m, of(status(i)));
        return m;
    }

private:
    QString m_dir;
    std::map<int, std::unique_ptr<QProcess>> m_processes;
};

std::vector<int> allBut(std::initializer_list<int> out)
{
    std::vector<int> v;
    for (int i = 1; i <= kNodes; ++i)
        if (std::find(out.begin(), out.end(), i) == out.end())
            v.push_back(i);
    return v;
}

bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds within)
{
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done())
            return true;
        std::this_thread::sleep_for(200ms);
    }
    return done();
}

quint64 fastOf(const Status &s)
{
    return s.fast;
}

quint64 headOf(const Status &s)
{
    return s.head;
}

} // namespace

class TestNetworkFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(gtx::crypto::initialize()); }
    void nodesSurviveKillsPartitionsAndHostileClients();
};

void TestNetworkFaults::nodesSurviveKillsPartitionsAndHostileClients()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath("devnet");
    {
        QProcess init;
        init.start(QStringLiteral(GTX_NODE_BINARY),
                   {"devnet", "--dir", dir, "--init", "--base-port", QString::number(basePort())});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
    }
    // Authority 5 (ports base + 8 and + 9) talks to everyone through the
    // relay, and everyone to it: cutting the relay partitions it.
    constexpr int kIsolated = 5;
    auto portsOf = [](int node) { return std::make_pair(basePort() + 2 * (node - 1), basePort() + 2 * (node - 1) + 1); };
    std::vector<int> targets;
    for (int i = 1; i <= kNodes + 1; ++i) {   // the nodes, and the console's place
        targets.push_back(portsOf(i).first);
        targets.push_back(portsOf(i).second);
    }
    Relay relay(targets);
    QVERIFY(relay.ok(targets.size()));
    {
        const auto [c, b] = portsOf(kIsolated);
        for (int i = 1; i <= kNodes; ++i)
            if (i != kIsolated)
                QVERIFY(repointPeers(dir + "/node-" + QString::number(i) + "/node.toml",
                                     {{c, relay.portFor(c)}, {b, relay.portFor(b)}}));
        std::map<int, int> all;
        for (int t : targets)
            all[t] = relay.portFor(t);
        QVERIFY(repointPeers(dir + "/node-" + QString::number(kIsolated) + "/node.toml", all));
    }
    Devnet net(dir);
    for (int i = 1; i <= kNodes; ++i)
        QVERIFY(net.start(i));
    const auto everyone = allBut({});
    QVERIFY2(waitFor([&] { return net.lowest(everyone, fastOf) >= 3; }, 40s), "the devnet never finalized");

    // The running node answers on its local control endpoint, which only its user may reach.
    auto statusOf = [&](int i) {
        QProcess p;
        p.start(QStringLiteral(GTX_NODE_BINARY), {"status", "--config", net.nodeDir(i) + "/node.toml", "--json"});
        p.waitForFinished(20000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    };
    {
        const auto [code, out] = statusOf(1);
        QCOMPARE(code, 0);
        QVERIFY2(out.startsWith("{\"head\":") && out.contains("\"fast\":"), qPrintable(out));
        struct stat st {};
        QCOMPARE(::stat((net.nodeDir(1) + "/control.sock").toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 077, 0u);
    }

    // Queries and a transaction through the control endpoint: node 2 (an
    // authority) pays node 6 (a stake validator) by way of node 1, and node
    // 4 sees the payment once it is in a block.
    auto gtxNode = [&](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(GTX_NODE_BINARY), args);
        p.waitForFinished(30000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    };
    auto keyOf = [&](int node) {
        // Node 1 lists nodes 2..11 as its peers, in order; node 2 lists node 1 first.
        QFile cfg(net.nodeDir(node == 1 ? 2 : 1) + "/node.toml");
        if (!cfg.open(QIODevice::ReadOnly))
            return QString();
        const QByteArray text = cfg.readAll();
        int at = -1;
        for (int k = 0; k < (node == 1 ? 1 : node - 1); ++k)
            at = text.indexOf("[[peer]]\nkey = \"", at + 1);
        return at < 0 ? QString() : QString::fromLatin1(text.mid(at + 16, 64));
    };
    auto config = [&](int node) { return net.nodeDir(node) + "/node.toml"; };
    {
        const QString three = keyOf(6);
        QCOMPARE(three.size(), 64);
        auto [code, out] = gtxNode({"query", "--config", config(4), "account", three, "--json"});
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("\"balance_gt\":\"1000\"") && out.contains("\"validator\":{\"role\":\"stake\""),
                 qPrintable(out));
        std::tie(code, out) = gtxNode({"tx", "--config", config(1), "--key", net.nodeDir(2) + "/node.key",
                                       "--passphrase-file", net.nodeDir(2) + "/passphrase", "transfer", "--to", three,
                                       "--amount", "12.5", "--json"});
        QCOMPARE(code, 0);
        QVERIFY2(out.startsWith("{\"accepted\":true,\"id\":\""), qPrintable(out));
        // The payment, and perhaps rewards for its attestations (fees go to
        // proposers and attesters), but never less.
        const auto paid = [&] {
            const QString out = gtxNode({"query", "--config", config(4), "account", three}).second;
            const auto m = QRegularExpression("balance_micro_gt ([0-9]+)\n").match(out);
            return m.hasMatch() && m.captured(1).toULongLong() >= 1'012'500'000ULL
                && m.captured(1).toULongLong() < 1'013'000'000ULL;
        };
        QVERIFY2(waitFor(paid, 20s),
                 qPrintable(gtxNode({"query", "--config", config(4), "account", three}).second));
        // Errors are one line and a non-zero status; the node goes on.
        std::tie(code, out) = gtxNode({"tx", "--config", config(1), "--key", net.nodeDir(2) + "/node.key",
                                       "--passphrase-file", net.nodeDir(2) + "/passphrase", "transfer", "--to", three,
                                       "--amount", "100000"});
        QCOMPARE(code, 1);
        QVERIFY2(out.contains("gtx-node: error: tx: ") && out.count('\n') == 1, qPrintable(out));
        std::tie(code, out) = gtxNode({"query", "--config", config(1), "block", "1", "--json"});
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("\"height\":1,") && out.contains("\"finality\":"), qPrintable(out));
        std::tie(code, out) = gtxNode({"query", "--config", config(1), "block", "999999"});
        QCOMPARE(code, 1);
        QVERIFY2(out.contains("no block at height 999999"), qPrintable(out));
        std::tie(code, out) = gtxNode({"query", "--config", config(1), "validators", "--json"});
        QCOMPARE(code, 0);
        QCOMPARE(out.count("\"authority\":true"), 5);
        QCOMPARE(out.count("\"authority\":false"), 6);
        std::tie(code, out) = gtxNode({"query", "--config", config(1), "account", "xyz"});
        QCOMPARE(code, 1);
        QVERIFY2(out.contains("64 hex digits"), qPrintable(out));
    }

    // kill -9 an authority: the other four go on; restarted, it catches up.
    net.killHard(3);
    const auto withoutThree = allBut({3});
    quint64 before = net.lowest(withoutThree, fastOf);
    QVERIFY2(waitFor([&] { return net.lowest(withoutThree, fastOf) >= before + 3; }, 20s),
             "no finality with four of five authorities");
    QVERIFY(net.start(3));
    const quint64 target = net.lowest(withoutThree, fastOf);
    QVERIFY2(waitFor([&] { return net.status(3).fast >= target; }, 30s),
             qPrintable(QString("the restarted authority is at %1, the others at %2").arg(net.status(3).fast).arg(target)));

    // Two authorities cut off (stopped): Fast finality stops, blocks go on.
    net.signal(2, SIGSTOP);
    net.signal(4, SIGSTOP);
    const auto running = allBut({2, 4});
    std::this_thread::sleep_for(2s);   // votes already on the way land
    quint64 fastStopped = 0;
    for (int i : running)
        fastStopped = std::max(fastStopped, net.status(i).fast);
    const quint64 headStopped = net.lowest(running, headOf);
    // Blocks go on (slots drawn for the stopped two stay empty; under load
    // two blocks may take longer than two slots), and Fast finality does not.
    QVERIFY2(waitFor([&] { return net.lowest(running, headOf) >= headStopped + 2; }, 20s),
             "no blocks while finality was stopped");
    std::this_thread::sleep_for(2s);
    for (int i : running)
        QVERIFY2(net.status(i).fast <= fastStopped,
                 qPrintable(QString("node %1 finalized %2 > %3 with three of five").arg(i).arg(net.status(i).fast).arg(fastStopped)));
    // Healed: finality resumes everywhere, the two catch up.
    net.signal(2, SIGCONT);
    net.signal(4, SIGCONT);
    QVERIFY2(waitFor([&] { return net.lowest(everyone, fastOf) >= fastStopped + 3; }, 30s),
             qPrintable(QString("finality did not resume: lowest %1").arg(net.lowest(everyone, fastOf))));

    // Authority 5's links cut: the other four finalize without it, its own
    // chain stops finalizing; healed, it catches up and nobody saw it sign
    // anything that conflicts (it may have built blocks alone meanwhile).
    relay.cut();
    const auto withoutIsolated = allBut({kIsolated});
    std::this_thread::sleep_for(2s);
    const quint64 isolatedAt = net.status(kIsolated).fast;
    before = net.lowest(withoutIsolated, fastOf);
    QVERIFY2(waitFor([&] { return net.lowest(withoutIsolated, fastOf) >= before + 5; }, 30s),
             "no finality with four of five authorities while one is partitioned");
    QVERIFY2(net.status(kIsolated).fast <= isolatedAt + 1,
             qPrintable(QString("the partitioned authority finalized alone: %1 -> %2").arg(isolatedAt).arg(net.status(kIsolated).fast)));
    QVERIFY(relay.cutConnections() > 0);
    relay.heal();
    const quint64 healedTarget = net.lowest(withoutIsolated, fastOf);
    QVERIFY2(waitFor([&] { return net.status(kIsolated).fast >= healedTarget; }, 30s),
             qPrintable(QString("the healed authority is at %1, the others at %2").arg(net.status(kIsolated).fast).arg(healedTarget)));
    before = net.lowest(everyone, fastOf);
    QVERIFY2(waitFor([&] { return net.lowest(everyone, fastOf) >= before + 3; }, 30s), "finality stopped after the heal");

    // Hostile clients at node 1's consensus port: garbage without a
    // handshake, and a CURVE client whose key nobody admitted.
    const int port = basePort();
    for (int k = 0; k < 20; ++k) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
            const std::string junk(64 * 1024, static_cast<char>(k));
            (void)!::write(fd, junk.data(), junk.size());
        }
        ::close(fd);
    }
    gtx::net::TransportConfig strangerConfig;
    auto stranger = gtx::net::Transport::start(strangerConfig, gtx::crypto::KeyPair::generate());
    QVERIFY(stranger);
    // Node 1's key, from its status as a peer: read from its key file header.
    // The stranger needs only the server key and port, which it would sniff.
    {
        QFile cfg(net.nodeDir(2) + "/node.toml");   // node 2 lists node 1 as a peer
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        const QByteArray text = cfg.readAll();
        const int at = text.indexOf("[[peer]]\nkey = \"");
        QVERIFY(at >= 0);
        const QByteArray hex = text.mid(at + 16, 64);
        gtx::Bytes bytes;
        QVERIFY(gtx::fromHex(hex.toStdString(), bytes));
        gtx::crypto::PublicKey nodeOne;
        std::copy(bytes.begin(), bytes.end(), nodeOne.bytes.begin());
        const std::string endpoint = "tcp://127.0.0.1:" + std::to_string(port);
        QVERIFY((*stranger)->connect(nodeOne, endpoint, "tcp://127.0.0.1:" + std::to_string(port + 1)).ok());
        const quint64 fastBefore = net.status(1).fast;
        const auto until = std::chrono::steady_clock::now() + 3s;
        while (std::chrono::steady_clock::now() < until) {
            (*stranger)->send(nodeOne, gtx::net::Channel::Consensus, gtx::toBytes("let me in"));
            std::this_thread::sleep_for(10ms);
        }
        QVERIFY2(waitFor([&] { return net.status(1).fast >= fastBefore + 2; }, 15s),
                 "node 1 stopped finalizing under hostile clients");
        // Its link never came up (the handshake was refused): nothing was sent.
        QCOMPARE((*stranger)->counters().sent, std::uint64_t{0});
        QVERIFY((*stranger)->counters().sendDropped > 0);
    }

    // Nobody saw anyone sign two conflicting things, and everyone stops cleanly.
    for (int i : everyone)
        QCOMPARE(net.status(i).evidence, quint64{0});
    QVERIFY(net.stopAll());
    {
        const auto [code, out] = statusOf(1);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains("No node is running"), qPrintable(out));
    }

    // The finalized chains agree at the lowest height all reached.
    std::vector<std::unique_ptr<gtx::ledger::Ledger>> ledgers;
    std::uint64_t common = UINT64_MAX;
    for (int i : everyone) {
        QFile pass(net.nodeDir(i) + "/passphrase");
        QVERIFY(pass.open(QIODevice::ReadOnly));
        const std::string passphrase = pass.readAll().trimmed().toStdString();
        auto l = gtx::ledger::Ledger::open((net.nodeDir(i) + "/ledger").toStdString(), gtx::asBytes(passphrase));
        QVERIFY2(l, l ? "" : l.error().message.c_str());
        common = std::min(common, (*l)->height());
        ledgers.push_back(std::move(l).value());
    }
    QVERIFY(common >= 6);
    const auto reference = ledgers.front()->headerAt(common);
    QVERIFY(reference);
    for (auto &l : ledgers) {
        QCOMPARE(gtx::blockHash(l->headerAt(common).value()), gtx::blockHash(*reference));
        QVERIFY(l->verify().ok);
    }
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "test_network_faults.moc"
