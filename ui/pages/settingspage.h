#pragma once

// Settings: the display language (Thai or English, applied at once); the
// operators and their roles, which an administrator adds, changes and
// disables (OperatorDialog; everyone else sees the list); and, read-only,
// where the node keeps its data and the state of the ledger.

#include "core/node/interface.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace gtx::ui {

class LanguageManager;
class OperatorTableModel;
struct NodeSnapshot;

class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(LanguageManager &languages, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void setSnapshot(const NodeSnapshot &snapshot);
    void setStatus(const interfaces::NodeStatus &status);
    // The node's operators and the signed-in operator (the buttons are an
    // administrator's).
    void setOperator(interfaces::Node *node, const interfaces::OperatorSession &session);
    OperatorTableModel *operatorModel() const { return m_operatorModel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseLanguage(int index);
    void showCurrentLanguage();
    void refreshOperators();
    void updateOperatorButtons();
    void openOperatorDialog(int mode);

    LanguageManager &m_languages;
    std::unique_ptr<NodeSnapshot> m_snapshot;

    QLabel *m_titleLabel = nullptr;
    QGroupBox *m_languageBox = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_languageNote = nullptr;
    interfaces::Node *m_node = nullptr;
    interfaces::OperatorSession m_session;
    OperatorTableModel *m_operatorModel = nullptr;
    QGroupBox *m_operatorsBox = nullptr;
    QLabel *m_operatorsNote = nullptr;
    QTableView *m_operatorsView = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_rolesButton = nullptr;
    QPushButton *m_disableButton = nullptr;
    QGroupBox *m_nodeBox = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    QLineEdit *m_dataDirEdit = nullptr;
    QLabel *m_ledgerLabel = nullptr;
    QLabel *m_ledgerValue = nullptr;
};

} // namespace gtx::ui
