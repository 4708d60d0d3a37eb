#include "ui/consolesession.h"

#include "core/node/interface.h"
#include "ui/dialogs/unlockdialog.h"
#include "ui/mainwindow.h"
#include "ui/nodesnapshot.h"
#include "ui/nodetask.h"

namespace gtx::ui {

ConsoleSession::ConsoleSession(interfaces::Node &node, LanguageManager &languages, QObject *parent)
    : QObject(parent), m_node(node), m_languages(languages)
{
}

ConsoleSession::~ConsoleSession()
{
    delete m_dialog;
    delete m_window;
}

void ConsoleSession::start()
{
    const interfaces::Node *node = &m_node;
    runNodeTask(
        this,
        [node]() {
            NodeSnapshot snapshot;
            snapshot.dataDir = QString::fromStdString(node->dataDir().string());
            snapshot.ledgerExists = node->ledgerExists();
            return snapshot;
        },
        [this](const NodeSnapshot &snapshot) {
            askPassphrase(snapshot.ledgerExists, snapshot.dataDir);
        });
}

void ConsoleSession::askPassphrase(bool ledgerExists, const QString &dataDir)
{
    const auto mode = ledgerExists ? UnlockDialog::Mode::Unlock : UnlockDialog::Mode::Create;
    m_dialog = new UnlockDialog(m_node, mode);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setDataDirectory(dataDir);
    connect(m_dialog, &QDialog::accepted, this,
            [this]() { showMainWindow(m_dialog->operatorName()); });
    connect(m_dialog, &QDialog::rejected, this, [this]() { shutDown(0); });
    m_dialog->show();
}

void ConsoleSession::showMainWindow(const QString &operatorName)
{
    m_window = new MainWindow(m_node, m_languages);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    m_window->setOperatorName(operatorName);
    connect(m_window, &MainWindow::closeRequested, this, [this]() { shutDown(0); });
    m_window->show();
}

void ConsoleSession::shutDown(int exitCode)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    interfaces::Node *node = &m_node;
    runNodeTask(
        this, [node]() { node->shutdown(); },
        [this, exitCode]() {
            if (m_window) {
                m_window->allowClose();
                m_window->close();
            }
            emit finished(exitCode);
        });
}

} // namespace gtx::ui
