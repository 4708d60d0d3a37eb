// Drives `gtx-node devnet` and `gtx-node run`: separate node processes on
// loopback that speak the protocol over ZeroMQ.

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run gtxNode(const QStringList &args, int timeoutMs,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(QStringLiteral(GTX_NODE_BINARY));
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setChildProcessModifier([] { ::setsid(); });
    p.start();
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    p.waitForFinished(5000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

struct Summary
{
    bool found = false;
    int nodes = 0;
    qulonglong height = 0, fast = 0, full = 0, economic = 0;
    int divergent = -1;
};

Summary summaryOf(const QString &out)
{
    static const QRegularExpression line(
        "devnet: nodes=(\\d+) height=(\\d+) fast=(\\d+) full=(\\d+) economic=(\\d+) divergent=(\\d+)\\s*$");
    const auto m = line.match(out.trimmed());
    Summary s;
    if (!m.hasMatch())
        return s;
    s.found = true;
    s.nodes = m.captured(1).toInt();
    s.height = m.captured(2).toULongLong();
    s.fast = m.captured(3).toULongLong();
    s.full = m.captured(4).toULongLong();
    s.economic = m.captured(5).toULongLong();
    s.divergent = m.captured(6).toInt();
    return s;
}

// Two ports per node, away from the default, from other runs and from the
// kernel's ephemeral ports (32768 and up).
QString basePort()
{
    return QString::number(20000 + (::getpid() % 240) * 25);
}

} // namespace

class TestDevnet : public QObject
{
    Q_OBJECT

private slots:
    void devnetFinalizesAtEveryLevelAndRestarts();
    void runRefusesABadConfiguration();
    void benchDevnetMeasuresUnderLoad();
};

void TestDevnet::devnetFinalizesAtEveryLevelAndRestarts()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath("devnet");
    // Eleven processes: five authorities, four stake and two energy validators.
    const Run first = gtxNode({"devnet", "--dir", dir, "--duration", "35", "--base-port", basePort()}, 120000);
    QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
    const Summary s = summaryOf(first.out);
    QVERIFY2(s.found, qPrintable(first.out));
    QCOMPARE(s.nodes, 11);
    QCOMPARE(s.divergent, 0);
    QVERIFY2(s.fast > 0 && s.full > 0 && s.economic > 0, qPrintable(first.out));
    QVERIFY(s.height >= s.fast && s.fast >= s.full && s.full >= s.economic);
    // Every node kept an encrypted ledger, a private key file and a log.
    for (int i = 1; i <= 11; ++i) {
        const QString node = dir + "/node-" + QString::number(i);
        QVERIFY(QFile::exists(node + "/ledger/ledger.db"));
        QVERIFY(QFile::exists(node + "/node.key"));
        QCOMPARE(QFile::permissions(node + "/passphrase") & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QFile log(node + "/node.log");
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("run: stopped at head"));
    }
    // Metrics in the Prometheus text format: every sample line is a name,
    // optional labels and a number; the finalized heights are there.
    QFile metrics(dir + "/node-1/metrics.prom");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(metrics.readAll());
    static const QRegularExpression sample("^[a-z_]+(\\{[a-z]+=\"[A-Za-z]+\"\\})? [0-9]+(\\.[0-9]+)?$");
    int samples = 0;
    for (const QString &line : text.split('\n', Qt::SkipEmptyParts)) {
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE "))
            continue;
        QVERIFY2(sample.match(line).hasMatch(), qPrintable(line));
        ++samples;
    }
    QVERIFY(samples >= 20);
    const auto fast = QRegularExpression("gtx_height\\{level=\"fast\"\\} ([0-9]+)").match(text);
    QVERIFY(fast.hasMatch() && fast.captured(1).toULongLong() > 0);
    QVERIFY(text.contains("gtx_peers 11"));   // ten nodes and the console

    // Run again on the same directory: the nodes restore from their ledgers
    // and the chain goes on from where it was.
    QProcess running;
    running.setProgram(QStringLiteral(GTX_NODE_BINARY));
    running.setArguments({"devnet", "--dir", dir, "--duration", "20", "--base-port", basePort()});
    running.setStandardInputFile(QProcess::nullDevice());
    running.start();
    QVERIFY(running.waitForStarted());
    // Meanwhile a second devnet on the same directory is refused, and says
    // why, before it starts any process (it would fight over the ledgers).
    // (The control socket exists only while its node runs.)
    QVERIFY(!QFile::exists(dir + "/node-11/control.sock"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + "/node-11/control.sock"), 30000);
    const Run clash = gtxNode({"devnet", "--dir", dir, "--duration", "5", "--base-port", basePort()}, 60000);
    QCOMPARE(clash.exitCode, 1);
    QVERIFY2(clash.err.contains("is already running"), qPrintable(clash.err));
    QVERIFY(!clash.out.contains("divergent="));
    // A stake validator signs two blocks for one slot; another node takes
    // the evidence (once), and the chain goes on with the case in it.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + "/node-1/control.sock"), 30000);
    const Run offence = gtxNode({"double-sign", "--devnet", dir, "--node", "node-6", "--slot", "40"}, 30000);
    QVERIFY2(offence.exitCode == 0 && offence.out.contains("\"accepted\":true"), qPrintable(offence.out + offence.err));
    const Run again = gtxNode({"double-sign", "--devnet", dir, "--node", "node-6", "--slot", "40"}, 30000);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.out.contains("evidence.known"), qPrintable(again.out));
    // A block carries it and the chain opens the case: node 4 lists it.
    Run cases;
    QTRY_VERIFY_WITH_TIMEOUT((cases = gtxNode({"query", "--config", dir + "/node-4/node.toml", "cases", "--json"}, 10000))
                                 .out.contains("\"offence\":\"double-proposal\""),
                             15000);
    QVERIFY2(cases.out.contains("\"tier\":\"major\"") && cases.out.contains("\"evidence_verified\":true"),
             qPrintable(cases.out));
    const Run stranger = gtxNode({"double-sign", "--devnet", dir, "--node", "node-99"}, 30000);
    QCOMPARE(stranger.exitCode, 1);
    QVERIFY2(stranger.err.contains("no node named node-99"), qPrintable(stranger.err));
    QVERIFY(running.waitForFinished(90000));
    const Run second{running.exitStatus() == QProcess::NormalExit ? running.exitCode() : -1,
                     QString::fromUtf8(running.readAllStandardOutput()),
                     QString::fromUtf8(running.readAllStandardError())};
    QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
    QVERIFY(second.out.contains("reusing the network"));
    const Summary t = summaryOf(second.out);
    QVERIFY2(t.found, qPrintable(second.out));
    QCOMPARE(t.divergent, 0);
    QVERIFY2(t.fast > s.fast, qPrintable(QString("fast %1 after the restart, %2 before:\n%3")
                                             .arg(t.fast).arg(s.fast).arg(second.out)));
}

void TestDevnet::runRefusesABadConfiguration()
{
    QTemporaryDir tmp;
    const QString config = tmp.filePath("node.toml");
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("network = \"network.toml\"\ndata_dir = \".\"\n");
    f.close();
    const Run r = gtxNode({"run", "--config", config}, 20000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("key_file is missing"), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
    // The example in installer/ is a valid configuration: it gets as far
    // as reading its network file, which the example does not ship.
    const QString example = tmp.filePath("example.toml");
    QVERIFY(QFile::copy(QStringLiteral(GTX_EXAMPLE_CONFIG), example));
    const Run ex = gtxNode({"run", "--config", example}, 20000);
    QCOMPARE(ex.exitCode, 1);
    QVERIFY2(ex.err.contains("Cannot read the network file"), qPrintable(ex.err));
    // The passphrase as a systemd credential instead of a file.
    {
        QFile in(example);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        in.close();
        QVERIFY(text.contains("\npassphrase_file = \"passphrase\"\n"));
        const QString both = tmp.filePath("both.toml");
        QFile b(both);
        QVERIFY(b.open(QIODevice::WriteOnly));
        QByteArray twiceText = text;
        twiceText.replace("\npassphrase_file = \"passphrase\"\n",
                          "\npassphrase_file = \"passphrase\"\npassphrase_credential = \"gtx-passphrase\"\n");
        b.write(twiceText);
        b.close();
        const Run twice = gtxNode({"run", "--config", both}, 20000);
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains("exactly one of passphrase_file and passphrase_credential"), qPrintable(twice.err));

        text.replace("\npassphrase_file = \"passphrase\"\n", "\npassphrase_credential = \"gtx-passphrase\"\n");
        const QString credential = tmp.filePath("credential.toml");
        QFile c(credential);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(text);
        c.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("CREDENTIALS_DIRECTORY");
        const Run unset = gtxNode({"run", "--config", credential}, 20000, env);
        QCOMPARE(unset.exitCode, 1);
        QVERIFY2(unset.err.contains("LoadCredential=gtx-passphrase:FILE"), qPrintable(unset.err));
        env.insert("CREDENTIALS_DIRECTORY", tmp.path());
        const Run set = gtxNode({"run", "--config", credential}, 20000, env);
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains("Cannot read the network file"), qPrintable(set.err));
    }
    const Run none = gtxNode({"run", "--config", tmp.filePath("absent.toml")}, 20000);
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("Cannot read the configuration"), qPrintable(none.err));
}

// The benchmark end to end, briefly: batched transfers ("txs"), the Fast
// trace, EGAT's halts and resumes through the control endpoint, and their
// Instant finality on all five authorities. Figures are not judged here
// (the machine is shared); that every part worked is.
void TestDevnet::benchDevnetMeasuresUnderLoad()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const Run r = gtxNode({"bench", "devnet", "--dir", tmp.filePath("bench"), "--duration", "15", "--rate", "300",
                           "--halts", "3", "--base-port", basePort()},
                          180000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    static const QRegularExpression last(
        "devnet-bench: tx_finalized_per_s=([0-9.]+) fast_p50_ms=([0-9.]+) fast_p99_ms=([0-9.]+) "
        "halt_instant_p50_ms=([0-9.]+) halt_instant_p99_ms=([0-9.]+)\\s*$");
    const auto m = last.match(r.out.trimmed());
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    QVERIFY2(m.captured(1).toDouble() > 50, qPrintable(r.out));   // of 300 offered
    QVERIFY(m.captured(2).toDouble() > 0 && m.captured(3).toDouble() >= m.captured(2).toDouble());
    QVERIFY(m.captured(4).toDouble() > 0 && m.captured(5).toDouble() >= m.captured(4).toDouble());
    QVERIFY2(r.out.contains(" refused=0 "), qPrintable(r.out));
    QVERIFY2(r.out.contains(" halts=3 resumes=3 orders_timed_out=0"), qPrintable(r.out));
    QVERIFY2(r.out.contains(" divergent=0"), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestDevnet)
#include "test_devnet.moc"
