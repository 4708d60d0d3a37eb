#include "ui/dialogs/unlockdialog.h"

#include "core/node/interface.h"
#include "ui/nodetask.h"
#include "ui/secretbytes.h"
#include "ui/style/hmistyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>
#include <utility>
#include <string>

namespace gtx::ui {

namespace {

constexpr char kWrongPassphraseCode[] = "ledger.wrong_passphrase";

QLabel *makeMessageLabel(const char *objectName, HmiState state, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setVisible(false);
    HmiStyle::setState(label, state);
    return label;
}

} // namespace

UnlockDialog::UnlockDialog(interfaces::Node &node, Mode mode, QWidget *parent)
    : QDialog(parent), m_node(node), m_mode(mode)
{
    buildUi();
    retranslateUi();
    updateHints();
}

void UnlockDialog::buildUi()
{
    setObjectName(QStringLiteral("unlockDialog"));
    setModal(true);
    // Wide enough for the longest field label; wrapped texts follow this width.
    const int fieldWidth = 360;

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);

    m_passphraseLabel = new QLabel(this);
    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphraseEdit->setMinimumWidth(fieldWidth);
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseLabel->setBuddy(m_passphraseEdit);
    m_passphraseEdit->installEventFilter(this);

    m_confirmLabel = new QLabel(this);
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("confirmEdit"));
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmLabel->setBuddy(m_confirmEdit);
    m_confirmEdit->installEventFilter(this);

    m_showPassphraseBox = new QCheckBox(this);
    m_showPassphraseBox->setObjectName(QStringLiteral("showPassphraseBox"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_passphraseLabel, m_passphraseEdit);
    form->addRow(m_confirmLabel, m_confirmEdit);
    form->addRow(QString(), m_showPassphraseBox);

    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    m_strengthLabel->setWordWrap(true);
    m_whyLabel = new QLabel(this);
    m_whyLabel->setObjectName(QStringLiteral("whyLabel"));
    m_whyLabel->setWordWrap(true);
    m_whyLabel->setProperty("muted", true);

    m_mismatchLabel = makeMessageLabel("mismatchLabel", HmiState::AlarmMedium, this);
    m_capsLockLabel = makeMessageLabel("capsLockLabel", HmiState::Info, this);
    m_errorLabel = makeMessageLabel("errorLabel", HmiState::AlarmMedium, this);

    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setVisible(false);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);  // indeterminate: the node gives no progress
    m_busyBar->setTextVisible(false);
    m_busyBar->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    auto *submitButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    submitButton->setObjectName(QStringLiteral("submitButton"));
    submitButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);

    const bool create = m_mode == Mode::Create;
    m_confirmLabel->setVisible(create);
    m_confirmEdit->setVisible(create);
    m_strengthLabel->setVisible(create);
    m_whyLabel->setVisible(create);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    // The dialog grows and shrinks with the messages shown in it.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_strengthLabel);
    layout->addWidget(m_whyLabel);
    layout->addWidget(m_mismatchLabel);
    layout->addWidget(m_capsLockLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busyBar);
    layout->addSpacing(6);
    layout->addWidget(m_buttons);

    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateHints);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateHints);
    connect(m_showPassphraseBox, &QCheckBox::toggled, this, &UnlockDialog::setEchoVisible);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);

    m_passphraseEdit->setFocus();
}

void UnlockDialog::retranslateUi()
{
    const bool create = m_mode == Mode::Create;
    if (create) {
        //: Window title of the dialog that creates a new encrypted ledger on first run.
        setWindowTitle(tr("GridTokenX - Create ledger"));
        //: Heading of the create-ledger dialog.
        m_titleLabel->setText(tr("Create the ledger"));
        //: Explanation at the top of the create-ledger dialog (first run).
        m_introLabel->setText(tr("This data directory has no ledger yet. Choose the passphrase "
                                 "that will encrypt it. The ledger cannot be opened without "
                                 "it: keep it as your key-custody procedure requires."));
    } else {
        //: Window title of the dialog that asks for the passphrase at start-up.
        setWindowTitle(tr("GridTokenX - Unlock ledger"));
        //: Heading of the unlock dialog.
        m_titleLabel->setText(tr("Unlock the ledger"));
        //: Explanation at the top of the unlock dialog.
        m_introLabel->setText(tr("Enter the ledger passphrase. The node keeps no data open and "
                                 "takes no part in the network until the ledger is unlocked."));
    }
    if (!m_dataDirectory.isEmpty()) {
        //: Second line of the unlock/create dialog; %1 is a folder path.
        m_introLabel->setText(m_introLabel->text() + QLatin1Char('\n')
                              + tr("Data directory: %1").arg(m_dataDirectory));
    }

    //: Label of the passphrase field.
    m_passphraseLabel->setText(tr("&Passphrase:"));
    //: Label of the second passphrase field (create-ledger dialog).
    m_confirmLabel->setText(tr("&Confirm passphrase:"));
    //: Check box that shows the typed passphrase in clear text.
    m_showPassphraseBox->setText(tr("&Show passphrase"));
    //: Why the passphrase must be long; shown under the strength hint when creating a ledger.
    m_whyLabel->setText(tr("Why at least %1 characters: the ledger file is encrypted with this "
                           "passphrase, and anyone who obtains a copy of the file can try "
                           "passphrases offline without limit. Every extra character "
                           "multiplies their work. Several words make a long passphrase that "
                           "is easy to remember.")
                            .arg(kMinPassphraseLength));
    //: Warning in the unlock dialog, guessed from the letters typed.
    m_capsLockLabel->setText(tr("Caps Lock appears to be on."));
    //: Live message under the confirmation field while the two passphrases differ.
    m_mismatchLabel->setText(tr("The two passphrases do not match."));

    if (auto *submitButton = m_buttons->findChild<QPushButton *>(QStringLiteral("submitButton"))) {
        submitButton->setText(create ?
                                  //: Button that creates the encrypted ledger.
                                  tr("Create ledger") :
                                  //: Button that unlocks the ledger.
                                  tr("Unlock"));
    }
    m_busyLabel->setText(create ?
                             //: Shown with a busy bar while the ledger is being created.
                             tr("Creating the ledger: deriving the key from the passphrase...") :
                             //: Shown with a busy bar while the ledger is being unlocked.
                             tr("Unlocking: deriving the key from the passphrase..."));
    updateHints();
    if (m_errorMessage)
        m_errorLabel->setText(m_errorMessage());
}

void UnlockDialog::setDataDirectory(const QString &path)
{
    m_dataDirectory = path;
    retranslateUi();
}

QString UnlockDialog::systemUserName()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value.left(kMaxUserNameLength);
    }
    return QDir::home().dirName().left(kMaxUserNameLength);
}

int UnlockDialog::passphraseLength(const QString &text)
{
    int count = 0;
    for (QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

int UnlockDialog::characterClasses(const QString &text)
{
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 'a' && u <= 'z')
            lower = true;
        else if (u >= 'A' && u <= 'Z')
            upper = true;
        else if (u >= '0' && u <= '9')
            digit = true;
        else
            other = true;
    }
    return int(lower) + int(upper) + int(digit) + int(other);
}

void UnlockDialog::updateHints()
{
    if (m_mode != Mode::Create)
        return;
    // text() shares the edit's buffer: no new copy of the passphrase.
    const QString passphrase = m_passphraseEdit->text();
    const QString confirmation = m_confirmEdit->text();
    const int length = passphraseLength(passphrase);
    const int classes = characterClasses(passphrase);

    // A hint while typing, in plain grey: a short passphrase is not abnormal
    // until the operator tries to use it (then the error below is coloured).
    QString hint;
    if (length == 0) {
        //: Strength hint before anything is typed (create-ledger dialog).
        hint = tr("Use at least %n characters.", nullptr, kMinPassphraseLength);
    } else if (length < kMinPassphraseLength) {
        //: Strength hint while the passphrase is shorter than the minimum; %1 is the minimum.
        hint = tr("Too short: %n character(s), at least %1 needed.", nullptr, length)
                   .arg(kMinPassphraseLength);
    } else if (classes >= 3 || length >= 2 * kMinPassphraseLength) {
        //: Strength hint for a good passphrase; %1 is how many of the 4 character types are used.
        hint = tr("Strong: %n character(s), %1 of 4 character types "
                  "(a-z, A-Z, 0-9, symbols or Thai letters).",
                  nullptr, length)
                   .arg(classes);
    } else {
        //: Strength hint for an acceptable passphrase; %1 is how many of the 4 character types are used.
        hint = tr("Acceptable: %n character(s), %1 of 4 character types "
                  "(a-z, A-Z, 0-9, symbols or Thai letters). Longer, or more types, is stronger.",
                  nullptr, length)
                   .arg(classes);
    }
    m_strengthLabel->setText(hint);

    m_mismatchLabel->setVisible(!confirmation.isEmpty() && confirmation != passphrase);
}

void UnlockDialog::setEchoVisible(bool visible)
{
    const auto echo = visible ? QLineEdit::Normal : QLineEdit::Password;
    m_passphraseEdit->setEchoMode(echo);
    m_confirmEdit->setEchoMode(echo);
}

bool UnlockDialog::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_passphraseEdit || watched == m_confirmEdit)
        && event->type() == QEvent::KeyPress) {
        updateCapsLockWarning(static_cast<QKeyEvent *>(event));
    }
    return QDialog::eventFilter(watched, event);
}

// Qt cannot ask the keyboard whether Caps Lock is on, so it is inferred from
// what is typed: a capital letter without Shift, or a small one with Shift,
// means Caps Lock is on; any other letter means it is off. Pressing the Caps
// Lock key itself flips the current guess.
void UnlockDialog::updateCapsLockWarning(QKeyEvent *event)
{
    if (event->key() == Qt::Key_CapsLock) {
        m_capsLockOn = !m_capsLockOn;
    } else if (!event->text().isEmpty()) {
        const QChar c = event->text().at(0);
        const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
        const char16_t u = c.unicode();
        const bool upper = u >= 'A' && u <= 'Z';
        const bool lower = u >= 'a' && u <= 'z';
        if ((upper && !shift) || (lower && shift))
            m_capsLockOn = true;
        else if (upper || lower)
            m_capsLockOn = false;
    }
    m_capsLockLabel->setVisible(m_capsLockOn);
}

void UnlockDialog::submit()
{
    if (m_busy)
        return;
    clearError();

    // The workstation account that opened the ledger; the operators sign
    // in with their own keys afterwards (SignInDialog).
    const QString actor = QStringLiteral("os:") + systemUserName();
    const QString passphrase = m_passphraseEdit->text();  // shares the edit's buffer
    if (m_mode == Mode::Create) {
        if (passphraseLength(passphrase) < kMinPassphraseLength) {
            showError([] {
                //: Error when the new passphrase is shorter than the minimum; %1 is the minimum.
                return tr("The passphrase is too short: use at least %1 characters.")
                    .arg(kMinPassphraseLength);
            });
            m_passphraseEdit->setFocus();
            return;
        }
        if (passphrase != m_confirmEdit->text()) {
            m_mismatchLabel->setVisible(true);
            m_confirmEdit->setFocus();
            m_confirmEdit->selectAll();
            return;
        }
    } else if (passphrase.isEmpty()) {
        showError([] {
            //: Error when Unlock is pressed with an empty passphrase field.
            return tr("Type the passphrase first.");
        });
        m_passphraseEdit->setFocus();
        return;
    }

    auto secret = std::make_shared<SecretBytes>(SecretBytes::fromUtf8Of(passphrase));
    clearPassphraseFields();
    setBusy(true);

    interfaces::Node *node = &m_node;
    const bool create = m_mode == Mode::Create;
    const std::string actorUtf8 = actor.toStdString();
    runNodeTask(
        this,
        [node, secret, actorUtf8, create]() -> Status {
            Status status = create ? node->createLedger(secret->view(), actorUtf8)
                                   : node->unlock(secret->view(), actorUtf8);
            secret->wipe();
            return status;
        },
        [this](const Status &status) { finishSubmit(status); });
}

void UnlockDialog::finishSubmit(const Status &status)
{
    setBusy(false);
    if (status.ok()) {
        accept();
        return;
    }
    const QString reason = QString::fromStdString(status.error().message);
    if (m_mode == Mode::Unlock && status.error().code == kWrongPassphraseCode) {
        showError([] {
            //: Error after a wrong passphrase; the dialog stays open for another try.
            return tr("Wrong passphrase. The ledger is still locked. Check Caps Lock and the "
                      "keyboard language (Thai or English), then type it again.");
        });
    } else if (m_mode == Mode::Create) {
        showError([reason] {
            //: Error when the node could not create the ledger; %1 is the node's reason (English).
            return tr("The ledger could not be created: %1").arg(reason);
        });
    } else {
        showError([reason] {
            //: Error when the node could not open the ledger; %1 is the node's reason (English).
            return tr("The ledger could not be opened: %1").arg(reason);
        });
    }
    m_passphraseEdit->setFocus();
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_passphraseEdit->setEnabled(!busy);
    m_confirmEdit->setEnabled(!busy);
    m_showPassphraseBox->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void UnlockDialog::showError(std::function<QString()> message)
{
    m_errorMessage = std::move(message);
    m_errorLabel->setText(m_errorMessage());
    m_errorLabel->setVisible(true);
}

void UnlockDialog::clearError()
{
    m_errorMessage = nullptr;
    m_errorLabel->clear();
    m_errorLabel->setVisible(false);
}

void UnlockDialog::clearPassphraseFields()
{
    wipeLineEdit(m_passphraseEdit);
    wipeLineEdit(m_confirmEdit);
    m_mismatchLabel->setVisible(false);
}

void UnlockDialog::reject()
{
    // The node call cannot be interrupted: wait for it.
    if (m_busy)
        return;
    clearPassphraseFields();
    QDialog::reject();
}

void UnlockDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace gtx::ui
