// Operators on the Settings page, with a real node underneath: an
// administrator adds an operator, changes their roles and disables them
// through the real dialog (each with a reason and their own passphrase
// again); the list follows by diff; anyone else sees the list without the
// buttons, and the node refuses them if they try anyway.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "core/common/clock.h"
#include "core/node/local_node.h"
#endif

#include "ui/dialogs/operatordialog.h"
#include "ui/i18n/languagemanager.h"
#include "ui/models/operatormodel.h"
#include "ui/pages/settingspage.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace gtx;
using interfaces::Role;
using interfaces::roleBit;

namespace {

const std::string kNodePass = "node passphrase 123";
const std::string kAdminPass = "admin passphrase 1";

ByteView view(const std::string &s)
{
    return ByteView(reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
}

ui::OperatorDialog *openDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<ui::OperatorDialog *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

void type(QWidget *dialog, const char *edit, const QString &text)
{
    auto *line = dialog->findChild<QLineEdit *>(QLatin1String(edit));
    QVERIFY(line);
    line->clear();
    QTest::keyClicks(line, text);
}

int rowOf(const ui::OperatorTableModel &model, const std::string &id)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.rowAt(r)->id == id)
            return r;
    return -1;
}

} // namespace

class TestOperatorSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_languages.setLanguage(ui::Language::English)); }
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void administratorManagesOperators()
    {
        QTemporaryDir dir;
        interfaces::NodeOptions options;
        options.dataDir = dir.path().toStdString();
        options.fastKdf = true;
        node::LocalNode node(options, std::make_shared<SystemClock>());
        QVERIFY(node.createLedger(view(kNodePass), "os:test").ok());
        auto admin = node.operators().createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)},
                                                               view(kAdminPass));
        QVERIFY(admin);

        ui::SettingsPage page(m_languages);
        page.setOperator(&node, *admin);
        page.show();
        ui::OperatorTableModel &model = *page.operatorModel();
        QTRY_COMPARE(model.rowCount(), 1);
        auto *add = page.findChild<QPushButton *>("addOperatorButton");
        auto *roles = page.findChild<QPushButton *>("changeRolesButton");
        auto *disable = page.findChild<QPushButton *>("disableOperatorButton");
        QVERIFY(!add->isHidden() && add->isEnabled());
        QVERIFY(!roles->isEnabled());   // nobody selected

        // Add: a reason and the administrator's passphrase are required; a
        // wrong one changes nothing.
        QTest::mouseClick(add, Qt::LeftButton);
        ui::OperatorDialog *dialog = openDialog();
        QVERIFY(dialog);
        type(dialog, "operatorIdEdit", "nid.s");
        type(dialog, "displayNameEdit", "Nid S.");
        dialog->findChild<QCheckBox *>("role-control-room-operator")->setChecked(true);
        type(dialog, "passphraseEdit", "nid initial pass");
        type(dialog, "confirmEdit", "nid initial pass");
        type(dialog, "adminPassphraseEdit", QString::fromStdString(kAdminPass));
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QVERIFY(dialog->findChild<QLabel *>("errorLabel")->isVisible());   // no reason
        QVERIFY(!dialog->isBusy());
        type(dialog, "reasonEdit", "night shift, ticket 4411");
        type(dialog, "passphraseEdit", "nid initial pass");
        type(dialog, "confirmEdit", "nid initial pass");
        type(dialog, "adminPassphraseEdit", "not my passphrase");
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>("errorLabel")->text().contains("nothing was changed"));
        QCOMPARE(node.operators().list().size(), std::size_t(1));
        type(dialog, "passphraseEdit", "nid initial pass");
        type(dialog, "confirmEdit", "nid initial pass");
        type(dialog, "adminPassphraseEdit", QString::fromStdString(kAdminPass));
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(openDialog() == nullptr);
        QTRY_COMPARE(model.rowCount(), 2);
        const int nid = rowOf(model, "nid.s");
        QVERIFY(nid >= 0);
        QCOMPARE(model.data(model.index(nid, ui::OperatorTableModel::Roles), Qt::DisplayRole).toString(),
                 QStringLiteral("control-room operator"));
        // They sign in with the passphrase they were given.
        QVERIFY(node.operators().signIn("nid.s", view("nid initial pass")));

        // Change roles, then disable: the row changes in place.
        auto *table = page.findChild<QTableView *>("operatorsView");
        table->setCurrentIndex(model.index(nid, 0));
        QVERIFY(roles->isEnabled() && disable->isEnabled());
        QTest::mouseClick(roles, Qt::LeftButton);
        dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QCheckBox *>("role-control-room-operator")->isChecked());
        dialog->findChild<QCheckBox *>("role-supervisor")->setChecked(true);
        type(dialog, "reasonEdit", "promoted to supervisor");
        type(dialog, "adminPassphraseEdit", QString::fromStdString(kAdminPass));
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(openDialog() == nullptr);
        QTRY_COMPARE(model.data(model.index(nid, ui::OperatorTableModel::Roles), Qt::DisplayRole).toString(),
                     QStringLiteral("control-room operator, supervisor"));

        // The last administrator cannot be disabled: the node says why.
        table->setCurrentIndex(model.index(rowOf(model, "admin"), 0));
        QTest::mouseClick(disable, Qt::LeftButton);
        dialog = openDialog();
        QVERIFY(dialog);
        type(dialog, "reasonEdit", "leaving");
        type(dialog, "adminPassphraseEdit", QString::fromStdString(kAdminPass));
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY(dialog->findChild<QLabel *>("errorLabel")->text().contains("last active administrator"));
        dialog->reject();

        table->setCurrentIndex(model.index(nid, 0));
        QTest::mouseClick(disable, Qt::LeftButton);
        dialog = openDialog();
        QVERIFY(dialog);
        type(dialog, "reasonEdit", "left the company");
        type(dialog, "adminPassphraseEdit", QString::fromStdString(kAdminPass));
        QTest::mouseClick(dialog->findChild<QPushButton *>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(openDialog() == nullptr);
        QTRY_COMPARE(model.data(model.index(nid, ui::OperatorTableModel::State), Qt::DisplayRole).toString(),
                     QStringLiteral("Disabled"));
        QVERIFY(!roles->isEnabled());
        QVERIFY(!node.operators().signIn("nid.s", view("nid initial pass")));

        // Anyone but an administrator: the list, no buttons, and the node
        // refuses the change if it is sent anyway.
        QVERIFY(node.operators().addOperator(admin->token, {"bee", "Bee", roleBit(Role::Auditor)},
                                             view("bee auditor pass"), "audit").ok());
        auto bee = node.operators().signIn("bee", view("bee auditor pass"));
        QVERIFY(bee);
        page.setOperator(&node, *bee);
        QVERIFY(add->isHidden() && roles->isHidden() && disable->isHidden());
        QTRY_COMPARE(model.rowCount(), 3);
        const Status refused = node.operators().setRoles(bee->token, "bee", roleBit(Role::Administrator), "me");
        QVERIFY(!refused);
        QCOMPARE(QString::fromStdString(refused.error().code), QStringLiteral("operator.not_permitted"));
        node.shutdown();
    }

private:
    ui::LanguageManager m_languages;
};

QTEST_MAIN(TestOperatorSettings)
#include "test_operatorsettings.moc"
