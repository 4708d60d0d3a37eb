#pragma once

// The strip at the top of the main window that carries the most important
// active alarm. Grey and quiet while nothing is abnormal; coloured (red,
// amber, blue-grey) only while an alarm is raised.

#include "ui/style/hmistyle.h"

#include <QFrame>
#include <QString>

class QLabel;

namespace gtx::ui {

class AlarmBanner : public QFrame
{
    Q_OBJECT

public:
    explicit AlarmBanner(QWidget *parent = nullptr);

    // Shows an alarm; the text is already translated by the caller.
    void raiseAlarm(HmiState severity, const QString &text);
    void clearAlarm();

    bool hasAlarm() const { return m_severity != HmiState::Normal; }
    HmiState severity() const { return m_severity; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void repolishLabel();

    HmiState m_severity = HmiState::Normal;
    QLabel *m_label = nullptr;
};

} // namespace gtx::ui
