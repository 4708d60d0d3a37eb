// Drives the real UnlockDialog with keyboard and mouse against a fake node.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "fakenode.h"
#endif

#include "ui/dialogs/unlockdialog.h"
#include "ui/i18n/languagemanager.h"
#include "ui/secretbytes.h"
#include "ui/style/hmistyle.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using gtx::test::FakeNode;
using gtx::ui::UnlockDialog;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    auto *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child widget named %s", name);
    return widget;
}

gtx::Bytes utf8Bytes(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return gtx::Bytes(utf8.begin(), utf8.end());
}

// Types text that QTest::keyClicks cannot (it sends Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestUnlockDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // As in the application: English comes from gtx_en.qm (plural forms).
        QVERIFY(m_languages.setLanguage(gtx::ui::Language::English));
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_node = std::make_unique<FakeNode>(m_dir.path().toStdString());
    }
    void cleanup()
    {
        // Node calls still running finish before the node goes, as in the application.
        QThreadPool::globalInstance()->waitForDone();
        m_node.reset();
    }

    void createModeShowsConfirmationAndHint()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        QVERIFY(child<QLineEdit>(dialog, "confirmEdit")->isVisible());
        QVERIFY(child<QLabel>(dialog, "strengthLabel")->isVisible());
        QVERIFY(child<QLabel>(dialog, "whyLabel")->text().contains(QLatin1String("12")));
        QCOMPARE(child<QLineEdit>(dialog, "passphraseEdit")->echoMode(), QLineEdit::Password);
    }

    void unlockModeHasOneField()
    {
        m_node->setLedgerExists(true);
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Unlock);
        dialog.show();
        QVERIFY(child<QLineEdit>(dialog, "passphraseEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(dialog, "confirmEdit")->isVisible());
        QVERIFY(!child<QLabel>(dialog, "strengthLabel")->isVisible());
    }

    void createMismatchShowsErrorAndDoesNotCallNode()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        auto *mismatch = child<QLabel>(dialog, "mismatchLabel");
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), "pump storage at night");
        QVERIFY(!mismatch->isVisible());
        QTest::keyClicks(child<QLineEdit>(dialog, "confirmEdit"), "pump storage at nite");
        QVERIFY(mismatch->isVisible());  // shown while typing

        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        QVERIFY(mismatch->isVisible());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(m_node->createCalls(), 0);
        // The typed passphrase is kept so that the operator can correct it.
        QCOMPARE(child<QLineEdit>(dialog, "passphraseEdit")->text(),
                 QStringLiteral("pump storage at night"));
    }

    void createEmptyConfirmationIsAMismatch()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), "pump storage at night");
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, "mismatchLabel")->isVisible());
        QCOMPARE(m_node->createCalls(), 0);
    }

    void createTooShortIsRefused()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        const char *eleven = "Short1pass!";  // 11 characters, 4 character types
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), eleven);
        QTest::keyClicks(child<QLineEdit>(dialog, "confirmEdit"), eleven);
        auto *strength = child<QLabel>(dialog, "strengthLabel");
        QVERIFY(strength->text().startsWith(QLatin1String("Too short: 11 characters")));

        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        auto *error = child<QLabel>(dialog, "errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("12")));
        QCOMPARE(gtx::ui::HmiStyle::state(error), gtx::ui::HmiState::AlarmMedium);
        QCOMPARE(m_node->createCalls(), 0);
        QVERIFY(dialog.isVisible());

        // One more character is enough.
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), "x");
        QVERIFY(strength->text().startsWith(QLatin1String("Strong: 12 characters")));
    }

    void createCallsNodeWithExactBytesOffTheGuiThread()
    {
        qputenv("USER", "somchai.k");
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        QVERIFY(dialog.findChild<QLineEdit *>("operatorEdit") == nullptr);   // operators sign in afterwards

        // Latin letters, digits, a space and two Thai letters (KO KAI, KHO KHAI).
        const QString passphrase = QStringLiteral("Grid 2026 ") + QString(QChar(0x0e01))
                                   + QString(QChar(0x0e02)) + QStringLiteral(" tie-line");
        auto *passEdit = child<QLineEdit>(dialog, "passphraseEdit");
        auto *confirmEdit = child<QLineEdit>(dialog, "confirmEdit");
        typeText(passEdit, passphrase);
        typeText(confirmEdit, passphrase);
        QCOMPARE(passEdit->text(), passphrase);

        m_node->holdCalls(true);
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        // While the node works: busy bar, no buttons, fields already wiped.
        QVERIFY(child<QProgressBar>(dialog, "busyBar")->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "submitButton")->isEnabled());
        QVERIFY(dialog.isBusy());
        QVERIFY(passEdit->text().isEmpty());
        QVERIFY(confirmEdit->text().isEmpty());
        dialog.reject();  // Escape is ignored while busy
        QVERIFY(dialog.isVisible());

        m_node->release();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(m_node->createCalls(), 1);
        QCOMPARE(m_node->lastPassphrase(), utf8Bytes(passphrase));
        QCOMPARE(m_node->lastPassphrase().size(), std::size_t(25));  // Thai letters: 3 bytes each
        QCOMPARE(m_node->lastActor(), std::string("os:somchai.k"));   // the workstation account
        QVERIFY(m_node->lastCallThread() != nullptr);
        QVERIFY(m_node->lastCallThread() != QThread::currentThread());
    }

    void unlockWrongPassphraseKeepsDialogOpen()
    {
        m_node->setLedgerExists(true);
        m_node->setCorrectPassphrase("the right passphrase");
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Unlock);
        dialog.show();
        auto *passEdit = child<QLineEdit>(dialog, "passphraseEdit");
        auto *error = child<QLabel>(dialog, "errorLabel");
        QTest::keyClicks(passEdit, "the wrong passphrase");
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);

        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(m_node->unlockCalls(), 1);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("Wrong passphrase")));
        QVERIFY(passEdit->text().isEmpty());
        QCOMPARE(dialog.focusWidget(), passEdit);
        QVERIFY(passEdit->isEnabled());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        // A second try with the right one is accepted and clears the error.
        QTest::keyClicks(passEdit, "the right passphrase");
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_node->unlockCalls(), 2);
    }

    void messagesFollowALanguageChange()
    {
        m_node->setLedgerExists(true);
        m_node->setCorrectPassphrase("the right passphrase");
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Unlock);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), "the wrong passphrase");
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
        const QString english = child<QLabel>(dialog, "errorLabel")->text();

        QVERIFY(m_languages.setLanguage(gtx::ui::Language::Thai));
        const QString thai = child<QLabel>(dialog, "errorLabel")->text();
        QVERIFY(thai != english);
        QVERIFY(thai.contains(QChar(0x0e23)));  // a Thai letter (RO RUA)
        QVERIFY(child<QPushButton>(dialog, "submitButton")->text() != QStringLiteral("Unlock"));

        QVERIFY(m_languages.setLanguage(gtx::ui::Language::English));
        QCOMPARE(child<QLabel>(dialog, "errorLabel")->text(), english);
        QCOMPARE(child<QPushButton>(dialog, "submitButton")->text(), QStringLiteral("Unlock"));
    }

    void unlockRightPassphraseAccepts()
    {
        m_node->setLedgerExists(true);
        m_node->setCorrectPassphrase("the right passphrase");
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Unlock);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"), "the right passphrase");
        QTest::keyClick(child<QLineEdit>(dialog, "passphraseEdit"), Qt::Key_Return);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_node->lastPassphrase(), utf8Bytes(QStringLiteral("the right passphrase")));
        QVERIFY(m_node->lastCallThread() != QThread::currentThread());
        QVERIFY(m_node->status().unlocked);
    }

    void showPassphraseTogglesEchoMode()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        auto *box = child<QCheckBox>(dialog, "showPassphraseBox");
        auto *passEdit = child<QLineEdit>(dialog, "passphraseEdit");
        auto *confirmEdit = child<QLineEdit>(dialog, "confirmEdit");
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QVERIFY(box->isChecked());
        QCOMPARE(passEdit->echoMode(), QLineEdit::Normal);
        QCOMPARE(confirmEdit->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QVERIFY(!box->isChecked());
        QCOMPARE(passEdit->echoMode(), QLineEdit::Password);
        QCOMPARE(confirmEdit->echoMode(), QLineEdit::Password);
    }

    void capsLockIsInferredFromLetters()
    {
        UnlockDialog dialog(*m_node, UnlockDialog::Mode::Create);
        dialog.show();
        auto *caps = child<QLabel>(dialog, "capsLockLabel");
        auto *passEdit = child<QLineEdit>(dialog, "passphraseEdit");
        QVERIFY(!caps->isVisible());

        QTest::keyClick(passEdit, 'A');  // capital without Shift
        QVERIFY(caps->isVisible());
        QTest::keyClick(passEdit, '7');  // not a letter: no new evidence
        QVERIFY(caps->isVisible());
        QTest::keyClick(passEdit, 'a');  // small without Shift
        QVERIFY(!caps->isVisible());
        QTest::keyClick(passEdit, 'a', Qt::ShiftModifier);  // small with Shift
        QVERIFY(caps->isVisible());
        QTest::keyClick(passEdit, 'A', Qt::ShiftModifier);  // capital with Shift
        QVERIFY(!caps->isVisible());
        QTest::keyClick(passEdit, Qt::Key_CapsLock);  // the key itself flips the guess
        QVERIFY(caps->isVisible());
    }

    void passphraseHelpers()
    {
        QCOMPARE(UnlockDialog::passphraseLength(QStringLiteral("abc")), 3);
        // A character outside the BMP is one character, two UTF-16 units.
        QCOMPARE(UnlockDialog::passphraseLength(QString::fromUcs4(U"a\U0001F50Bb")), 3);
        QCOMPARE(UnlockDialog::characterClasses(QStringLiteral("abc")), 1);
        QCOMPARE(UnlockDialog::characterClasses(QStringLiteral("aB3")), 3);
        QCOMPARE(UnlockDialog::characterClasses(QStringLiteral("aB3!")), 4);
        QCOMPARE(UnlockDialog::characterClasses(QString(QChar(0x0e01))), 1);
    }

    void secretBytesAreWiped()
    {
        auto secret = gtx::ui::SecretBytes::fromUtf8Of(QStringLiteral("abc"));
        QCOMPARE(secret.size(), std::size_t(3));
        QCOMPARE(secret.view()[0], std::uint8_t('a'));
        secret.wipe();
        QVERIFY(secret.empty());

        // The line edit's buffer is shared with text(): wiping overwrites both.
        QString original = QString::fromLatin1("secret");
        const QString sharer = original;
        gtx::ui::wipeSharedString(original);
        QCOMPARE(sharer, QString(6, QChar(0)));

        // A literal (read-only memory) is left alone rather than crashing.
        const QString literal = QStringLiteral("literal");
        gtx::ui::wipeSharedString(literal);
        QCOMPARE(literal, QStringLiteral("literal"));
    }

private:
    gtx::ui::LanguageManager m_languages;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeNode> m_node;
};

QTEST_MAIN(TestUnlockDialog)
#include "test_unlockdialog.moc"
