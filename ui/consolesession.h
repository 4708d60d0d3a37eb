#pragma once

// The console's life: find out whether a ledger exists, ask for the
// passphrase (create or unlock), sign the operator in (the first
// administrator on a new ledger), show the main window, and shut the node
// down when the window closes. Every node call runs off the GUI thread.
//
// While an operator is signed in, their keyboard and mouse input keeps the
// session alive (a keep-alive at most every kKeepAliveMs); the session is
// checked every kCheckMs, and when the node has locked it (idle, or the
// operator disabled) the window stays visible for watching and a Locked
// sign-in dialog is shown over it until someone signs in.

#include "core/node/interface.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTimer;

namespace gtx::ui {

class LanguageManager;
class MainWindow;
class SignInDialog;
class UnlockDialog;

class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    ConsoleSession(interfaces::Node &node, LanguageManager &languages, QObject *parent = nullptr);
    ~ConsoleSession() override;

    void start();
    // How often the session is checked (kCheckMs; tests shorten it).
    void setCheckIntervalMs(int ms);

    static constexpr int kKeepAliveMs = 30'000;
    static constexpr int kCheckMs = 10'000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // The node has shut down; the application may exit with this code.
    void finished(int exitCode);

private:
    void askPassphrase(bool ledgerExists, const QString &dataDir);
    // After the ledger opened: the first administrator, or a sign-in.
    void askOperator();
    void showSignIn(bool first, bool locked);
    void signedIn(const interfaces::OperatorSession &session);
    void showMainWindow();
    void checkSession();
    void shutDown(int exitCode);

    interfaces::Node &m_node;
    LanguageManager &m_languages;
    QPointer<UnlockDialog> m_dialog;
    QPointer<SignInDialog> m_signIn;
    interfaces::OperatorSession m_session;
    QTimer *m_checkTimer = nullptr;
    QElapsedTimer m_sinceKeepAlive;
    bool m_keepAliveRunning = false;
    QPointer<MainWindow> m_window;
    bool m_shuttingDown = false;
};

} // namespace gtx::ui
