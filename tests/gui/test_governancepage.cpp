// The console's Governance page and its model: a report from the node's
// governance area reaches the GUI thread once subscribed; proposals change
// by diff; the newest proposal is shown until the operator picks one, with
// its kind, what it changes against the values in force, its timeline, its
// deposit and outcome, and its tally per class with the weighted result; a
// proposal that failed when due and a scheduled upgrade this software does
// not run are the only colour.

#include "fakenode.h"
#include "ui/models/governancemodel.h"
#include "ui/pages/governancepage.h"
#include "ui/style/hmistyle.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace gtx;

namespace {

// 1 Dec 2026 07:00 UTC = 14:00 in Bangkok.
constexpr std::int64_t kNow = 1'796'108'400'000;
constexpr std::int64_t kDay = 86'400'000;

interfaces::ProposalRow feeProposal()
{
    interfaces::ProposalRow p;
    p.key = "aa11";
    p.type = "parameter-change";
    p.track = "standard";
    p.status = interfaces::ProposalStatus::Voting;
    p.title = "Raise the transaction fee";
    p.text = "Double the fee: block space is filling with dust transfers.";
    p.proposer = std::string(64, 'a');
    p.depositMicroGt = 1'000'000'000;
    p.depositFate = "held";
    p.submittedMs = kNow - kDay;
    p.votingEndMs = kNow + 6 * kDay;
    p.enactMs = kNow + 13 * kDay;
    p.votes = 7;
    // 3 of 5 authorities for, 1 against; 100,000 GT of stake for, 50,000
    // against; no energy validator; 800 of 1,000 GT of balances for.
    p.classes = {{"authorities", 4'000, 3, 1, 0, 5},
                 {"stake-validators", 3'500, 100'000'000'000, 50'000'000'000, 0, 150'000'000'000},
                 {"energy-validators", 1'500, 0, 0, 0, 0},
                 {"community", 1'000, 800'000'000, 0, 0, 1'000'000'000}};
    p.quorumBps = 4'500;
    p.passBps = 5'000;
    // tally(): turnout (40 x 0.8 + 35 x 1 + 10 x 0.8) / 85 (the energy class has
    // no eligible weight), support (40 x 0.75 + 35 x 2/3 + 10 x 1) / 85.
    p.turnoutBps = 8'823;
    p.supportBps = 7'450;
    p.quorumMet = true;
    p.passed = true;
    p.settings = {{"transaction_fee", 10'000, 20'000}};
    return p;
}

interfaces::ProposalRow failedProposal()
{
    interfaces::ProposalRow p;
    p.key = "bb22";
    p.type = "parameter-change";
    p.track = "standard";
    p.status = interfaces::ProposalStatus::Failed;
    p.title = "A shorter appeal window";
    p.text = "An appeal window of 12 slots.";
    p.proposer = std::string(64, 'e');
    p.proposerName = "EGAT";
    p.depositMicroGt = 1'000'000'000;
    p.depositFate = "returned";
    p.submittedMs = kNow - 20 * kDay;
    p.votingEndMs = kNow - 13 * kDay;
    p.enactMs = kNow - 6 * kDay;
    p.closedMs = p.votingEndMs;
    p.enactedMs = p.enactMs;
    p.classes = feeProposal().classes;
    p.settings = {{"appeal_window_slots", 60'480, 8'640}};
    p.outcome = "Not executed: the filing time and the community review must end before the appeal window does.";
    return p;
}

interfaces::GovernanceSnapshot snapshot()
{
    interfaces::GovernanceSnapshot s;
    s.joined = true;
    s.chainTimeMs = kNow;
    s.proposals = {feeProposal(), failedProposal()};   // newest first
    s.proposalDepositMicroGt = 1'000'000'000;
    s.classWeightsBps = {4'000, 3'500, 1'500, 1'000};
    s.standardQuorumBps = 4'500;
    s.standardPassBps = 5'000;
    s.constitutionalQuorumBps = 5'000;
    s.constitutionalPassBps = 6'667;
    s.standardVotingMs = 7 * kDay;
    s.standardWaitMs = 7 * kDay;
    s.constitutionalVotingMs = 30 * kDay;
    s.constitutionalWaitMs = 30 * kDay;
    s.emergencyVotingMs = kDay;
    s.slotMs = 10'000;
    s.authorityQuorum = 4;
    s.authorityCount = 5;
    s.softwareVersion = 1;
    return s;
}

QString cell(QAbstractItemModel *m, int row, int column, int role = Qt::DisplayRole)
{
    return m->index(row, column).data(role).toString();
}

QString text(QWidget &page, const char *name)
{
    auto *label = page.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
}

QString state(QWidget &page, const char *name)
{
    auto *label = page.findChild<QLabel *>(QLatin1String(name));
    return label ? label->property("hmiState").toString() : QStringLiteral("<missing>");
}

} // namespace

class TestGovernancePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ui::HmiStyle::apply(*qApp); }
    void reportsReachTheGuiThreadOnce();
    void proposalsChangeByDiffAndColourOnlyAFailure();
    void pageShowsTheProposalAndItsTally();
    void scheduledUpgradeIsAnnounced();
};

void TestGovernancePage::reportsReachTheGuiThreadOnce()
{
    test::FakeNode node("/nonexistent");
    ui::GovernanceModel model(node.governance());
    QCOMPARE(node.fakeGovernance().handlers(), 1);
    QSignalSpy changed(&model, &ui::GovernanceModel::changed);
    node.fakeGovernance().emitFromNodeThread(snapshot());
    QVERIFY(changed.wait(2000));
    QCOMPARE(model.proposals()->rowCount(), 2);
    QVERIFY(model.find("bb22") != nullptr);
    QVERIFY(model.find("zz") == nullptr);
}

void TestGovernancePage::proposalsChangeByDiffAndColourOnlyAFailure()
{
    test::FakeNode node("/nonexistent");
    ui::GovernanceModel model(node.governance());
    ui::ProposalTableModel *proposals = model.proposals();
    QSignalSpy inserted(proposals, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(proposals, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(proposals, &QAbstractItemModel::modelReset);
    auto s = snapshot();
    model.apply(s);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Title), QString("Raise the transaction fee"));
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Type), QString("Parameter change"));
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Track), QString("Standard"));
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Status), QString("Voting"));
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Result), QString("74.50 % / 88.23 %"));
    QCOMPARE(cell(proposals, 1, ui::ProposalTableModel::Status), QString("Failed when due"));
    // Only the failure is coloured.
    QCOMPARE(proposals->index(1, ui::ProposalTableModel::Status).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
    for (int column = 0; column < ui::ProposalTableModel::ColumnCount; ++column)
        QVERIFY(!proposals->index(0, column).data(Qt::BackgroundRole).isValid());
    // The same report changes nothing; a vote closing changes one row in place.
    model.apply(s);
    QCOMPARE(changed.count(), 0);
    s.proposals[0].status = interfaces::ProposalStatus::Passed;
    model.apply(s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(cell(proposals, 0, ui::ProposalTableModel::Status), QString("Passed, waiting"));
}

void TestGovernancePage::pageShowsTheProposalAndItsTally()
{
    test::FakeNode node("/nonexistent");
    ui::GovernanceModel model(node.governance());
    ui::GovernancePage page;
    page.setModel(&model);
    page.resize(1100, 700);
    QVERIFY(text(page, "emptyNote").contains("Not connected"));
    model.apply(snapshot());
    // The newest proposal is shown until the operator picks one.
    QCOMPARE(page.selectedProposal(), std::string("aa11"));
    QCOMPARE(text(page, "kindValue"), QString("Parameter change, Standard track: Voting"));
    QCOMPARE(text(page, "changesValue"), QString("Transaction fee: 0.01 GT now, 0.02 GT proposed"));
    QVERIFY(text(page, "timelineValue").contains("voting ends"));
    QCOMPARE(text(page, "depositValue"), QString("1,000 GT, held until the vote closes"));
    QCOMPARE(text(page, "outcomeValue"), QString("Not decided yet"));
    // The outcome in the console's words, from the chain's figures.
    auto s = snapshot();
    s.proposals[0].status = interfaces::ProposalStatus::Rejected;
    s.proposals[0].quorumMet = false;   // as if only the authorities had voted: 40 x 0.8 / 85
    s.proposals[0].turnoutBps = 3'764;
    model.apply(s);
    QCOMPARE(text(page, "outcomeValue"),
             QString("Rejected: no quorum (weighted turnout 37.64 %, 45.00 % needed); the deposit is burned"));
    s.proposals[0].status = interfaces::ProposalStatus::Enacted;
    model.apply(s);
    QCOMPARE(text(page, "outcomeValue"), QString("Executed: Transaction fee 0.02 GT"));
    model.apply(snapshot());
    const QString rules = text(page, "rulesValue");
    QVERIFY2(rules.contains("authorities 40.00 %, stake validators 35.00 %, energy validators 15.00 %, community 10.00 %"),
             qPrintable(rules));
    QVERIFY2(rules.contains("Standard: 7 day(s) vote, 7 day(s) wait, quorum 45.00 %, more than 50.00 % for."),
             qPrintable(rules));
    QVERIFY(rules.contains("Emergency: 4 of 5 authorities, within 1 day(s)."));
    // (Source strings: the English plural forms come from gtx_en.ts.)
    // The tally, a row per class, each normalised within itself.
    auto *tally = page.findChild<QTableView *>("tallyView")->model();
    QCOMPARE(tally->rowCount(), 4);
    QCOMPARE(cell(tally, 0, ui::TallyTableModel::Class), QString("Authorities"));
    QCOMPARE(cell(tally, 0, ui::TallyTableModel::Turnout), QString("80.00 %"));
    QCOMPARE(cell(tally, 0, ui::TallyTableModel::Support), QString("75.00 %"));
    QCOMPARE(cell(tally, 1, ui::TallyTableModel::Yes), QString("100,000"));
    QCOMPARE(cell(tally, 1, ui::TallyTableModel::Support), QString("66.66 %"));
    QCOMPARE(cell(tally, 2, ui::TallyTableModel::Turnout), QString("not counted"));
    QCOMPARE(cell(tally, 2, ui::TallyTableModel::Support), QString("no votes"));
    QCOMPARE(cell(tally, 3, ui::TallyTableModel::Weight), QString("10.00 %"));
    // Weights near the whole supply in micro-GT do not overflow the shares.
    ui::TallyTableModel big;
    big.setClasses({{"community", 1'000, 4'000'000'000'000'000'000ULL, 4'000'000'000'000'000'000ULL, 0,
                     10'000'000'000'000'000'000ULL}});
    QCOMPARE(cell(&big, 0, ui::TallyTableModel::Turnout), QString("80.00 %"));
    QCOMPARE(cell(&big, 0, ui::TallyTableModel::Support), QString("50.00 %"));
    // An emergency proposal: the authorities' support is of all of them, as the quorum counts it.
    ui::TallyTableModel emergency;
    emergency.setClasses({{"authorities", 4'000, 3, 0, 0, 5}}, true);
    QCOMPARE(cell(&emergency, 0, ui::TallyTableModel::Support), QString("60.00 %"));
    emergency.setClasses({{"authorities", 4'000, 3, 0, 0, 5}}, false);
    QCOMPARE(cell(&emergency, 0, ui::TallyTableModel::Support), QString("100.00 %"));
    QVERIFY(page.findChild<QGroupBox *>("proposalBox")->title().contains("Raise the transaction fee"));
    const QString result = text(page, "resultValue");
    QVERIFY2(result.startsWith("Weighted turnout 88.23 % (quorum 45.00 %); weighted support 74.50 % (needs more than "
                               "50.00 %). It would pass if the vote closed now."),
             qPrintable(result));
    // The operator picks the failed one: its outcome, the one amber fact.
    page.selectProposal("bb22");
    QCOMPARE(text(page, "changesValue"), QString("Appeal window to 1 day(s)"));
    QVERIFY(text(page, "outcomeValue").startsWith("Passed, but not executed when due: Not executed"));
    QCOMPARE(state(page, "outcomeValue"), QString("alarmMedium"));
    QVERIFY(text(page, "resultValue").endsWith("Not passed."));
    // A new report keeps the operator's pick.
    model.apply(snapshot());
    QCOMPARE(page.selectedProposal(), std::string("bb22"));
    QVERIFY(page.findChild<QLabel *>("upgradeValue")->isHidden());
}

void TestGovernancePage::scheduledUpgradeIsAnnounced()
{
    test::FakeNode node("/nonexistent");
    ui::GovernanceModel model(node.governance());
    ui::GovernancePage page;
    page.setModel(&model);
    auto s = snapshot();
    s.upgradeVersion = 2;
    s.upgradeMs = kNow + kDay;
    model.apply(s);
    QVERIFY(!page.findChild<QLabel *>("upgradeValue")->isHidden());
    QVERIFY(text(page, "upgradeValue").contains("install the new release before then"));
    QCOMPARE(state(page, "upgradeValue"), QString("alarmMedium"));
    // The chain reaches the upgrade slot: this console no longer follows it.
    s.chainTimeMs = s.upgradeMs;
    model.apply(s);
    QVERIFY(text(page, "upgradeValue").contains("no longer follows it"));
    QCOMPARE(state(page, "upgradeValue"), QString("alarmHigh"));
    // Software that runs the version: information, not an alarm.
    s.softwareVersion = 2;
    model.apply(s);
    QVERIFY(text(page, "upgradeValue").contains("This console runs it."));
    QCOMPARE(state(page, "upgradeValue"), QString("info"));
}

QTEST_MAIN(TestGovernancePage)
#include "test_governancepage.moc"
