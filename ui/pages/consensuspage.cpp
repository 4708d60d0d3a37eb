#include "ui/pages/consensuspage.h"

#include "core/node/interface.h"
#include "ui/models/consensusmodel.h"
#include "ui/style/thaidate.h"

#include <QEvent>
#include <QFont>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
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

    m_finalityBox = new QGroupBox(this);
    m_joinedNote = new QLabel(m_finalityBox);
    m_joinedNote->setObjectName(QStringLiteral("joinedNote"));
    m_joinedNote->setWordWrap(true);
    m_joinedNote->setProperty("muted", true);
    m_headName = new QLabel(m_finalityBox);
    m_headValue = makeValueLabel("headValue", m_finalityBox);
    m_fastName = new QLabel(m_finalityBox);
    m_fastValue = makeValueLabel("fastValue", m_finalityBox);
    m_fullName = new QLabel(m_finalityBox);
    m_fullValue = makeValueLabel("fullValue", m_finalityBox);
    m_economicName = new QLabel(m_finalityBox);
    m_economicValue = makeValueLabel("economicValue", m_finalityBox);
    m_lagName = new QLabel(m_finalityBox);
    m_lagValue = makeValueLabel("lagValue", m_finalityBox);
    m_peersName = new QLabel(m_finalityBox);
    m_peersValue = makeValueLabel("peersValue", m_finalityBox);
    auto *finalityForm = new QFormLayout;
    finalityForm->setHorizontalSpacing(16);
    finalityForm->addRow(m_headName, m_headValue);
    finalityForm->addRow(m_fastName, m_fastValue);
    finalityForm->addRow(m_fullName, m_fullValue);
    finalityForm->addRow(m_economicName, m_economicValue);
    finalityForm->addRow(m_lagName, m_lagValue);
    finalityForm->addRow(m_peersName, m_peersValue);
    auto *finalityLayout = new QVBoxLayout(m_finalityBox);
    finalityLayout->addWidget(m_joinedNote);
    finalityLayout->addLayout(finalityForm);

    auto makeView = [](QWidget *parent, const char *name) {
        auto *view = new QTableView(parent);
        view->setObjectName(QLatin1String(name));
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->setAlternatingRowColors(false);
        return view;
    };
    m_blocksBox = new QGroupBox(this);
    m_blocksView = makeView(m_blocksBox, "blockFeedView");
    auto *blocksLayout = new QVBoxLayout(m_blocksBox);
    blocksLayout->addWidget(m_blocksView);
    m_networkTabs = new QTabWidget(this);
    m_networkTabs->setObjectName(QStringLiteral("networkTabs"));
    m_membersView = makeView(m_networkTabs, "membersView");
    m_linksView = makeView(m_networkTabs, "linksView");
    m_networkTabs->addTab(m_membersView, QString());
    m_networkTabs->addTab(m_linksView, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(m_finalityBox, 1);
    top->addWidget(m_nodeBox, 2);
    layout->addLayout(top);
    auto *tables = new QHBoxLayout;
    tables->setSpacing(12);
    tables->addWidget(m_blocksBox, 1);
    tables->addWidget(m_networkTabs, 1);
    layout->addLayout(tables, 1);
    retranslateUi();
}

ConsensusPage::~ConsensusPage() = default;

void ConsensusPage::setModel(ConsensusModel *model)
{
    m_model = model;
    m_blocksView->setModel(model ? model->blocks() : nullptr);
    m_membersView->setModel(model ? model->members() : nullptr);
    m_linksView->setModel(model ? model->links() : nullptr);
    if (model)
        connect(model, &ConsensusModel::changed, this, &ConsensusPage::showConsensus);
    showConsensus();
}

void ConsensusPage::showTabTitles()
{
    const interfaces::ConsensusSnapshot *s = m_model ? &m_model->snapshot() : nullptr;
    const int members = s ? int(s->members.size()) : 0;
    int lost = 0;
    if (s)
        for (const interfaces::PeerRow &l : s->links)
            lost += l.health == interfaces::LinkHealth::Lost || l.health == interfaces::LinkHealth::Banned;
    //: Tab with the authorities and validators of the network; %1 how many.
    m_networkTabs->setTabText(0, tr("Members (%1)").arg(members));
    m_networkTabs->setTabText(1, lost == 0
                                     //: Tab with this node's links to its peers; %1 how many.
                                     ? tr("Peer links (%1)").arg(s ? int(s->links.size()) : 0)
                                     //: Tab with this node's links to its peers when some are lost or banned; %1 how many.
                                     : tr("Peer links (%1 lost)").arg(lost));
}

void ConsensusPage::showConsensus()
{
    const QString unknown = QStringLiteral("-");
    showTabTitles();
    const bool joined = m_model && m_model->snapshot().joined;
    m_joinedNote->setVisible(!joined);
    if (!joined) {
        for (QLabel *v : {m_headValue, m_fastValue, m_fullValue, m_economicValue, m_lagValue, m_peersValue})
            v->setText(unknown);
        m_lagValue->setProperty("hmiState", QString());
        m_lagValue->style()->unpolish(m_lagValue);
        m_lagValue->style()->polish(m_lagValue);
        return;
    }
    const interfaces::ConsensusSnapshot &s = m_model->snapshot();
    m_headValue->setText(QString::number(s.headHeight));
    m_fastValue->setText(QString::number(s.fastHeight));
    m_fullValue->setText(QString::number(s.fullHeight));
    m_economicValue->setText(QString::number(s.economicHeight));
    const double lag = s.finalityLagSeconds();
    //: Finality lag in seconds, e.g. "2 s".
    m_lagValue->setText(tr("%1 s").arg(QString::number(lag, 'f', 0)));
    // Colour only when abnormal: finality more than ten slots behind.
    const bool stalled = s.slotMs > 0 && lag * 1000.0 > 10.0 * double(s.slotMs);
    m_lagValue->setProperty("hmiState", stalled ? QStringLiteral("alarmHigh") : QString());
    m_lagValue->style()->unpolish(m_lagValue);
    m_lagValue->style()->polish(m_lagValue);
    m_peersValue->setText(QString::number(s.peers));
}

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
    //: Group box on the Consensus page: the chain's heights at each finality level.
    m_finalityBox->setTitle(tr("Finality"));
    //: Shown when the console's node is not on a network.
    m_joinedNote->setText(tr("This console has not joined a network. To follow a local devnet, "
                             "start it with:\n--join-devnet DIR"));
    //: Consensus page row label: number of the newest block.
    m_headName->setText(tr("Newest block:"));
    //: Consensus page row label: newest block final at the Fast level.
    m_fastName->setText(tr("Fast-final:"));
    //: Consensus page row label: newest block final at the Full level.
    m_fullName->setText(tr("Full-final:"));
    //: Consensus page row label: newest block final at the Economic level.
    m_economicName->setText(tr("Economic-final:"));
    //: Consensus page row label: how far the Fast-final block is behind the clock.
    m_lagName->setText(tr("Finality lag:"));
    //: Consensus page row label: number of nodes this one links to.
    m_peersName->setText(tr("Peers:"));
    //: Group box with the live feed of recent blocks.
    m_blocksBox->setTitle(tr("Recent blocks"));
    if (m_model) {
        m_model->blocks()->retranslate();
        m_model->members()->retranslate();
        m_model->links()->retranslate();
    }
    showConsensus();

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
