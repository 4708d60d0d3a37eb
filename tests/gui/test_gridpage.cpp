// The console's Grid page and its models: a report from the node's grid
// area reaches the GUI thread once subscribed, zone and tie-line tables
// change by diff (never a reset), colour marks only what is abnormal (a
// zone out of balance, a halt, a line over its rating or failing N-1), and
// the zone selected drives the energy balance and the 24-hour trend.

#include "fakenode.h"
#include "ui/models/gridmodel.h"
#include "ui/pages/gridpage.h"
#include "ui/style/hmistyle.h"

#include <QApplication>
#include <QChartView>
#include <QGroupBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace gtx;

namespace {

constexpr std::int64_t kIntervalMs = 15 * 60 * 1000;
// 1 Dec 2026 07:00 UTC = 14:00 in Bangkok.
constexpr std::int64_t kEnd = 1'796'108'400'000;

interfaces::GridSnapshot snapshot()
{
    interfaces::GridSnapshot s;
    s.joined = true;
    s.modelName = "Thailand (illustrative)";
    s.lossMinBps = 0;
    s.lossMaxBps = 500;
    s.intervalEndMs = kEnd;
    s.chainTimeMs = kEnd + 60'000;
    s.reported = true;
    s.frequencyMilliHz = 50'020;
    s.reserveMarginBps = 1'540;
    interfaces::ZoneRow mea;
    mea.key = "MEA-METRO";
    mea.operatorName = "MEA";
    mea.readings = 2;
    mea.generationWh = 1'000;
    mea.consumptionWh = 950;
    mea.lossesWh = 50;
    mea.lossBps = 500;
    mea.conservation = interfaces::Conservation::Balanced;
    interfaces::ZoneRow south;
    south.key = "PEA-S";
    south.operatorName = "PEA";
    s.zones = {mea, south};
    interfaces::TieLineRow ws;
    ws.key = "W-S 500 kV 1";
    ws.fromZone = "PEA-W";
    ws.toZone = "PEA-S";
    ws.corridor = "W-S";
    ws.capacityMw = 1'200;
    ws.reported = true;
    ws.flowMw = 900;
    ws.loadingBps = 7'500;
    interfaces::TieLineRow c;
    c.key = "C-MEA 500 kV 1";
    c.fromZone = "PEA-C";
    c.toZone = "MEA-METRO";
    c.capacityMw = 2'000;
    s.lines = {ws, c};
    for (const auto &z : s.zones) {
        interfaces::ZoneTrend t;
        t.zone = z.key;
        for (int i = 95; i >= 0; --i) {
            const std::int64_t end = kEnd - i * kIntervalMs;
            t.points.push_back({end, z.key == "MEA-METRO" ? std::uint64_t(1000 + i) : 0u,
                                z.key == "MEA-METRO" ? 950u : 0u});
        }
        s.trends.push_back(t);
    }
    return s;
}

QString cell(QAbstractItemModel *m, int row, int column, int role = Qt::DisplayRole)
{
    return m->index(row, column).data(role).toString();
}

} // namespace

class TestGridPage : public QObject
{
    Q_OBJECT

private slots:
    // The console's own look (fonts, style sheet), as column widths depend on it.
    void initTestCase() { ui::HmiStyle::apply(*qApp); }
    void reportsReachTheGuiThreadOnce();
    void zonesChangeByDiffAndColourOnlyWhatIsAbnormal();
    void tieLinesShowOverloadsAndN1();
    void pageShowsTheIntervalAndTheSelectedZone();
    void columnsFitAReportThatComesAfterThePageIsDrawn();
};

void TestGridPage::reportsReachTheGuiThreadOnce()
{
    test::FakeNode node("/nonexistent");
    ui::GridModel model(node.grid());
    QCOMPARE(node.fakeGrid().handlers(), 1);   // subscribed once
    QSignalSpy changed(&model, &ui::GridModel::changed);
    node.fakeGrid().emitFromNodeThread(snapshot());
    QVERIFY(changed.wait(2000));
    QCOMPARE(model.zones()->rowCount(), 2);
    QCOMPARE(model.lines()->rowCount(), 2);
    QVERIFY(model.trend("PEA-S") != nullptr);
    QVERIFY(model.trend("PEA-X") == nullptr);
    // A report after the model is gone reaches nobody.
    auto *late = new ui::GridModel(node.grid());
    QCOMPARE(node.fakeGrid().handlers(), 2);
    node.fakeGrid().emitFromNodeThread(snapshot());
    delete late;
    QCOMPARE(node.fakeGrid().handlers(), 1);
    QCoreApplication::processEvents();
}

void TestGridPage::zonesChangeByDiffAndColourOnlyWhatIsAbnormal()
{
    test::FakeNode node("/nonexistent");
    ui::GridModel model(node.grid());
    ui::ZoneTableModel *zones = model.zones();
    QSignalSpy inserted(zones, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(zones, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(zones, &QAbstractItemModel::modelReset);
    auto s = snapshot();
    model.apply(s);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Zone), QString("MEA metropolitan"));
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Zone, Qt::ToolTipRole), QString("MEA-METRO"));
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Generation), QString("1.0"));
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Consumption), QString("0.9"));   // 950 Wh, one decimal
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Losses), QString("5.00 %"));
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Balance), QString("Balanced"));
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Trading), QString("Open"));
    QCOMPARE(cell(zones, 1, ui::ZoneTableModel::Losses), QString("-"));   // not judged
    QCOMPARE(cell(zones, 1, ui::ZoneTableModel::Balance), QString("Not judged"));
    // Grey while normal.
    for (int row = 0; row < 2; ++row)
        for (int column = 0; column < ui::ZoneTableModel::ColumnCount; ++column)
            QVERIFY(!zones->index(row, column).data(Qt::BackgroundRole).isValid());
    // The same report again: nothing changes.
    model.apply(s);
    QCOMPARE(changed.count(), 0);
    // MEA loses energy and PEA south is halted: two rows change, in place,
    // and their abnormal cells take colour.
    s.zones[0].conservation = interfaces::Conservation::LossesHigh;
    s.zones[0].lossBps = 2'000;
    s.zones[1].halted = true;
    model.apply(s);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(cell(zones, 0, ui::ZoneTableModel::Balance), QString("Losses too high"));
    QCOMPARE(zones->index(0, ui::ZoneTableModel::Balance).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
    QVERIFY(!zones->index(0, ui::ZoneTableModel::Trading).data(Qt::BackgroundRole).isValid());
    QCOMPARE(cell(zones, 1, ui::ZoneTableModel::Trading), QString("Halted"));
    QCOMPARE(zones->index(1, ui::ZoneTableModel::Trading).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmHigh);
}

void TestGridPage::tieLinesShowOverloadsAndN1()
{
    test::FakeNode node("/nonexistent");
    ui::GridModel model(node.grid());
    ui::TieLineTableModel *lines = model.lines();
    QSignalSpy changed(lines, &QAbstractItemModel::dataChanged);
    auto s = snapshot();
    model.apply(s);
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::Line, Qt::ToolTipRole),
             QString("From PEA west to PEA south, corridor W-S"));
    QCOMPARE(cell(lines, 1, ui::TieLineTableModel::Line, Qt::ToolTipRole),
             QString("From PEA central to MEA metropolitan"));
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::Capacity), QString("1,200"));
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::Flow), QString("900"));
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::Loading), QString("75.00 %"));
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::LineState), QString("Normal"));
    QCOMPARE(cell(lines, 1, ui::TieLineTableModel::Flow), QString("-"));
    QCOMPARE(cell(lines, 1, ui::TieLineTableModel::LineState), QString("Not reported"));
    QVERIFY(!lines->index(0, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).isValid());
    QVERIFY(!lines->index(1, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).isValid());
    // The corridor fails N-1: amber.
    s.lines[0].n1Violated = true;
    model.apply(s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::LineState), QString("N-1 not met"));
    QCOMPARE(lines->index(0, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
    // Out of service: noticed (blue-grey) while its corridor holds N-1, amber once it does not.
    s.lines[0].n1Violated = false;
    s.lines[0].outOfService = true;
    s.lines[0].flowMw = 0;
    model.apply(s);
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::LineState), QString("Out of service"));
    QCOMPARE(lines->index(0, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().info);
    s.lines[0].n1Violated = true;
    model.apply(s);
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::LineState), QString("Out of service, N-1 not met"));
    QCOMPARE(lines->index(0, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmMedium);
    s.lines[0].outOfService = false;
    // Above its rating: red, whatever N-1 says.
    s.lines[0].flowMw = -1'300;
    s.lines[0].loadingBps = 10'833;
    s.lines[0].congested = true;
    model.apply(s);
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::Flow), QString("-1,300"));
    QCOMPARE(cell(lines, 0, ui::TieLineTableModel::LineState), QString("Over capacity"));
    QCOMPARE(lines->index(0, ui::TieLineTableModel::LineState).data(Qt::BackgroundRole).value<QColor>(),
             ui::HmiStyle::palette().alarmHigh);
}

void TestGridPage::pageShowsTheIntervalAndTheSelectedZone()
{
    test::FakeNode node("/nonexistent");
    ui::GridModel model(node.grid());
    ui::GridPage page;
    page.resize(1200, 800);
    page.setModel(&model);
    page.show();   // drawn before the first report, as a console catching up is
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *note = page.findChild<QLabel *>("joinedNote");
    QVERIFY(note && !note->isHidden());
    QCOMPARE(page.findChild<QLabel *>("frequencyValue")->text(), QString("-"));

    auto s = snapshot();
    std::swap(s.zones[0], s.zones[1]);   // PEA south (no readings) first
    // No readings anywhere yet (the console's node is catching up): the first zone.
    auto early = s;
    for (auto &z : early.zones)
        z.readings = 0;
    model.apply(early);
    QCOMPARE(page.selectedZone(), std::string("PEA-S"));
    model.apply(s);
    QVERIFY(note->isHidden());
    // 13:45 to 14:00 in Bangkok time.
    const QString interval = page.findChild<QLabel *>("intervalValue")->text();
    QVERIFY2(interval.contains(QLatin1String("13:45:00")) && interval.contains(QLatin1String("14:00:00")),
             qPrintable(interval));
    QVERIFY2(interval.contains(QLatin1String("2026")), qPrintable(interval));   // English: the CE year
    auto *frequency = page.findChild<QLabel *>("frequencyValue");
    QCOMPARE(frequency->text(), QString("50.02 Hz"));
    QVERIFY(frequency->property("hmiState").toString().isEmpty());
    QCOMPARE(page.findChild<QLabel *>("reserveValue")->text(), QString("15.40 %"));
    auto *zonesView = page.findChild<QTableView *>("zonesView");
    auto *intervalValue = page.findChild<QLabel *>("intervalValue");
    QVERIFY(intervalValue->property("hmiState").toString().isEmpty());
    auto *reserve = page.findChild<QLabel *>("reserveValue");
    QVERIFY(reserve->property("hmiState").toString().isEmpty());
    auto *trading = page.findChild<QLabel *>("tradingValue");
    QCOMPARE(trading->text(), QString("Open in every zone"));
    QVERIFY(trading->property("hmiState").toString().isEmpty());

    // Then the page follows the first zone with readings: its balance and trend are shown.
    QCOMPARE(page.selectedZone(), std::string("MEA-METRO"));
    QCOMPARE(page.findChild<QLabel *>("balanceInValue")->text(), QString("1.0 kWh"));
    QCOMPARE(page.findChild<QLabel *>("balanceInValue")->toolTip(), QString("1.0 + 0.0 kWh"));
    QCOMPARE(page.findChild<QLabel *>("balanceOutValue")->text(), QString("0.9 kWh"));
    QCOMPARE(page.findChild<QLabel *>("balanceLossValue")->text(), QString("0.1 kWh (5.00 %)"));
    QCOMPARE(page.findChild<QLabel *>("balanceBandValue")->text(), QString("0.00 % to 5.00 %"));
    QCOMPARE(page.findChild<QLabel *>("balanceVerdictValue")->text(), QString("Balanced"));
    auto *chart = page.findChild<QChartView *>("trendChart");
    QVERIFY(chart && chart->chart()->series().size() == 2);
    auto *generation = qobject_cast<QLineSeries *>(chart->chart()->series().at(0));
    QVERIFY(generation && generation->objectName() == QLatin1String("generationSeries"));
    QCOMPARE(generation->count(), 96);
    QCOMPARE(generation->at(0).y(), 0.001095);   // MWh: 1,095 Wh 24 hours back
    QCOMPARE(generation->at(95).y(), 0.001);
    QVERIFY(page.findChild<QGroupBox *>("zoneBox")->title().contains(QLatin1String("MEA metropolitan")));
    auto *linesBox = page.findChild<QTableView *>("tieLinesView")->parentWidget();
    QCOMPARE(qobject_cast<QGroupBox *>(linesBox)->title(), QString("Tie lines"));

    // The operator clicks PEA south: its (empty) figures follow.
    zonesView->selectRow(0);
    QCOMPARE(page.selectedZone(), std::string("PEA-S"));
    QCOMPARE(page.findChild<QLabel *>("balanceVerdictValue")->text(), QString("Not judged"));
    QCOMPARE(generation->at(0).y(), 0.0);
    // The selection survives a new report.
    s.frequencyMilliHz = 49'400;   // below 49.5 Hz: load shedding
    s.lines[0].congested = true;
    s.zones[0].halted = true;
    model.apply(s);
    QCOMPARE(page.selectedZone(), std::string("PEA-S"));
    QCOMPARE(frequency->text(), QString("49.40 Hz"));
    QCOMPARE(frequency->property("hmiState").toString(), QString("alarmHigh"));
    QCOMPARE(trading->text(), QString("Halted in 1 zone(s)"));
    QCOMPARE(qobject_cast<QGroupBox *>(linesBox)->title(), QString("Tie lines (1 over capacity, 0 N-1 not met, 0 out of service)"));
    QCOMPARE(trading->property("hmiState").toString(), QString("alarmHigh"));
    s.frequencyMilliHz = 49'700;
    s.nationwideHalt = true;
    model.apply(s);
    QCOMPARE(frequency->property("hmiState").toString(), QString("alarmMedium"));
    QCOMPARE(trading->text(), QString("Halted nationwide"));
    // Little spare generation: amber; none: red.
    s.reserveMarginBps = 800;
    model.apply(s);
    QCOMPARE(reserve->property("hmiState").toString(), QString("alarmMedium"));
    s.reserveMarginBps = -200;
    model.apply(s);
    QCOMPARE(reserve->property("hmiState").toString(), QString("alarmHigh"));
    // No report for the interval yet: normal at first, overdue after an interval.
    s.reported = false;
    model.apply(s);
    QCOMPARE(frequency->text(), QString("-"));
    QVERIFY(frequency->property("hmiState").toString().isEmpty());
    QVERIFY(reserve->property("hmiState").toString().isEmpty());
    auto *report = page.findChild<QLabel *>("reportValue");
    QCOMPARE(report->text(), QString("Not reported yet"));
    QVERIFY(report->property("hmiState").toString().isEmpty());
    s.chainTimeMs = kEnd + 20 * 60'000;
    model.apply(s);
    QCOMPARE(report->property("hmiState").toString(), QString("alarmMedium"));
    QVERIFY(intervalValue->property("hmiState").toString().isEmpty());
    // Nothing newer for 40 minutes: the data stopped coming.
    s.chainTimeMs = kEnd + 40 * 60'000;
    model.apply(s);
    QVERIFY2(intervalValue->text().endsWith(QLatin1String("(no newer data for 40 min)")),
             qPrintable(intervalValue->text()));
    QCOMPARE(intervalValue->property("hmiState").toString(), QString("alarmMedium"));
}

void TestGridPage::columnsFitAReportThatComesAfterThePageIsDrawn()
{
    test::FakeNode node("/nonexistent");
    ui::GridModel model(node.grid());
    ui::GridPage page;
    page.resize(1090, 760);
    page.setModel(&model);
    page.show();   // as a console whose node is still catching up
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    auto s = snapshot();
    s.zones.clear();
    for (const char *code : {"EGAT-TX", "MEA-METRO", "PEA-C", "PEA-N", "PEA-NE", "PEA-E", "PEA-W", "PEA-S"}) {
        interfaces::ZoneRow r;
        r.key = code;
        r.operatorName = "PEA";
        r.readings = 10;
        r.generationWh = 1'688'500'000;
        r.consumptionWh = 945'705'800;
        r.conservation = interfaces::Conservation::Balanced;
        s.zones.push_back(r);
    }
    model.apply(s);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    auto *zonesView = page.findChild<QTableView *>("zonesView");
    // The zone names in full, not "PEA..." in a column as wide as its header.
    QVERIFY2(zonesView->columnWidth(ui::ZoneTableModel::Zone)
                 > zonesView->fontMetrics().horizontalAdvance(QStringLiteral("PEA northeast")),
             qPrintable(QString::number(zonesView->columnWidth(ui::ZoneTableModel::Zone))));
}

QTEST_MAIN(TestGridPage)
#include "test_gridpage.moc"
