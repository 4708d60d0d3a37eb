#pragma once

// Asks for the ledger passphrase and opens the ledger with it. The
// operator then signs in with their own key (SignInDialog).
//
// Create mode (first run, no ledger in the data directory): passphrase and
// confirmation, a strength hint, at least kMinPassphraseLength characters.
// Unlock mode: one passphrase; a wrong one leaves the dialog open with a
// plain-words error and an empty, focused field.
//
// The passphrase leaves the line edits as UTF-8 bytes (SecretBytes), goes to
// the node off the GUI thread, and is wiped after the call. The line edits'
// buffers are overwritten and cleared as soon as the bytes are taken; copies
// Qt makes internally (undo history, input method, accessibility) are beyond
// our reach, so that part is best-effort.

#include "core/node/interface.h"

#include <QDialog>
#include <QString>

#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace gtx {
class Status;
}

namespace gtx::interfaces {
class Node;
}

namespace gtx::ui {

class UnlockDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Unlock
    };

    static constexpr int kMinPassphraseLength = interfaces::kMinPassphraseCharacters;
    static constexpr int kMaxUserNameLength = 64;

    UnlockDialog(interfaces::Node &node, Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // Shown under the title so the operator knows which ledger this is.
    void setDataDirectory(const QString &path);
    bool isBusy() const { return m_busy; }

    // The user name the operating system reports: the ledger's unlock is
    // recorded as "os:NAME" (operators sign in afterwards).
    static QString systemUserName();

    // Characters (code points, not UTF-16 units) in a passphrase.
    static int passphraseLength(const QString &text);
    // Kinds of character used, of four: a-z, A-Z, 0-9, and anything else
    // (symbols, Thai letters).
    static int characterClasses(const QString &text);

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateHints();
    void updateCapsLockWarning(QKeyEvent *event);
    void setEchoVisible(bool visible);
    void submit();
    void finishSubmit(const Status &status);
    void setBusy(bool busy);
    // The message is a function so that it can be re-translated.
    void showError(std::function<QString()> message);
    void clearError();
    void clearPassphraseFields();

    interfaces::Node &m_node;
    const Mode m_mode;
    bool m_busy = false;
    bool m_capsLockOn = false;
    QString m_dataDirectory;
    std::function<QString()> m_errorMessage;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_passphraseLabel = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QCheckBox *m_showPassphraseBox = nullptr;
    QLabel *m_strengthLabel = nullptr;
    QLabel *m_whyLabel = nullptr;
    QLabel *m_mismatchLabel = nullptr;
    QLabel *m_capsLockLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gtx::ui
