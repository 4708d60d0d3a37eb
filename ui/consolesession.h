#pragma once

// The console's life: find out whether a ledger exists, ask for the
// passphrase (create or unlock), show the main window, and shut the node
// down when the window closes. Every node call runs off the GUI thread.

#include <QObject>
#include <QPointer>

namespace gtx::interfaces {
class Node;
}

namespace gtx::ui {

class LanguageManager;
class MainWindow;
class UnlockDialog;

class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    ConsoleSession(interfaces::Node &node, LanguageManager &languages, QObject *parent = nullptr);
    ~ConsoleSession() override;

    void start();

signals:
    // The node has shut down; the application may exit with this code.
    void finished(int exitCode);

private:
    void askPassphrase(bool ledgerExists, const QString &dataDir);
    void showMainWindow(const QString &operatorName);
    void shutDown(int exitCode);

    interfaces::Node &m_node;
    LanguageManager &m_languages;
    QPointer<UnlockDialog> m_dialog;
    QPointer<MainWindow> m_window;
    bool m_shuttingDown = false;
};

} // namespace gtx::ui
