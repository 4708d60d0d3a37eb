#include "ui/stallbench.h"

#include "core/common/bytes.h"
#include "ui/mainwindow.h"
#include "ui/nodetask.h"

#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <string_view>

namespace gtx::ui {

namespace {

// The devnet's public passphrase, as --screenshots uses it: the bench runs
// on a scratch data directory only.
constexpr char kBenchPassphrase[] = "devnet-public-passphrase";
constexpr int kTickMs = 5;
constexpr int kPageMs = 2000;

} // namespace

StallBench::StallBench(interfaces::Node &node, LanguageManager &languages, QString devnetDir, QString nodeBinary,
                       int seconds, QObject *parent)
    : QObject(parent), m_node(node), m_languages(languages), m_devnetDir(std::move(devnetDir)),
      m_nodeBinary(std::move(nodeBinary)), m_seconds(seconds)
{
}

StallBench::~StallBench()
{
    if (m_feed && m_feed->state() != QProcess::NotRunning) {
        m_feed->kill();
        m_feed->waitForFinished(2000);
    }
    delete m_window;
}

void StallBench::start()
{
    interfaces::Node *node = &m_node;
    runNodeTask(
        this,
        [node]() -> Result<interfaces::OperatorSession> {
            if (node->ledgerExists())
                return makeError("bench.ledger_exists", "give --bench-stall a scratch --data-dir");
            GTX_TRY(node->createLedger(asBytes(std::string_view(kBenchPassphrase)), "os:bench-stall"));
            return node->operators().createFirstAdministrator(
                {"bench", "Bench", interfaces::kAllRoles}, asBytes(std::string_view(kBenchPassphrase)));
        },
        [this](const Result<interfaces::OperatorSession> &session) {
            if (!session) {
                fail(QString::fromStdString(session.error().message));
                return;
            }
            run(*session);
        });
}

void StallBench::run(const interfaces::OperatorSession &session)
{
    m_window = new MainWindow(m_node, m_languages);
    m_window->setOperatorSession(session);
    m_window->resize(1280, 720);
    m_window->show();

    // The load: six days of intervals to backfill, as fast as the devnet
    // takes them (on a fresh devnet; one already fed refuses a second
    // report of an interval it has).
    m_feed = new QProcess(this);
    m_feed->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_feed, &QProcess::readyRead, this, [this]() {
        while (m_feed->canReadLine()) {
            if (m_feed->readLine().contains("on chain"))
                ++m_feedBatches;
        }
    });
    m_feed->start(m_nodeBinary, {QStringLiteral("meters"), QStringLiteral("feed"), QStringLiteral("--devnet"),
                                 m_devnetDir, QStringLiteral("--backfill-hours"), QStringLiteral("144")});
    if (!m_feed->waitForStarted(5000)) {
        fail(QStringLiteral("cannot start %1: %2").arg(m_nodeBinary, m_feed->errorString()));
        return;
    }

    m_ticker = new QTimer(this);
    m_ticker->setTimerType(Qt::PreciseTimer);
    m_ticker->setInterval(kTickMs);
    connect(m_ticker, &QTimer::timeout, this, &StallBench::tick);
    m_pager = new QTimer(this);
    m_pager->setInterval(kPageMs);
    connect(m_pager, &QTimer::timeout, this, [this]() {
        m_window->showPage(static_cast<MainWindow::Page>(m_pagesShown % MainWindow::kPageCount));
        ++m_pagesShown;
    });
    m_clock.start();
    m_lastTickNs = m_clock.nsecsElapsed();
    m_ticker->start();
    m_pager->start();
    QTimer::singleShot(m_seconds * 1000, this, &StallBench::finish);
}

void StallBench::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_lateMs.push_back(std::max(0.0, double(now - m_lastTickNs) / 1e6 - kTickMs));
    m_lastTickNs = now;
}

void StallBench::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_ticker->stop();
    m_pager->stop();
    // Whether the load lasted the whole run: "running", or how it ended.
    QString feed = QStringLiteral("running");
    if (m_feed->state() != QProcess::NotRunning) {
        m_feed->terminate();
        if (!m_feed->waitForFinished(5000))
            m_feed->kill();
    } else {
        feed = QStringLiteral("exited(%1)").arg(m_feed->exitCode());
    }
    std::vector<double> sorted = m_lateMs;
    std::sort(sorted.begin(), sorted.end());
    const double maxMs = sorted.empty() ? 0 : sorted.back();
    const double p99 = sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
    QTextStream(stdout) << "gui-stall: max_ms=" << QString::number(maxMs, 'f', 1)
                        << " p99_ms=" << QString::number(p99, 'f', 1) << " ticks=" << sorted.size()
                        << " seconds=" << m_seconds << " pages=" << m_pagesShown
                        << " feed_intervals=" << m_feedBatches << " feed=" << feed << "\n";
    m_window->allowClose();
    m_window->close();
    interfaces::Node *node = &m_node;
    runNodeTask(
        this, [node]() { node->shutdown(); }, [this]() { emit finished(0); });
}

void StallBench::fail(const QString &message)
{
    QTextStream(stderr) << "bench-stall: " << message << "\n";
    emit finished(1);
}

} // namespace gtx::ui
