#include "ui/pages/slashingpage.h"

#include "core/node/interface.h"
#include "ui/models/slashingmodel.h"
#include "ui/nodetask.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"
#include "ui/widgets/compacttableview.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace gtx::ui {

namespace {

QString shortHex(const std::string &hex)
{
    return hex.size() > 16 ? QString::fromStdString(hex.substr(0, 16)) + QStringLiteral("...")
                           : QString::fromStdString(hex);
}

QString percent(std::uint32_t bps)
{
    // Unit symbols are the same in every language.
    return QStringLiteral("%1 %").arg(double(bps) / 100.0, 0, 'f', 2);
}

} // namespace

SlashingPage::SlashingPage(QWidget *parent) : QWidget(parent)
{
    m_trail = new TrailTableModel(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("slashingNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("muted", true);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportResult = new QLabel(this);
    m_exportResult->setObjectName(QStringLiteral("exportResult"));
    m_exportResult->setProperty("muted", true);
    connect(m_exportButton, &QPushButton::clicked, this, &SlashingPage::chooseExportFile);

    m_casesBox = new QGroupBox(this);
    m_casesView = makeCompactTableView(m_casesBox, "casesView");
    auto *casesLayout = new QVBoxLayout(m_casesBox);
    casesLayout->addWidget(m_casesView);

    m_caseBox = new QGroupBox(this);
    m_caseBox->setObjectName(QStringLiteral("caseBox"));
    m_emptyNote = new QLabel(m_caseBox);
    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setProperty("muted", true);
    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(12);
    facts->setVerticalSpacing(4);
    int row = 0;
    for (Fact *f : {&m_offender, &m_decision, &m_stake, &m_taken, &m_suspension, &m_infraction, &m_deadlines, &m_appeal}) {
        f->name = new QLabel(m_caseBox);
        f->name->setProperty("muted", true);
        f->name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        f->value = new QLabel(m_caseBox);
        f->value->setWordWrap(true);
        f->value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        facts->addWidget(f->name, row, 0);
        facts->addWidget(f->value, row, 1);
        ++row;
    }
    m_offender.value->setObjectName(QStringLiteral("offenderValue"));
    m_decision.value->setObjectName(QStringLiteral("decisionValue"));
    m_stake.value->setObjectName(QStringLiteral("stakeValue"));
    m_taken.value->setObjectName(QStringLiteral("takenValue"));
    m_suspension.value->setObjectName(QStringLiteral("suspensionValue"));
    m_appeal.value->setObjectName(QStringLiteral("appealValue"));
    facts->setColumnStretch(1, 1);
    facts->setRowStretch(row, 1);

    m_evidenceBox = new QGroupBox(m_caseBox);
    m_evidenceSummary = new QLabel(m_evidenceBox);
    m_evidenceSummary->setObjectName(QStringLiteral("evidenceSummary"));
    m_evidenceSummary->setWordWrap(true);
    m_firstMessage = new QLabel(m_evidenceBox);
    m_secondMessage = new QLabel(m_evidenceBox);
    for (QLabel *l : {m_firstMessage, m_secondMessage})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification = new QLabel(m_evidenceBox);
    m_verification->setObjectName(QStringLiteral("verificationValue"));
    m_verification->setWordWrap(true);
    auto *evidence = new QVBoxLayout(m_evidenceBox);
    evidence->setSpacing(4);
    evidence->addWidget(m_evidenceSummary);
    evidence->addWidget(m_firstMessage);
    evidence->addWidget(m_secondMessage);
    evidence->addWidget(m_verification);

    m_trailBox = new QGroupBox(m_caseBox);
    m_trailView = makeCompactTableView(m_trailBox, "trailView");
    m_trailView->setModel(m_trail);
    m_trailView->setWordWrap(false);
    // Every column in view; the reasoning takes the rest, in full in its tooltip.
    m_trailView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_trailView->horizontalHeader()->setSectionResizeMode(TrailTableModel::Text, QHeaderView::Stretch);
    auto *trailLayout = new QVBoxLayout(m_trailBox);
    trailLayout->addWidget(m_trailView);

    auto *right = new QVBoxLayout;
    right->addWidget(m_evidenceBox);
    right->addWidget(m_trailBox, 1);
    auto *caseLayout = new QVBoxLayout(m_caseBox);
    caseLayout->addWidget(m_emptyNote);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addLayout(facts, 2);
    columns->addLayout(right, 4);
    caseLayout->addLayout(columns, 1);

    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_exportResult);
    header->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_note);
    layout->addWidget(m_casesBox, 2);
    layout->addWidget(m_caseBox, 3);
    retranslateUi();
}

SlashingPage::~SlashingPage() = default;

void SlashingPage::setModel(SlashingModel *model)
{
    m_model = model;
    m_casesView->setModel(model ? model->cases() : nullptr);
    if (model) {
        connect(model, &SlashingModel::changed, this, &SlashingPage::showCases);
        connect(m_casesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    if (!m_model || !current.isValid() || current.row() >= int(m_model->cases()->rows().size()))
                        return;
                    m_case = m_model->cases()->rows()[std::size_t(current.row())].key;
                    m_casePicked = m_casePicked || !m_selecting;
                    showCase();
                });
    }
    showCases();
}

void SlashingPage::setOperator(interfaces::Node *node, const interfaces::OperatorSession &session)
{
    m_node = node;
    m_session = session;
    m_exportButton->setVisible(interfaces::roleAllows(session.roles, interfaces::Permission::ExportAudit));
    showCases();
}

void SlashingPage::selectCase(const std::string &key)
{
    m_casePicked = true;
    showCaseKey(key);
}

void SlashingPage::showCaseKey(const std::string &key)
{
    m_case = key;
    if (m_model) {
        const auto &rows = m_model->cases()->rows();
        m_selecting = true;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].key == key)
                m_casesView->selectRow(int(i));
        m_selecting = false;
    }
    showCase();
}

void SlashingPage::showCases()
{
    const bool joined = m_model && m_model->snapshot().joined;
    const std::size_t count = m_model ? m_model->snapshot().cases.size() : 0;
    //: Slashing page: the cases table's title; %n cases on the chain.
    m_casesBox->setTitle(tr("Cases (%n)", nullptr, int(count)));
    // Not while an export is being written: one order, one file.
    m_exportButton->setEnabled(joined && count > 0 && m_node && !m_exporting);
    // The newest case until the operator picks one.
    if (m_model && count > 0 && (!m_casePicked || !m_model->find(m_case)))
        showCaseKey(m_model->snapshot().cases.front().key);
    else
        showCase();
}

void SlashingPage::showCase()
{
    const interfaces::SlashCaseRow *c = m_model ? m_model->find(m_case) : nullptr;
    const bool joined = m_model && m_model->snapshot().joined;
    m_emptyNote->setVisible(!c);
    if (!joined)
        //: Slashing page, before the console has joined a network.
        m_emptyNote->setText(tr("Not connected to a network: there are no cases to show."));
    else if (!c)
        //: Slashing page: the chain has no slashing case.
        m_emptyNote->setText(tr("No validator or authority has been slashed on this chain."));
    for (QWidget *w : {static_cast<QWidget *>(m_evidenceBox), static_cast<QWidget *>(m_trailBox)})
        w->setVisible(c != nullptr);
    for (Fact *f : {&m_offender, &m_decision, &m_stake, &m_taken, &m_suspension, &m_infraction, &m_deadlines, &m_appeal}) {
        f->name->setVisible(c != nullptr);
        f->value->setVisible(c != nullptr);
    }
    if (!c) {
        m_trail->setTrail({});
        //: Slashing page: the case box's title when no case is selected.
        m_caseBox->setTitle(tr("Case"));
        return;
    }
    const QLocale::Language language = QLocale().language();
    //: Slashing page: the case box's title; %1 the offender, %2 the offence.
    m_caseBox->setTitle(tr("Case: %1, %2").arg(offenderLabel(*c), offenceName(c->offence)));
    m_offender.value->setText(c->authority
                                  //: The offender is an authority; %1 its name, %2 its key.
                                  ? tr("Authority %1 (%2)").arg(offenderLabel(*c), shortHex(c->offender))
                                  //: The offender is a validator; %1 its key.
                                  : tr("Validator %1").arg(shortHex(c->offender)));
    //: The decision: %1 reason, %2 severity, %3 earlier cases, %4 tier, %5 fraction of stake.
    m_decision.value->setText(tr("%1, severity %2, %3 earlier case(s): %4 tier, %5 of the stake")
                                  .arg(reasonName(c->reason), severityName(c->severity))
                                  .arg(c->priorCases)
                                  .arg(tierName(c->tier), percent(c->fractionBps)));
    // Stake bonded to the offender at the infraction; GT is the same in every language.
    m_stake.value->setText(c->authority
                               //: An authority's case: it bonds no stake.
                               ? tr("None (an authority bonds no stake)")
                               : QStringLiteral("%1 GT").arg(formatGtAmount(c->stakeAtInfractionMicroGt)));
    if (c->authority) {
        //: An authority's case takes no tokens.
        m_taken.value->setText(tr("No tokens: referred to government review with a licence-revocation proposal"));
    } else {
        QStringList parts;
        for (const auto &p : c->parts) {
            const QString amount = formatGtAmount(p.amountMicroGt);
            if (p.party == c->offender)
                parts << (p.fromUnbonding
                              //: A part of a slash: %1 GT from the offender's own stake that it was unbonding.
                              ? tr("%1 GT from its own stake being unbonded").arg(amount)
                              //: A part of a slash: %1 GT from the offender's own bond.
                              : tr("%1 GT from its own bond").arg(amount));
            else if (p.validator != c->offender)
                //: A part of a slash: %1 GT of delegator %2's stake, followed to validator %3 where it was redelegated after the offence.
                parts << tr("%1 GT from delegator %2, redelegated to %3").arg(amount, shortHex(p.party), shortHex(p.validator));
            else
                parts << (p.fromUnbonding
                              //: A part of a slash: %1 GT of delegator %2's stake that it was unbonding.
                              ? tr("%1 GT from delegator %2, being unbonded").arg(amount, shortHex(p.party))
                              //: A part of a slash: %1 GT of delegator %2's delegation.
                              : tr("%1 GT from delegator %2").arg(amount, shortHex(p.party)));
        }
        // What a slash took, and its parts below.
        QString text = QStringLiteral("%1 GT").arg(formatGtAmount(c->amountMicroGt));
        if (c->uncollectedMicroGt != 0)
            //: Owed but already taken by another case, or no longer anywhere.
            text += QLatin1Char(' ') + tr("(%1 GT owed could not be collected)").arg(formatGtAmount(c->uncollectedMicroGt));
        if (!parts.isEmpty())
            text += QLatin1Char('\n') + parts.join(QLatin1Char('\n'));
        m_taken.value->setText(text);
    }
    if (c->authority)
        //: An authority is not suspended by the chain.
        m_suspension.value->setText(tr("None (the regulator decides on the licence)"));
    else if (c->bannedForever)
        //: A permanent suspension.
        m_suspension.value->setText(tr("Banned for ever"));
    else
        //: A suspension until a date and time.
        m_suspension.value->setText(tr("Until %1").arg(ThaiDate::formatUtcMs(c->suspendedUntilMs, language)));
    //: When the offence happened and when the chain recorded it: %1 slot, %2 time, %3 slot, %4 time.
    m_infraction.value->setText(tr("Slot %1, %2; recorded in slot %3, %4")
                                    .arg(c->infractionSlot)
                                    .arg(ThaiDate::formatUtcMs(c->infractionTimeMs, language))
                                    .arg(c->recordedSlot)
                                    .arg(ThaiDate::formatUtcMs(c->recordedTimeMs, language)));
    //: The case's deadlines: %1 the last time to file an appeal, %2 the end of the appeal window (then it is burned).
    m_deadlines.value->setText(tr("Appeal by %1; held until %2")
                                   .arg(ThaiDate::formatUtcMs(c->filingDeadlineMs, language),
                                        ThaiDate::formatUtcMs(c->executeTimeMs, language)));
    QString appeal = caseStatusName(c->status) + QStringLiteral("; ") + appealStageName(c->appealStage);
    if (c->appealStage == interfaces::AppealStage::Community)
        //: Community review in progress: %1 the deadline, %2 GT to overturn, %3 GT to uphold.
        appeal += QLatin1Char(' ') + tr("until %1: %2 GT to overturn, %3 GT to uphold")
                                         .arg(ThaiDate::formatUtcMs(c->communityDeadlineMs, language),
                                              formatGtAmount(c->overturnStakeMicroGt),
                                              formatGtAmount(c->upholdStakeMicroGt));
    if (!c->courtCase.empty())
        //: A recorded Thai court proceeding; %1 its reference as written.
        appeal += QLatin1Char('\n') + tr("Court case: %1").arg(QString::fromStdString(c->courtCase));
    m_appeal.value->setText(appeal);

    // The evidence in human terms: what the two messages say, and this node's check.
    const bool votes = c->offence == "double-link-vote" || c->offence == "surround-link-vote";
    const bool blocks = c->offence == "double-proposal";
    const bool downtime = c->offence == "downtime";
    m_firstMessage->setVisible(!downtime);
    m_secondMessage->setVisible(!downtime);
    if (c->offence == "double-reading")
        //: Energy evidence: a meter the offender owns signed two different readings for one interval.
        m_evidenceSummary->setText(tr("A meter the offender owns signed two different readings for one 15-minute "
                                      "interval: one of them is false."));
    else if (downtime)
        //: Downtime evidence: %1 missed of its last %2 proposer duties (the chain's own record).
        m_evidenceSummary->setText(tr("The chain records that it produced no block in %1 of the last %2 slots it was "
                                      "drawn for (gaps the whole network caused are not counted).")
                                       .arg(c->dutiesMissed)
                                       .arg(c->dutiesCounted));
    else if (blocks)
        //: Double-proposal evidence; %1 the slot.
        m_evidenceSummary->setText(tr("The offender's key signed two different blocks for slot %1.").arg(c->first.slot));
    else if (votes)
        //: Link-vote evidence: two votes that cannot both be honest.
        m_evidenceSummary->setText(tr("The offender's key signed two link votes that conflict."));
    else
        //: Attestation or emergency-vote evidence; %1 the slot.
        m_evidenceSummary->setText(tr("The offender's key signed two conflicting votes for slot %1.").arg(c->first.slot));
    const auto message = [&](const interfaces::SignedMessageRow &m, int n) {
        const QString slot = votes
                                 //: A link vote's slots: %1 its source, %2 its target.
                                 ? tr("source slot %1, target slot %2").arg(m.sourceSlot).arg(m.slot)
                                 //: A message's slot.
                                 : tr("slot %1").arg(m.slot);
        //: One of the two signed messages: %1 its number (1 or 2), %2 its slot(s), %3 the hash it signed, %4 its signature.
        return tr("Message %1: %2, signed %3, signature %4").arg(n).arg(slot, shortHex(m.signedHash), shortHex(m.signature));
    };
    m_firstMessage->setText(message(c->first, 1));
    m_secondMessage->setText(message(c->second, 2));
    if (downtime)
        //: Downtime: the figures are the chain's, which this node executed itself.
        m_verification->setText(tr("Recorded by the chain as this node executed it."));
    else if (c->evidenceVerified)
        //: This node checked the evidence itself.
        m_verification->setText(tr("Verified by this node: both signatures are the offender's and the messages conflict."));
    else
        //: This node's check of the evidence failed; %1 why.
        m_verification->setText(tr("Not verified by this node: %1").arg(QString::fromStdString(c->evidenceProblem)));
    HmiStyle::setState(m_verification, c->evidenceVerified ? HmiState::Normal : HmiState::AlarmHigh);
    m_trail->setTrail(c->trail);
    //: The appeal trail's title; %n steps.
    m_trailBox->setTitle(tr("Appeal trail (%n)", nullptr, int(c->trail.size())));
}

void SlashingPage::chooseExportFile()
{
    //: Save dialog title for the auditors' export.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export slashing cases"),
                                                      QStringLiteral("slashing-cases.csv"),
                                                      //: File type filter.
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SlashingPage::exportTo(const QString &path)
{
    if (!m_model || !m_node || m_exporting)
        return;
    m_exporting = true;
    m_exportButton->setEnabled(false);
    //: While the export is written.
    m_exportResult->setText(tr("Exporting..."));
    const QByteArray csv = casesCsv(m_model->snapshot());
    const std::size_t cases = m_model->snapshot().cases.size();
    interfaces::Node *node = m_node;
    const std::string token = m_session.token;
    runNodeTask(
        this,
        [node, token, path, csv, cases]() -> QString {
            // Written aside, then audited (the node checks that the
            // operator may export), then put in place: no file without its
            // audit record, and whole or not at all.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
                return QStringLiteral("file:") + file.errorString();
            const Status audited = node->operators().recordAction(
                token, interfaces::Permission::ExportAudit, "slashing.export", "auditor export",
                path.toStdString() + " (" + std::to_string(cases) + " cases)");
            if (!audited) {
                file.cancelWriting();
                return QStringLiteral("audit:") + QString::fromStdString(audited.error().message);
            }
            if (!file.commit())
                return QStringLiteral("file:") + file.errorString();
            return QString();
        },
        [this, path](const QString &problem) {
            m_exporting = false;
            showCases();
            if (problem.isEmpty()) {
                //: The export succeeded; %1 the file's name.
                const QString message = tr("Exported to %1").arg(QFileInfo(path).fileName());
                m_exportResult->setText(message);
                emit exported(true, message);
                return;
            }
            const QString message = problem.startsWith(QLatin1String("file:"))
                                        //: The export file could not be written; %1 why.
                                        ? tr("Export failed: %1").arg(problem.mid(5))
                                        //: The export was refused: the audit trail did not take its entry; %1 why.
                                        : tr("Not exported: the audit trail refused the entry: %1").arg(problem.mid(6));
            m_exportResult->setText(message);
            emit exported(false, message);
        });
}

void SlashingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SlashingPage::retranslateUi()
{
    //: Page title.
    m_titleLabel->setText(tr("Slashing & Appeals"));
    //: Slashing page: what the page shows and how it is kept.
    m_note->setText(tr("Every slashing case on the chain, newest first, as this node verified it. "
                       "Appeals are signed by the parties' and authorities' own keys."));
    //: Button: write every case and its appeal trail to a CSV file for auditors.
    m_exportButton->setText(tr("Export for audit..."));
    //: Case details: who.
    m_offender.name->setText(tr("Offender"));
    //: Case details: how the penalty was decided.
    m_decision.name->setText(tr("Decision"));
    //: Case details: the stake bonded to the offender when it offended.
    m_stake.name->setText(tr("Stake at the offence"));
    //: Case details: what the slash took, and from whom.
    m_taken.name->setText(tr("Taken"));
    //: Case details.
    m_suspension.name->setText(tr("Suspension"));
    //: Case details: when.
    m_infraction.name->setText(tr("Offence"));
    //: Case details.
    m_deadlines.name->setText(tr("Deadlines"));
    //: Case details: the case's state and its appeal.
    m_appeal.name->setText(tr("Status"));
    //: Group title: the two signed messages that prove the offence.
    m_evidenceBox->setTitle(tr("Evidence"));
    if (m_model)
        m_model->cases()->retranslate();
    m_trail->retranslate();
    showCases();
}

} // namespace gtx::ui
