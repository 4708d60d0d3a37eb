#pragma once

// An administrator's change to the operators: add one (id, name, roles and
// the initial passphrase they are given in person), change an operator's
// roles, or disable one. Each needs a reason, recorded with the change, and
// the administrator's own passphrase again (re-authentication,
// interfaces::Operators::confirm) before the node makes it. The node checks
// every rule (core/node/roster.h) and says why it refuses; the dialog stays
// open with that message.

#include "core/node/interface.h"

#include <QDialog>

#include <array>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace gtx::ui {

class OperatorDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Add,
        ChangeRoles,
        Disable
    };

    // `target`: the operator changed or disabled (ignored when adding).
    OperatorDialog(interfaces::Node &node, const interfaces::OperatorSession &admin, Mode mode,
                   const interfaces::OperatorRow &target = {}, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    bool isBusy() const { return m_busy; }

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void submit();
    void finish(const Status &status);
    void setBusy(bool busy);
    void showError(std::function<QString()> message);
    interfaces::RoleSet checkedRoles() const;

    interfaces::Node &m_node;
    const interfaces::OperatorSession m_admin;
    const Mode m_mode;
    const interfaces::OperatorRow m_target;
    bool m_busy = false;
    std::function<QString()> m_errorMessage;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_rolesLabel = nullptr;
    std::array<QCheckBox *, interfaces::kRoleCount> m_roleBoxes{};
    QLabel *m_passLabel = nullptr;
    QLineEdit *m_passEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QLabel *m_adminPassLabel = nullptr;
    QLineEdit *m_adminPassEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gtx::ui
