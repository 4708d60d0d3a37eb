#pragma once

// Settings: the display language (Thai or English, applied at once) and,
// read-only, where the node keeps its data and the state of the ledger.

#include <QWidget>

#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace gtx::interfaces {
struct NodeStatus;
}

namespace gtx::ui {

class LanguageManager;
struct NodeSnapshot;

class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(LanguageManager &languages, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void setSnapshot(const NodeSnapshot &snapshot);
    void setStatus(const interfaces::NodeStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseLanguage(int index);
    void showCurrentLanguage();

    LanguageManager &m_languages;
    std::unique_ptr<NodeSnapshot> m_snapshot;

    QLabel *m_titleLabel = nullptr;
    QGroupBox *m_languageBox = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_languageNote = nullptr;
    QGroupBox *m_nodeBox = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    QLineEdit *m_dataDirEdit = nullptr;
    QLabel *m_ledgerLabel = nullptr;
    QLabel *m_ledgerValue = nullptr;
};

} // namespace gtx::ui
