#include "ui/pages/gridpage.h"

#include "core/node/interface.h"
#include "ui/models/gridmodel.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFormLayout>
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

QTableView *makeView(QWidget *parent, const char *name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setAlternatingRowColors(false);
    return view;
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
    auto *intervalForm = new QFormLayout(m_intervalBox);
    intervalForm->setHorizontalSpacing(16);
    intervalForm->addRow(m_intervalName, m_intervalValue);
    intervalForm->addRow(m_reportName, m_reportValue);
    intervalForm->addRow(m_frequencyName, m_frequencyValue);
    intervalForm->addRow(m_reserveName, m_reserveValue);
    intervalForm->addRow(m_tradingName, m_tradingValue);
    intervalForm->addRow(m_modelName, m_modelValue);

    m_balanceBox = new QGroupBox(this);
    m_balanceBox->setObjectName(QStringLiteral("balanceBox"));
    m_inName = new QLabel(m_balanceBox);
    m_inValue = makeValueLabel("balanceInValue", m_balanceBox);
    m_outName = new QLabel(m_balanceBox);
    m_outValue = makeValueLabel("balanceOutValue", m_balanceBox);
    m_lossName = new QLabel(m_balanceBox);
    m_lossValue = makeValueLabel("balanceLossValue", m_balanceBox);
    m_bandName = new QLabel(m_balanceBox);
    m_bandValue = makeValueLabel("balanceBandValue", m_balanceBox);
    m_verdictName = new QLabel(m_balanceBox);
    m_verdictValue = makeValueLabel("balanceVerdictValue", m_balanceBox);
    auto *balanceForm = new QFormLayout(m_balanceBox);
    balanceForm->setHorizontalSpacing(16);
    balanceForm->addRow(m_inName, m_inValue);
    balanceForm->addRow(m_outName, m_outValue);
    balanceForm->addRow(m_lossName, m_lossValue);
    balanceForm->addRow(m_bandName, m_bandValue);
    balanceForm->addRow(m_verdictName, m_verdictValue);

    m_zonesBox = new QGroupBox(this);
    m_zonesView = makeView(m_zonesBox, "zonesView");
    auto *zonesLayout = new QVBoxLayout(m_zonesBox);
    zonesLayout->addWidget(m_zonesView);
    m_linesBox = new QGroupBox(this);
    m_linesView = makeView(m_linesBox, "tieLinesView");
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
    m_energyAxis->setLabelFormat(QStringLiteral("%.1f"));
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
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("trendChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_trendBox = new QGroupBox(this);
    m_trendBox->setObjectName(QStringLiteral("trendBox"));
    auto *trendLayout = new QVBoxLayout(m_trendBox);
    trendLayout->addWidget(m_chartView);
    m_chartView->setParent(m_trendBox);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_joinedNote);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(m_intervalBox, 1);
    top->addWidget(m_balanceBox, 1);
    layout->addLayout(top);
    layout->addWidget(m_zonesBox, 2);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(12);
    bottom->addWidget(m_linesBox, 1);
    bottom->addWidget(m_trendBox, 1);
    layout->addLayout(bottom, 3);
    retranslateUi();
}

GridPage::~GridPage() = default;

void GridPage::setModel(GridModel *model)
{
    m_model = model;
    m_zonesView->setModel(model ? model->zones() : nullptr);
    m_linesView->setModel(model ? model->lines() : nullptr);
    if (model) {
        connect(model, &GridModel::changed, this, &GridPage::showGrid);
        connect(m_zonesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    if (!m_model || !current.isValid() || current.row() >= int(m_model->zones()->rows().size()))
                        return;
                    m_zone = m_model->zones()->rows()[std::size_t(current.row())].key;
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
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].key == code)
                m_zonesView->selectRow(int(i));
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
        for (QLabel *v : {m_frequencyValue, m_tradingValue})
            setState(v, nullptr);
        showZone();
        return;
    }
    const interfaces::GridSnapshot &s = m_model->snapshot();
    const QLocale::Language language = QLocale().language();
    //: The 15-minute interval shown: %1 its start (date and time), %2 its end (time).
    m_intervalValue->setText(tr("%1 to %2")
                                 .arg(ThaiDate::formatUtcMs(s.intervalEndMs - kIntervalMs, language),
                                      ThaiDate::formatTimeUtcMs(s.intervalEndMs, language)));
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    if (s.reported) {
        //: Grid page: EGAT has reported frequency, reserve margin and tie-line flows for the interval.
        m_reportValue->setText(tr("Reported by EGAT"));
        // Unit symbols (Hz, kWh, %) are the same in every language.
        m_frequencyValue->setText(QStringLiteral("%1 Hz").arg(c.toString(double(s.frequencyMilliHz) / 1000.0, 'f', 2)));
        m_reserveValue->setText(formatBps(s.reserveMarginBps));
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

    if (m_zone.empty() && !s.zones.empty())
        selectZone(s.zones.front().key);
    else
        showZone();
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
    //: Group box with the energy balance of the zone selected; %1 the zone.
    m_balanceBox->setTitle(tr("Energy balance: %1").arg(zoneName));
    //: Group box with the 24-hour trend of the zone selected; %1 the zone.
    m_trendBox->setTitle(tr("Last 24 hours: %1").arg(zoneName));
    if (!row) {
        for (QLabel *v : {m_inValue, m_outValue, m_lossValue, m_bandValue, m_verdictValue})
            v->setText(unknown);
        setState(m_verdictValue, nullptr);
        m_generation->clear();
        m_consumption->clear();
        return;
    }
    // What came into the zone: generation + imports = their sum.
    m_inValue->setText(QStringLiteral("%1 + %2 = %3 kWh")
                           .arg(formatKWh(std::int64_t(row->generationWh)), formatKWh(std::int64_t(row->importsWh)),
                                formatKWh(std::int64_t(row->generationWh + row->importsWh))));
    // What left it: consumption + exports = their sum.
    m_outValue->setText(QStringLiteral("%1 + %2 = %3 kWh")
                            .arg(formatKWh(std::int64_t(row->consumptionWh)), formatKWh(std::int64_t(row->exportsWh)),
                                 formatKWh(std::int64_t(row->consumptionWh + row->exportsWh))));
    const bool judged = row->conservation != interfaces::Conservation::Unjudged;
    m_lossValue->setText(judged ? QStringLiteral("%1 kWh (%2)").arg(formatKWh(row->lossesWh), formatBps(row->lossBps)) : unknown);
    //: Energy balance: the band the losses must lie in; %1 lowest, %2 highest (percentages).
    m_bandValue->setText(tr("%1 to %2").arg(formatBps(s->lossMinBps), formatBps(s->lossMaxBps)));
    m_verdictValue->setText(conservationName(row->conservation));
    setState(m_verdictValue, row->conservation == interfaces::Conservation::LossesHigh
                                     || row->conservation == interfaces::Conservation::LossesLow
                                 ? "alarmMedium"
                                 : nullptr);

    // The trend, in kWh per interval.
    QList<QPointF> generation, consumption;
    double top = 1.0;
    const interfaces::ZoneTrend *trend = m_model->trend(m_zone);
    const QList<QString> oldLabels = m_timeAxis->categoriesLabels();
    for (const QString &label : oldLabels)
        m_timeAxis->remove(label);
    if (trend && !trend->points.empty()) {
        for (std::size_t i = 0; i < trend->points.size(); ++i) {
            const auto &p = trend->points[i];
            const double g = double(p.generationWh) / 1000.0, u = double(p.consumptionWh) / 1000.0;
            generation.append(QPointF(double(i), g));
            consumption.append(QPointF(double(i), u));
            top = std::max({top, g, u});
        }
        // A label every four hours, on the hour where the points allow.
        const std::size_t n = trend->points.size();
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t end = trend->points[i].intervalEndMs;
            if (end % (4 * 3'600'000) == 0 || i + 1 == n)
                m_timeAxis->append(clockLabel(end), double(i));
        }
        m_timeAxis->setRange(0, double(n - 1));
    }
    m_generation->replace(generation);
    m_consumption->replace(consumption);
    m_energyAxis->setRange(0, top * 1.1);
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
    //: Energy balance row label: generation plus tie-line imports.
    m_inName->setText(tr("In (generation + imports):"));
    //: Energy balance row label: consumption plus tie-line exports.
    m_outName->setText(tr("Out (consumption + exports):"));
    //: Energy balance row label: in minus out.
    m_lossName->setText(tr("Losses:"));
    //: Energy balance row label: the band the losses must lie in.
    m_bandName->setText(tr("Loss band:"));
    //: Energy balance row label: the verdict.
    m_verdictName->setText(tr("Verdict:"));
    //: Group box with the table of grid zones.
    m_zonesBox->setTitle(tr("Zones"));
    //: Group box with the table of tie lines between zones.
    m_linesBox->setTitle(tr("Tie lines"));
    //: Trend chart series: energy the zone's meters produced per 15 minutes.
    m_generation->setName(tr("Generation"));
    //: Trend chart series: energy the zone's meters consumed per 15 minutes.
    m_consumption->setName(tr("Consumption"));
    //: Trend chart axis: energy per 15-minute interval.
    m_energyAxis->setTitleText(tr("kWh per 15 min"));
    //: Trend chart axis: time of day (Bangkok time).
    m_timeAxis->setTitleText(tr("Time of day"));
    // The chart draws its own text: give it the page's font (Thai included).
    const QFont f = font();
    m_chart->legend()->setFont(f);
    m_timeAxis->setLabelsFont(f);
    m_timeAxis->setTitleFont(f);
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
