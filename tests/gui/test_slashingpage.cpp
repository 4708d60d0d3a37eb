// The console's Slashing & Appeals page and its model: a report from the
// node's slashing area reaches the GUI thread once subscribed; cases change
// by diff; the newest case is shown until the operator picks one, with its
// evidence, decision, parts, deadlines and appeal trail; evidence this node
// could not verify is the only colour; the auditors' export writes every
// case and trail and is audited (and says so when the audit fails).

#include "fakenode.h"
#include "ui/models/slashingmodel.h"
#include "ui/pages/slashingpage.h"
#include "ui/style/hmistyle.h"

#include <QApplication>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace gtx;

namespace {

// 1 Dec 2026 07:00 UTC = 14:00 in Bangkok.
constexpr std::int64_t kNow = 1'796'108'400'000;

interfaces::SlashCaseRow validatorCase()
{
    interfaces::SlashCaseRow c;
    c.key = "aa11";
    c.offender = std::string(64, 'a');
    c.offence = "double-proposal";
    c.reason = "double-production";
    c.severity = "medium";
    c.tier = "major";
    c.fractionBps = 2'000;
    c.suspension = "extended";
    c.infractionSlot = 100;
    c.infractionTimeMs = kNow - 3'600'000;
    c.recordedSlot = 102;
    c.recordedTimeMs = kNow - 3'500'000;
    c.filingDeadlineMs = kNow + 86'400'000;
    c.executeSlot = 60'582;
    c.executeTimeMs = kNow + 7 * 86'400'000LL;
    c.suspendedUntilMs = kNow + 30 * 86'400'000LL;
    c.stakeAtInfractionMicroGt = 40'000'000'000;
    c.amountMicroGt = 8'000'000'000;
    c.parts = {{std::string(64, 'a'), std::string(64, 'a'), false, 4'000'000'000},
               {std::string(64, 'b'), std::string(64, 'a'), true, 2'000'000'000},
               {std::string(64, 'd'), std::string(64, 'e'), false, 2'000'000'000}};
    c.first = {100, 0, std::string(64, '1'), std::string(128, '2')};
    c.second = {100, 0, std::string(64, '3'), std::string(128, '4')};
    c.evidenceVerified = true;
    c.appealStage = interfaces::AppealStage::Community;
    c.communityDeadlineMs = kNow + 3 * 86'400'000LL;
    c.overturnStakeMicroGt = 100'000'000'000;
    c.trail = {{interfaces::AppealStage::Technical, "file", 103, kNow - 3'000'000, std::string(64, 'a'), "", false, 0,
                "=HYPERLINK(\"x\") a failover node"},
               {interfaces::AppealStage::Technical, "file", 103, kNow - 3'000'000, "", "", true, 0,
                "The two signed messages verify."},
               {interfaces::AppealStage::Community, "vote", 104, kNow - 2'000'000, std::string(64, 'c'), "", false,
                100'000'000'000, ""}};
    return c;
}

interfaces::SlashCaseRow authorityCase()
{
    interfaces::SlashCaseRow c;
    c.key = "bb22";
    c.offender = std::string(64, 'f');
    c.offenderName = "EGAT";
    c.authority = true;
    c.governmentReview = true;
    c.offence = "double-link-vote";
    c.reason = "malicious-behavior";
    c.severity = "medium";
    c.tier = "critical";
    c.fractionBps = 10'000;
    c.suspension = "permanent";
    c.executeTimeMs = kNow + 7 * 86'400'000LL;
    c.first = {200, 190, std::string(64, '5'), std::string(128, '6')};
    c.second = {200, 195, std::string(64, '7'), std::string(128, '8')};
    c.evidenceVerified = false;
    c.evidenceProblem = "The signature does not verify.";
    return c;
}

interfaces::SlashingSnapshot snapshot()
{
    interfaces::SlashingSnapshot s;
    s.joined = true;
    s.chainTimeMs = kNow;
    s.cases = {authorityCase(), validatorCase()};   // newest first
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

} // namespace

class TestSlashingPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ui::HmiStyle::apply(*qApp); }
    void reportsReachTheGuiThreadOnce();
    void casesChangeByDiffAndColourOnlyUnverifiedEvidence();
    void pageShowsTheCaseInHumanTerms();
    void exportWritesEveryCaseAndIsAudited();
};

void TestSlashingPage::reportsReachTheGuiThreadOnce()
{
    test::FakeNode node("/nonexistent");
    ui::SlashingModel model(node.slashing());
    QCOMPARE(node.fakeSlashing().handlers(), 1);
    QSignalSpy changed(&model, &ui::SlashingModel::changed);
    node.fakeSlashing().emitFromNodeThread(snapshot());
    QVERIFY(changed.wait(2000));
    QCOMPARE(model.cases()->rowCount(), 2);
    QVERIFY(model.find("aa11") != nullptr);
    QVERIFY(model.find("zz") == nullptr);
}

void TestSlashingPage::casesChangeByDiffAndColourOnlyUnverifiedEvidence()
{
    test::FakeNode node("/nonexistent");
    ui::SlashingModel model(node.slashing());
    ui::CaseTableModel *cases = model.cases();
    QSignalSpy inserted(cases, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(cases, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(cases, &QAbstractItemModel::modelReset);
    auto s = snapshot();
    model.apply(s);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(cell(cases, 0, ui::CaseTableModel::Offender), QString("EGAT"));
    QCOMPARE(cell(cases, 0, ui::CaseTableModel::Taken), QString("Government review"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Offender), QString("aaaaaaaa"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Offender, Qt::ToolTipRole), QString::fromStdString(std::string(64, 'a')));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Offence), QString("Two blocks for one slot"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Tier), QString("Major, 20.00 %"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Taken), QString("8,000"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Status), QString("Held for appeal"));
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Appeal), QString("Community review"));
    // Only the unverified evidence is coloured.
    QCOMPARE(cases->index(0, ui::CaseTableModel::Offence).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmHigh);
    for (int column = 0; column < ui::CaseTableModel::ColumnCount; ++column)
        QVERIFY(!cases->index(1, column).data(Qt::BackgroundRole).isValid());
    // The same report: nothing changes. The validator's case executes: one row, in place.
    model.apply(s);
    QCOMPARE(changed.count(), 0);
    s.cases[1].status = interfaces::CaseStatus::Executed;
    model.apply(s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(cell(cases, 1, ui::CaseTableModel::Status), QString("Executed"));
    QCOMPARE(ui::formatGtAmount(50'000), QString("0.05"));
    QCOMPARE(ui::formatGtAmount(1'234'000'001), QString("1,234.000001"));
}

void TestSlashingPage::pageShowsTheCaseInHumanTerms()
{
    test::FakeNode node("/nonexistent");
    ui::SlashingModel model(node.slashing());
    ui::SlashingPage page;
    page.setModel(&model);
    page.resize(1100, 700);
    // Not joined: the page says so.
    QVERIFY(text(page, "emptyNote").contains("Not connected"));
    model.apply(snapshot());
    // The newest case is shown until the operator picks one.
    QCOMPARE(page.selectedCase(), std::string("bb22"));
    QVERIFY(text(page, "offenderValue").startsWith("Authority EGAT"));
    QVERIFY(text(page, "takenValue").contains("government review"));
    QVERIFY(text(page, "verificationValue").startsWith("Not verified by this node: The signature does not verify."));
    QCOMPARE(page.findChild<QLabel *>("verificationValue")->property("hmiState").toString(), QString("alarmHigh"));
    page.selectCase("aa11");
    QVERIFY(text(page, "decisionValue").startsWith("Double production, severity Medium, 0 earlier case(s): Major tier, 20.00 %"));
    QCOMPARE(text(page, "stakeValue"), QString("40,000 GT"));
    const QString taken = text(page, "takenValue");
    QVERIFY2(taken.startsWith("8,000 GT\n4,000 GT from its own bond\n"), qPrintable(taken));
    QVERIFY(taken.contains("2,000 GT from delegator bbbbbbbbbbbbbbbb..., being unbonded"));
    // Followed where it was redelegated.
    QVERIFY(taken.contains("2,000 GT from delegator dddddddddddddddd..., redelegated to eeeeeeeeeeeeeeee..."));
    QVERIFY(text(page, "verificationValue").startsWith("Verified by this node"));
    QVERIFY(ui::HmiStyle::state(page.findChild<QLabel *>("verificationValue")) == ui::HmiState::Normal);
    QVERIFY(text(page, "appealValue").contains("100,000 GT to overturn"));
    auto *trail = page.findChild<QTableView *>("trailView");
    QCOMPARE(trail->model()->rowCount(), 3);
    QCOMPARE(cell(trail->model(), 1, ui::TrailTableModel::By), QString("Automatic"));
    // The chain's own step in the console's words; its wording in the tooltip.
    QCOMPARE(cell(trail->model(), 1, ui::TrailTableModel::Text), QString("The evidence verifies again."));
    QCOMPARE(cell(trail->model(), 1, ui::TrailTableModel::Text, Qt::ToolTipRole), QString("The two signed messages verify."));
    QCOMPARE(cell(trail->model(), 2, ui::TrailTableModel::Decision), QString("Overturns (100,000 GT)"));
    // A new case arrives: the operator's pick stays.
    auto s = snapshot();
    auto newer = validatorCase();
    newer.key = "cc33";
    newer.offence = "downtime";
    newer.reason = "downtime-excess";
    newer.dutiesMissed = 6;
    newer.dutiesCounted = 8;
    s.cases.insert(s.cases.begin(), newer);
    model.apply(s);
    QCOMPARE(page.selectedCase(), std::string("aa11"));
    // Downtime has no signed messages: the chain's record of the duties is shown.
    page.selectCase("cc33");
    QCOMPARE(cell(model.cases(), 0, ui::CaseTableModel::Offence), QString("Missed its proposer slots"));
    QVERIFY(text(page, "evidenceSummary").contains("no block in 6 of the last 8 slots it was drawn for"));
    QVERIFY(text(page, "verificationValue").startsWith("Recorded by the chain"));
}

void TestSlashingPage::exportWritesEveryCaseAndIsAudited()
{
    test::FakeNode node("/nonexistent");
    ui::SlashingModel model(node.slashing());
    ui::SlashingPage page;
    page.setModel(&model);
    page.setOperator(&node, node.fakeOperators().openSession("auditor-1", interfaces::roleBit(interfaces::Role::Auditor)));
    auto *button = page.findChild<QPushButton *>("exportButton");
    QVERIFY(!button->isHidden());
    QVERIFY(!button->isEnabled());   // nothing to export yet
    model.apply(snapshot());
    QVERIFY(button->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath("cases.csv");
    QSignalSpy exported(&page, &ui::SlashingPage::exported);
    page.exportTo(path);
    // A report while the file is written does not offer the export again.
    model.apply(snapshot());
    QVERIFY(!button->isEnabled());
    QVERIFY(exported.wait(5000));
    QCOMPARE(exported.front().at(0).toBool(), true);
    QVERIFY(button->isEnabled());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QCOMPARE(csv.count("\ncase,"), 2);
    QCOMPARE(csv.count("\nappeal,"), 3);
    QVERIFY(csv.contains(",\"double-proposal\",\"double-production\",\"medium\",0,\"major\",2000,"));
    QVERIFY(csv.contains(",40000.000000,8000.000000,0.000000,pending,community-review,"));
    // An appellant's text is never a formula.
    QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\") a failover node\""));
    QCOMPARE(node.fakeOperators().actions().size(), std::size_t(1));
    QVERIFY(node.fakeOperators().actions().front().rfind("auditor-1 slashing.export ", 0) == 0);
    // The audit refused: the page says so, and no file is left.
    node.fakeOperators().setActionsFail(true);
    page.exportTo(dir.filePath("again.csv"));
    QVERIFY(exported.wait(5000));
    QCOMPARE(exported.back().at(0).toBool(), false);
    QVERIFY(exported.back().at(1).toString().contains("audit trail refused"));
    QVERIFY(!QFile::exists(dir.filePath("again.csv")));
    // A file that cannot be written: nothing recorded.
    node.fakeOperators().setActionsFail(false);
    page.exportTo(dir.filePath("no/such/dir/cases.csv"));
    QVERIFY(exported.wait(5000));
    QVERIFY(exported.back().at(1).toString().startsWith("Export failed"));
    QCOMPARE(node.fakeOperators().actions().size(), std::size_t(1));

    // A control-room operator may not export: no button, and the node
    // refuses the command if it is sent anyway.
    page.setOperator(&node, node.fakeOperators().openSession(
                                "op-1", interfaces::roleBit(interfaces::Role::ControlRoomOperator)));
    QVERIFY(button->isHidden());
    page.exportTo(dir.filePath("operator.csv"));
    QVERIFY(exported.wait(5000));
    QCOMPARE(exported.back().at(0).toBool(), false);
    QVERIFY(!QFile::exists(dir.filePath("operator.csv")));
    QCOMPARE(node.fakeOperators().actions().size(), std::size_t(1));
}

QTEST_MAIN(TestSlashingPage)
#include "test_slashingpage.moc"
