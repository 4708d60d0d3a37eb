// Fault tests on real node processes: a devnet directory from
// `gtx-node devnet --init`, each node a `gtx-node run` process started and
// hurt by this test (kill -9, SIGSTOP as a partition, hostile clients at a
// port), and the finalized chains in the ledgers compared at the end.

#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/net/transport.h"

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <map>
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
    std::this_thread::sleep_for(5s);
    for (int i : running)
        QVERIFY2(net.status(i).fast <= fastStopped,
                 qPrintable(QString("node %1 finalized %2 > %3 with three of five").arg(i).arg(net.status(i).fast).arg(fastStopped)));
    QVERIFY2(net.lowest(running, headOf) >= headStopped + 2, "no blocks while finality was stopped");
    // Healed: finality resumes everywhere, the two catch up.
    net.signal(2, SIGCONT);
    net.signal(4, SIGCONT);
    QVERIFY2(waitFor([&] { return net.lowest(everyone, fastOf) >= fastStopped + 3; }, 30s),
             qPrintable(QString("finality did not resume: lowest %1").arg(net.lowest(everyone, fastOf))));

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
