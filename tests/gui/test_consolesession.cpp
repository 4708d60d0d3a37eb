// The console's life against a fake node: passphrase dialog in the right
// mode, then the operator's sign-in (the first administrator on a new
// ledger), then the main window, the session locking and signing in again,
// then a node shutdown off the GUI thread when the window closes.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "fakenode.h"
#endif

#include "ui/consolesession.h"
#include "ui/dialogs/signindialog.h"
#include "ui/dialogs/unlockdialog.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using gtx::test::FakeNode;
using gtx::ui::ConsoleSession;
using gtx::ui::MainWindow;
using gtx::ui::SignInDialog;
using gtx::ui::UnlockDialog;

namespace {

template<typename T>
T *topLevel()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

void click(QWidget *dialog, const char *button)
{
    QTest::mouseClick(dialog->findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
}

void type(QWidget *dialog, const char *edit, const QString &text)
{
    auto *line = dialog->findChild<QLineEdit *>(QLatin1String(edit));
    line->clear();
    QTest::keyClicks(line, text);
}

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_languages.setLanguage(gtx::ui::Language::English)); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_node = std::make_unique<FakeNode>(m_dir.path().toStdString());
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void cleanup()
    {
        QThreadPool::globalInstance()->waitForDone();
        m_node.reset();
    }

    void firstRunCreatesLedgerThenShowsMainWindowThenShutsDown()
    {
        ConsoleSession session(*m_node, m_languages);
        QSignalSpy finished(&session, &ConsoleSession::finished);
        session.start();

        QTRY_VERIFY(topLevel<UnlockDialog>() != nullptr);
        UnlockDialog *dialog = topLevel<UnlockDialog>();
        QCOMPARE(dialog->mode(), UnlockDialog::Mode::Create);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                         "pump storage at night");
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")),
                         "pump storage at night");
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);

        // A new ledger has no operator: the first administrator is made.
        QTRY_VERIFY(topLevel<SignInDialog>() != nullptr);
        SignInDialog *signIn = topLevel<SignInDialog>();
        QCOMPARE(signIn->mode(), SignInDialog::Mode::FirstAdministrator);
        QCOMPARE(m_node->createCalls(), 1);
        QVERIFY(m_node->lastActor().rfind("os:", 0) == 0);
        QVERIFY(topLevel<MainWindow>() == nullptr);
        type(signIn, "operatorIdEdit", QStringLiteral("Somchai K"));   // the id's rule: typing cannot break it
        QCOMPARE(signIn->findChild<QLineEdit *>("operatorIdEdit")->text(), QStringLiteral("omchai"));
        type(signIn, "operatorIdEdit", QStringLiteral("somchai.k"));
        type(signIn, "displayNameEdit", QStringLiteral("Somchai K."));
        type(signIn, "passphraseEdit", QStringLiteral("night shift at the grid"));
        type(signIn, "confirmEdit", QStringLiteral("night shift at the grod"));
        click(signIn, "submitButton");
        QVERIFY(signIn->findChild<QLabel *>("errorLabel")->isVisible());   // they differ
        type(signIn, "passphraseEdit", QStringLiteral("night shift at the grid"));
        type(signIn, "confirmEdit", QStringLiteral("night shift at the grid"));
        click(signIn, "submitButton");

        QTRY_VERIFY(topLevel<MainWindow>() != nullptr);
        QTRY_VERIFY(topLevel<UnlockDialog>() == nullptr);
        QVERIFY(topLevel<SignInDialog>() == nullptr);
        MainWindow *shown = topLevel<MainWindow>();
        QCOMPARE(QString::fromStdString(shown->operatorSession().id), QStringLiteral("somchai.k"));
        QVERIFY(shown->operatorSession().roles == gtx::interfaces::roleBit(gtx::interfaces::Role::Administrator));
        QVERIFY(m_node->fakeOperators().lastCallThread() != QThread::currentThread());
        QVERIFY(shown->findChild<QLabel *>("operatorLabel")->text().contains("Somchai K. (somchai.k), administrator"));

        MainWindow *window = topLevel<MainWindow>();
        QVERIFY(!window->close());  // first the node shuts down...
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(m_node->shutdownCalls(), 1);
        QVERIFY(m_node->lastCallThread() != QThread::currentThread());
        QTRY_VERIFY(topLevel<MainWindow>() == nullptr);  // ...then the window goes
    }

    void existingLedgerAsksToUnlock()
    {
        m_node->setLedgerExists(true);
        m_node->setCorrectPassphrase("the right passphrase");
        m_node->fakeOperators().addAccount("nid", "Nid", gtx::interfaces::roleBit(gtx::interfaces::Role::Auditor),
                                           "control room one");
        ConsoleSession session(*m_node, m_languages);
        session.start();
        QTRY_VERIFY(topLevel<UnlockDialog>() != nullptr);
        UnlockDialog *dialog = topLevel<UnlockDialog>();
        QCOMPARE(dialog->mode(), UnlockDialog::Mode::Unlock);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                         "the right passphrase");
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(topLevel<SignInDialog>() != nullptr);
        QCOMPARE(m_node->unlockCalls(), 1);
        SignInDialog *signIn = topLevel<SignInDialog>();
        QCOMPARE(signIn->mode(), SignInDialog::Mode::SignIn);
        QVERIFY(signIn->findChild<QLineEdit *>("displayNameEdit")->isHidden());
        // A wrong passphrase and an unknown id read the same.
        type(signIn, "operatorIdEdit", QStringLiteral("nid"));
        type(signIn, "passphraseEdit", QStringLiteral("what was it again"));
        click(signIn, "submitButton");
        QTRY_VERIFY(!signIn->isBusy() && signIn->findChild<QLabel *>("errorLabel")->isVisible());
        const QString wrongPass = signIn->findChild<QLabel *>("errorLabel")->text();
        type(signIn, "operatorIdEdit", QStringLiteral("nobody"));
        type(signIn, "passphraseEdit", QStringLiteral("control room one"));
        click(signIn, "submitButton");
        QTRY_COMPARE(m_node->fakeOperators().signInCalls(), 2);
        QTRY_VERIFY(!signIn->isBusy());
        QCOMPARE(signIn->findChild<QLabel *>("errorLabel")->text(), wrongPass);
        QVERIFY(topLevel<MainWindow>() == nullptr);
        type(signIn, "operatorIdEdit", QStringLiteral("nid"));
        type(signIn, "passphraseEdit", QStringLiteral("control room one"));
        click(signIn, "submitButton");
        QTRY_VERIFY(topLevel<MainWindow>() != nullptr);
        QCOMPARE(QString::fromStdString(topLevel<MainWindow>()->operatorSession().id), QStringLiteral("nid"));
    }

    void lockedSessionAsksToSignInAgain()
    {
        m_node->setLedgerExists(true);
        m_node->setCorrectPassphrase("the right passphrase");
        m_node->fakeOperators().addAccount("nid", "Nid", gtx::interfaces::roleBit(gtx::interfaces::Role::Auditor),
                                           "control room one");
        m_node->fakeOperators().addAccount("pim", "Pim", gtx::interfaces::roleBit(gtx::interfaces::Role::Supervisor),
                                           "second shift pass");
        ConsoleSession session(*m_node, m_languages);
        session.setCheckIntervalMs(50);
        session.start();
        QTRY_VERIFY(topLevel<UnlockDialog>() != nullptr);
        type(topLevel<UnlockDialog>(), "passphraseEdit", QStringLiteral("the right passphrase"));
        click(topLevel<UnlockDialog>(), "submitButton");
        QTRY_VERIFY(topLevel<SignInDialog>() != nullptr);
        type(topLevel<SignInDialog>(), "operatorIdEdit", QStringLiteral("nid"));
        type(topLevel<SignInDialog>(), "passphraseEdit", QStringLiteral("control room one"));
        click(topLevel<SignInDialog>(), "submitButton");
        QTRY_VERIFY(topLevel<MainWindow>() != nullptr);
        MainWindow *window = topLevel<MainWindow>();

        // The node locks the session: the window stays, without an operator,
        // and the Locked dialog offers the same id.
        m_node->fakeOperators().lockAll();
        QTRY_VERIFY(topLevel<SignInDialog>() != nullptr);
        SignInDialog *locked = topLevel<SignInDialog>();
        QCOMPARE(locked->mode(), SignInDialog::Mode::Locked);
        QCOMPARE(locked->findChild<QLineEdit *>("operatorIdEdit")->text(), QStringLiteral("nid"));
        QVERIFY(window->isVisible());
        QVERIFY(window->operatorSession().token.empty());
        QCOMPARE(window->findChild<QLabel *>("operatorLabel")->text(), QStringLiteral("Not signed in"));

        // A shift change: another operator signs in instead.
        type(locked, "operatorIdEdit", QStringLiteral("pim"));
        type(locked, "passphraseEdit", QStringLiteral("second shift pass"));
        click(locked, "submitButton");
        QTRY_VERIFY(topLevel<SignInDialog>() == nullptr);
        QCOMPARE(QString::fromStdString(window->operatorSession().id), QStringLiteral("pim"));
        QVERIFY(window->operatorSession().roles == gtx::interfaces::roleBit(gtx::interfaces::Role::Supervisor));
    }

    void cancellingTheDialogShutsDown()
    {
        m_node->setLedgerExists(true);
        ConsoleSession session(*m_node, m_languages);
        QSignalSpy finished(&session, &ConsoleSession::finished);
        session.start();
        QTRY_VERIFY(topLevel<UnlockDialog>() != nullptr);
        topLevel<UnlockDialog>()->reject();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_node->shutdownCalls(), 1);
        QCOMPARE(m_node->unlockCalls(), 0);
        QVERIFY(topLevel<MainWindow>() == nullptr);
    }

private:
    gtx::ui::LanguageManager m_languages;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeNode> m_node;
};

QTEST_MAIN(TestConsoleSession)
#include "test_consolesession.moc"
