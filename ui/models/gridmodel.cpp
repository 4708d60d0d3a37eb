#include "ui/models/gridmodel.h"

#include "ui/models/consensusmodel.h"
#include "ui/style/hmistyle.h"

#include <QLocale>

#include <cstdlib>

namespace gtx::ui {

QString zoneDisplayName(const std::string &code)
{
    //: Grid zone: EGAT's transmission network (its own generators and loads).
    if (code == "EGAT-TX")
        return ZoneTableModel::tr("EGAT transmission");
    //: Grid zone: MEA's metropolitan area (Bangkok, Nonthaburi, Samut Prakan).
    if (code == "MEA-METRO")
        return ZoneTableModel::tr("MEA metropolitan");
    //: Grid zone: PEA's northern region.
    if (code == "PEA-N")
        return ZoneTableModel::tr("PEA north");
    //: Grid zone: PEA's northeastern region.
    if (code == "PEA-NE")
        return ZoneTableModel::tr("PEA northeast");
    //: Grid zone: PEA's central region.
    if (code == "PEA-C")
        return ZoneTableModel::tr("PEA central");
    //: Grid zone: PEA's southern region.
    if (code == "PEA-S")
        return ZoneTableModel::tr("PEA south");
    //: Grid zone: PEA's eastern region.
    if (code == "PEA-E")
        return ZoneTableModel::tr("PEA east");
    //: Grid zone: PEA's western region.
    if (code == "PEA-W")
        return ZoneTableModel::tr("PEA west");
    return QString::fromStdString(code);
}

QString conservationName(interfaces::Conservation conservation)
{
    switch (conservation) {
    case interfaces::Conservation::Unjudged:
        //: Energy balance of a zone: not judged (no readings, or EGAT has not reported the interval).
        return ZoneTableModel::tr("Not judged");
    case interfaces::Conservation::Balanced:
        //: Energy balance of a zone: losses inside the configured band.
        return ZoneTableModel::tr("Balanced");
    case interfaces::Conservation::LossesLow:
        //: Energy balance of a zone: more energy went out than came in (losses below the band).
        return ZoneTableModel::tr("Losses too low");
    case interfaces::Conservation::LossesHigh:
        //: Energy balance of a zone: energy vanished (losses above the band).
        return ZoneTableModel::tr("Losses too high");
    }
    return {};
}

QString formatKWh(std::int64_t wh)
{
    // Arabic digits with thousands separators in every language (tables).
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    return c.toString(double(wh) / 1000.0, 'f', 1);
}

QString formatBps(std::int64_t bps)
{
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    // Unit symbols are the same in every language.
    return QStringLiteral("%1 %").arg(c.toString(double(bps) / 100.0, 'f', 2));
}

namespace {

bool abnormal(interfaces::Conservation c)
{
    return c == interfaces::Conservation::LossesHigh || c == interfaces::Conservation::LossesLow;
}

QVariant alignment(bool left)
{
    return left ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

// --- ZoneTableModel --------------------------------------------------------------

int ZoneTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ZoneTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ZoneTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::ZoneRow &r = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column == Zone || column == Operator || column == Balance || column == Trading);
    if (role == Qt::ToolTipRole && column == Zone)
        return QString::fromStdString(r.key);
    // Colour only for what is abnormal: a zone out of balance, trading halted.
    const bool alarmed = (column == Balance && abnormal(r.conservation)) || (column == Trading && r.halted);
    if (role == Qt::BackgroundRole && alarmed)
        return column == Trading ? HmiStyle::palette().alarmHigh : HmiStyle::palette().alarmMedium;
    if (role == Qt::ForegroundRole && alarmed)
        return column == Trading ? HmiStyle::palette().alarmHighText : HmiStyle::palette().alarmMediumText;
    if (role != Qt::DisplayRole)
        return {};
    const bool judged = r.conservation != interfaces::Conservation::Unjudged;
    switch (column) {
    case Zone:
        return zoneDisplayName(r.key);
    case Operator:
        return authorityDisplayName(r.operatorName);
    case Readings:
        return QString::number(r.readings);
    case Generation:
        return formatKWh(std::int64_t(r.generationWh));
    case Consumption:
        return formatKWh(std::int64_t(r.consumptionWh));
    case Imports:
        return formatKWh(std::int64_t(r.importsWh));
    case Exports:
        return formatKWh(std::int64_t(r.exportsWh));
    case Losses:
        return judged ? formatBps(r.lossBps) : QStringLiteral("-");
    case Balance:
        return conservationName(r.conservation);
    case Trading:
        return r.halted
                   //: Zone table: trading in the zone is halted.
                   ? tr("Halted")
                   //: Zone table: trading in the zone goes on as normal.
                   : tr("Open");
    }
    return {};
}

QVariant ZoneTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Zone:
        //: Zone table column: the grid zone.
        return tr("Zone");
    case Operator:
        //: Zone table column: the authority that operates the zone's grid.
        return tr("Grid operator");
    case Readings:
        //: Zone table column: signed meter readings accepted for the interval.
        return tr("Readings");
    case Generation:
        //: Zone table column: energy the zone's meters produced, in kWh.
        return tr("Generation (kWh)");
    case Consumption:
        //: Zone table column: energy the zone's meters consumed, in kWh.
        return tr("Consumption (kWh)");
    case Imports:
        //: Zone table column: energy that came in over tie lines, in kWh (EGAT's report).
        return tr("Imports (kWh)");
    case Exports:
        //: Zone table column: energy that went out over tie lines, in kWh (EGAT's report).
        return tr("Exports (kWh)");
    case Losses:
        //: Zone table column: losses as a share of what came in.
        return tr("Losses");
    case Balance:
        //: Zone table column: the energy-balance verdict (generation + imports = consumption + exports + losses).
        return tr("Energy balance");
    case Trading:
        //: Zone table column: whether energy trading is open or halted in the zone.
        return tr("Trading");
    }
    return {};
}

void ZoneTableModel::setRows(const std::vector<interfaces::ZoneRow> &rows)
{
    replaceKeyedRows(m_rows, rows, [](const auto &a, const auto &b) { return !(a == b); });
}

void ZoneTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- TieLineTableModel ---------------------------------------------------------------

int TieLineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TieLineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TieLineTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::TieLineRow &r = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column == Line || column == LineState);
    if (role == Qt::ToolTipRole && column == Line)
        return r.corridor.empty()
                   //: Tie-line tooltip: %1 the zone at its sending end, %2 at its receiving end.
                   ? tr("From %1 to %2").arg(zoneDisplayName(r.fromZone), zoneDisplayName(r.toZone))
                   //: Tie-line tooltip: %1 and %2 the zones it joins, %3 the corridor of parallel circuits it belongs to.
                   : tr("From %1 to %2, corridor %3")
                         .arg(zoneDisplayName(r.fromZone), zoneDisplayName(r.toZone), QString::fromStdString(r.corridor));
    // Colour only for what is abnormal: a line above its rating (red), a
    // corridor that fails N-1 (amber), a circuit out of service (blue-grey:
    // worth noticing, its corridor's N-1 counts without it).
    const bool alarmed = column == LineState && (r.congested || r.n1Violated);
    const bool noticed = column == LineState && r.outOfService && !alarmed;
    if (role == Qt::BackgroundRole && (alarmed || noticed))
        return noticed ? HmiStyle::palette().info
                       : r.congested ? HmiStyle::palette().alarmHigh : HmiStyle::palette().alarmMedium;
    if (role == Qt::ForegroundRole && (alarmed || noticed))
        return noticed ? HmiStyle::palette().infoText
                       : r.congested ? HmiStyle::palette().alarmHighText : HmiStyle::palette().alarmMediumText;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    switch (column) {
    case Line:
        return QString::fromStdString(r.key);
    case Capacity:
        return c.toString(r.capacityMw);
    case Flow:
        return r.reported ? c.toString(r.flowMw) : QStringLiteral("-");
    case Loading:
        return r.reported ? formatBps(r.loadingBps) : QStringLiteral("-");
    case LineState:
        if (!r.reported)
            //: Tie-line state: EGAT has not reported the line's flow for the interval.
            return tr("Not reported");
        if (r.congested)
            //: Tie-line state: the flow is above the line's rating.
            return tr("Over capacity");
        if (r.outOfService)
            return r.n1Violated
                       //: Tie-line state: the circuit is out of service and its corridor fails N-1 without it.
                       ? tr("Out of service, N-1 not met")
                       //: Tie-line state: the circuit is out of service (maintenance or a trip).
                       : tr("Out of service");
        if (r.n1Violated)
            //: Tie-line state: the corridor would be overloaded if its largest circuit tripped (N-1).
            return tr("N-1 not met");
        //: Tie-line state: within its rating and N-1 secure.
        return tr("Normal");
    }
    return {};
}

QVariant TieLineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        //: Tie-line table column: the line's name.
        return tr("Tie line");
    case Capacity:
        //: Tie-line table column: the line's rating (capacity) in MW.
        return tr("Rating (MW)");
    case Flow:
        //: Tie-line table column: the flow EGAT reported in MW (negative: from the receiving end).
        return tr("Flow (MW)");
    case Loading:
        //: Tie-line table column: the flow as a share of the rating.
        return tr("Loading");
    case LineState:
        //: Tie-line table column: normal, over capacity or N-1 not met.
        return tr("State");
    }
    return {};
}

void TieLineTableModel::setRows(const std::vector<interfaces::TieLineRow> &rows)
{
    replaceKeyedRows(m_rows, rows, [](const auto &a, const auto &b) { return !(a == b); });
}

void TieLineTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- GridModel ------------------------------------------------------------------------

GridModel::GridModel(interfaces::GridView &view, QObject *parent)
    : QObject(parent), m_zones(this), m_lines(this),
      m_subscription(std::make_unique<GuiSubscription<GridModel>>(view, this))
{
}

GridModel::~GridModel() = default;

const interfaces::ZoneTrend *GridModel::trend(const std::string &zone) const
{
    for (const auto &t : m_snapshot.trends)
        if (t.zone == zone)
            return &t;
    return nullptr;
}

void GridModel::apply(const interfaces::GridSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_zones.setRows(snapshot.zones);
    m_lines.setRows(snapshot.lines);
    emit changed();
}

} // namespace gtx::ui
