// Drives the gtx-node executable as an operator's script would.

#include "core/common/bytes.h"
#include "core/crypto/keystore.h"
#include "core/node/node_key.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run gtxNode(const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral(GTX_NODE_BINARY));
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    // No controlling terminal, as under a service manager or CI.
    p.setChildProcessModifier([] { ::setsid(); });
    p.start();
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// gtx-node init of a new ledger at the interactive Argon2id cost.
Run initLedger(const QString &data, const QString &passFile)
{
    return gtxNode({QStringLiteral("init"), QStringLiteral("--data-dir"), data,
                    QStringLiteral("--passphrase-file"), passFile, QStringLiteral("--kdf"),
                    QStringLiteral("interactive")});
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

QByteArray digestOfDir(const QString &path)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto entries = QDir(path).entryList(QDir::Files, QDir::Name);
    for (const QString &name : entries) {
        QFile f(QDir(path).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        h.addData(name.toUtf8());
        h.addData(f.readAll());
    }
    return h.result();
}

// A one-line error: exactly one line on stderr, prefixed by the program name.
void checkOneLineError(const Run &r)
{
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("gtx-node: error: ")), qPrintable(r.err));
}

} // namespace

class TestGtxNode : public QObject
{
    Q_OBJECT

private slots:
    void shippedScenariosMeetTheirExpectations()
    {
        // Every scenario in scenarios/ is also a test: each expectation met.
        const QDir dir(QStringLiteral(GTX_SCENARIO_DIR));
        const auto files = dir.entryList({QStringLiteral("*.toml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 3);
        for (const QString &name : files) {
            const Run r = gtxNode({QStringLiteral("scenario"), dir.filePath(name)});
            QVERIFY2(r.exitCode == 0, qPrintable(name + ": " + r.err + r.out));
            QVERIFY2(!r.out.contains(QStringLiteral("\"expectation\":\"failed\"")), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("\"expectation\":\"met\"")), qPrintable(name));
            QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\nscenario: steps=\\d+ failed_expectations=0\n$"))));
        }
    }

    void scenarioReportsAFailedExpectation()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.toml"),
                                       "[accounts]\nalice = 10\n"
                                       "[[steps]]\ndo = \"transfer\"\nfrom = \"alice\"\nto = \"bob\"\namount = 10\n"
                                       "expect = \"accepted\"\n");   // 10 + the fee is more than alice has
        const Run r = gtxNode({QStringLiteral("scenario"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("\"code\":\"state.insufficient_balance\"")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("\"expectation\":\"failed\",\"expected\":\"accepted\"")));
        QVERIFY(r.out.endsWith(QStringLiteral("scenario: steps=1 failed_expectations=1\n")));
    }

    void malformedScenariosAreOneLineErrors()
    {
        QTemporaryDir dir;
        const struct
        {
            const char *content;
            const char *says;
        } cases[] = {
            {"[accounts\nalice = 1\n", "scenario.s.toml:1"},
            {"[[steps]]\ndo = \"fly\"\n", "unknown step 'fly'"},
            {"[[steps]]\ndo = \"transfer\"\nfrom = \"a\"\nto = \"b\"\namount = \"1.2345678\"\n", "at most 6 decimals"},
            {"[[steps]]\ndo = \"bond\"\nfrom = \"a\"\namount = 1\nzone = \"MARS\"\n", "unknown zone 'MARS'"},
            {"title = \"no steps\"\n", "has no [[steps]]"},
        };
        for (const auto &c : cases) {
            const QString path = writeFile(dir, QStringLiteral("s.toml"), c.content);
            const Run r = gtxNode({QStringLiteral("scenario"), path});
            checkOneLineError(r);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QString::fromUtf8(c.says).replace(QStringLiteral("scenario.s.toml"), path)),
                     qPrintable(r.err));
        }
        const Run missing = gtxNode({QStringLiteral("scenario"), dir.filePath(QStringLiteral("none.toml"))});
        checkOneLineError(missing);
    }

    void version()
    {
        const Run r = gtxNode({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("gtx-node ")), qPrintable(r.out));
    }

    void usageErrorsAreOneLine()
    {
        const Run r = gtxNode({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.contains(QStringLiteral("--data-dir")));
    }

    void keygenWritesOnceAndNeedsATerminalOrFile()
    {
        QTemporaryDir dir;
        const QString pass = writeFile(dir, QStringLiteral("pass"), "correct horse battery\n");
        const QString key = dir.filePath(QStringLiteral("node.key"));
        const QStringList args = {QStringLiteral("keygen"), QStringLiteral("--out"), key,
                                  QStringLiteral("--passphrase-file"), pass,
                                  QStringLiteral("--kdf"), QStringLiteral("interactive")};
        Run r = gtxNode(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(key));
        QCOMPARE(QFile(key).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(r.out.contains(QStringLiteral("keygen: wrote node key ")));

        // A second keygen must not overwrite the key.
        const QByteArray before = [&] { QFile f(key); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        r = gtxNode(args);
        checkOneLineError(r);
        QFile f(key);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);

        // Without a passphrase file and without a terminal: a clear error.
        r = gtxNode({QStringLiteral("keygen"), QStringLiteral("--out"),
                     dir.filePath(QStringLiteral("other.key"))});
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("--passphrase-file")), qPrintable(r.err));
    }

    void initVerifyAndWrongPassphrase()
    {
        QTemporaryDir dir;
        const QString pass = writeFile(dir, QStringLiteral("pass"), "grid stability first 2569\n");
        const QString wrong = writeFile(dir, QStringLiteral("wrong"), "grid stability first 2570\n");
        const QString data = dir.filePath(QStringLiteral("data"));

        Run r = initLedger(data, pass);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("devnet")));

        // init refuses to overwrite.
        r = gtxNode({QStringLiteral("init"), QStringLiteral("--data-dir"), data,
                     QStringLiteral("--passphrase-file"), pass});
        checkOneLineError(r);

        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), pass});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.out.startsWith(QStringLiteral("ledger verify: OK: 1 blocks")), qPrintable(r.out));

        const QByteArray before = digestOfDir(data);
        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), wrong});
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(digestOfDir(data), before);
    }

    // One passphrase policy (core/crypto/passphrase_policy.h) for init,
    // keygen and passwd alike, and the same as the console's.
    void shortPassphrasesAreRefusedEverywhere()
    {
        QTemporaryDir dir;
        const QString shortPass = writeFile(dir, QStringLiteral("short"), "abcde\n");
        const QString good = writeFile(dir, QStringLiteral("good"), "grid stability first 2569\n");
        const QString data = dir.filePath(QStringLiteral("data"));

        Run r = initLedger(data, shortPass);
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("5 characters; at least 12")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(data + QStringLiteral("/ledger.db")));

        const QString key = dir.filePath(QStringLiteral("node.key"));
        r = gtxNode({QStringLiteral("keygen"), QStringLiteral("--out"), key,
                     QStringLiteral("--passphrase-file"), shortPass,
                     QStringLiteral("--kdf"), QStringLiteral("interactive")});
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("at least 12")), qPrintable(r.err));
        QVERIFY(!QFile::exists(key));

        r = initLedger(data, good);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("passwd"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), good,
                     QStringLiteral("--new-passphrase-file"), shortPass, QStringLiteral("--kdf"),
                     QStringLiteral("interactive")});
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("at least 12")), qPrintable(r.err));
        // The old passphrase still opens the ledger.
        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), good});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    }

    void passwdChangesThePassphrase()
    {
        QTemporaryDir dir;
        const QString pass = writeFile(dir, QStringLiteral("pass"), "old passphrase of EGAT\n");
        const QString next = writeFile(dir, QStringLiteral("next"), "new passphrase of EGAT\n");
        const QString data = dir.filePath(QStringLiteral("data"));
        Run r = initLedger(data, pass);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = gtxNode({QStringLiteral("status"), QStringLiteral("--data-dir"), data,
                     QStringLiteral("--passphrase-file"), pass});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString statusBefore = r.out;
        // The node's own key, which signs its audit records, is sealed under
        // the ledger's passphrase.
        const std::filesystem::path keyFile =
            std::filesystem::path(data.toStdString()) / "node.key";
        auto key = gtx::crypto::loadKeystore(keyFile, gtx::toBytes("old passphrase of EGAT"));
        QVERIFY2(key, key ? "" : key.error().message.c_str());
        const gtx::crypto::PublicKey nodeKey = key->publicKey();

        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("passwd"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), pass,
                     QStringLiteral("--new-passphrase-file"), next, QStringLiteral("--kdf"),
                     QStringLiteral("interactive")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = gtxNode({QStringLiteral("status"), QStringLiteral("--data-dir"), data,
                     QStringLiteral("--passphrase-file"), pass});
        checkOneLineError(r);
        r = gtxNode({QStringLiteral("status"), QStringLiteral("--data-dir"), data,
                     QStringLiteral("--passphrase-file"), next});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Nothing lost: the head and state are the same, one more audit record may exist.
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 2), statusBefore.section(QLatin1Char('\n'), 0, 2));

        // ... and re-sealed with it: the same key under the new passphrase.
        QVERIFY(!gtx::crypto::loadKeystore(keyFile, gtx::toBytes("old passphrase of EGAT")));
        key = gtx::crypto::loadKeystore(keyFile, gtx::toBytes("new passphrase of EGAT"));
        QVERIFY2(key, key ? "" : key.error().message.c_str());
        QVERIFY(key->publicKey() == nodeKey);
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("node.key.new"))));
    }

    // A passphrase change cut short after the ledger took the new passphrase
    // but before node.key was replaced: the key waits in node.key.new, and
    // opening with the new passphrase finds it and moves it into place.
    void interruptedResealKeepsTheNodeKey()
    {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.path().toStdString();
        const auto oldPass = gtx::toBytes("old passphrase of EGAT");
        const auto newPass = gtx::toBytes("new passphrase of EGAT");
        const auto key = gtx::crypto::KeyPair::generate();
        const auto kdf = gtx::crypto::Argon2Params::floor();
        QVERIFY(gtx::crypto::saveKeystore(data / "node.key", key, "node", oldPass, kdf));
        QVERIFY(gtx::crypto::saveKeystore(data / "node.key.new", key, "node", newPass, kdf));
        auto loaded = gtx::node::loadNodeKey(data, newPass);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->publicKey() == key.publicKey());
        QVERIFY(!std::filesystem::exists(data / "node.key.new"));
        QVERIFY(gtx::node::loadNodeKey(data, newPass));
        // A wrong passphrase opens neither, and the error names the file.
        auto wrong = gtx::node::loadNodeKey(data, gtx::toBytes("some other passphrase"));
        QVERIFY(!wrong);
        QVERIFY(wrong.error().message.find("node.key") != std::string::npos);
    }

    void verifyDetectsDamage()
    {
        QTemporaryDir dir;
        const QString pass = writeFile(dir, QStringLiteral("pass"), "damage detection test\n");
        const QString data = dir.filePath(QStringLiteral("data"));
        Run r = initLedger(data, pass);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile db(QDir(data).filePath(QStringLiteral("ledger.db")));
        QVERIFY(db.exists());
        QVERIFY(db.resize(db.size() / 2 + 100));
        r = gtxNode({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                     data, QStringLiteral("--passphrase-file"), pass});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("ledger.db")) || r.out.contains(QStringLiteral("FAILED")),
                 qPrintable(r.err + r.out));
    }

    void passphraseFifoIsRefusedWithoutHanging()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pass.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Run r = gtxNode({QStringLiteral("keygen"), QStringLiteral("--out"),
                               dir.filePath(QStringLiteral("k.key")),
                               QStringLiteral("--passphrase-file"), fifo});
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("not a regular file")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("k.key"))));
    }

    void missingLedgerIsAClearError()
    {
        QTemporaryDir dir;
        const QString pass = writeFile(dir, QStringLiteral("pass"), "whatever passphrase\n");
        const Run r = gtxNode({QStringLiteral("ledger"), QStringLiteral("verify"),
                               QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("none")),
                               QStringLiteral("--passphrase-file"), pass});
        checkOneLineError(r);
        QVERIFY(r.err.contains(QStringLiteral("gtx-node init")));
    }
};

QTEST_GUILESS_MAIN(TestGtxNode)
#include "test_gtxnode.moc"
