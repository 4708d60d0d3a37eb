#pragma once

// Headless capture for the documentation: renders the passphrase dialog (both
// modes when it can) and the main window, every page, in the current
// language into PNG files, then finishes.
//
// On a devnet data directory without a ledger it first creates one with a
// fixed, public passphrase so that the main window shows a live node, and
// its first administrator (every role, the same public passphrase), whose
// sign-in dialogs it captures too: use a scratch --data-dir.

#include "core/node/interface.h"

#include <QObject>
#include <QString>

class QWidget;

namespace gtx::ui {

class LanguageManager;
class MainWindow;

class ScreenshotSession : public QObject
{
    Q_OBJECT

public:
    // The public passphrase of screenshot ledgers.
    static constexpr char kDevnetPassphrase[] = "devnet screenshot passphrase";

    ScreenshotSession(interfaces::Node &node, LanguageManager &languages, const QString &outputDir,
                      bool devnet, QObject *parent = nullptr);

    void start();
    // Files written so far.
    const QStringList &writtenFiles() const { return m_written; }

signals:
    void finished(int exitCode);

private:
    void captureDialogs(bool ledgerExists, const QString &dataDir);
    void captureUnlockDialog(const QString &dataDir);
    void captureSignIn();
    void captureMainWindow(const interfaces::OperatorSession &session);
    void captureMainPages(MainWindow *window);
    void waitForConsensus(MainWindow *window, int attempt);
    bool save(QWidget *widget, const QString &name);
    void fail(const QString &message);
    QString languageCode() const;

    interfaces::Node &m_node;
    LanguageManager &m_languages;
    QString m_outputDir;
    bool m_devnet = false;
    QStringList m_written;
};

} // namespace gtx::ui
