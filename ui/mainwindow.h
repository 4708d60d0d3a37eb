#pragma once

// The operator console's main window: an alarm banner on top, navigation on
// the left, the pages in a stack, and the node's state in the status bar.

#include "core/node/interface.h"

#include <QMainWindow>

#include <array>
#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace gtx::ui {

class ConsensusModel;
class GridModel;
class GridPage;
class SlashingModel;
class SlashingPage;
class AuditPage;
class GovernanceModel;
class GovernancePage;

class AlarmBanner;
class ConsensusPage;
class LanguageManager;
class NodeStatusWidget;
struct NodeSnapshot;
class PlaceholderPage;
class SettingsPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // In navigation order.
    enum class Page
    {
        Grid,
        Consensus,
        Emergency,
        Staking,
        SlashingAndAppeals,
        Governance,
        Audit,
        Alarms,
        Settings
    };
    static constexpr int kPageCount = 9;

    MainWindow(interfaces::Node &node, LanguageManager &languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    // The page's name as the navigation shows it, in the current language.
    static QString pageName(Page page);
    AlarmBanner *alarmBanner() const { return m_alarmBanner; }

    // The operator who unlocked the ledger, shown in the status bar.
    // The signed-in operator: shown in the status bar; the pages offer only
    // the commands their roles allow.
    void setOperatorSession(const interfaces::OperatorSession &session);
    const interfaces::OperatorSession &operatorSession() const { return m_session; }
    // Reads the node's state again (off the GUI thread).
    void refresh();
    // Lets the window close; until then closing asks for a node shutdown
    // (closeRequested) when anything listens for it.
    void allowClose();

signals:
    void closeRequested();
    // A fresh snapshot of the node is on screen.
    void snapshotShown();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void showNetworkAlarm();
    void subscribeToStatus();
    void showSnapshot(const NodeSnapshot &snapshot);
    void showStatus(const interfaces::NodeStatus &status);
    static QString plannedContent(Page page);

    interfaces::Node &m_node;
    ConsensusModel *m_consensusModel = nullptr;
    GridModel *m_gridModel = nullptr;
    bool m_networkAlarm = false;   // the banner shows a finality or link alarm
    // Finality further behind the clock than this many slots is an alarm.
    static constexpr int kFinalityStallSlots = 10;
    LanguageManager &m_languages;
    std::shared_ptr<interfaces::Handler> m_statusHandler;
    interfaces::OperatorSession m_session;
    bool m_closeAllowed = false;
    bool m_closeRequested = false;

    AlarmBanner *m_alarmBanner = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    std::array<PlaceholderPage *, kPageCount> m_placeholders{};
    ConsensusPage *m_consensusPage = nullptr;
    GridPage *m_gridPage = nullptr;
    SlashingModel *m_slashingModel = nullptr;
    SlashingPage *m_slashingPage = nullptr;
    AuditPage *m_auditPage = nullptr;
    GovernanceModel *m_governanceModel = nullptr;
    GovernancePage *m_governancePage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    NodeStatusWidget *m_nodeStatus = nullptr;
    QLabel *m_operatorLabel = nullptr;
};

} // namespace gtx::ui
