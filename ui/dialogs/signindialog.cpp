#include "ui/dialogs/signindialog.h"

#include "core/node/interface.h"
#include "ui/dialogs/unlockdialog.h"
#include "ui/nodetask.h"
#include "ui/secretbytes.h"
#include "ui/style/hmistyle.h"

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
#include <utility>

namespace gtx::ui {

SignInDialog::SignInDialog(interfaces::Node &node, Mode mode, QWidget *parent)
    : QDialog(parent), m_node(node), m_mode(mode)
{
    buildUi();
    retranslateUi();
}

void SignInDialog::buildUi()
{
    setObjectName(QStringLiteral("signInDialog"));
    setModal(true);
    const int fieldWidth = 360;
    const bool first = m_mode == Mode::FirstAdministrator;

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    m_introLabel->setMaximumWidth(fieldWidth + 160);

    m_idLabel = new QLabel(this);
    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("operatorIdEdit"));
    m_idEdit->setMinimumWidth(fieldWidth);
    // The node's rule for ids (core/node/roster.h), so that typing cannot go wrong.
    m_idEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9._-]{1,32}")), m_idEdit));
    m_idLabel->setBuddy(m_idEdit);

    m_nameLabel = new QLabel(this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_nameEdit->setMaxLength(64);
    m_nameLabel->setBuddy(m_nameEdit);

    m_passphraseLabel = new QLabel(this);
    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseLabel->setBuddy(m_passphraseEdit);

    m_confirmLabel = new QLabel(this);
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("confirmEdit"));
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmLabel->setBuddy(m_confirmEdit);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_idLabel, m_idEdit);
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(m_passphraseLabel, m_passphraseEdit);
    form->addRow(m_confirmLabel, m_confirmEdit);
    m_nameLabel->setVisible(first);
    m_nameEdit->setVisible(first);
    m_confirmLabel->setVisible(first);
    m_confirmEdit->setVisible(first);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    HmiStyle::setState(m_errorLabel, HmiState::AlarmMedium);

    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setVisible(false);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    auto *submitButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    submitButton->setObjectName(QStringLiteral("submitButton"));
    submitButton->setDefault(true);
    auto *closeButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    closeButton->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busyBar);
    layout->addSpacing(6);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    m_idEdit->setFocus();
}

void SignInDialog::retranslateUi()
{
    switch (m_mode) {
    case Mode::FirstAdministrator:
        //: Window title of the dialog that makes the console's first operator.
        setWindowTitle(tr("GridTokenX - First administrator"));
        //: Heading of the first-administrator dialog.
        m_titleLabel->setText(tr("Create the first administrator"));
        //: Explanation in the first-administrator dialog; %1 the passphrase minimum.
        m_introLabel->setText(tr("No operator has been set up on this ledger yet. Create your own "
                                 "administrator account: it gets its own key, sealed under the "
                                 "passphrase you choose (at least %1 characters). You then add the "
                                 "other operators and their roles on the Settings page.")
                                  .arg(interfaces::kMinPassphraseCharacters));
        break;
    case Mode::SignIn:
        //: Window title of the operator sign-in dialog.
        setWindowTitle(tr("GridTokenX - Sign in"));
        //: Heading of the sign-in dialog.
        m_titleLabel->setText(tr("Sign in"));
        //: Explanation in the sign-in dialog.
        m_introLabel->setText(tr("Sign in with your own operator id and passphrase. Every command "
                                 "you give is signed with your key and recorded in the audit trail."));
        break;
    case Mode::Locked:
        //: Window title when the session locked after inactivity.
        setWindowTitle(tr("GridTokenX - Session locked"));
        //: Heading of the dialog shown when the session locked.
        m_titleLabel->setText(tr("The session is locked"));
        //: Explanation when the session locked after inactivity.
        m_introLabel->setText(tr("The session locked after a period without use. Sign in again to "
                                 "give commands; another operator may sign in instead at a shift change."));
        break;
    }
    //: Label of the operator id field (letters a-z, digits, '.', '_', '-').
    m_idLabel->setText(tr("Operator &id:"));
    //: Tooltip of the operator id field.
    m_idEdit->setToolTip(tr("1 to 32 characters: small letters a-z, digits, '.', '_' and '-'."));
    //: Label of the display name field (first administrator).
    m_nameLabel->setText(tr("&Name:"));
    //: Label of the passphrase field in the sign-in dialog.
    m_passphraseLabel->setText(tr("&Passphrase:"));
    //: Label of the confirmation field (first administrator).
    m_confirmLabel->setText(tr("&Confirm passphrase:"));
    if (auto *submitButton = m_buttons->findChild<QPushButton *>(QStringLiteral("submitButton"))) {
        submitButton->setText(m_mode == Mode::FirstAdministrator ?
                                  //: Button that creates the first administrator.
                                  tr("Create administrator") :
                                  //: Button that signs the operator in.
                                  tr("Sign in"));
    }
    if (auto *closeButton = m_buttons->findChild<QPushButton *>(QStringLiteral("closeButton"))) {
        //: Button that closes the console instead of signing in.
        closeButton->setText(tr("Close console"));
    }
    //: Shown with a busy bar while the node checks the passphrase.
    m_busyLabel->setText(tr("Checking: deriving the key from the passphrase..."));
    if (m_errorMessage)
        m_errorLabel->setText(m_errorMessage());
}

void SignInDialog::setOperatorId(const QString &id)
{
    m_idEdit->setText(id);
    m_passphraseEdit->setFocus();
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    m_errorMessage = nullptr;
    m_errorLabel->setVisible(false);
    const bool first = m_mode == Mode::FirstAdministrator;
    const QString id = m_idEdit->text();
    const QString name = m_nameEdit->text().trimmed();
    const QString passphrase = m_passphraseEdit->text();
    if (id.isEmpty()) {
        showError([] {
            //: Error when the operator id field is empty.
            return tr("Type your operator id.");
        });
        m_idEdit->setFocus();
        return;
    }
    if (first && name.isEmpty()) {
        showError([] {
            //: Error when the name field of the first administrator is empty.
            return tr("Type your name as it should appear in the audit trail.");
        });
        m_nameEdit->setFocus();
        return;
    }
    if (first && UnlockDialog::passphraseLength(passphrase) < interfaces::kMinPassphraseCharacters) {
        showError([] {
            //: Error when the new passphrase is shorter than the minimum; %1 is the minimum.
            return tr("The passphrase is too short: use at least %1 characters.")
                .arg(interfaces::kMinPassphraseCharacters);
        });
        m_passphraseEdit->setFocus();
        return;
    }
    if (first && passphrase != m_confirmEdit->text()) {
        showError([] {
            //: Error when the two passphrases of the first administrator differ.
            return tr("The two passphrases do not match.");
        });
        m_confirmEdit->setFocus();
        return;
    }
    if (passphrase.isEmpty()) {
        showError([] {
            //: Error when Sign in is pressed with an empty passphrase field.
            return tr("Type the passphrase first.");
        });
        m_passphraseEdit->setFocus();
        return;
    }

    auto secret = std::make_shared<SecretBytes>(SecretBytes::fromUtf8Of(passphrase));
    wipeLineEdit(m_passphraseEdit);
    wipeLineEdit(m_confirmEdit);
    setBusy(true);
    interfaces::Node *node = &m_node;
    interfaces::NewOperator who;
    who.id = id.toStdString();
    who.displayName = name.toStdString();
    who.roles = interfaces::roleBit(interfaces::Role::Administrator);
    runNodeTask(
        this,
        [node, secret, who, first]() -> Result<interfaces::OperatorSession> {
            auto result = first ? node->operators().createFirstAdministrator(who, secret->view())
                                : node->operators().signIn(who.id, secret->view());
            secret->wipe();
            return result;
        },
        [this](const Result<interfaces::OperatorSession> &result) { finish(result); });
}

void SignInDialog::finish(const Result<interfaces::OperatorSession> &result)
{
    setBusy(false);
    if (result) {
        m_session = *result;
        accept();
        return;
    }
    const std::string code = result.error().code;
    const QString reason = QString::fromStdString(result.error().message);
    if (code == "operator.wrong_passphrase" || code == "operator.unknown") {
        showError([] {
            //: Error after a wrong operator id or passphrase (the dialog does not say which).
            return tr("The operator id or the passphrase is wrong. Check Caps Lock and the keyboard "
                      "language (Thai or English), then try again.");
        });
    } else if (code == "operator.key_mismatch") {
        showError([] {
            //: Error when the operator's key file does not match the operator list.
            return tr("Your key file does not match the operator list. Do not use this console; "
                      "tell an administrator.");
        });
    } else if (code.rfind("passphrase.", 0) == 0) {
        showError([reason] {
            //: Error when the node refuses a new passphrase; %1 the node's reason (English).
            return tr("The passphrase cannot be used: %1").arg(reason);
        });
    } else {
        showError([reason] {
            //: Error when the sign-in failed for another reason; %1 the node's reason (English).
            return tr("Signing in failed: %1").arg(reason);
        });
    }
    m_passphraseEdit->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_idEdit->setEnabled(!busy);
    m_nameEdit->setEnabled(!busy);
    m_passphraseEdit->setEnabled(!busy);
    m_confirmEdit->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
}

void SignInDialog::showError(std::function<QString()> message)
{
    m_errorMessage = std::move(message);
    m_errorLabel->setText(m_errorMessage());
    m_errorLabel->setVisible(true);
}

void SignInDialog::reject()
{
    if (m_busy)
        return;
    wipeLineEdit(m_passphraseEdit);
    wipeLineEdit(m_confirmEdit);
    QDialog::reject();
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace gtx::ui
