#include "ui/consolesession.h"

#include "core/node/interface.h"
#include "ui/dialogs/signindialog.h"
#include "ui/dialogs/unlockdialog.h"
#include "ui/mainwindow.h"
#include "ui/nodesnapshot.h"
#include "ui/nodetask.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace gtx::ui {

ConsoleSession::ConsoleSession(interfaces::Node &node, LanguageManager &languages, QObject *parent)
    : QObject(parent), m_node(node), m_languages(languages)
{
    m_checkTimer = new QTimer(this);
    m_checkTimer->setInterval(kCheckMs);
    connect(m_checkTimer, &QTimer::timeout, this, &ConsoleSession::checkSession);
    qApp->installEventFilter(this);
}

ConsoleSession::~ConsoleSession()
{
    qApp->removeEventFilter(this);
    delete m_signIn;
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
    connect(m_dialog, &QDialog::accepted, this, &ConsoleSession::askOperator);
    connect(m_dialog, &QDialog::rejected, this, [this]() { shutDown(0); });
    m_dialog->show();
}

void ConsoleSession::setCheckIntervalMs(int ms)
{
    m_checkTimer->setInterval(ms);
}

void ConsoleSession::askOperator()
{
    interfaces::Node *node = &m_node;
    runNodeTask(
        this, [node]() { return node->operators().needsFirstAdministrator(); },
        [this](bool first) { showSignIn(first, false); });
}

void ConsoleSession::showSignIn(bool first, bool locked)
{
    if (m_signIn || m_shuttingDown)
        return;
    const auto mode = first ? SignInDialog::Mode::FirstAdministrator
                            : locked ? SignInDialog::Mode::Locked : SignInDialog::Mode::SignIn;
    m_signIn = new SignInDialog(m_node, mode, m_window);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    if (locked)
        m_signIn->setOperatorId(QString::fromStdString(m_session.id));
    connect(m_signIn, &QDialog::accepted, this, [this]() { signedIn(m_signIn->session()); });
    connect(m_signIn, &QDialog::rejected, this, [this]() { shutDown(0); });
    m_signIn->show();
}

void ConsoleSession::signedIn(const interfaces::OperatorSession &session)
{
    m_session = session;
    m_sinceKeepAlive.start();
    if (!m_window)
        showMainWindow();
    m_window->setOperatorSession(session);
    m_checkTimer->start();
}

void ConsoleSession::showMainWindow()
{
    m_window = new MainWindow(m_node, m_languages);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::closeRequested, this, [this]() { shutDown(0); });
    m_window->show();
}

void ConsoleSession::checkSession()
{
    if (m_session.token.empty() || m_signIn || m_shuttingDown)
        return;
    interfaces::Node *node = &m_node;
    const std::string token = m_session.token;
    runNodeTask(
        this, [node, token]() { return node->operators().session(token); },
        [this, token](const Result<interfaces::OperatorSession> &now) {
            if (token != m_session.token || m_shuttingDown)
                return;
            if (now) {
                if (now->roles != m_session.roles && m_window) {
                    m_session = *now;
                    m_window->setOperatorSession(m_session);   // roles changed by an administrator
                }
                return;
            }
            // Locked: no commands until someone signs in; the window stays
            // for watching.
            m_checkTimer->stop();
            if (m_window)
                m_window->setOperatorSession(interfaces::OperatorSession{});
            m_session.token.clear();   // the id stays: offered again in the Locked dialog
            showSignIn(false, true);
        });
}

bool ConsoleSession::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (!m_session.token.empty() && !m_keepAliveRunning && !m_signIn
            && m_sinceKeepAlive.isValid() && m_sinceKeepAlive.elapsed() >= kKeepAliveMs) {
            m_keepAliveRunning = true;
            m_sinceKeepAlive.restart();
            interfaces::Node *node = &m_node;
            const std::string token = m_session.token;
            runNodeTask(
                this, [node, token]() { (void)node->operators().keepAlive(token); },
                [this]() {
                    m_keepAliveRunning = false;
                    checkSession();
                });
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
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
