#include "ui/models/slashingmodel.h"

#include "ui/models/csv.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"

#include <QDateTime>
#include <QLocale>

namespace gtx::ui {

QString offenceName(const std::string &code)
{
    //: Slashing offence: one proposer signed two different blocks for one slot.
    if (code == "double-proposal")
        return CaseTableModel::tr("Two blocks for one slot");
    //: Slashing offence: an authority signed two link votes with the same target slot.
    if (code == "double-link-vote")
        return CaseTableModel::tr("Two votes for one target");
    //: Slashing offence: an authority's link vote surrounds its own earlier vote.
    if (code == "surround-link-vote")
        return CaseTableModel::tr("Surrounding vote");
    //: Slashing offence: a meter the validator owns signed two different readings for one 15-minute interval.
    if (code == "double-reading")
        return CaseTableModel::tr("Two readings for one interval");
    //: Slashing offence: a validator missed too many of the slots it was drawn to propose in.
    if (code == "downtime")
        return CaseTableModel::tr("Missed its proposer slots");
    //: Slashing offence: a validator signed two attestations for one slot.
    if (code == "double-attestation")
        return CaseTableModel::tr("Two attestations for one slot");
    //: Slashing offence: an authority signed two emergency votes for one order position.
    if (code == "double-emergency-vote")
        return CaseTableModel::tr("Two emergency votes");
    return QString::fromStdString(code);
}

QString reasonName(const std::string &code)
{
    //: Slashing reason (the seed's list).
    if (code == "double-production")
        return CaseTableModel::tr("Double production");
    //: Slashing reason.
    if (code == "energy-falsification")
        return CaseTableModel::tr("Energy falsification");
    //: Slashing reason.
    if (code == "grid-violation")
        return CaseTableModel::tr("Grid violation");
    //: Slashing reason.
    if (code == "downtime-excess")
        return CaseTableModel::tr("Excessive downtime");
    //: Slashing reason.
    if (code == "malicious-behavior")
        return CaseTableModel::tr("Malicious behaviour");
    return QString::fromStdString(code);
}

QString severityName(const std::string &code)
{
    //: Severity of an offence.
    if (code == "low")
        return CaseTableModel::tr("Low");
    //: Severity of an offence.
    if (code == "medium")
        return CaseTableModel::tr("Medium");
    //: Severity of an offence.
    if (code == "high")
        return CaseTableModel::tr("High");
    return QString::fromStdString(code);
}

QString tierName(const std::string &code)
{
    //: Slashing tier: 1-5% of stake and a temporary suspension.
    if (code == "minor")
        return CaseTableModel::tr("Minor");
    //: Slashing tier: 10-30% of stake and an extended suspension.
    if (code == "major")
        return CaseTableModel::tr("Major");
    //: Slashing tier: 50-100% of stake and a permanent ban.
    if (code == "critical")
        return CaseTableModel::tr("Critical");
    return QString::fromStdString(code);
}

QString caseStatusName(interfaces::CaseStatus status)
{
    switch (status) {
    case interfaces::CaseStatus::Pending:
        //: Slashing case: the stake is held until the appeal window ends.
        return CaseTableModel::tr("Held for appeal");
    case interfaces::CaseStatus::Executed:
        //: Slashing case: the held stake was burned.
        return CaseTableModel::tr("Executed");
    case interfaces::CaseStatus::Cancelled:
        //: Slashing case: overturned on appeal, the stake given back.
        return CaseTableModel::tr("Cancelled");
    case interfaces::CaseStatus::Refunded:
        //: Slashing case: executed, then refunded on a court order.
        return CaseTableModel::tr("Refunded by court order");
    }
    return {};
}

QString appealStageName(interfaces::AppealStage stage)
{
    switch (stage) {
    case interfaces::AppealStage::None:
        //: Appeal stage: no appeal has been filed.
        return CaseTableModel::tr("Not appealed");
    case interfaces::AppealStage::Technical:
        //: Appeal stage 1: the evidence is re-verified automatically.
        return CaseTableModel::tr("Technical review");
    case interfaces::AppealStage::Community:
        //: Appeal stage 2: validators vote, weighted by stake.
        return CaseTableModel::tr("Community review");
    case interfaces::AppealStage::Authority:
        //: Appeal stage 3: the authority quorum decides.
        return CaseTableModel::tr("Authority review");
    case interfaces::AppealStage::Closed:
        //: Appeal: decided.
        return CaseTableModel::tr("Decided");
    }
    return {};
}

QString appealActionName(const std::string &action)
{
    //: Appeal trail: a party filed the appeal.
    if (action == "file")
        return TrailTableModel::tr("Appeal filed");
    //: Appeal trail: a validator's vote.
    if (action == "vote")
        return TrailTableModel::tr("Vote");
    //: Appeal trail: an authority's decision.
    if (action == "decide")
        return TrailTableModel::tr("Decision");
    //: Appeal trail: a Thai court proceeding was recorded.
    if (action == "court-case")
        return TrailTableModel::tr("Court case");
    //: Appeal trail: an authority signed a court-ordered refund.
    if (action == "court-refund")
        return TrailTableModel::tr("Court order");
    return QString::fromStdString(action);
}

QString formatGtAmount(std::uint64_t microGt)
{
    // Arabic digits with thousands separators in every language (tables).
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    QString whole = c.toString(static_cast<qulonglong>(microGt / 1'000'000));
    std::uint64_t fraction = microGt % 1'000'000;
    if (fraction == 0)
        return whole;
    QString digits = QStringLiteral("%1").arg(static_cast<qulonglong>(fraction), 6, 10, QLatin1Char('0'));
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return whole + QLatin1Char('.') + digits;
}

QString offenderLabel(const interfaces::SlashCaseRow &row)
{
    if (!row.offenderName.empty())
        return QString::fromStdString(row.offenderName);
    return QString::fromStdString(row.offender.substr(0, 8));
}

namespace {

QVariant alignment(bool left)
{
    return left ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
}

QString nameOrKey(const std::string &name, const std::string &key)
{
    return name.empty() ? QString::fromStdString(key.substr(0, 8)) : QString::fromStdString(name);
}

} // namespace

// --- CaseTableModel -------------------------------------------------------------

int CaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::SlashCaseRow &r = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return alignment(column != Taken);
    if (role == Qt::ToolTipRole && column == Offender)
        return QString::fromStdString(r.offender);
    // Colour only for what is abnormal: evidence this node could not verify.
    const bool alarmed = column == Offence && !r.evidenceVerified;
    if (role == Qt::BackgroundRole && alarmed)
        return HmiStyle::palette().alarmHigh;
    if (role == Qt::ForegroundRole && alarmed)
        return HmiStyle::palette().alarmHighText;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale::Language language = QLocale().language();
    switch (column) {
    case Offender:
        return offenderLabel(r);
    case Offence:
        return offenceName(r.offence);
    case Tier:
        // A tier and its fraction of stake: "Major, 20.00 %".
        return tierName(r.tier) + QStringLiteral(", %1 %").arg(double(r.fractionBps) / 100.0, 0, 'f', 2);
    case Taken:
        //: An authority's case takes no tokens: it goes to government review.
        return r.authority ? tr("Government review") : formatGtAmount(r.amountMicroGt);
    case Status:
        return caseStatusName(r.status);
    case Appeal:
        return appealStageName(r.appealStage);
    case Executes:
        return ThaiDate::formatUtcMs(r.executeTimeMs, language);
    }
    return {};
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Offender:
        //: Cases table column: who is slashed (an authority's name or a validator's key).
        return tr("Offender");
    case Offence:
        //: Cases table column: what the two signed messages prove.
        return tr("Offence");
    case Tier:
        //: Cases table column: slashing tier and fraction of stake.
        return tr("Tier");
    case Taken:
        //: Cases table column: GT taken from the stake.
        return tr("Taken (GT)");
    case Status:
        //: Cases table column: held, executed, cancelled or refunded.
        return tr("Status");
    case Appeal:
        //: Cases table column: the appeal's stage.
        return tr("Appeal");
    case Executes:
        //: Cases table column: when the appeal window ends and the slash is burned.
        return tr("Appeal window ends");
    }
    return {};
}

void CaseTableModel::setRows(const std::vector<interfaces::SlashCaseRow> &rows)
{
    replaceKeyedRows(m_rows, rows, [](const auto &a, const auto &b) { return !(a == b); });
}

void CaseTableModel::retranslate()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// --- TrailTableModel -------------------------------------------------------------

int TrailTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrailTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrailTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const interfaces::AppealStep &s = m_rows[std::size_t(index.row())].step;
    const int column = index.column();
    if (role == Qt::ToolTipRole && column == By)
        return QString::fromStdString(s.by);
    if (role == Qt::ToolTipRole && column == Stage)
        return appealStageName(s.stage) + QStringLiteral(": ") + appealActionName(s.action);
    if (role == Qt::ToolTipRole && column == Time)
        return ThaiDate::formatUtcMs(s.timeMs, QLocale().language());
    if (role == Qt::ToolTipRole && column == Text)
        return QString::fromStdString(s.text);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Time:
        // The time of day; the date is in the tooltip (an appeal lasts days, its steps are in order).
        return ThaiDate::formatTimeUtcMs(s.timeMs, QLocale().language());
    case Stage:
        // A party's step by what it did, the chain's own by its stage; both in the tooltip.
        return s.by.empty() ? appealStageName(s.stage) : appealActionName(s.action);
    case By:
        //: Appeal trail: a step the chain took itself (the technical review, a deadline).
        return s.by.empty() ? tr("Automatic") : nameOrKey(s.byName, s.by);
    case Decision: {
        if (s.action == "file" && !s.by.empty())
            return QString();
        if (s.action == "court-case")
            return QString();
        //: Appeal trail: the decision upholds the slash / overturns it.
        QString d = s.uphold ? tr("Upholds") : tr("Overturns");
        if (s.stakeMicroGt != 0)
            //: A community vote and its weight: "Overturns (100,000 GT)".
            d = tr("%1 (%2 GT)").arg(d, formatGtAmount(s.stakeMicroGt));
        return d;
    }
    case Text:
        return s.by.empty() ? automaticStepText(s) : QString::fromStdString(s.text);
    }
    return {};
}

QString TrailTableModel::automaticStepText(const interfaces::AppealStep &s)
{
    // The chain's own steps in the console's language (the chain's English
    // wording, with its figures, is in the tooltip); people's texts stay as written.
    switch (s.stage) {
    case interfaces::AppealStage::Technical:
        return s.uphold
                   //: Appeal trail, technical review: the evidence was verified again and holds.
                   ? tr("The evidence verifies again.")
                   //: Appeal trail, technical review: the evidence does not verify; the slash is overturned.
                   : tr("The evidence does not verify: the slash is overturned.");
    case interfaces::AppealStage::Community:
        return s.uphold
                   //: Appeal trail: the community vote did not overturn the slash; the authorities decide next.
                   ? tr("Not overturned by the community: the authorities decide.")
                   //: Appeal trail: the community vote overturned the slash.
                   : tr("Overturned by the community.");
    case interfaces::AppealStage::Authority:
        //: Appeal trail: the appeal window ended without an authority quorum to overturn.
        return tr("No authority quorum to overturn by the end of the appeal window: the slash stands.");
    case interfaces::AppealStage::None:
    case interfaces::AppealStage::Closed:
        break;
    }
    return QString::fromStdString(s.text);
}

QVariant TrailTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        //: Appeal trail column.
        return tr("Time");
    case Stage:
        //: Appeal trail column: the stage and what was done.
        return tr("Step");
    case By:
        //: Appeal trail column: who signed it.
        return tr("By");
    case Decision:
        //: Appeal trail column.
        return tr("Decision");
    case Text:
        //: Appeal trail column: grounds, reasoning or a court reference, as written.
        return tr("Reasoning");
    }
    return {};
}

void TrailTableModel::setTrail(const std::vector<interfaces::AppealStep> &trail)
{
    std::vector<Row> rows;
    rows.reserve(trail.size());
    for (std::size_t i = 0; i < trail.size(); ++i)
        rows.push_back({std::to_string(i), trail[i]});
    replaceKeyedRows(m_rows, rows, [](const Row &a, const Row &b) { return !(a.step == b.step); });
}

void TrailTableModel::retranslate()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// --- SlashingModel ------------------------------------------------------------

SlashingModel::SlashingModel(interfaces::SlashingView &view, QObject *parent)
    : QObject(parent), m_cases(this)
{
    m_subscription = std::make_unique<GuiSubscription<SlashingModel>>(view, this);
}

SlashingModel::~SlashingModel() = default;

const interfaces::SlashCaseRow *SlashingModel::find(const std::string &key) const
{
    for (const auto &c : m_snapshot.cases)
        if (c.key == key)
            return &c;
    return nullptr;
}

void SlashingModel::apply(const interfaces::SlashingSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_cases.setRows(snapshot.cases);
    emit changed();
}

namespace {

QString gtOf(std::uint64_t micro)
{
    // Plain decimal GT (no separators): a spreadsheet reads it as a number.
    return QStringLiteral("%1.%2").arg(micro / 1'000'000).arg(micro % 1'000'000, 6, 10, QLatin1Char('0'));
}

} // namespace

QByteArray casesCsv(const interfaces::SlashingSnapshot &snapshot)
{
    // Stable, untranslated codes: the file is evidence, read by tools as well as people.
    QByteArray out = "record,case,offender,offender_name,offence,reason,severity,prior_cases,tier,fraction_bps,"
                     "suspension,government_review,infraction_slot,infraction_utc,recorded_slot,recorded_utc,"
                     "execute_slot,execute_utc,stake_at_infraction_gt,taken_gt,uncollected_gt,status,appeal_stage,"
                     "court_case,evidence_verified,first_signed_hash,first_signature,second_signed_hash,"
                     "second_signature\n";
    static const char *const kStatus[] = {"pending", "executed", "cancelled", "refunded"};
    static const char *const kStage[] = {"none", "technical-review", "community-review", "authority-review", "closed"};
    for (const auto &c : snapshot.cases) {
        QList<QByteArray> f;
        f << "case" << csvField(QString::fromStdString(c.key)) << csvField(QString::fromStdString(c.offender))
          << csvField(QString::fromStdString(c.offenderName)) << csvField(QString::fromStdString(c.offence))
          << csvField(QString::fromStdString(c.reason)) << csvField(QString::fromStdString(c.severity))
          << QByteArray::number(c.priorCases) << csvField(QString::fromStdString(c.tier))
          << QByteArray::number(c.fractionBps) << csvField(QString::fromStdString(c.suspension))
          << (c.governmentReview ? "true" : "false") << QByteArray::number(c.infractionSlot)
          << isoUtc(c.infractionTimeMs).toUtf8() << QByteArray::number(c.recordedSlot)
          << isoUtc(c.recordedTimeMs).toUtf8() << QByteArray::number(c.executeSlot) << isoUtc(c.executeTimeMs).toUtf8()
          << gtOf(c.stakeAtInfractionMicroGt).toUtf8() << gtOf(c.amountMicroGt).toUtf8()
          << gtOf(c.uncollectedMicroGt).toUtf8() << kStatus[int(c.status)] << kStage[int(c.appealStage)]
          << csvField(QString::fromStdString(c.courtCase)) << (c.evidenceVerified ? "true" : "false")
          << csvField(QString::fromStdString(c.first.signedHash)) << csvField(QString::fromStdString(c.first.signature))
          << csvField(QString::fromStdString(c.second.signedHash))
          << csvField(QString::fromStdString(c.second.signature));
        out += f.join(',') + '\n';
    }
    out += "\nrecord,case,slot,utc,stage,action,by,by_name,uphold,stake_gt,text\n";
    for (const auto &c : snapshot.cases) {
        for (const auto &s : c.trail) {
            QList<QByteArray> f;
            f << "appeal" << csvField(QString::fromStdString(c.key)) << QByteArray::number(s.slot)
              << isoUtc(s.timeMs).toUtf8() << kStage[int(s.stage)] << csvField(QString::fromStdString(s.action))
              << csvField(QString::fromStdString(s.by)) << csvField(QString::fromStdString(s.byName))
              << (s.uphold ? "true" : "false") << gtOf(s.stakeMicroGt).toUtf8()
              << csvField(QString::fromStdString(s.text));
            out += f.join(',') + '\n';
        }
    }
    return out;
}

} // namespace gtx::ui
