// gtx-console: the operator console. Creates the node in this process, asks
// for the ledger passphrase, shows the main window, and shuts the node down
// off the GUI thread when the window closes.

#include "core/crypto/process_hardening.h"
#include "core/node/interface.h"
#include "ui/consolesession.h"
#include "ui/i18n/languagemanager.h"
#include "ui/screenshotsession.h"
#include "ui/stallbench.h"
#include "ui/style/hmistyle.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <QThreadPool>

#include <memory>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "gtx-console: " << message << "\n";
    return 2;
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("gtx-console"));
    QCoreApplication::setOrganizationName(QStringLiteral("GridTokenX"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GTX_VERSION_STRING));
}

// Command-line help stays in English: it is read in a terminal, before any
// language is chosen.
struct ConsoleOptions
{
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("Display language: th or en (default th)."),
                            QStringLiteral("th|en"), QStringLiteral("th")};
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        QStringLiteral("Data directory of the node (default: the application data folder + "
                       "/devnet)."),
        QStringLiteral("DIR")};
    QCommandLineOption devnet{
        QStringLiteral("devnet"),
        QStringLiteral("Run on the development network: the devnet data directory and fast key "
                       "derivation (not for real ledgers).")};
    QCommandLineOption joinDevnet{
        QStringLiteral("join-devnet"),
        QStringLiteral("Follow the local devnet in DIR (made by gtx-node devnet) as an observer: the node "
                       "of this console joins it over ZeroMQ; its ledger goes to DIR/console/ledger unless "
                       "--data-dir says otherwise. Implies --devnet."),
        QStringLiteral("DIR")};
    QCommandLineOption screenshots{
        QStringLiteral("screenshots"),
        QStringLiteral("Render the passphrase dialog and every page of the main window as PNG "
                       "files into DIR, then exit. With --devnet and a data directory without a "
                       "ledger, first creates one with a fixed public passphrase: use a scratch "
                       "--data-dir."),
        QStringLiteral("DIR")};

    QCommandLineOption benchStall{
        QStringLiteral("bench-stall"),
        QStringLiteral("Benchmark: with --join-devnet and a scratch --data-dir, show the console on the devnet "
                       "while a meter feed loads it for SECONDS (e.g. 60), walking the pages, and print "
                       "gui-stall: max_ms=M p99_ms=P (how late a 5 ms timer on the GUI thread came)."),
        QStringLiteral("SECONDS")};
    QCommandLineOption nodeBinary{
        QStringLiteral("node-binary"),
        QStringLiteral("The gtx-node program --bench-stall runs the meter feed with (default: the one built "
                       "beside this console, else gtx-node on the PATH)."),
        QStringLiteral("PATH")};
    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral("GridTokenX operator console"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({lang, dataDir, devnet, joinDevnet, screenshots, benchStall, nodeBinary});
    }
};

// --help and --version print and exit; they need no display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all"
            || arg == "--version" || arg == "-v") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // The passphrase and keys must never reach a core file.
    gtx::crypto::hardenProcess();
    const ConsoleOptions options;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        options.addTo(parser);
        parser.process(app);  // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);

    const auto language = gtx::ui::LanguageManager::fromCode(parser.value(options.lang));
    if (!language)
        return fail(QStringLiteral("--lang must be th or en, not \"%1\"").arg(parser.value(options.lang)));

    gtx::interfaces::NodeOptions nodeOptions;
    const QString joinDir = parser.value(options.joinDevnet);
    nodeOptions.fastKdf = parser.isSet(options.devnet) || !joinDir.isEmpty();
    QString dataDir = parser.value(options.dataDir);
    if (!joinDir.isEmpty()) {
        if (!QFileInfo::exists(joinDir + QStringLiteral("/console/node.toml")))
            return fail(QStringLiteral("%1 holds no devnet made for a console (run gtx-node devnet --dir %1 --init)")
                            .arg(joinDir));
        nodeOptions.joinDevnet = QDir(joinDir).absolutePath().toStdString();
        if (dataDir.isEmpty())
            dataDir = QDir(joinDir).absolutePath() + QStringLiteral("/console/ledger");
    }
    if (dataDir.isEmpty()) {
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                  + QStringLiteral("/devnet");
    }
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    nodeOptions.dataDir = QDir(dataDir).absolutePath().toStdString();

    gtx::ui::HmiStyle::apply(app);
    gtx::ui::LanguageManager languages;
    if (!languages.setLanguage(*language))
        return fail(QStringLiteral("the translations for \"%1\" are missing from this build")
                        .arg(parser.value(options.lang)));

    std::unique_ptr<gtx::interfaces::Node> node = gtx::interfaces::makeLocalNode(nodeOptions);

    int exitCode = 0;
    {
        // Windows close before the node shuts down; the session decides when
        // the application quits.
        QApplication::setQuitOnLastWindowClosed(false);
        std::unique_ptr<QObject> session;
        if (parser.isSet(options.benchStall)) {
            bool ok = false;
            const int seconds = parser.value(options.benchStall).toInt(&ok);
            if (!ok || seconds < 5 || seconds > 3600)
                return fail(QStringLiteral("--bench-stall takes 5 to 3600 seconds"));
            if (joinDir.isEmpty())
                return fail(QStringLiteral("--bench-stall needs --join-devnet DIR (a running devnet)"));
            QString binary = parser.value(options.nodeBinary);
            if (binary.isEmpty()) {
                const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/../node/gtx-node");
                binary = QFileInfo::exists(beside) ? beside : QStringLiteral("gtx-node");
            }
            auto *bench = new gtx::ui::StallBench(*node, languages, QDir(joinDir).absolutePath(), binary, seconds);
            QObject::connect(bench, &gtx::ui::StallBench::finished, &app, &QCoreApplication::exit,
                             Qt::QueuedConnection);
            bench->start();
            session.reset(bench);
        } else if (parser.isSet(options.screenshots)) {
            auto *screenshots = new gtx::ui::ScreenshotSession(
                *node, languages, parser.value(options.screenshots), parser.isSet(options.devnet) || !joinDir.isEmpty());
            QObject::connect(screenshots, &gtx::ui::ScreenshotSession::finished, &app,
                             &QCoreApplication::exit, Qt::QueuedConnection);
            screenshots->start();
            session.reset(screenshots);
        } else {
            auto *console = new gtx::ui::ConsoleSession(*node, languages);
            QObject::connect(console, &gtx::ui::ConsoleSession::finished, &app,
                             &QCoreApplication::exit, Qt::QueuedConnection);
            console->start();
            session.reset(console);
        }
        exitCode = QApplication::exec();
        // Node calls still queued or running finish before the node goes.
        QThreadPool::globalInstance()->waitForDone();
    }
    // Already shut down by the session (off the GUI thread); a second call
    // finds nothing left to close. Nothing is on screen any more.
    node->shutdown();
    return exitCode;
}
