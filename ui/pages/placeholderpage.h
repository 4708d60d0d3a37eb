#pragma once

// A page that is not built yet. It says so plainly, in the page's own words,
// and tells the operator what the page will show.

#include <QWidget>

class QLabel;

namespace gtx::ui {

class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlaceholderPage(QWidget *parent = nullptr);

    // Both already translated; the owner sets them again on a language change.
    void setTexts(const QString &title, const QString &plannedContent);

    QString title() const;
    QString plannedContent() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_titleLabel = nullptr;
    QLabel *m_notBuiltLabel = nullptr;
    QLabel *m_plannedLabel = nullptr;
};

} // namespace gtx::ui
