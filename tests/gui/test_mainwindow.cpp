// The main window against a fake node: the nine pages in order, live
// language switching from the Settings page, and node status in the status
// bar, including events sent from a node thread.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "fakenode.h"
#endif

#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/pages/placeholderpage.h"
#include "ui/style/hmistyle.h"
#include "ui/widgets/alarmbanner.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using gtx::test::FakeNode;
using gtx::ui::Language;
using gtx::ui::LanguageManager;
using gtx::ui::MainWindow;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    auto *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child widget named %s", name);
    return widget;
}

const QStringList kEnglishNames = {
    QStringLiteral("Grid"),       QStringLiteral("Consensus"),
    QStringLiteral("Emergency"),  QStringLiteral("Staking"),
    QStringLiteral("Slashing & Appeals"), QStringLiteral("Governance"),
    QStringLiteral("Audit"),      QStringLiteral("Alarms"),
    QStringLiteral("Settings"),
};

// The Thai navigation names, as written in translations/gtx_th.ts.
const QStringList kThaiNames = {
    QStringLiteral("\u0e42\u0e04\u0e23\u0e07\u0e02\u0e48\u0e32\u0e22\u0e44\u0e1f\u0e1f\u0e49\u0e32"),
    QStringLiteral("\u0e09\u0e31\u0e19\u0e17\u0e32\u0e21\u0e15\u0e34"),
    // The glossary's "emergency" page: measures taken, not incidents.
    QStringLiteral("\u0e21\u0e32\u0e15\u0e23\u0e01\u0e32\u0e23\u0e09\u0e38\u0e01\u0e40\u0e09\u0e34\u0e19"),
    QStringLiteral("\u0e01\u0e32\u0e23\u0e27\u0e32\u0e07\u0e2b\u0e25\u0e31\u0e01\u0e1b\u0e23\u0e30"
                   "\u0e01\u0e31\u0e19"),
    QStringLiteral("\u0e01\u0e32\u0e23\u0e23\u0e34\u0e1a\u0e2b\u0e25\u0e31\u0e01\u0e1b\u0e23\u0e30"
                   "\u0e01\u0e31\u0e19\u0e41\u0e25\u0e30\u0e2d\u0e38\u0e17\u0e18\u0e23\u0e13\u0e4c"),
    // The glossary's "governance": of the network, not ERC's regulation.
    QStringLiteral("\u0e01\u0e32\u0e23\u0e01\u0e33\u0e01\u0e31\u0e1a\u0e14\u0e39\u0e41\u0e25"
                   "\u0e40\u0e04\u0e23\u0e37\u0e2d\u0e02\u0e48\u0e32\u0e22"),
    QStringLiteral("\u0e01\u0e32\u0e23\u0e15\u0e23\u0e27\u0e08\u0e2a\u0e2d\u0e1a"),
    QStringLiteral("\u0e2a\u0e31\u0e0d\u0e0d\u0e32\u0e13\u0e40\u0e15\u0e37\u0e2d\u0e19"),
    QStringLiteral("\u0e01\u0e32\u0e23\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32"),
};

const QStringList kPageObjectNames = {
    QStringLiteral("gridPage"),     QStringLiteral("consensusPage"),
    QStringLiteral("emergencyPage"), QStringLiteral("stakingPage"),
    QStringLiteral("slashingPage"), QStringLiteral("governancePage"),
    QStringLiteral("auditPage"),    QStringLiteral("alarmsPage"),
    QStringLiteral("settingsPage"),
};

QStringList navigationTexts(MainWindow &window)
{
    auto *list = child<QListWidget>(window, "navigationList");
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

gtx::interfaces::NodeStatus unlockedStatus(std::uint64_t height)
{
    gtx::interfaces::NodeStatus status;
    status.unlocked = true;
    status.networkName = "devnet";
    status.height = height;
    status.headHash = std::string(64, 'a');
    status.stateRoot = std::string(64, 'b');
    status.headTimeMs = 1795503909000;  // 2026-11-24T07:05:09Z = 14:05:09 in Bangkok
    status.auditRecords = 3;
    return status;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_node = std::make_unique<FakeNode>(m_dir.path().toStdString());
        m_node->setLedgerExists(true);
        m_node->setStatus(unlockedStatus(42));
        m_languages = std::make_unique<LanguageManager>();
        QVERIFY(m_languages->setLanguage(Language::English));
    }

    void cleanup()
    {
        // Node calls still running finish before the node goes, as in the application.
        QThreadPool::globalInstance()->waitForDone();
        m_languages.reset();
        m_node.reset();
    }

    void ninePagesInOrder()
    {
        MainWindow window(*m_node, *m_languages);
        QCOMPARE(navigationTexts(window), kEnglishNames);
        auto *stack = child<QStackedWidget>(window, "pageStack");
        QCOMPARE(stack->count(), MainWindow::kPageCount);
        for (int i = 0; i < stack->count(); ++i)
            QCOMPARE(stack->widget(i)->objectName(), kPageObjectNames.at(i));

        // Navigation selects the page.
        auto *list = child<QListWidget>(window, "navigationList");
        list->setCurrentRow(int(MainWindow::Page::Audit));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("auditPage"));
        window.showPage(MainWindow::Page::Settings);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("settingsPage"));
        QCOMPARE(window.currentPage(), MainWindow::Page::Settings);
    }

    void unbuiltPagesSaySoInTheirOwnWords()
    {
        MainWindow window(*m_node, *m_languages);
        auto *emergency = child<gtx::ui::PlaceholderPage>(window, "emergencyPage");
        QCOMPARE(emergency->title(), QStringLiteral("Emergency"));
        QVERIFY(emergency->plannedContent().contains(QLatin1String("halting trading")));
        QCOMPARE(child<QLabel>(*emergency, "notBuiltLabel")->text(),
                 QStringLiteral("This page is not built yet."));
        // The built pages are no placeholders.
        for (const char *name : {"gridPage", "consensusPage", "slashingPage", "governancePage", "auditPage", "settingsPage"})
            QVERIFY2(!window.findChild<gtx::ui::PlaceholderPage *>(QLatin1String(name)), name);
        // Every placeholder says something different.
        QSet<QString> plans;
        for (const char *name : {"emergencyPage", "stakingPage", "alarmsPage"}) {
            const QString plan = child<gtx::ui::PlaceholderPage>(window, name)->plannedContent();
            QVERIFY(!plan.isEmpty());
            plans.insert(plan);
        }
        QCOMPARE(plans.size(), 3);
    }

    void languageSwitchesAtOnceFromSettings()
    {
        MainWindow window(*m_node, *m_languages);
        window.show();
        window.showPage(MainWindow::Page::Settings);
        auto *combo = child<QComboBox>(window, "languageCombo");
        QCOMPARE(combo->currentIndex(), 1);  // English
        QCOMPARE(navigationTexts(window), kEnglishNames);

        combo->setCurrentIndex(0);  // Thai, as an operator choosing it would
        QCOMPARE(m_languages->language(), Language::Thai);
        QCOMPARE(navigationTexts(window), kThaiNames);
        QCOMPARE(combo->itemText(0), QStringLiteral("\u0e44\u0e17\u0e22"));
        QCOMPARE(combo->itemText(1), QStringLiteral("English"));

        combo->setCurrentIndex(1);
        QCOMPARE(m_languages->language(), Language::English);
        QCOMPARE(navigationTexts(window), kEnglishNames);
    }

    void languageManagerKeepsComboInStep()
    {
        MainWindow window(*m_node, *m_languages);
        auto *combo = child<QComboBox>(window, "languageCombo");
        QVERIFY(m_languages->setLanguage(Language::Thai));
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(navigationTexts(window), kThaiNames);
        // Qt's own strings come from our qt_th translation.
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
        QVERIFY(m_languages->setLanguage(Language::English));
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void statusBarShowsTheNode()
    {
        MainWindow window(*m_node, *m_languages);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(m_node->lastCallThread() != QThread::currentThread());

        QCOMPARE(child<QLabel>(window, "networkLabel")->text(), QStringLiteral("Network: devnet"));
        QCOMPARE(child<QLabel>(window, "heightLabel")->text(), QStringLiteral("Block height: 42"));
        QCOMPARE(child<QLabel>(window, "headTimeLabel")->text(),
                 QStringLiteral("Head block: 24 Nov 2026 14:05:09 ICT"));
        QCOMPARE(child<QLabel>(window, "lockLabel")->text(), QStringLiteral("Ledger unlocked"));
        QCOMPARE(child<QLineEdit>(window, "dataDirEdit")->text(), m_dir.path());
        QVERIFY(child<QLineEdit>(window, "dataDirEdit")->isReadOnly());

        // In Thai the head time is in the Buddhist Era.
        QVERIFY(m_languages->setLanguage(Language::Thai));
        QVERIFY(child<QLabel>(window, "headTimeLabel")
                    ->text()
                    .endsWith(QStringLiteral("24 \u0e1e.\u0e22. 2569 14:05:09")));
    }

    void statusEventsFromNodeThreadReachTheWindow()
    {
        MainWindow window(*m_node, *m_languages);
        QTRY_COMPARE(m_node->statusHandlers(), 1);
        m_node->emitStatusFromNodeThread(unlockedStatus(43));
        QTRY_COMPARE(child<QLabel>(window, "heightLabel")->text(),
                     QStringLiteral("Block height: 43"));

        auto locked = unlockedStatus(43);
        locked.unlocked = false;
        m_node->emitStatusFromNodeThread(locked);
        auto *lockLabel = child<QLabel>(window, "lockLabel");
        QTRY_COMPARE(lockLabel->text(), QStringLiteral("Ledger locked"));
        QCOMPARE(gtx::ui::HmiStyle::state(lockLabel), gtx::ui::HmiState::AlarmMedium);
    }

    void windowUnsubscribesWhenDestroyed()
    {
        {
            MainWindow window(*m_node, *m_languages);
            QTRY_COMPARE(m_node->statusHandlers(), 1);
        }
        QCOMPARE(m_node->statusHandlers(), 0);
        // An event after the window has gone is dropped, not delivered.
        m_node->emitStatusFromNodeThread(unlockedStatus(44));
        QCoreApplication::processEvents();
    }

    void alarmBannerIsGreyUntilAnAlarm()
    {
        MainWindow window(*m_node, *m_languages);
        auto *banner = window.alarmBanner();
        QVERIFY(!banner->hasAlarm());
        QCOMPARE(gtx::ui::HmiStyle::state(banner), gtx::ui::HmiState::Normal);
        QCOMPARE(banner->text(), QStringLiteral("No active alarms"));

        banner->raiseAlarm(gtx::ui::HmiState::AlarmHigh, QStringLiteral("Tie-line overload"));
        QCOMPARE(gtx::ui::HmiStyle::state(banner), gtx::ui::HmiState::AlarmHigh);
        QCOMPARE(banner->text(), QStringLiteral("Tie-line overload"));
        banner->clearAlarm();
        QVERIFY(!banner->hasAlarm());
        QCOMPARE(banner->text(), QStringLiteral("No active alarms"));
    }

    void stalledFinalityRaisesTheBannerAndClearsIt()
    {
        MainWindow window(*m_node, *m_languages);
        auto *banner = window.alarmBanner();
        gtx::interfaces::ConsensusSnapshot s;
        s.joined = true;
        s.slotMs = 1000;
        s.fastHeight = 40;
        s.fastSlot = 40;
        s.currentSlot = 45;   // five slots behind: normal
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_COMPARE(window.findChild<QLabel *>("lagValue")->text(), QStringLiteral("5 s"));
        QVERIFY(!banner->hasAlarm());
        s.currentSlot = 70;   // thirty slots behind: finality has stalled
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_VERIFY(banner->hasAlarm());
        QCOMPARE(banner->severity(), gtx::ui::HmiState::AlarmHigh);
        QVERIFY2(banner->text().contains(QStringLiteral("30 s")) && banner->text().contains(QStringLiteral("(40)")),
                 qPrintable(banner->text()));
        s.fastHeight = 69;    // finality caught up
        s.fastSlot = 69;
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_VERIFY(!banner->hasAlarm());
        QCOMPARE(banner->text(), QStringLiteral("No active alarms"));
    }

    // A lost authority link raises an amber alarm naming it; with a stall
    // the red stall alarm comes first and names the link as well.
    void lostAuthorityLinkRaisesTheBanner()
    {
        MainWindow window(*m_node, *m_languages);
        auto *banner = window.alarmBanner();
        gtx::interfaces::ConsensusSnapshot s;
        s.joined = true;
        s.slotMs = 1000;
        s.fastHeight = 40;
        s.fastSlot = 40;
        s.currentSlot = 42;
        auto link = [](const char *name, gtx::interfaces::LinkKind kind, gtx::interfaces::LinkHealth health) {
            gtx::interfaces::PeerRow r;
            r.key = std::string(64, name[0] == 'M' ? 'b' : name[0] == 'E' ? 'a' : 'c');
            r.kind = kind;
            r.authorityName = name;
            r.health = health;
            r.silentMs = health == gtx::interfaces::LinkHealth::Up ? 300 : 9000;
            return r;
        };
        s.links = {link("EGAT", gtx::interfaces::LinkKind::Authority, gtx::interfaces::LinkHealth::Up),
                   link("MEA", gtx::interfaces::LinkKind::Authority, gtx::interfaces::LinkHealth::Up)};
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_COMPARE(window.findChild<QLabel *>("lagValue")->text(), QStringLiteral("2 s"));
        QVERIFY(!banner->hasAlarm());
        // A validator's lost link is shown on the page, not in the banner.
        s.links.push_back(link("", gtx::interfaces::LinkKind::Validator, gtx::interfaces::LinkHealth::Lost));
        m_node->fakeConsensus().emitFromNodeThread(s);
        auto *linksView = window.findChild<QTableView *>("linksView");
        QVERIFY(linksView && linksView->model());
        QTRY_COMPARE(linksView->model()->rowCount(), 3);
        QVERIFY(!banner->hasAlarm());
        s.links[1].health = gtx::interfaces::LinkHealth::Lost;
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_VERIFY(banner->hasAlarm());
        QCOMPARE(banner->severity(), gtx::ui::HmiState::AlarmMedium);
        QVERIFY2(banner->text().contains(QStringLiteral("MEA")) && !banner->text().contains(QStringLiteral("EGAT")),
                 qPrintable(banner->text()));
        s.currentSlot = 70;   // and finality stalls
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_COMPARE(banner->severity(), gtx::ui::HmiState::AlarmHigh);
        QVERIFY2(banner->text().contains(QStringLiteral("30 s")) && banner->text().contains(QStringLiteral("MEA")),
                 qPrintable(banner->text()));
        s.fastHeight = 69;
        s.fastSlot = 69;
        s.links[1].health = gtx::interfaces::LinkHealth::Up;
        m_node->fakeConsensus().emitFromNodeThread(s);
        QTRY_VERIFY(!banner->hasAlarm());
    }

    void styleSheetHasEveryColourFilledIn()
    {
        const QString sheet = gtx::ui::HmiStyle::styleSheet();
        QVERIFY(sheet.contains(QLatin1String("QFrame#alarmBanner")));
        QVERIFY(!sheet.contains(QLatin1Char('@')));
        QVERIFY(sheet.contains(gtx::ui::HmiStyle::palette().alarmHigh.name()));
        QVERIFY(sheet.contains(gtx::ui::HmiStyle::palette().window.name()));
    }

    void closingAsksForShutdownFirst()
    {
        MainWindow window(*m_node, *m_languages);
        window.show();
        QSignalSpy requested(&window, &MainWindow::closeRequested);
        QVERIFY(!window.close());
        QCOMPARE(requested.count(), 1);
        QVERIFY(window.isVisible());
        window.allowClose();
        QVERIFY(window.close());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeNode> m_node;
    std::unique_ptr<LanguageManager> m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
