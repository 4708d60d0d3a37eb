#pragma once

// gtx-console --bench-stall: is the GUI thread ever blocked while the node
// works hard? The console joins a fresh devnet (a scratch ledger and
// operator, as --screenshots makes them), shows the main window, and starts
// a meter feed (gtx-node meters feed with six days of backfill, which the
// devnet ingests as fast as it can) while it walks the pages. A 5 ms timer
// on the GUI thread measures how late each tick comes; at the end one line
// is printed:
//
//   gui-stall: max_ms=M p99_ms=P ticks=N seconds=S pages=K feed_intervals=I feed=running
//
// (feed=exited(C) when the load ended before the run did).
//
// A benchmark, not a test: the goal (M under 50) is read, not asserted.

#include "core/node/interface.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <vector>

class QProcess;
class QTimer;

namespace gtx::ui {

class LanguageManager;
class MainWindow;

class StallBench : public QObject
{
    Q_OBJECT

public:
    StallBench(interfaces::Node &node, LanguageManager &languages, QString devnetDir, QString nodeBinary,
               int seconds, QObject *parent = nullptr);
    ~StallBench() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void run(const interfaces::OperatorSession &session);
    void tick();
    void finish();
    void fail(const QString &message);

    interfaces::Node &m_node;
    LanguageManager &m_languages;
    const QString m_devnetDir;
    const QString m_nodeBinary;
    const int m_seconds;
    MainWindow *m_window = nullptr;
    QProcess *m_feed = nullptr;
    QTimer *m_ticker = nullptr;
    QTimer *m_pager = nullptr;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    std::vector<double> m_lateMs;
    int m_pagesShown = 0;
    int m_feedBatches = 0;
    bool m_done = false;
};

} // namespace gtx::ui
