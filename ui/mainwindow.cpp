#include "ui/mainwindow.h"

#include "ui/models/consensusmodel.h"
#include "ui/models/governancemodel.h"
#include "ui/models/gridmodel.h"
#include "ui/models/operatormodel.h"
#include "ui/models/slashingmodel.h"

#include "core/node/interface.h"
#include "ui/i18n/languagemanager.h"
#include "ui/nodesnapshot.h"
#include "ui/nodetask.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/consensuspage.h"
#include "ui/pages/governancepage.h"
#include "ui/pages/gridpage.h"
#include "ui/pages/placeholderpage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/slashingpage.h"
#include "ui/widgets/alarmbanner.h"
#include "ui/widgets/nodestatuswidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMetaMethod>
#include <QPointer>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace gtx::ui {

namespace {

constexpr MainWindow::Page kPages[MainWindow::kPageCount] = {
    MainWindow::Page::Grid,       MainWindow::Page::Consensus,
    MainWindow::Page::Emergency,  MainWindow::Page::Staking,
    MainWindow::Page::SlashingAndAppeals, MainWindow::Page::Governance,
    MainWindow::Page::Audit,      MainWindow::Page::Alarms,
    MainWindow::Page::Settings,
};

const char *pageObjectName(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Grid:
        return "gridPage";
    case MainWindow::Page::Consensus:
        return "consensusPage";
    case MainWindow::Page::Emergency:
        return "emergencyPage";
    case MainWindow::Page::Staking:
        return "stakingPage";
    case MainWindow::Page::SlashingAndAppeals:
        return "slashingPage";
    case MainWindow::Page::Governance:
        return "governancePage";
    case MainWindow::Page::Audit:
        return "auditPage";
    case MainWindow::Page::Alarms:
        return "alarmsPage";
    case MainWindow::Page::Settings:
        break;
    }
    return "settingsPage";
}

} // namespace

MainWindow::MainWindow(interfaces::Node &node, LanguageManager &languages, QWidget *parent)
    : QMainWindow(parent), m_node(node), m_languages(languages)
{
    buildUi();
    // The one subscription to the consensus area; the page shows its models.
    m_consensusModel = new ConsensusModel(m_node.consensus(), this);
    m_consensusPage->setModel(m_consensusModel);
    connect(m_consensusModel, &ConsensusModel::changed, this, &MainWindow::showNetworkAlarm);
    // The one subscription to the grid area.
    m_gridModel = new GridModel(m_node.grid(), this);
    m_gridPage->setModel(m_gridModel);
    // The one subscription to the slashing area.
    m_slashingModel = new SlashingModel(m_node.slashing(), this);
    m_slashingPage->setModel(m_slashingModel);
    m_slashingPage->setOperator(&m_node, m_session);
    // The one subscription to the governance area.
    m_governanceModel = new GovernanceModel(m_node.governance(), this);
    m_governancePage->setModel(m_governanceModel);
    retranslateUi();
    subscribeToStatus();
    refresh();
}

MainWindow::~MainWindow()
{
    // Unsubscribe before the widgets go; late events find no window (QPointer).
    if (m_statusHandler)
        m_statusHandler->disconnect();
}

void MainWindow::buildUi()
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 720);

    m_alarmBanner = new AlarmBanner(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pageStack"));

    for (Page page : kPages) {
        QWidget *widget = nullptr;
        if (page == Page::Grid) {
            widget = m_gridPage = new GridPage(m_pages);
        } else if (page == Page::SlashingAndAppeals) {
            widget = m_slashingPage = new SlashingPage(m_pages);
        } else if (page == Page::Governance) {
            widget = m_governancePage = new GovernancePage(m_pages);
        } else if (page == Page::Consensus) {
            widget = m_consensusPage = new ConsensusPage(m_pages);
        } else if (page == Page::Audit) {
            widget = m_auditPage = new AuditPage(m_pages);
        } else if (page == Page::Settings) {
            widget = m_settingsPage = new SettingsPage(m_languages, m_pages);
        } else {
            auto *placeholder = new PlaceholderPage(m_pages);
            m_placeholders[std::size_t(page)] = placeholder;
            widget = placeholder;
        }
        widget->setObjectName(QLatin1String(pageObjectName(page)));
        m_pages->addWidget(widget);
        m_navigation->addItem(QString());
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_alarmBanner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_nodeStatus = new NodeStatusWidget(this);
    m_nodeStatus->setObjectName(QStringLiteral("nodeStatus"));
    m_operatorLabel = new QLabel(this);
    m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addWidget(m_nodeStatus, 1);
    statusBar()->addPermanentWidget(m_operatorLabel);
    statusBar()->setSizeGripEnabled(false);
}

QString MainWindow::pageName(Page page)
{
    switch (page) {
    case Page::Grid:
        //: Navigation entry and page title: the power grid by zone.
        return tr("Grid");
    case Page::Consensus:
        //: Navigation entry: the blockchain consensus among the authorities' nodes.
        return tr("Consensus");
    case Page::Emergency:
        //: Navigation entry: emergency actions on trading and the grid.
        return tr("Emergency");
    case Page::Staking:
        //: Navigation entry: the stake (collateral) each authority's node puts up.
        return tr("Staking");
    case Page::SlashingAndAppeals:
        //: Navigation entry: penalties that cut a misbehaving node's stake, and appeals against them.
        return tr("Slashing & Appeals");
    case Page::Governance:
        //: Navigation entry: proposals and votes on rules and parameters.
        return tr("Governance");
    case Page::Audit:
        //: Navigation entry: the audit trail of who did what, when and why.
        return tr("Audit");
    case Page::Alarms:
        //: Navigation entry: active and past alarms.
        return tr("Alarms");
    case Page::Settings:
        break;
    }
    //: Navigation entry: language and node settings.
    return tr("Settings");
}

QString MainWindow::plannedContent(Page page)
{
    switch (page) {
    case Page::Emergency:
        //: What the unbuilt Emergency page will show.
        return tr("When built, this page will show the emergency actions - halting trading in a "
                  "zone, islanding and restoring it - each with its approvals and stated reason.");
    case Page::Staking:
        //: What the unbuilt Staking page will show.
        return tr("When built, this page will show the stake each authority's node has put up, "
                  "and stake being added or withdrawn.");
    case Page::Alarms:
        //: What the unbuilt Alarms page will show.
        return tr("When built, this page will show active and past alarms by priority, for "
                  "acknowledgement and shelving.");
    case Page::Grid:
    case Page::Consensus:
    case Page::Audit:
    case Page::SlashingAndAppeals:
    case Page::Governance:
    case Page::Settings:
        break;
    }
    return {};
}

// Finality that stops while the node runs on a network, and a lost link to
// an authority, are alarms for the control room: the banner says how far
// behind finality is, or which authorities are out of reach, and clears
// itself when things are normal again. One banner line: a stall (high
// priority) comes first and names the lost links too, as their likely
// cause. (Acknowledgement and shelving come with the alarms page.)
void MainWindow::showNetworkAlarm()
{
    const interfaces::ConsensusSnapshot &s = m_consensusModel->snapshot();
    const double lag = s.finalityLagSeconds();
    const bool stalled = s.joined && s.slotMs > 0 && lag * 1000.0 > kFinalityStallSlots * double(s.slotMs);
    QStringList lost;
    for (const interfaces::PeerRow &l : s.links)
        if (l.kind == interfaces::LinkKind::Authority && l.health == interfaces::LinkHealth::Lost)
            lost << authorityDisplayName(l.authorityName);
    const QString names = QLocale().createSeparatedList(lost);
    if (stalled) {
        //: Alarm banner: Fast finality has not advanced. %1 seconds, %2 the newest Fast-final block.
        QString text = tr("Finality has stalled: the newest final block (%2) is %1 s behind the clock.")
                           .arg(QString::number(lag, 'f', 0), QString::number(s.fastHeight));
        if (!lost.isEmpty())
            //: Appended to the stall alarm: the authorities this node cannot hear. %1 their names.
            text += QLatin1Char(' ') + tr("No link to: %1.").arg(names);
        m_alarmBanner->raiseAlarm(HmiState::AlarmHigh, text);
        m_networkAlarm = true;
    } else if (s.joined && !lost.isEmpty()) {
        //: Alarm banner: this node has heard nothing for five slots from these authorities' nodes. %1 their names.
        m_alarmBanner->raiseAlarm(HmiState::AlarmMedium, tr("Link to authority lost: %1.").arg(names));
        m_networkAlarm = true;
    } else if (m_networkAlarm) {
        m_alarmBanner->clearAlarm();
        m_networkAlarm = false;
    }
}

void MainWindow::retranslateUi()
{
    //: Main window title.
    setWindowTitle(tr("GridTokenX Operator Console"));
    for (Page page : kPages) {
        const int row = int(page);
        m_navigation->item(row)->setText(pageName(page));
        if (PlaceholderPage *placeholder = m_placeholders[std::size_t(row)])
            placeholder->setTexts(pageName(page), plannedContent(page));
    }
    // Wide enough for the longest name in this language.
    m_navigation->ensurePolished();
    const QFontMetrics metrics(m_navigation->font());
    int widest = 0;
    for (Page page : kPages)
        widest = std::max(widest, metrics.horizontalAdvance(pageName(page)));
    m_navigation->setFixedWidth(widest + 56);

    if (m_session.id.empty()) {
        //: Status bar while no operator is signed in.
        m_operatorLabel->setText(tr("Not signed in"));
        m_operatorLabel->setToolTip(QString());
    } else {
        const QStringList roles = roleTitles(m_session.roles);
        const QString name = QString::fromStdString(m_session.displayName);
        const QString id = QString::fromStdString(m_session.id);
        // Up to two roles fit in the status bar; more are counted, and all
        // are in the tooltip.
        if (roles.size() <= 2) {
            //: Status bar: the signed-in operator (%1 their name, %2 their id) and their roles (%3).
            m_operatorLabel->setText(tr("Operator: %1 (%2), %3").arg(name, id, roles.join(QStringLiteral(", "))));
        } else {
            //: Status bar: the signed-in operator (%1 their name, %2 their id) with %n roles (listed in the tooltip).
            m_operatorLabel->setText(tr("Operator: %1 (%2), %n role(s)", nullptr, int(roles.size())).arg(name, id));
        }
        //: Tooltip of the operator in the status bar: their roles, one per line.
        m_operatorLabel->setToolTip(tr("Roles:") + QLatin1Char('\n') + roles.join(QLatin1Char('\n')));
    }
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return kPages[std::max(0, m_pages->currentIndex())];
}

void MainWindow::setOperatorSession(const interfaces::OperatorSession &session)
{
    m_session = session;
    m_slashingPage->setOperator(&m_node, session);
    m_settingsPage->setOperator(&m_node, session);
    m_auditPage->setOperator(&m_node, session);
    retranslateUi();
}

void MainWindow::subscribeToStatus()
{
    // Events arrive on a node thread: hop to the GUI thread through the
    // application object (which outlives this window) and drop the event if
    // the window has gone by then.
    QPointer<MainWindow> self(this);
    interfaces::Node *node = &m_node;
    runNodeTask(
        this,
        [node, self]() {
            return std::shared_ptr<interfaces::Handler>(
                node->handleStatusChanged([self](const interfaces::NodeStatus &status) {
                    QMetaObject::invokeMethod(
                        qApp,
                        [self, status]() {
                            if (self)
                                self->showStatus(status);
                        },
                        Qt::QueuedConnection);
                }));
        },
        [this](const std::shared_ptr<interfaces::Handler> &handler) {
            m_statusHandler = handler;
        });
}

void MainWindow::refresh()
{
    const interfaces::Node *node = &m_node;
    runNodeTask(
        this, [node]() { return NodeSnapshot::take(*node); },
        [this](const NodeSnapshot &snapshot) { showSnapshot(snapshot); });
}

void MainWindow::showSnapshot(const NodeSnapshot &snapshot)
{
    m_settingsPage->setSnapshot(snapshot);
    showStatus(snapshot.status);
    emit snapshotShown();
}

void MainWindow::showStatus(const interfaces::NodeStatus &status)
{
    m_nodeStatus->setStatus(status);
    m_consensusPage->setStatus(status);
    m_settingsPage->setStatus(status);
}

void MainWindow::allowClose()
{
    m_closeAllowed = true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const bool anyoneListens = isSignalConnected(QMetaMethod::fromSignal(&MainWindow::closeRequested));
    if (m_closeAllowed || !anyoneListens) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    if (!m_closeRequested) {
        m_closeRequested = true;
        centralWidget()->setEnabled(false);
        //: Status bar message while the node closes the ledger after the window was closed.
        statusBar()->showMessage(tr("Shutting down the node..."));
        emit closeRequested();
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_consensusModel)
            showNetworkAlarm();   // the banner's text in the new language
    }
    QMainWindow::changeEvent(event);
}

} // namespace gtx::ui
