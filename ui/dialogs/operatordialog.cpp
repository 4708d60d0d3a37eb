#include "ui/dialogs/operatordialog.h"

#include "ui/dialogs/unlockdialog.h"
#include "ui/models/operatormodel.h"
#include "ui/nodetask.h"
#include "ui/secretbytes.h"
#include "ui/style/hmistyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <memory>
#include <string>

namespace gtx::ui {

namespace {

QLineEdit *passwordEdit(const char *name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

OperatorDialog::OperatorDialog(interfaces::Node &node, const interfaces::OperatorSession &admin, Mode mode,
                               const interfaces::OperatorRow &target, QWidget *parent)
    : QDialog(parent), m_node(node), m_admin(admin), m_mode(mode), m_target(target)
{
    buildUi();
    retranslateUi();
}

void OperatorDialog::buildUi()
{
    setObjectName(QStringLiteral("operatorDialog"));
    setModal(true);
    const bool add = m_mode == Mode::Add;

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);
    m_introLabel->setMaximumWidth(520);

    m_idLabel = new QLabel(this);
    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("operatorIdEdit"));
    m_idEdit->setMinimumWidth(320);
    m_idEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9._-]{1,32}")), m_idEdit));
    m_idLabel->setBuddy(m_idEdit);
    m_nameLabel = new QLabel(this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_nameEdit->setMaxLength(64);
    m_nameLabel->setBuddy(m_nameEdit);

    m_rolesLabel = new QLabel(this);
    auto *rolesColumn = new QVBoxLayout;
    for (int i = 0; i < interfaces::kRoleCount; ++i) {
        auto *box = new QCheckBox(this);
        const auto role = static_cast<interfaces::Role>(i);
        box->setObjectName(QStringLiteral("role-") + QString::fromUtf8(interfaces::roleName(role).data(),
                                                                      int(interfaces::roleName(role).size())));
        box->setChecked(interfaces::hasRole(m_target.roles, role));
        rolesColumn->addWidget(box);
        m_roleBoxes[std::size_t(i)] = box;
    }

    m_passLabel = new QLabel(this);
    m_passEdit = passwordEdit("passphraseEdit", this);
    m_passLabel->setBuddy(m_passEdit);
    m_confirmLabel = new QLabel(this);
    m_confirmEdit = passwordEdit("confirmEdit", this);
    m_confirmLabel->setBuddy(m_confirmEdit);
    m_reasonLabel = new QLabel(this);
    m_reasonEdit = new QLineEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("reasonEdit"));
    m_reasonEdit->setMaxLength(400);
    m_reasonLabel->setBuddy(m_reasonEdit);
    m_adminPassLabel = new QLabel(this);
    m_adminPassEdit = passwordEdit("adminPassphraseEdit", this);
    m_adminPassLabel->setBuddy(m_adminPassEdit);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_idLabel, m_idEdit);
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(m_rolesLabel, rolesColumn);
    form->addRow(m_passLabel, m_passEdit);
    form->addRow(m_confirmLabel, m_confirmEdit);
    form->addRow(m_reasonLabel, m_reasonEdit);
    form->addRow(m_adminPassLabel, m_adminPassEdit);

    m_idEdit->setText(QString::fromStdString(m_target.id));
    m_idEdit->setReadOnly(!add);
    m_nameLabel->setVisible(add);
    m_nameEdit->setVisible(add);
    m_passLabel->setVisible(add);
    m_passEdit->setVisible(add);
    m_confirmLabel->setVisible(add);
    m_confirmEdit->setVisible(add);
    const bool roles = m_mode != Mode::Disable;
    m_rolesLabel->setVisible(roles);
    for (QCheckBox *box : m_roleBoxes)
        box->setVisible(roles);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    m_errorLabel->setMaximumWidth(520);
    HmiStyle::setState(m_errorLabel, HmiState::AlarmMedium);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    auto *submitButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    submitButton->setObjectName(QStringLiteral("submitButton"));
    submitButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &OperatorDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OperatorDialog::reject);
    (add ? m_idEdit : m_reasonEdit)->setFocus();
}

void OperatorDialog::retranslateUi()
{
    const QString who = QString::fromStdString(m_target.displayName);
    const QString id = QString::fromStdString(m_target.id);
    QString submit;
    switch (m_mode) {
    case Mode::Add:
        //: Window title of the dialog that adds an operator.
        setWindowTitle(tr("GridTokenX - Add operator"));
        //: Heading of the add-operator dialog.
        m_titleLabel->setText(tr("Add an operator"));
        //: Explanation in the add-operator dialog; %1 the passphrase minimum.
        m_introLabel->setText(tr("The new operator gets their own key, sealed under the initial passphrase "
                                 "you set here (at least %1 characters). Give it to them in person.")
                                  .arg(interfaces::kMinPassphraseCharacters));
        //: Button that adds the operator.
        submit = tr("Add operator");
        break;
    case Mode::ChangeRoles:
        //: Window title of the dialog that changes an operator's roles.
        setWindowTitle(tr("GridTokenX - Change roles"));
        //: Heading of the change-roles dialog; %1 the operator's name, %2 their id.
        m_titleLabel->setText(tr("Roles of %1 (%2)").arg(who, id));
        //: Explanation in the change-roles dialog.
        m_introLabel->setText(tr("The new roles apply at once, to a session already signed in too."));
        //: Button that changes the roles.
        submit = tr("Change roles");
        break;
    case Mode::Disable:
        //: Window title of the dialog that disables an operator.
        setWindowTitle(tr("GridTokenX - Disable operator"));
        //: Heading of the disable dialog; %1 the operator's name, %2 their id.
        m_titleLabel->setText(tr("Disable %1 (%2)").arg(who, id));
        //: Explanation in the disable dialog: what disabling does and that it cannot be undone.
        m_introLabel->setText(tr("They can no longer sign in, and a session of theirs ends at once. This "
                                 "cannot be undone: the id is never given again."));
        //: Button that disables the operator.
        submit = tr("Disable operator");
        break;
    }
    //: Label of the operator id field.
    m_idLabel->setText(tr("Operator &id:"));
    //: Tooltip of the operator id field.
    m_idEdit->setToolTip(tr("1 to 32 characters: small letters a-z, digits, '.', '_' and '-'."));
    //: Label of the new operator's name.
    m_nameLabel->setText(tr("&Name:"));
    //: Label of the role check boxes.
    m_rolesLabel->setText(tr("Roles:"));
    for (int i = 0; i < interfaces::kRoleCount; ++i)
        m_roleBoxes[std::size_t(i)]->setText(roleTitle(static_cast<interfaces::Role>(i)));
    //: Label of the new operator's initial passphrase.
    m_passLabel->setText(tr("Initial &passphrase:"));
    //: Label of its confirmation.
    m_confirmLabel->setText(tr("&Confirm passphrase:"));
    //: Label of the reason, recorded in the audit trail with the change.
    m_reasonLabel->setText(tr("&Reason:"));
    //: Label of the administrator's own passphrase, asked again before the change (re-authentication).
    m_adminPassLabel->setText(tr("&Your passphrase:"));
    if (auto *button = m_buttons->findChild<QPushButton *>(QStringLiteral("submitButton")))
        button->setText(submit);
    if (m_errorMessage)
        m_errorLabel->setText(m_errorMessage());
}

interfaces::RoleSet OperatorDialog::checkedRoles() const
{
    interfaces::RoleSet roles = 0;
    for (int i = 0; i < interfaces::kRoleCount; ++i) {
        if (m_roleBoxes[std::size_t(i)]->isChecked())
            roles = static_cast<interfaces::RoleSet>(roles | interfaces::roleBit(static_cast<interfaces::Role>(i)));
    }
    return roles;
}

void OperatorDialog::submit()
{
    if (m_busy)
        return;
    m_errorMessage = nullptr;
    m_errorLabel->setVisible(false);
    const bool add = m_mode == Mode::Add;
    const interfaces::RoleSet roles = checkedRoles();
    if (add && m_idEdit->text().isEmpty()) {
        showError([] {
            //: Error: the new operator's id is empty.
            return tr("Type the new operator's id.");
        });
        m_idEdit->setFocus();
        return;
    }
    if (add && m_nameEdit->text().trimmed().isEmpty()) {
        showError([] {
            //: Error: the new operator's name is empty.
            return tr("Type the new operator's name.");
        });
        m_nameEdit->setFocus();
        return;
    }
    if (m_mode != Mode::Disable && roles == 0) {
        showError([] {
            //: Error: no role is ticked.
            return tr("Tick at least one role.");
        });
        return;
    }
    if (add && UnlockDialog::passphraseLength(m_passEdit->text()) < interfaces::kMinPassphraseCharacters) {
        showError([] {
            //: Error: the initial passphrase is shorter than the minimum; %1 the minimum.
            return tr("The initial passphrase is too short: use at least %1 characters.")
                .arg(interfaces::kMinPassphraseCharacters);
        });
        m_passEdit->setFocus();
        return;
    }
    if (add && m_passEdit->text() != m_confirmEdit->text()) {
        showError([] {
            //: Error: the two initial passphrases differ.
            return tr("The two passphrases do not match.");
        });
        m_confirmEdit->setFocus();
        return;
    }
    if (m_reasonEdit->text().trimmed().isEmpty()) {
        showError([] {
            //: Error: the reason is empty (it goes into the audit trail).
            return tr("Give a reason: it is recorded in the audit trail with the change.");
        });
        m_reasonEdit->setFocus();
        return;
    }
    if (m_adminPassEdit->text().isEmpty()) {
        showError([] {
            //: Error: the administrator's own passphrase is empty.
            return tr("Type your own passphrase to confirm the change.");
        });
        m_adminPassEdit->setFocus();
        return;
    }

    auto adminSecret = std::make_shared<SecretBytes>(SecretBytes::fromUtf8Of(m_adminPassEdit->text()));
    auto newSecret = std::make_shared<SecretBytes>(SecretBytes::fromUtf8Of(m_passEdit->text()));
    wipeLineEdit(m_adminPassEdit);
    wipeLineEdit(m_passEdit);
    wipeLineEdit(m_confirmEdit);
    setBusy(true);

    interfaces::Node *node = &m_node;
    const std::string token = m_admin.token;
    const Mode mode = m_mode;
    interfaces::NewOperator who;
    who.id = add ? m_idEdit->text().toStdString() : m_target.id;
    who.displayName = m_nameEdit->text().trimmed().toStdString();
    who.roles = roles;
    const std::string reason = m_reasonEdit->text().trimmed().toStdString();
    runNodeTask(
        this,
        [node, token, mode, who, reason, adminSecret, newSecret]() -> Status {
            interfaces::Operators &ops = node->operators();
            Status status = ops.confirm(token, adminSecret->view());
            adminSecret->wipe();
            if (status) {
                switch (mode) {
                case Mode::Add:
                    status = ops.addOperator(token, who, newSecret->view(), reason);
                    break;
                case Mode::ChangeRoles:
                    status = ops.setRoles(token, who.id, who.roles, reason);
                    break;
                case Mode::Disable:
                    status = ops.disableOperator(token, who.id, reason);
                    break;
                }
            }
            newSecret->wipe();
            return status;
        },
        [this](const Status &status) { finish(status); });
}

void OperatorDialog::finish(const Status &status)
{
    setBusy(false);
    if (status) {
        accept();
        return;
    }
    const std::string code = status.error().code;
    const QString reason = QString::fromStdString(status.error().message);
    if (code == "operator.wrong_passphrase") {
        showError([] {
            //: Error: the administrator's own passphrase was wrong; nothing was changed.
            return tr("Your passphrase is wrong: nothing was changed.");
        });
        m_adminPassEdit->setFocus();
    } else if (code == "operator.session_locked") {
        showError([] {
            //: Error: the administrator's session locked; nothing was changed.
            return tr("Your session has locked: nothing was changed. Sign in again.");
        });
    } else if (code == "operator.not_permitted") {
        showError([] {
            //: Error: the signed-in operator is not an administrator.
            return tr("Only an administrator may change the operators.");
        });
    } else {
        showError([reason] {
            //: Error: the node refused the change; %1 its reason (the node's rule, in English).
            return tr("The change was refused: %1").arg(reason);
        });
    }
}

void OperatorDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_idEdit, m_nameEdit, m_passEdit, m_confirmEdit, m_reasonEdit,
                                                       m_adminPassEdit, m_buttons})
        w->setEnabled(!busy);
    for (QCheckBox *box : m_roleBoxes)
        box->setEnabled(!busy);
    m_busyBar->setVisible(busy);
}

void OperatorDialog::showError(std::function<QString()> message)
{
    m_errorMessage = std::move(message);
    m_errorLabel->setText(m_errorMessage());
    m_errorLabel->setVisible(true);
}

void OperatorDialog::reject()
{
    if (m_busy)
        return;
    wipeLineEdit(m_adminPassEdit);
    wipeLineEdit(m_passEdit);
    wipeLineEdit(m_confirmEdit);
    QDialog::reject();
}

void OperatorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace gtx::ui
