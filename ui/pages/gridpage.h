#pragma once

// Grid: the grid as the chain records it, for the 15-minute interval shown
// (the newest with readings or EGAT's report): EGAT's frequency and reserve
// margin and whether trading is halted; each zone's metered generation and
// consumption, its tie-line exchange and its energy balance; each tie line's
// loading, overloads and N-1; and, for the zone selected, 24 hours of
// generation and consumption and the figures of its energy balance.

#include <QWidget>

#include <string>

class QGroupBox;
class QLabel;
class QTableView;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class QCategoryAxis;
QT_END_NAMESPACE

namespace gtx::ui {

class GridModel;

class GridPage : public QWidget
{
    Q_OBJECT

public:
    explicit GridPage(QWidget *parent = nullptr);
    ~GridPage() override;

    // The live view (the page does not own it); shown as it changes.
    void setModel(GridModel *model);
    // The zone whose trend and balance are shown (its code); the first
    // zone until one is selected.
    std::string selectedZone() const;
    // Also what the operator's click does; the page follows the first zone
    // with readings until the operator picks one.
    void selectZone(const std::string &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showGrid();
    void showZone();
    void showLinesTitle();
    static void setState(QLabel *label, const char *state);

    GridModel *m_model = nullptr;
    std::string m_zone;
    bool m_zonePicked = false;   // the operator chose the zone (else the first with readings)
    bool m_selecting = false;    // the page selects a row itself

    QLabel *m_titleLabel = nullptr;
    QLabel *m_joinedNote = nullptr;
    QGroupBox *m_intervalBox = nullptr;
    QLabel *m_intervalName = nullptr;
    QLabel *m_intervalValue = nullptr;
    QLabel *m_reportName = nullptr;
    QLabel *m_reportValue = nullptr;
    QLabel *m_frequencyName = nullptr;
    QLabel *m_frequencyValue = nullptr;
    QLabel *m_reserveName = nullptr;
    QLabel *m_reserveValue = nullptr;
    QLabel *m_tradingName = nullptr;
    QLabel *m_tradingValue = nullptr;
    QLabel *m_modelName = nullptr;
    QLabel *m_modelValue = nullptr;

    // The zone selected: its energy balance beside its 24-hour trend.
    QGroupBox *m_zoneBox = nullptr;
    QLabel *m_inName = nullptr;
    QLabel *m_inValue = nullptr;
    QLabel *m_outName = nullptr;
    QLabel *m_outValue = nullptr;
    QLabel *m_lossName = nullptr;
    QLabel *m_lossValue = nullptr;
    QLabel *m_bandName = nullptr;
    QLabel *m_bandValue = nullptr;
    QLabel *m_verdictName = nullptr;
    QLabel *m_verdictValue = nullptr;

    QGroupBox *m_zonesBox = nullptr;
    QTableView *m_zonesView = nullptr;
    QGroupBox *m_linesBox = nullptr;
    QTableView *m_linesView = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_generation = nullptr;
    QLineSeries *m_consumption = nullptr;
    QCategoryAxis *m_timeAxis = nullptr;
    QValueAxis *m_energyAxis = nullptr;
};

} // namespace gtx::ui
