#include "ui/widgets/nodestatuswidget.h"

#include "core/node/interface.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace gtx::ui {

namespace {

QLabel *makeLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    return label;
}

} // namespace

NodeStatusWidget::NodeStatusWidget(QWidget *parent) : QWidget(parent)
{
    m_networkLabel = makeLabel("networkLabel", this);
    m_heightLabel = makeLabel("heightLabel", this);
    m_headTimeLabel = makeLabel("headTimeLabel", this);
    m_lockLabel = makeLabel("lockLabel", this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    bool first = true;
    for (QLabel *label : {m_networkLabel, m_heightLabel, m_headTimeLabel, m_lockLabel}) {
        if (!first) {
            auto *separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Plain);
            layout->addWidget(separator);
        }
        first = false;
        layout->addWidget(label);
    }
    layout->addStretch(1);
    retranslateUi();
}

NodeStatusWidget::~NodeStatusWidget() = default;

void NodeStatusWidget::setStatus(const interfaces::NodeStatus &status)
{
    m_status = std::make_unique<interfaces::NodeStatus>(status);
    retranslateUi();
}

void NodeStatusWidget::retranslateUi()
{
    const QString unknown = QStringLiteral("-");  // not known yet
    const QLocale locale;
    const interfaces::NodeStatus *s = m_status.get();

    //: Status bar: the blockchain network the node belongs to; %1 is e.g. "devnet".
    m_networkLabel->setText(
        tr("Network: %1").arg(s && !s->networkName.empty() ? QString::fromStdString(s->networkName)
                                                           : unknown));
    //: Status bar: height (number) of the newest block.
    m_heightLabel->setText(tr("Block height: %1")
                               .arg(s && s->unlocked ? locale.toString(qulonglong(s->height))
                                                     : unknown));
    const QString headTime = s && s->unlocked && s->headTimeMs > 0
                                 ? ThaiDate::formatUtcMs(s->headTimeMs, locale.language())
                                 : unknown;
    //: Status bar: time of the newest block, in Bangkok time.
    m_headTimeLabel->setText(tr("Head block: %1").arg(headTime));

    if (!s) {
        m_lockLabel->setText(unknown);
        HmiStyle::setState(m_lockLabel, HmiState::Normal);
    } else if (s->unlocked) {
        //: Status bar: the encrypted ledger is open.
        m_lockLabel->setText(tr("Ledger unlocked"));
        HmiStyle::setState(m_lockLabel, HmiState::Normal);
    } else {
        //: Status bar: the encrypted ledger is closed; the node is not working.
        m_lockLabel->setText(tr("Ledger locked"));
        HmiStyle::setState(m_lockLabel, HmiState::AlarmMedium);
    }
}

void NodeStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
