// The console's consensus models: reports from a node thread reach the GUI
// thread, tables change by diff (never a reset), and a report that arrives
// after the model is gone is dropped safely.

#include "fakenode.h"
#include "ui/models/consensusmodel.h"
#include "ui/style/hmistyle.h"
#include "ui/pages/consensuspage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace gtx;

namespace {

interfaces::BlockRow block(std::uint64_t height, interfaces::Finality finality = interfaces::Finality::None)
{
    interfaces::BlockRow r;
    r.height = height;
    r.slot = height;
    r.hash = "hash-" + std::to_string(height);
    r.proposer = std::string(64, 'a');
    r.proposerName = "EGAT";
    r.finality = finality;
    r.timeMs = 1'767'225'600'000 + std::int64_t(height) * 1000;
    return r;
}

interfaces::ConsensusSnapshot snapshotWith(std::vector<std::uint64_t> heights)
{
    interfaces::ConsensusSnapshot s;
    s.joined = true;
    s.headHeight = heights.empty() ? 0 : heights.front();
    s.slotMs = 1000;
    for (auto h : heights)
        s.recentBlocks.push_back(block(h));
    interfaces::MemberRow a;
    a.key = std::string(64, 'b');
    a.kind = interfaces::MemberKind::Authority;
    a.authorityName = "MEA";
    interfaces::MemberRow v;
    v.key = std::string(64, 'c');
    v.kind = interfaces::MemberKind::StakeValidator;
    v.stakeMicroGt = 20'000'000'000;
    s.members = {a, v};
    return s;
}

} // namespace

class TestConsensusModel : public QObject
{
    Q_OBJECT

private slots:
    void reportsReachTheGuiThread();
    void lateReportAfterDeletionIsDropped();
    void blockFeedChangesByDiff();
    void membersChangeByDiff();
    void peerLinksChangeByDiffAndColourOnlyWhatIsLost();
    void pageShowsHeightsAndFlagsAStall();
};

void TestConsensusModel::reportsReachTheGuiThread()
{
    test::FakeNode node("/nonexistent");
    ui::ConsensusModel model(node.consensus());
    QCOMPARE(node.fakeConsensus().handlers(), 1);   // subscribed once
    QSignalSpy changed(&model, &ui::ConsensusModel::changed);
    node.fakeConsensus().emitFromNodeThread(snapshotWith({3, 2, 1}));
    QVERIFY(changed.wait(2000));
    QCOMPARE(model.snapshot().headHeight, std::uint64_t{3});
    QCOMPARE(model.blocks()->rowCount(), 3);
    QCOMPARE(model.members()->rowCount(), 2);
}

void TestConsensusModel::lateReportAfterDeletionIsDropped()
{
    test::FakeNode node("/nonexistent");
    auto *model = new ui::ConsensusModel(node.consensus());
    // The report is posted while the model lives...
    node.fakeConsensus().emitFromNodeThread(snapshotWith({5, 4}));
    // ...and the model is gone before the GUI thread delivers it.
    delete model;
    QCOMPARE(node.fakeConsensus().handlers(), 0);
    QCoreApplication::processEvents();
    QTest::qWait(50);
    // A report after the model is gone reaches nobody.
    node.fakeConsensus().emitFromNodeThread(snapshotWith({6, 5}));
    QCoreApplication::processEvents();
}

void TestConsensusModel::blockFeedChangesByDiff()
{
    ui::BlockFeedModel feed;
    QSignalSpy inserted(&feed, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&feed, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&feed, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&feed, &QAbstractItemModel::modelReset);
    feed.setRows(snapshotWith({3, 2, 1}).recentBlocks);
    QCOMPARE(feed.rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    // A new block on top: one row inserted at the top, nothing else.
    feed.setRows(snapshotWith({4, 3, 2, 1}).recentBlocks);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(feed.index(0, ui::BlockFeedModel::Height).data().toString(), QString("4"));
    // Block 3 becomes Fast-final: only its row changes.
    auto rows = snapshotWith({4, 3, 2, 1}).recentBlocks;
    rows[1].finality = interfaces::Finality::Fast;
    feed.setRows(rows);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);
    QCOMPARE(feed.index(1, ui::BlockFeedModel::FinalityColumn).data().toString(), QString("Fast"));
    // The feed keeps a window: the oldest row goes when the list is shorter.
    feed.setRows(snapshotWith({5, 4, 3}).recentBlocks);
    QCOMPARE(feed.rowCount(), 3);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(feed.index(0, ui::BlockFeedModel::Height).data().toString(), QString("5"));
    QCOMPARE(feed.index(2, ui::BlockFeedModel::Height).data().toString(), QString("3"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(feed.index(0, ui::BlockFeedModel::Proposer).data().toString(), QString("EGAT aaaaaaaa"));
}

void TestConsensusModel::membersChangeByDiff()
{
    ui::MemberTableModel members;
    QSignalSpy inserted(&members, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&members, &QAbstractItemModel::dataChanged);
    auto rows = snapshotWith({1}).members;
    members.setRows(rows);
    QCOMPARE(members.rowCount(), 2);
    QCOMPARE(members.index(0, ui::MemberTableModel::Member).data().toString(), QString("Authority MEA"));
    QCOMPARE(members.index(1, ui::MemberTableModel::Stake).data().toString(), QString("20000"));
    rows[1].blocksProduced = 7;
    rows[1].uptimePpm = 875'000;
    members.setRows(rows);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(members.index(1, ui::MemberTableModel::BlocksMade).data().toString(), QString("7"));
    QCOMPARE(members.index(1, ui::MemberTableModel::Uptime).data().toString(), QString("87.5 %"));
    members.setRows(rows);   // nothing changed: no signal
    QCOMPARE(changed.count(), 1);
    // Rewards earned; a slash suspends the validator: the one coloured cell.
    QVERIFY(!members.index(1, ui::MemberTableModel::Member).data(Qt::BackgroundRole).isValid());
    rows[1].rewardsMicroGt = 1'250'000;
    rows[1].suspended = true;
    members.setRows(rows);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(members.index(1, ui::MemberTableModel::Rewards).data().toString(), QString("1.25"));
    QCOMPARE(members.index(1, ui::MemberTableModel::Member).data().toString(), QString("Stake validator (suspended)"));
    QCOMPARE(members.index(1, ui::MemberTableModel::Member).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
    QCOMPARE(members.index(0, ui::MemberTableModel::Rewards).data().toString(), QString("-"));
}

void TestConsensusModel::peerLinksChangeByDiffAndColourOnlyWhatIsLost()
{
    ui::PeerTableModel links;
    QSignalSpy inserted(&links, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&links, &QAbstractItemModel::dataChanged);
    interfaces::PeerRow egat;
    egat.key = std::string(64, 'a');
    egat.kind = interfaces::LinkKind::Authority;
    egat.authorityName = "EGAT";
    egat.health = interfaces::LinkHealth::Up;
    egat.silentMs = 420;
    egat.received = 1234;
    interfaces::PeerRow console;
    console.key = std::string(64, 'd');
    console.kind = interfaces::LinkKind::Observer;
    console.health = interfaces::LinkHealth::Silent;
    std::vector<interfaces::PeerRow> rows{egat, console};
    links.setRows(rows);
    QCOMPARE(links.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(links.index(0, ui::PeerTableModel::Peer).data().toString(), QString("Authority EGAT"));
    QCOMPARE(links.index(0, ui::PeerTableModel::Link).data().toString(), QString("Up"));
    QCOMPARE(links.index(0, ui::PeerTableModel::LastHeard).data().toString(), QString("0.4 s ago"));
    QCOMPARE(links.index(0, ui::PeerTableModel::Messages).data().toString(), QString("1234"));
    QCOMPARE(links.index(1, ui::PeerTableModel::LastHeard).data().toString(), QString("never"));
    QCOMPARE(links.index(1, ui::PeerTableModel::Link).data().toString(), QString("Quiet"));
    // Grey while normal: no colour for an up link or a quiet observer.
    QVERIFY(!links.index(0, ui::PeerTableModel::Link).data(Qt::BackgroundRole).isValid());
    QVERIFY(!links.index(1, ui::PeerTableModel::Link).data(Qt::BackgroundRole).isValid());
    // The same links a few milliseconds on: nothing a person would see changed.
    rows[0].silentMs = 450;
    links.setRows(rows);
    QCOMPARE(changed.count(), 0);
    // The authority goes quiet for nine seconds: lost, and amber.
    rows[0].silentMs = 9000;
    rows[0].health = interfaces::LinkHealth::Lost;
    links.setRows(rows);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(links.index(0, ui::PeerTableModel::Link).data().toString(), QString("Lost"));
    QCOMPARE(links.index(0, ui::PeerTableModel::Link).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
}

void TestConsensusModel::pageShowsHeightsAndFlagsAStall()
{
    test::FakeNode node("/nonexistent");
    ui::ConsensusModel model(node.consensus());
    ui::ConsensusPage page;
    page.setModel(&model);
    auto *note = page.findChild<QLabel *>("joinedNote");
    QVERIFY(note && !note->isHidden());
    auto s = snapshotWith({12, 11, 10});
    s.fastHeight = 11;
    s.fullHeight = 10;
    s.economicHeight = 2;
    s.currentSlot = 12;
    s.fastSlot = 11;
    s.peers = 11;
    model.apply(s);
    QVERIFY(note->isHidden());
    QCOMPARE(page.findChild<QLabel *>("fastValue")->text(), QString("11"));
    QCOMPARE(page.findChild<QLabel *>("economicValue")->text(), QString("2"));
    QCOMPARE(page.findChild<QLabel *>("peersValue")->text(), QString("11"));
    auto *lag = page.findChild<QLabel *>("lagValue");
    QCOMPARE(lag->text(), QString("1 s"));
    QVERIFY(lag->property("hmiState").toString().isEmpty());   // grey while normal
    // Finality thirty slots behind the clock: abnormal, and coloured.
    s.currentSlot = 41;
    model.apply(s);
    QCOMPARE(lag->text(), QString("30 s"));
    QCOMPARE(lag->property("hmiState").toString(), QString("alarmHigh"));
    QCOMPARE(page.findChild<QTableView *>("blockFeedView")->model()->rowCount(), 3);
}

QTEST_MAIN(TestConsensusModel)
#include "test_consensusmodel.moc"
