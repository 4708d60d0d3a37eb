#include "ui/screenshotsession.h"

#include "core/common/bytes.h"
#include "core/node/interface.h"
#include "ui/dialogs/operatordialog.h"
#include "ui/dialogs/signindialog.h"
#include "ui/dialogs/unlockdialog.h"

#include <algorithm>

#include <QTabWidget>
#include <QTimer>
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/pages/auditpage.h"
#include "ui/nodesnapshot.h"
#include "ui/nodetask.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QTextStream>

#include <memory>
#include <string_view>

namespace gtx::ui {

namespace {

constexpr char kActor[] = "os:screenshots";
// The devnet's screenshot operator: every role, so that every control shows.
constexpr char kOperatorId[] = "somchai.k";
constexpr char kOperatorName[] = "Somchai K.";

// Lets layouts and style sheets settle before a widget is grabbed.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

const char *pageFileName(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Grid:
        return "grid";
    case MainWindow::Page::Consensus:
        return "consensus";
    case MainWindow::Page::Emergency:
        return "emergency";
    case MainWindow::Page::Staking:
        return "staking";
    case MainWindow::Page::SlashingAndAppeals:
        return "slashing";
    case MainWindow::Page::Governance:
        return "governance";
    case MainWindow::Page::Audit:
        return "audit";
    case MainWindow::Page::Alarms:
        return "alarms";
    case MainWindow::Page::Settings:
        break;
    }
    return "settings";
}

} // namespace

ScreenshotSession::ScreenshotSession(interfaces::Node &node, LanguageManager &languages,
                                     const QString &outputDir, bool devnet, QObject *parent)
    : QObject(parent), m_node(node), m_languages(languages), m_outputDir(outputDir),
      m_devnet(devnet)
{
}

QString ScreenshotSession::languageCode() const
{
    return LanguageManager::code(m_languages.language());
}

void ScreenshotSession::start()
{
    if (!QDir().mkpath(m_outputDir)) {
        fail(QStringLiteral("cannot create the screenshot directory %1").arg(m_outputDir));
        return;
    }
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
            captureDialogs(snapshot.ledgerExists, snapshot.dataDir);
        });
}

void ScreenshotSession::captureDialogs(bool ledgerExists, const QString &dataDir)
{
    if (ledgerExists) {
        captureUnlockDialog(dataDir);
        return;
    }

    {
        // First run: the create mode, with a passphrase typed in.
        UnlockDialog dialog(m_node, UnlockDialog::Mode::Create);
        dialog.setDataDirectory(dataDir);
        const QString sample = QStringLiteral("correct horse battery staple");
        dialog.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->setText(sample);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(sample);
        dialog.show();
        settle();
        if (!save(&dialog, QStringLiteral("create-%1.png").arg(languageCode())))
            return;
    }

    if (!m_devnet) {
        // Never create a ledger with a public passphrase outside devnet.
        captureUnlockDialog(dataDir);
        return;
    }
    QTextStream(stderr) << "screenshots: creating a devnet ledger with the public passphrase \""
                        << kDevnetPassphrase << "\" in " << dataDir << "\n";
    interfaces::Node *node = &m_node;
    runNodeTask(
        this,
        [node]() {
            return node->createLedger(asBytes(std::string_view(kDevnetPassphrase)), kActor);
        },
        [this, dataDir](const Status &status) {
            if (!status.ok()) {
                fail(QStringLiteral("cannot create the devnet ledger: %1")
                         .arg(QString::fromStdString(status.error().message)));
                return;
            }
            captureUnlockDialog(dataDir);
        });
}

void ScreenshotSession::captureUnlockDialog(const QString &dataDir)
{
    {
        UnlockDialog dialog(m_node, UnlockDialog::Mode::Unlock);
        dialog.setDataDirectory(dataDir);
        dialog.show();
        settle();
        if (!save(&dialog, QStringLiteral("unlock-%1.png").arg(languageCode())))
            return;
    }
    captureSignIn();
}

// On a devnet ledger made here: the first-administrator dialog, then the
// screenshot operator made and signed in, and the sign-in dialog.
void ScreenshotSession::captureSignIn()
{
    interfaces::Node *node = &m_node;
    const bool devnet = m_devnet;
    runNodeTask(
        this,
        [node, devnet]() -> Result<interfaces::OperatorSession> {
            if (!devnet || !node->operators().needsFirstAdministrator())
                return makeError("screenshots.no_operator", "");
            interfaces::NewOperator who;
            who.id = kOperatorId;
            who.displayName = kOperatorName;
            who.roles = interfaces::kAllRoles;
            auto admin = node->operators().createFirstAdministrator(who, asBytes(std::string_view(kDevnetPassphrase)));
            if (!admin)
                return admin;
            // Two more, so that the Settings page lists a shift.
            const auto pass = asBytes(std::string_view(kDevnetPassphrase));
            GTX_TRY(node->operators().addOperator(admin->token,
                                                  {"nid.s", "Nid S.", interfaces::roleBit(interfaces::Role::ControlRoomOperator)},
                                                  pass, "screenshots"));
            GTX_TRY(node->operators().addOperator(admin->token,
                                                  {"pim.w", "Pim W.", interfaces::roleBit(interfaces::Role::Auditor)},
                                                  pass, "screenshots"));
            return admin;
        },
        [this](const Result<interfaces::OperatorSession> &session) {
            if (!session) {
                captureMainWindow({});
                return;
            }
            {
                SignInDialog dialog(m_node, SignInDialog::Mode::FirstAdministrator);
                dialog.findChild<QLineEdit *>(QStringLiteral("operatorIdEdit"))->setText(QLatin1String(kOperatorId));
                dialog.findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->setText(QLatin1String(kOperatorName));
                const QString sample = QStringLiteral("correct horse battery staple");
                dialog.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->setText(sample);
                dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(sample);
                dialog.show();
                settle();
                if (!save(&dialog, QStringLiteral("first-administrator-%1.png").arg(languageCode())))
                    return;
            }
            {
                SignInDialog dialog(m_node, SignInDialog::Mode::SignIn);
                dialog.setOperatorId(QLatin1String(kOperatorId));
                dialog.show();
                settle();
                if (!save(&dialog, QStringLiteral("sign-in-%1.png").arg(languageCode())))
                    return;
            }
            captureMainWindow(*session);
        });
}

void ScreenshotSession::captureMainWindow(const interfaces::OperatorSession &session)
{
    auto *window = new MainWindow(m_node, m_languages);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setOperatorSession(session);
    window->resize(1280, 720);
    connect(window, &MainWindow::snapshotShown, this,
            [this, window]() { waitForConsensus(window, 0); }, Qt::SingleShotConnection);
    window->show();
}

// A console that joined a network first waits (up to 60 s) until its node
// has caught up with the chain (finality within five slots of the clock),
// and every peer link is settled (up, or judged lost): the screenshots are
// of a live page.
void ScreenshotSession::waitForConsensus(MainWindow *window, int attempt)
{
    const interfaces::ConsensusSnapshot s = m_node.consensus().snapshot();
    const bool settled = std::none_of(s.links.begin(), s.links.end(), [](const interfaces::PeerRow &l) {
        return l.health == interfaces::LinkHealth::Connecting;
    });
    // And the grid area has read the chain's grid once.
    const bool ready = !s.joined
                       || (s.economicHeight >= 1 && s.recentBlocks.size() >= 10 && s.members.size() >= 5 && settled
                           && s.finalityLagSeconds() * 1000.0 < 5.0 * double(s.slotMs)
                           && m_node.grid().snapshot().joined);
    if (ready || attempt >= 240) {
        // One more report cycle, so the models have the latest snapshot.
        QTimer::singleShot(ready && s.joined ? 600 : 0, this, [this, window]() { captureMainPages(window); });
        return;
    }
    QTimer::singleShot(250, this, [this, window, attempt]() { waitForConsensus(window, attempt + 1); });
}

void ScreenshotSession::captureMainPages(MainWindow *window)
{
    settle();
    bool ok = save(window, QStringLiteral("main-%1.png").arg(languageCode()));
    for (int i = 0; ok && i < MainWindow::kPageCount; ++i) {
        const auto page = static_cast<MainWindow::Page>(i);
        window->showPage(page);
        settle();
        ok = save(window, QStringLiteral("page-%1-%2.png")
                              .arg(QLatin1String(pageFileName(page)), languageCode()));
        // The Consensus page's second tab: the peer links.
        auto *tabs = page == MainWindow::Page::Consensus ? window->findChild<QTabWidget *>("networkTabs") : nullptr;
        if (ok && tabs) {
            tabs->setCurrentIndex(1);
            settle();
            ok = save(window, QStringLiteral("page-consensus-links-%1.png").arg(languageCode()));
            tabs->setCurrentIndex(0);
        }
    }
    if (auto *audit = window->findChild<AuditPage *>(); ok && audit) {
        // The first page of the auditors' PDF report of the page shown.
        const QString path = QDir(m_outputDir).filePath(QStringLiteral("audit-report-%1.png").arg(languageCode()));
        ok = audit->reportPreview().save(path, "PNG");
        if (ok)
            m_written.append(path);
        else
            fail(QStringLiteral("cannot write %1").arg(path));
    }
    if (ok && !window->operatorSession().token.empty()) {
        // The administrator's add-operator dialog, filled in.
        OperatorDialog dialog(m_node, window->operatorSession(), OperatorDialog::Mode::Add);
        dialog.findChild<QLineEdit *>(QStringLiteral("operatorIdEdit"))->setText(QStringLiteral("korn.p"));
        dialog.findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->setText(QStringLiteral("Korn P."));
        dialog.findChild<QCheckBox *>(QStringLiteral("role-supervisor"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("EGAT shift roster 2026-12"));
        dialog.show();
        settle();
        ok = save(&dialog, QStringLiteral("operator-add-%1.png").arg(languageCode()));
    }
    window->close();
    if (ok) {
        QTextStream(stdout) << "screenshots: wrote " << m_written.size() << " files to "
                            << m_outputDir << "\n";
        emit finished(0);
    }
}

bool ScreenshotSession::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_outputDir).filePath(name);
    if (!widget->grab().save(path, "PNG")) {
        fail(QStringLiteral("cannot write %1").arg(path));
        return false;
    }
    m_written.append(path);
    return true;
}

void ScreenshotSession::fail(const QString &message)
{
    QTextStream(stderr) << "screenshots: " << message << "\n";
    emit finished(1);
}

} // namespace gtx::ui
