#pragma once

// Signs an operator in with their own key file and passphrase, once the
// ledger is open (UnlockDialog). Every command the operator then gives is
// checked against their roles and signed with their key by the node
// (interfaces::Operators).
//
// FirstAdministrator mode (no operator exists yet): operator id, display
// name, passphrase and its confirmation; the node makes the first
// operator, an administrator, who adds the others on the Settings page.
// SignIn mode: operator id and passphrase. Locked mode: the same, after the
// session locked from inactivity; the id of the operator who was signed in
// is filled in, and another may sign in instead (a shift change).
//
// A wrong id and a wrong passphrase get the same message, so that the
// dialog does not tell which ids exist. The passphrase goes to the node off
// the GUI thread as SecretBytes, as in UnlockDialog.

#include "core/node/interface.h"

#include <QDialog>
#include <QString>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace gtx::ui {

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        FirstAdministrator,
        SignIn,
        Locked
    };

    SignInDialog(interfaces::Node &node, Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setOperatorId(const QString &id);
    bool isBusy() const { return m_busy; }
    // After accept(): the operator's session.
    const interfaces::OperatorSession &session() const { return m_session; }

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void submit();
    void finish(const Result<interfaces::OperatorSession> &result);
    void setBusy(bool busy);
    void showError(std::function<QString()> message);

    interfaces::Node &m_node;
    const Mode m_mode;
    bool m_busy = false;
    interfaces::OperatorSession m_session;
    std::function<QString()> m_errorMessage;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_passphraseLabel = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gtx::ui
