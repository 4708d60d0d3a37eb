// The console's life against a fake node: passphrase dialog in the right
// mode, then the main window, then a node shutdown off the GUI thread when
// the window closes.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "fakenode.h"
#endif

#include "ui/consolesession.h"
#include "ui/dialogs/unlockdialog.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using gtx::test::FakeNode;
using gtx::ui::ConsoleSession;
using gtx::ui::MainWindow;
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
        dialog->setOperatorName(QStringLiteral("somchai.k"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                         "pump storage at night");
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")),
                         "pump storage at night");
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);

        QTRY_VERIFY(topLevel<MainWindow>() != nullptr);
        QCOMPARE(m_node->createCalls(), 1);
        QCOMPARE(m_node->lastActor(), std::string("somchai.k"));
        QTRY_VERIFY(topLevel<UnlockDialog>() == nullptr);

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
        ConsoleSession session(*m_node, m_languages);
        session.start();
        QTRY_VERIFY(topLevel<UnlockDialog>() != nullptr);
        UnlockDialog *dialog = topLevel<UnlockDialog>();
        QCOMPARE(dialog->mode(), UnlockDialog::Mode::Unlock);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                         "the right passphrase");
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(topLevel<MainWindow>() != nullptr);
        QCOMPARE(m_node->unlockCalls(), 1);
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
