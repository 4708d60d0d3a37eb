#include "ui/widgets/alarmbanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace gtx::ui {

AlarmBanner::AlarmBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("alarmBanner"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("alarmText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    HmiStyle::setState(this, HmiState::Normal);
    retranslateUi();
}

void AlarmBanner::raiseAlarm(HmiState severity, const QString &text)
{
    m_severity = severity;
    m_label->setText(text);
    HmiStyle::setState(this, severity);
    repolishLabel();
}

void AlarmBanner::clearAlarm()
{
    m_severity = HmiState::Normal;
    HmiStyle::setState(this, HmiState::Normal);
    repolishLabel();
    retranslateUi();
}

// The label's colours follow the banner's state in the style sheet; a
// property change on the parent does not re-polish the child by itself.
void AlarmBanner::repolishLabel()
{
    m_label->style()->unpolish(m_label);
    m_label->style()->polish(m_label);
}

QString AlarmBanner::text() const
{
    return m_label->text();
}

void AlarmBanner::retranslateUi()
{
    if (m_severity == HmiState::Normal) {
        //: Text in the grey alarm strip at the top of the main window when nothing is abnormal.
        m_label->setText(tr("No active alarms"));
    }
}

void AlarmBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

} // namespace gtx::ui
