#include "ui/pages/gridpage.h"

#include "core/node/interface.h"
#include "ui/models/gridmodel.h"
#include "ui/style/hmistyle.h"
#include "ui/widgets/compacttableview.h"
#include "ui/style/thaidate.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <utility>
#include <cstdlib>

namespace gtx::ui {

namespace {

constexpr std::int64_t kIntervalMs = 15 * 60 * 1000;

// Thailand's frequency band: the grid code's normal range is 49.8-50.2 Hz;
// outside 49.5-50.5 Hz load shedding or generator tripping begins.
constexpr std::uint32_t kNormalLowMilliHz = 49'800;
constexpr std::uint32_t kNormalHighMilliHz = 50'200;
constexpr std::uint32_t kEmergencyLowMilliHz = 49'500;
constexpr std::uint32_t kEmergencyHighMilliHz = 50'500;

QLabel *makeValueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// "14:00" in Bangkok time.
QString clockLabel(std::int64_t utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toTimeZone(ThaiDate::bangkok()).toString(QStringLiteral("HH:mm"));
}

} // namespace

GridPage::GridPage(QWidget *parent) : QWidget(parent)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_joinedNote = new QLabel(this);
    m_joinedNote->setObjectName(QStringLiteral("joinedNote"));
    m_joinedNote->setWordWrap(true);
    m_joinedNote->setProperty("muted", true);

    m_intervalBox = new QGroupBox(this);
    m_intervalName = new QLabel(m_intervalBox);
    m_intervalValue = makeValueLabel("intervalValue", m_intervalBox);
    m_reportName = new QLabel(m_intervalBox);
    m_reportValue = makeValueLabel("reportValue", m_intervalBox);
    m_frequencyName = new QLabel(m_intervalBox);
    m_frequencyValue = makeValueLabel("frequencyValue", m_intervalBox);
    m_reserveName = new QLabel(m_intervalBox);
    m_reserveValue = makeValueLabel("reserveValue", m_intervalBox);
    m_tradingName = new QLabel(m_intervalBox);
    m_tradingValue = makeValueLabel("tradingValue", m_intervalBox);
    m_modelName = new QLabel(m_intervalBox);
    m_modelValue = makeValueLabel("modelValue", m_intervalBox);
    // Two columns of facts: the box stays short, the tables get the height.
    auto *intervalGrid = new QGridLayout(m_intervalBox);
    intervalGrid->setHorizontalSpacing(16);
    intervalGrid->setVerticalSpacing(4);
    const std::pair<QLabel *, QLabel *> facts[] = {{m_intervalName, m_intervalValue}, {m_frequencyName, m_frequencyValue},
                                                   {m_reserveName, m_reserveValue},   {m_reportName, m_reportValue},
                                                   {m_tradingName, m_tradingValue},   {m_modelName, m_modelValue}};
    for (int i = 0; i < 6; ++i) {
        intervalGrid->addWidget(facts[i].first, i / 3, (i % 3) * 2);
        intervalGrid->addWidget(facts[i].second, i / 3, (i % 3) * 2 + 1);
    }
    for (int c : {1, 3, 5})
        intervalGrid->setColumnStretch(c, 1);

    m_zoneBox = new QGroupBox(this);
    m_zoneBox->setObjectName(QStringLiteral("zoneBox"));
    m_inName = new QLabel(m_zoneBox);
    m_inValue = makeValueLabel("balanceInValue", m_zoneBox);
    m_outName = new QLabel(m_zoneBox);
    m_outValue = makeValueLabel("balanceOutValue", m_zoneBox);
    m_lossName = new QLabel(m_zoneBox);
    m_lossValue = makeValueLabel("balanceLossValue", m_zoneBox);
    m_bandName = new QLabel(m_zoneBox);
    m_bandValue = makeValueLabel("balanceBandValue", m_zoneBox);
    m_verdictName = new QLabel(m_zoneBox);
    m_verdictValue = makeValueLabel("balanceVerdictValue", m_zoneBox);
    // The balance in one band above the trend: names over values.
    auto *balance = new QGridLayout;
    balance->setHorizontalSpacing(16);
    balance->setVerticalSpacing(2);
    int column = 0;
    for (auto [name, value] : {std::pair{m_inName, m_inValue}, std::pair{m_outName, m_outValue},
                               std::pair{m_lossName, m_lossValue}, std::pair{m_bandName, m_bandValue},
                               std::pair{m_verdictName, m_verdictValue}}) {
        name->setProperty("muted", true);
        name->setWordWrap(true);
        balance->addWidget(name, 0, column);
        balance->addWidget(value, 1, column);
        ++column;
    }
    balance->setColumnStretch(column - 1, 1);

    m_zonesBox = new QGroupBox(this);
    m_zonesView = makeCompactTableView(m_zonesBox, "zonesView");
    m_zonesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *zonesLayout = new QVBoxLayout(m_zonesBox);
    zonesLayout->addWidget(m_zonesView);
    m_linesBox = new QGroupBox(this);
    m_linesView = makeCompactTableView(m_linesBox, "tieLinesView");
    // Every column in view, the state above all: no horizontal scrolling.
    m_linesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_linesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *linesLayout = new QVBoxLayout(m_linesBox);
    linesLayout->addWidget(m_linesView);

    // The trend: generation and consumption in greys (colour is for
    // abnormal states only), time on a category axis labelled by hand in
    // Bangkok time, since Qt Charts' date axis knows no Buddhist Era.
    m_chart = new QChart;
    m_chart->setBackgroundBrush(HmiStyle::palette().panel);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_generation = new QLineSeries(m_chart);
    m_generation->setObjectName(QStringLiteral("generationSeries"));
    m_generation->setPen(QPen(HmiStyle::palette().text, 2));
    m_consumption = new QLineSeries(m_chart);
    m_consumption->setObjectName(QStringLiteral("consumptionSeries"));
    m_consumption->setPen(QPen(HmiStyle::palette().mutedText, 2, Qt::DashLine));
    m_chart->addSeries(m_generation);
    m_chart->addSeries(m_consumption);
    m_timeAxis = new QCategoryAxis(m_chart);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_energyAxis = new QValueAxis(m_chart);
    m_energyAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_energyAxis->setMin(0);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_energyAxis)}) {
        axis->setLabelsBrush(HmiStyle::palette().text);
        axis->setTitleBrush(HmiStyle::palette().text);
        axis->setGridLineColor(HmiStyle::palette().border);
        axis->setLinePenColor(HmiStyle::palette().border);
    }
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_energyAxis, Qt::AlignLeft);
    for (QLineSeries *series : {m_generation, m_consumption}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_energyAxis);
    }
    m_chartView = new QChartView(m_chart, m_zoneBox);
    m_chartView->setObjectName(QStringLiteral("trendChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 180);
    auto *zoneLayout = new QVBoxLayout(m_zoneBox);
    zoneLayout->addLayout(balance);
    zoneLayout->addWidget(m_chartView, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_joinedNote);
    layout->addWidget(m_intervalBox);
    layout->addWidget(m_zonesBox);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(12);
    bottom->addWidget(m_linesBox, 1);
    bottom->addWidget(m_zoneBox, 1);
    layout->addLayout(bottom, 1);
    retranslateUi();
}

GridPage::~GridPage() = default;

void GridPage::setModel(GridModel *model)
{
    m_model = model;
    m_zonesView->setModel(model ? model->zones() : nullptr);
    m_linesView->setModel(model ? model->lines() : nullptr);
    // The line's name in full (the section exists once the model does).
    if (model)
        m_linesView->horizontalHeader()->setSectionResizeMode(TieLineTableModel::Line, QHeaderView::ResizeToContents);
    if (model) {
        connect(model, &GridModel::changed, this, &GridPage::showGrid);
        connect(m_zonesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    if (!m_model || !current.isValid() || current.row() >= int(m_model->zones()->rows().size()))
                        return;
                    m_zone = m_model->zones()->rows()[std::size_t(current.row())].key;
                    m_zonePicked = m_zonePicked || !m_selecting;
                    showZone();
                });
    }
    showGrid();
}

std::string GridPage::selectedZone() const
{
    return m_zone;
}

void GridPage::selectZone(const std::string &code)
{
    m_zone = code;
    if (m_model) {
        const auto &rows = m_model->zones()->rows();
        m_selecting = true;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].key == code)
                m_zonesView->selectRow(int(i));
        m_selecting = false;
    }
    showZone();
}

void GridPage::setState(QLabel *label, const char *state)
{
    label->setProperty("hmiState", state ? QString::fromLatin1(state) : QString());
    label->style()->unpolish(label);
    label->style()->polish(label);
}

void GridPage::showGrid()
{
    const QString unknown = QStringLiteral("-");
    const bool joined = m_model && m_model->snapshot().joined;
    m_joinedNote->setVisible(!joined);
    if (!joined) {
        for (QLabel *v : {m_intervalValue, m_reportValue, m_frequencyValue, m_reserveValue, m_tradingValue, m_modelValue})
            v->setText(unknown);
        for (QLabel *v : {m_intervalValue, m_reportValue, m_frequencyValue, m_reserveValue, m_tradingValue})
            setState(v, nullptr);
        showLinesTitle();
        showZone();
        return;
    }
    const interfaces::GridSnapshot &s = m_model->snapshot();
    const QLocale::Language language = QLocale().language();
    //: The 15-minute interval shown: %1 its start (date and time), %2 its end (time).
    QString interval = tr("%1 to %2").arg(ThaiDate::formatUtcMs(s.intervalEndMs - kIntervalMs, language),
                                         ThaiDate::formatTimeUtcMs(s.intervalEndMs, language));
    // Data that stopped coming is abnormal: the newest interval with data
    // is more than one interval behind the chain.
    const std::int64_t ageMs = s.chainTimeMs - s.intervalEndMs;
    const bool stale = ageMs > 2 * kIntervalMs;
    if (stale)
        //: After the interval shown when no newer data has come; %n its age in minutes.
        interval += QLatin1Char(' ') + tr("(no newer data for %n min)", nullptr, int(ageMs / 60'000));
    m_intervalValue->setText(interval);
    setState(m_intervalValue, stale ? "alarmMedium" : nullptr);
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    // EGAT's report overdue: the interval ended more than one interval ago.
    setState(m_reportValue, !s.reported && ageMs > kIntervalMs ? "alarmMedium" : nullptr);
    if (s.reported) {
        //: Grid page: EGAT has reported frequency, reserve margin and tie-line flows for the interval.
        m_reportValue->setText(tr("Reported by EGAT"));
        // Unit symbols (Hz, kWh, %) are the same in every language.
        m_frequencyValue->setText(QStringLiteral("%1 Hz").arg(c.toString(double(s.frequencyMilliHz) / 1000.0, 'f', 2)));
        m_reserveValue->setText(formatBps(s.reserveMarginBps));
        // The console's thresholds: below 10 % spare generation is low, below
        // none the demand is not covered.
        setState(m_reserveValue, s.reserveMarginBps < 0 ? "alarmHigh" : s.reserveMarginBps < 1'000 ? "alarmMedium" : nullptr);
        const std::uint32_t f = s.frequencyMilliHz;
        const char *state = nullptr;
        if (f < kEmergencyLowMilliHz || f > kEmergencyHighMilliHz)
            state = "alarmHigh";
        else if (f < kNormalLowMilliHz || f > kNormalHighMilliHz)
            state = "alarmMedium";
        setState(m_frequencyValue, state);
    } else {
        //: Grid page: EGAT has not reported the interval yet (no frequency, reserve or tie-line flows).
        m_reportValue->setText(tr("Not reported yet"));
        m_frequencyValue->setText(unknown);
        m_reserveValue->setText(unknown);
        setState(m_frequencyValue, nullptr);
        setState(m_reserveValue, nullptr);
    }
    int halted = 0;
    for (const auto &z : s.zones)
        halted += z.halted;
    if (s.nationwideHalt)
        //: Grid page: trading is halted in every zone.
        m_tradingValue->setText(tr("Halted nationwide"));
    else if (halted > 0)
        //: Grid page: trading is halted in some zones; %n how many.
        m_tradingValue->setText(tr("Halted in %n zone(s)", nullptr, halted));
    else
        //: Grid page: trading goes on as normal in every zone.
        m_tradingValue->setText(tr("Open in every zone"));
    setState(m_tradingValue, s.nationwideHalt || halted > 0 ? "alarmHigh" : nullptr);
    m_modelValue->setText(QString::fromStdString(s.modelName));

    showLinesTitle();
    // Columns as wide as what they hold now (a first report after the page
    // was drawn would otherwise leave them as wide as their headers).
    m_zonesView->resizeColumnsToContents();
    m_zonesView->horizontalHeader()->setStretchLastSection(false);   // and the last one to the edge again
    m_zonesView->horizontalHeader()->setStretchLastSection(true);
    m_linesView->resizeColumnToContents(TieLineTableModel::Line);
    // Every zone in view: the table is as tall as its rows.
    const int rows = int(s.zones.size());
    m_zonesView->setMinimumHeight(m_zonesView->horizontalHeader()->sizeHint().height()
                                  + rows * m_zonesView->verticalHeader()->defaultSectionSize()
                                  + 2 * m_zonesView->frameWidth());
    // Until the operator picks one: the first zone with readings.
    if (!m_zonePicked && !s.zones.empty()) {
        std::string first = s.zones.front().key;
        for (const auto &z : s.zones)
            if (z.readings > 0) {
                first = z.key;
                break;
            }
        if (first != m_zone) {
            selectZone(first);
            return;
        }
    }
    showZone();
}

void GridPage::showLinesTitle()
{
    int over = 0, n1 = 0, out = 0;
    if (m_model)
        for (const auto &l : m_model->snapshot().lines) {
            over += l.congested;
            n1 += !l.congested && l.n1Violated;
            out += l.outOfService;
        }
    // The abnormal lines counted in the title: in view without scrolling.
    if (over == 0 && n1 == 0 && out == 0)
        //: Group box with the table of tie lines between zones.
        m_linesBox->setTitle(tr("Tie lines"));
    else
        //: Group box with the tie lines when some are abnormal; %1 over capacity, %2 failing N-1, %3 out of service.
        m_linesBox->setTitle(tr("Tie lines (%1 over capacity, %2 N-1 not met, %3 out of service)")
                                 .arg(over)
                                 .arg(n1)
                                 .arg(out));
}

void GridPage::showZone()
{
    const QString unknown = QStringLiteral("-");
    const interfaces::ZoneRow *row = nullptr;
    const interfaces::GridSnapshot *s = m_model ? &m_model->snapshot() : nullptr;
    if (s)
        for (const auto &z : s->zones)
            if (z.key == m_zone)
                row = &z;
    const QString zoneName = row ? zoneDisplayName(row->key) : unknown;
    //: Group box with the energy balance and the 24-hour trend (per 15 minutes) of the zone selected; %1 the zone.
    m_zoneBox->setTitle(tr("%1: energy balance, and the last 24 hours per 15 minutes").arg(zoneName));
    if (!row) {
        for (QLabel *v : {m_inValue, m_outValue, m_lossValue, m_bandValue, m_verdictValue})
            v->setText(unknown);
        setState(m_verdictValue, nullptr);
        m_generation->clear();
        m_consumption->clear();
        return;
    }
    // What came into the zone (generation + imports) and what left it
    // (consumption + exports); the sums in the tooltips.
    m_inValue->setText(QStringLiteral("%1 kWh").arg(formatKWh(std::int64_t(row->generationWh + row->importsWh))));
    m_inValue->setToolTip(QStringLiteral("%1 + %2 kWh")
                              .arg(formatKWh(std::int64_t(row->generationWh)), formatKWh(std::int64_t(row->importsWh))));
    m_outValue->setText(QStringLiteral("%1 kWh").arg(formatKWh(std::int64_t(row->consumptionWh + row->exportsWh))));
    m_outValue->setToolTip(QStringLiteral("%1 + %2 kWh")
                               .arg(formatKWh(std::int64_t(row->consumptionWh)), formatKWh(std::int64_t(row->exportsWh))));
    const bool judged = row->conservation != interfaces::Conservation::Unjudged;
    m_lossValue->setText(judged ? QStringLiteral("%1 kWh (%2)").arg(formatKWh(row->lossesWh), formatBps(row->lossBps)) : unknown);
    //: Energy balance: the band the losses must lie in; %1 lowest, %2 highest (percentages).
    m_bandValue->setText(tr("%1 to %2").arg(formatBps(s->lossMinBps), formatBps(s->lossMaxBps)));
    m_verdictValue->setText(conservationName(row->conservation));
    setState(m_verdictValue, row->conservation == interfaces::Conservation::LossesHigh
                                     || row->conservation == interfaces::Conservation::LossesLow
                                 ? "alarmMedium"
                                 : nullptr);

    // The trend, in MWh per interval (bulk meters: MWh reads better).
    QList<QPointF> generation, consumption;
    double top = 1.0;
    const interfaces::ZoneTrend *trend = m_model->trend(m_zone);
    const QList<QString> oldLabels = m_timeAxis->categoriesLabels();
    for (const QString &label : oldLabels)
        m_timeAxis->remove(label);
    if (trend && !trend->points.empty()) {
        for (std::size_t i = 0; i < trend->points.size(); ++i) {
            const auto &p = trend->points[i];
            const double g = double(p.generationWh) / 1e6, u = double(p.consumptionWh) / 1e6;
            generation.append(QPointF(double(i), g));
            consumption.append(QPointF(double(i), u));
            top = std::max({top, g, u});
        }
        // A label every four hours of Bangkok time (00:00, 04:00, ...).
        const std::size_t n = trend->points.size();
        constexpr std::int64_t kBangkokOffsetMs = 7 * 3'600'000, kEvery = 4 * 3'600'000;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t end = trend->points[i].intervalEndMs;
            // (not at the very end, where the plot's edge would cut it)
            if ((end + kBangkokOffsetMs) % kEvery == 0 && i + 4 < n)
                m_timeAxis->append(clockLabel(end), double(i));
        }
        m_timeAxis->setRange(0, double(n - 1));
    }
    m_generation->replace(generation);
    m_consumption->replace(consumption);
    // A round top (1, 2 or 5 times a power of ten) and three ticks: labels
    // short enough for a small chart.
    double nice = 1.0;
    while (nice * 10.0 < top * 1.05)
        nice *= 10.0;
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (nice * step >= top * 1.05) {
            nice *= step;
            break;
        }
    m_energyAxis->setRange(0, nice);
    m_energyAxis->setTickCount(3);
}

void GridPage::retranslateUi()
{
    //: Title of the Grid page.
    m_titleLabel->setText(tr("Grid"));
    //: Shown when the console's node is not on a network.
    m_joinedNote->setText(tr("This console has not joined a network, so there is no grid to show. To follow a "
                             "local devnet, start it with:\n--join-devnet DIR"));
    //: Group box on the Grid page: the 15-minute interval shown and EGAT's report of it.
    m_intervalBox->setTitle(tr("Interval"));
    //: Grid page row label: the 15-minute interval shown (the newest with data).
    m_intervalName->setText(tr("Interval:"));
    //: Grid page row label: whether EGAT has reported the interval.
    m_reportName->setText(tr("EGAT report:"));
    //: Grid page row label: the system frequency EGAT reported.
    m_frequencyName->setText(tr("Frequency:"));
    //: Grid page row label: spare generating capacity as a share of the peak load.
    m_reserveName->setText(tr("Reserve margin:"));
    //: Grid page row label: whether energy trading is open or halted.
    m_tradingName->setText(tr("Trading:"));
    //: Grid page row label: the grid model (zones, tie lines, loss band) the rules use.
    m_modelName->setText(tr("Grid model:"));
    //: Energy balance row label: what came into the zone.
    m_inName->setText(tr("In:"));
    //: Energy balance row tooltip.
    m_inName->setToolTip(tr("Generation + tie-line imports"));
    //: Energy balance row label: what left the zone.
    m_outName->setText(tr("Out:"));
    //: Energy balance row tooltip.
    m_outName->setToolTip(tr("Consumption + tie-line exports"));
    //: Energy balance row label: in minus out.
    m_lossName->setText(tr("Losses:"));
    //: Energy balance row label: the band the losses must lie in.
    m_bandName->setText(tr("Loss band:"));
    //: Energy balance row label: the verdict.
    m_verdictName->setText(tr("Verdict:"));
    //: Group box with the table of grid zones.
    m_zonesBox->setTitle(tr("Zones"));

    //: Trend chart series: energy the zone's meters produced per 15 minutes.
    m_generation->setName(tr("Generation"));
    //: Trend chart series: energy the zone's meters consumed per 15 minutes.
    m_consumption->setName(tr("Consumption"));
    // Energy per 15-minute interval (the box says so), in MWh: a unit symbol.
    m_energyAxis->setTitleText(QStringLiteral("MWh"));
    // The chart draws its own text: give it the page's font (Thai
    // included), a little smaller.
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    m_chart->legend()->setFont(f);
    m_timeAxis->setLabelsFont(f);
    m_energyAxis->setLabelsFont(f);
    m_energyAxis->setTitleFont(f);
    if (m_model) {
        m_model->zones()->retranslate();
        m_model->lines()->retranslate();
    }
    showGrid();
}

void GridPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
