#include "ui/pages/consensuspage.h"

#include "core/node/interface.h"
#include "ui/style/thaidate.h"

#include <QEvent>
#include <QFont>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace gtx::ui {

namespace {

QLabel *makeValueLabel(const char *objectName, QWidget *parent, bool monospace = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (monospace) {
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        label->setWordWrap(true);
    }
    return label;
}

} // namespace

ConsensusPage::ConsensusPage(QWidget *parent) : QWidget(parent)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));

    m_nodeBox = new QGroupBox(this);
    m_networkName = new QLabel(m_nodeBox);
    m_networkValue = makeValueLabel("networkValue", m_nodeBox);
    m_heightName = new QLabel(m_nodeBox);
    m_heightValue = makeValueLabel("heightValue", m_nodeBox);
    m_headTimeName = new QLabel(m_nodeBox);
    m_headTimeValue = makeValueLabel("headTimeValue", m_nodeBox);
    m_headHashName = new QLabel(m_nodeBox);
    m_headHashValue = makeValueLabel("headHashValue", m_nodeBox, true);
    m_stateRootName = new QLabel(m_nodeBox);
    m_stateRootValue = makeValueLabel("stateRootValue", m_nodeBox, true);
    m_auditName = new QLabel(m_nodeBox);
    m_auditValue = makeValueLabel("auditValue", m_nodeBox);

    auto *form = new QFormLayout(m_nodeBox);
    form->setHorizontalSpacing(16);
    form->addRow(m_networkName, m_networkValue);
    form->addRow(m_heightName, m_heightValue);
    form->addRow(m_headTimeName, m_headTimeValue);
    form->addRow(m_headHashName, m_headHashValue);
    form->addRow(m_stateRootName, m_stateRootValue);
    form->addRow(m_auditName, m_auditValue);

    m_plannedLabel = new QLabel(this);
    m_plannedLabel->setObjectName(QStringLiteral("plannedLabel"));
    m_plannedLabel->setWordWrap(true);
    m_plannedLabel->setProperty("muted", true);
    m_plannedLabel->setMaximumWidth(880);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_nodeBox);
    layout->addWidget(m_plannedLabel);
    layout->addStretch(1);
    retranslateUi();
}

ConsensusPage::~ConsensusPage() = default;

void ConsensusPage::setStatus(const interfaces::NodeStatus &status)
{
    m_status = std::make_unique<interfaces::NodeStatus>(status);
    retranslateUi();
}

void ConsensusPage::retranslateUi()
{
    //: Title of the Consensus page.
    m_titleLabel->setText(tr("Consensus"));
    //: Group box on the Consensus page with facts about the node this console runs.
    m_nodeBox->setTitle(tr("This node"));
    //: Consensus page row label.
    m_networkName->setText(tr("Network:"));
    //: Consensus page row label: number of the newest block.
    m_heightName->setText(tr("Block height:"));
    //: Consensus page row label: time of the newest block (Bangkok time).
    m_headTimeName->setText(tr("Head block time:"));
    //: Consensus page row label: hash (hex) of the newest block.
    m_headHashName->setText(tr("Head block hash:"));
    //: Consensus page row label: Merkle root of the ledger state (hex).
    m_stateRootName->setText(tr("State root:"));
    //: Consensus page row label: number of records in the audit trail.
    m_auditName->setText(tr("Audit records:"));
    //: What the rest of the Consensus page will show once built.
    m_plannedLabel->setText(tr("The rest of this page is not built yet. It will show the "
                               "validator set of the authorities (EGAT, MEA, PEA, NEPO, ERC), "
                               "block production, finality and peer connections."));

    const QString unknown = QStringLiteral("-");  // not known yet
    const QLocale locale;
    const bool open = m_status && m_status->unlocked;
    m_networkValue->setText(m_status && !m_status->networkName.empty()
                                ? QString::fromStdString(m_status->networkName)
                                : unknown);
    m_heightValue->setText(open ? locale.toString(qulonglong(m_status->height)) : unknown);
    m_headTimeValue->setText(open && m_status->headTimeMs > 0
                                 ? ThaiDate::formatUtcMs(m_status->headTimeMs, locale.language())
                                 : unknown);
    m_headHashValue->setText(open && !m_status->headHash.empty()
                                 ? QString::fromStdString(m_status->headHash)
                                 : unknown);
    m_stateRootValue->setText(open && !m_status->stateRoot.empty()
                                  ? QString::fromStdString(m_status->stateRoot)
                                  : unknown);
    m_auditValue->setText(open ? locale.toString(qulonglong(m_status->auditRecords)) : unknown);
}

void ConsensusPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
