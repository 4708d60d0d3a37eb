#include "ui/pages/placeholderpage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace gtx::ui {

PlaceholderPage::PlaceholderPage(QWidget *parent) : QWidget(parent)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_notBuiltLabel = new QLabel(this);
    m_notBuiltLabel->setObjectName(QStringLiteral("notBuiltLabel"));
    m_notBuiltLabel->setWordWrap(true);
    m_plannedLabel = new QLabel(this);
    m_plannedLabel->setObjectName(QStringLiteral("plannedLabel"));
    m_plannedLabel->setWordWrap(true);
    m_plannedLabel->setProperty("muted", true);
    // Long lines are hard to read on a wide screen.
    m_plannedLabel->setMaximumWidth(880);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_notBuiltLabel);
    layout->addWidget(m_plannedLabel);
    layout->addStretch(1);
    retranslateUi();
}

void PlaceholderPage::setTexts(const QString &title, const QString &plannedContent)
{
    m_titleLabel->setText(title);
    m_plannedLabel->setText(plannedContent);
}

QString PlaceholderPage::title() const
{
    return m_titleLabel->text();
}

QString PlaceholderPage::plannedContent() const
{
    return m_plannedLabel->text();
}

void PlaceholderPage::retranslateUi()
{
    //: Shown on every page of the console that has not been built yet.
    m_notBuiltLabel->setText(tr("This page is not built yet."));
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
