#include "ui/pages/governancepage.h"

#include "core/node/interface.h"
#include "ui/models/governancemodel.h"
#include "ui/models/slashingmodel.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"
#include "ui/widgets/compacttableview.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace gtx::ui {

namespace {

QString percent(std::uint32_t bps)
{
    // Unit symbols are the same in every language.
    return QStringLiteral("%1 %").arg(double(bps) / 100.0, 0, 'f', 2);
}

QString shortHex(const std::string &hex)
{
    return hex.size() > 16 ? QString::fromStdString(hex.substr(0, 16)) + QStringLiteral("...")
                           : QString::fromStdString(hex);
}

} // namespace

GovernancePage::GovernancePage(QWidget *parent) : QWidget(parent)
{
    m_tally = new TallyTableModel(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("governanceNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("muted", true);
    m_rules = new QLabel(this);
    m_rules->setObjectName(QStringLiteral("rulesValue"));
    m_rules->setWordWrap(true);
    m_upgrade = new QLabel(this);
    m_upgrade->setObjectName(QStringLiteral("upgradeValue"));
    m_upgrade->setWordWrap(true);

    m_proposalsBox = new QGroupBox(this);
    m_proposalsView = makeCompactTableView(m_proposalsBox, "proposalsView");
    auto *proposalsLayout = new QHBoxLayout(m_proposalsBox);
    proposalsLayout->addWidget(m_proposalsView, 1);

    m_proposalBox = new QGroupBox(this);
    m_proposalBox->setObjectName(QStringLiteral("proposalBox"));
    m_emptyNote = new QLabel(m_proposalBox);
    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setProperty("muted", true);
    // Two columns of facts (who and what; when and how it ended), the tally below them.
    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(12);
    facts->setVerticalSpacing(4);
    int row = 0;
    int column = 0;
    for (Fact *f : {&m_kind, &m_proposer, &m_text, &m_changes, &m_timeline, &m_deposit, &m_outcome}) {
        if (f == &m_timeline) {
            row = 0;
            column = 2;
        }
        f->name = new QLabel(m_proposalBox);
        f->name->setProperty("muted", true);
        f->name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        f->value = new QLabel(m_proposalBox);
        f->value->setWordWrap(true);
        f->value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        f->value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        facts->addWidget(f->name, row, column, Qt::AlignTop);
        facts->addWidget(f->value, row, column + 1, Qt::AlignTop);
        ++row;
    }
    m_kind.value->setObjectName(QStringLiteral("kindValue"));
    m_changes.value->setObjectName(QStringLiteral("changesValue"));
    m_timeline.value->setObjectName(QStringLiteral("timelineValue"));
    m_deposit.value->setObjectName(QStringLiteral("depositValue"));
    m_outcome.value->setObjectName(QStringLiteral("outcomeValue"));
    facts->setColumnStretch(1, 1);
    facts->setColumnStretch(3, 1);

    m_tallyBox = new QGroupBox(m_proposalBox);
    m_tallyView = makeCompactTableView(m_tallyBox, "tallyView");
    m_tallyView->setModel(m_tally);
    m_tallyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tallyView->horizontalHeader()->setSectionResizeMode(TallyTableModel::Class, QHeaderView::Stretch);
    // As tall as its four classes: the proposals table above gets the rest.
    m_tallyView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tallyView->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_result = new QLabel(m_tallyBox);
    m_result->setObjectName(QStringLiteral("resultValue"));
    m_result->setWordWrap(true);
    auto *tallyLayout = new QVBoxLayout(m_tallyBox);
    tallyLayout->addWidget(m_tallyView);
    tallyLayout->addWidget(m_result);

    auto *proposalLayout = new QVBoxLayout(m_proposalBox);
    proposalLayout->addWidget(m_emptyNote);
    proposalLayout->addLayout(facts);
    proposalLayout->addWidget(m_tallyBox);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);
    // The title with the note beside it, then the rules in two lines.
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(m_titleLabel);
    header->addWidget(m_note, 1);
    layout->addLayout(header);
    layout->addWidget(m_rules);
    layout->addWidget(m_upgrade);
    layout->addWidget(m_proposalsBox, 1);
    layout->addWidget(m_proposalBox, 0);
    retranslateUi();
}

GovernancePage::~GovernancePage() = default;

void GovernancePage::setModel(GovernanceModel *model)
{
    m_model = model;
    m_proposalsView->setModel(model ? model->proposals() : nullptr);
    if (model) {
        m_proposalsView->horizontalHeader()->setSectionResizeMode(ProposalTableModel::Title, QHeaderView::Stretch);
        connect(model, &GovernanceModel::changed, this, &GovernancePage::showProposals);
        connect(m_proposalsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    if (!m_model || !current.isValid() || current.row() >= int(m_model->proposals()->rows().size()))
                        return;
                    m_proposal = m_model->proposals()->rows()[std::size_t(current.row())].key;
                    m_proposalPicked = m_proposalPicked || !m_selecting;
                    showProposal();
                });
    }
    showProposals();
}

void GovernancePage::selectProposal(const std::string &key)
{
    m_proposalPicked = true;
    showProposalKey(key);
}

void GovernancePage::showProposalKey(const std::string &key)
{
    m_proposal = key;
    if (m_model) {
        const auto &rows = m_model->proposals()->rows();
        m_selecting = true;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].key == key)
                m_proposalsView->selectRow(int(i));
        m_selecting = false;
    }
    showProposal();
}

void GovernancePage::showProposals()
{
    const std::size_t count = m_model ? m_model->snapshot().proposals.size() : 0;
    //: Governance page: the proposals table's title; %n proposals on the chain.
    m_proposalsBox->setTitle(tr("Proposals (%n)", nullptr, int(count)));
    showRules();
    // The newest proposal until the operator picks one.
    if (m_model && count > 0 && (!m_proposalPicked || !m_model->find(m_proposal)))
        showProposalKey(m_model->snapshot().proposals.front().key);
    else
        showProposal();
}

void GovernancePage::showRules()
{
    const interfaces::GovernanceSnapshot *s = m_model ? &m_model->snapshot() : nullptr;
    const bool known = s && s->joined && s->classWeightsBps.size() == 4;
    m_rules->setVisible(known);
    if (!known) {
        m_upgrade->setVisible(false);
        return;
    }
    //: Governance rules, line 1: %1-%4 the weights of authorities, stake validators, energy validators and the community; %5 the deposit in GT.
    QString text = tr("Weights: authorities %1, stake validators %2, energy validators %3, community %4; deposit %5 GT, "
                      "returned when the vote reaches its quorum.")
                       .arg(percent(s->classWeightsBps[0]), percent(s->classWeightsBps[1]),
                            percent(s->classWeightsBps[2]), percent(s->classWeightsBps[3]),
                            formatGtAmount(s->proposalDepositMicroGt));
    //: Governance rules, line 2: standard track %1 voting, %2 wait, %3 quorum, more than %4 for; constitutional %5, %6, %7, at least %8; emergency %9 of %10 authorities within %11.
    text += QLatin1Char('\n')
            + tr("Standard: %1 vote, %2 wait, quorum %3, more than %4 for. Constitutional: %5 vote, %6 wait, quorum %7, "
                 "at least %8 for. Emergency: %9 of %10 authorities, within %11.")
                  .arg(durationText(s->standardVotingMs), durationText(s->standardWaitMs), percent(s->standardQuorumBps),
                       percent(s->standardPassBps), durationText(s->constitutionalVotingMs),
                       durationText(s->constitutionalWaitMs), percent(s->constitutionalQuorumBps),
                       percent(s->constitutionalPassBps))
                  .arg(s->authorityQuorum)
                  .arg(s->authorityCount)
                  .arg(durationText(s->emergencyVotingMs));
    m_rules->setText(text);

    // A scheduled upgrade: amber while this software is below it, red once the chain has reached it.
    m_upgrade->setVisible(s->upgradeVersion != 0);
    if (s->upgradeVersion != 0) {
        const QString when = ThaiDate::formatUtcMs(s->upgradeMs, QLocale().language());
        const bool below = s->softwareVersion < s->upgradeVersion;
        const bool reached = s->chainTimeMs >= s->upgradeMs;
        if (!below)
            //: A scheduled upgrade this console already runs; %1 version, %2 when.
            m_upgrade->setText(tr("Technical upgrade: chain rules version %1 from %2. This console runs it.")
                                   .arg(s->upgradeVersion)
                                   .arg(when));
        else if (!reached)
            //: A scheduled upgrade this console does not run yet; %1 version, %2 when, %3 this console's version.
            m_upgrade->setText(tr("Technical upgrade: chain rules version %1 from %2. This console runs version %3: "
                                  "install the new release before then, or it stops following the chain.")
                                   .arg(s->upgradeVersion)
                                   .arg(when)
                                   .arg(s->softwareVersion));
        else
            //: The chain has moved to rules this console does not have; %1 version, %2 when, %3 this console's version.
            m_upgrade->setText(tr("The chain runs chain rules version %1 since %2; this console runs version %3 and "
                                  "no longer follows it. Install the new release.")
                                   .arg(s->upgradeVersion)
                                   .arg(when)
                                   .arg(s->softwareVersion));
        HmiStyle::setState(m_upgrade, !below ? HmiState::Info : reached ? HmiState::AlarmHigh : HmiState::AlarmMedium);
    }
}

void GovernancePage::showProposal()
{
    const interfaces::ProposalRow *p = m_model ? m_model->find(m_proposal) : nullptr;
    const bool joined = m_model && m_model->snapshot().joined;
    m_emptyNote->setVisible(!p);
    if (!joined)
        //: Governance page, before the console has joined a network.
        m_emptyNote->setText(tr("Not connected to a network: there are no proposals to show."));
    else if (!p)
        //: Governance page: the chain has no proposal.
        m_emptyNote->setText(tr("No proposal has been made on this chain."));
    m_tallyBox->setVisible(p != nullptr);
    for (Fact *f : {&m_kind, &m_proposer, &m_text, &m_changes, &m_timeline, &m_deposit, &m_outcome}) {
        f->name->setVisible(p != nullptr);
        f->value->setVisible(p != nullptr);
    }
    if (!p) {
        m_tally->setClasses({});
        //: Governance page: the proposal box's title when none is selected.
        m_proposalBox->setTitle(tr("Proposal"));
        return;
    }
    const QLocale::Language language = QLocale().language();
    const std::uint64_t slotMs = m_model->snapshot().slotMs;
    //: Governance page: the proposal box's title; %1 the proposal's title as written.
    m_proposalBox->setTitle(tr("Proposal: %1").arg(QString::fromStdString(p->title)));
    //: A proposal's type, track and status: %1 type, %2 track, %3 status.
    m_kind.value->setText(tr("%1, %2 track: %3")
                              .arg(proposalTypeName(p->type), proposalTrackName(p->track), proposalStatusName(p->status)));
    //: An authority made the proposal; %1 its name, %2 its key.
    const QString byAuthority = tr("Authority %1 (%2)").arg(QString::fromStdString(p->proposerName), shortHex(p->proposer));
    m_proposer.value->setText(p->proposerName.empty() ? shortHex(p->proposer) : byAuthority);
    m_text.value->setText(QString::fromStdString(p->text));
    QStringList changes;
    const bool open = p->status == interfaces::ProposalStatus::Voting || p->status == interfaces::ProposalStatus::Passed;
    for (const auto &s : p->settings) {
        if (open)
            //: A parameter an open proposal sets: %1 its name, %2 the value in force now, %3 the value proposed.
            changes << tr("%1: %2 now, %3 proposed")
                           .arg(governedParamName(s.name), governedParamValue(s.name, s.current, slotMs),
                                governedParamValue(s.name, s.proposed, slotMs));
        else
            //: A parameter a decided proposal set (or would have): %1 its name, %2 the value proposed.
            changes << tr("%1 to %2").arg(governedParamName(s.name), governedParamValue(s.name, s.proposed, slotMs));
    }
    if (p->type == "technical-upgrade")
        //: A technical upgrade: %1 the chain rules version, %2 from when.
        changes << tr("Chain rules version %1 from %2")
                       .arg(p->upgradeVersion)
                       .arg(ThaiDate::formatUtcMs(p->upgradeMs, language));
    if (changes.isEmpty())
        //: A proposal that sets no parameter: its text is what it adopts.
        changes << tr("No parameter: the text is the rule or procedure adopted");
    m_changes.value->setText(changes.join(QLatin1Char('\n')));
    QString timeline;
    if (p->track == "emergency")
        //: An emergency proposal's timeline: %1 made, %2 the latest the authorities can approve it.
        timeline = tr("Made %1; the authorities decide by %2, and it executes when their quorum approves")
                       .arg(ThaiDate::formatUtcMs(p->submittedMs, language), ThaiDate::formatUtcMs(p->votingEndMs, language));
    else
        //: A proposal's timeline: %1 made, %2 voting ends, %3 executes if passed.
        timeline = tr("Made %1; voting ends %2; executes %3 if it passes")
                       .arg(ThaiDate::formatUtcMs(p->submittedMs, language), ThaiDate::formatUtcMs(p->votingEndMs, language),
                            ThaiDate::formatUtcMs(p->enactMs, language));
    if (p->enactedMs != 0)
        //: When it executed or failed; %1 the time.
        timeline += QLatin1Char('\n') + tr("Decided %1").arg(ThaiDate::formatUtcMs(p->enactedMs, language));
    m_timeline.value->setText(timeline);
    m_deposit.value->setText(p->track == "emergency" ? depositFateName(p->depositFate)
                                                     : QStringLiteral("%1 GT, ").arg(formatGtAmount(p->depositMicroGt))
                                                           + depositFateName(p->depositFate));
    m_outcome.value->setText(outcomeText(*p, m_model->snapshot()));
    HmiStyle::setState(m_outcome.value, p->status == interfaces::ProposalStatus::Failed ? HmiState::AlarmMedium
                                                                                        : HmiState::Normal);
    const bool emergency = p->track == "emergency";
    m_tally->setClasses(p->classes, emergency);
    m_tallyView->setFixedHeight(m_tallyView->horizontalHeader()->sizeHint().height()
                                + int(p->classes.size()) * m_tallyView->verticalHeader()->defaultSectionSize()
                                + 2 * m_tallyView->frameWidth());
    const bool voting = p->status == interfaces::ProposalStatus::Voting;
    QString tallyTitle;
    if (voting && emergency)
        //: The tally box of an open emergency proposal: the authorities' votes so far.
        tallyTitle = tr("Authorities' votes so far (%n)", nullptr, int(p->votes));
    else if (voting)
        //: The tally box while the vote is open: validators are weighed by what they hold when it closes.
        tallyTitle = tr("Tally so far (%n vote(s); validators weighed by their stake or energy now)", nullptr, int(p->votes));
    else
        //: The tally box after the close.
        tallyTitle = tr("Tally at the close (%n vote(s))", nullptr, int(p->votes));
    m_tallyBox->setTitle(tallyTitle);
    if (emergency) {
        //: An emergency tally: %1 approvals needed.
        m_result->setText(tr("Needs %1 authorities to approve.").arg(m_model->snapshot().authorityQuorum));
    } else {
        QString need;
        if (p->supportAtLeast)
            //: Support needed, followed by a percentage: at least the threshold (constitutional proposals).
            need = tr("at least");
        else
            //: Support needed, followed by a percentage: more than the threshold (standard proposals).
            need = tr("more than");
        QString verdict;
        if (voting && p->passed)
            //: The tally as it stands would pass.
            verdict = tr("It would pass if the vote closed now.");
        else if (voting)
            //: The tally as it stands would not pass.
            verdict = tr("It would not pass if the vote closed now.");
        else if (p->passed)
            //: The closed vote passed.
            verdict = tr("Passed.");
        else
            //: The closed vote did not pass.
            verdict = tr("Not passed.");
        //: The weighted result: %1 turnout, %2 quorum, %3 support, %4 "more than" or "at least", %5 the threshold, %6 verdict.
        m_result->setText(tr("Weighted turnout %1 (quorum %2); weighted support %3 (needs %4 %5). %6")
                              .arg(percent(p->turnoutBps), percent(p->quorumBps), percent(p->supportBps), need,
                                   percent(p->passBps), verdict));
    }
}

QString GovernancePage::outcomeText(const interfaces::ProposalRow &p, const interfaces::GovernanceSnapshot &s)
{
    const QLocale::Language language = QLocale().language();
    switch (p.status) {
    case interfaces::ProposalStatus::Voting:
        //: A proposal not decided yet.
        return tr("Not decided yet");
    case interfaces::ProposalStatus::Passed:
        //: Passed and waiting; %1 when it executes.
        return tr("Passed; executes %1").arg(ThaiDate::formatUtcMs(p.enactMs, language));
    case interfaces::ProposalStatus::Enacted: {
        if (p.type == "technical-upgrade")
            //: An executed upgrade: %1 version, %2 from when.
            return tr("Executed: nodes below chain rules version %1 stop at %2")
                .arg(p.upgradeVersion)
                .arg(ThaiDate::formatUtcMs(p.upgradeMs, language));
        if (p.settings.empty())
            //: An executed proposal that sets no parameter.
            return tr("Adopted: its text holds from %1").arg(ThaiDate::formatUtcMs(p.enactedMs, language));
        QStringList set;
        for (const auto &setting : p.settings)
            set << QStringLiteral("%1 %2").arg(governedParamName(setting.name),
                                                governedParamValue(setting.name, setting.proposed, s.slotMs));
        //: An executed parameter change; %1 the parameters and their new values.
        return tr("Executed: %1").arg(set.join(QStringLiteral(", ")));
    }
    case interfaces::ProposalStatus::Rejected:
        if (p.track == "emergency")
            //: An emergency proposal the authorities did not approve; %1 of %2.
            return tr("Rejected: the authority quorum (%1 of %2) did not approve it").arg(s.authorityQuorum).arg(s.authorityCount);
        if (!p.quorumMet)
            //: Rejected for want of a quorum: %1 the weighted turnout, %2 the quorum.
            return tr("Rejected: no quorum (weighted turnout %1, %2 needed); the deposit is burned")
                .arg(percent(p.turnoutBps), percent(p.quorumBps));
        //: Rejected for want of support: %1 weighted support, %2 the threshold.
        return tr("Rejected: %1 for, %2 needed").arg(percent(p.supportBps), percent(p.passBps));
    case interfaces::ProposalStatus::Failed:
        //: Passed, but the change no longer held when it was due; %1 the chain's reason, as recorded.
        return tr("Passed, but not executed when due: %1").arg(QString::fromStdString(p.outcome));
    }
    return {};
}

void GovernancePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void GovernancePage::retranslateUi()
{
    //: Page title.
    m_titleLabel->setText(tr("Governance"));
    //: Governance page: what it shows, and how proposals and votes are made.
    m_note->setText(tr("Newest first, with the tally per class of voters. Proposals and votes are signed with the "
                       "voter's own key (gtx-node tx propose, vote)."));
    //: Proposal details.
    m_kind.name->setText(tr("Kind"));
    //: Proposal details: who made it.
    m_proposer.name->setText(tr("Proposer"));
    //: Proposal details: what it says.
    m_text.name->setText(tr("Text"));
    //: Proposal details: the parameters it sets.
    m_changes.name->setText(tr("Changes"));
    //: Proposal details.
    m_timeline.name->setText(tr("Timeline"));
    //: Proposal details.
    m_deposit.name->setText(tr("Deposit"));
    //: Proposal details: what it changed, or why not.
    m_outcome.name->setText(tr("Outcome"));
    if (m_model)
        m_model->proposals()->retranslate();
    m_tally->retranslate();
    showProposals();
}

} // namespace gtx::ui
