// The Audit page with a real node underneath: the trail newest first, paged
// both ways, filtered by operator; a note; "Verify integrity" in plain
// words (and, against the fake node, a broken trail said as such); CSV and
// PDF exports by an auditor, each recorded in the trail first, and refused
// by the node for a control-room operator.

// moc cannot parse the C++20 standard headers the node interface pulls in.
#ifndef Q_MOC_RUN
#include "core/common/clock.h"
#include "core/node/local_node.h"
#include "fakenode.h"
#endif

#include "ui/i18n/languagemanager.h"
#include "ui/models/auditmodel.h"
#include "ui/pages/auditpage.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace gtx;
using interfaces::Permission;
using interfaces::Role;
using interfaces::roleBit;

namespace {

const std::string kNodePass = "node passphrase 123";
const std::string kAdminPass = "admin passphrase 1";

ByteView view(const std::string &s)
{
    return ByteView(reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
}

QString text(QWidget &page, const char *name)
{
    return page.findChild<QLabel *>(QLatin1String(name))->text();
}

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_languages.setLanguage(ui::Language::English)); }
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void readsPagesFiltersVerifiesAndExports()
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
        QVERIFY(node.operators().addOperator(admin->token, {"aud", "Aud", roleBit(Role::Auditor)},
                                             view("auditor passphrase"), "").ok());
        QVERIFY(node.operators().addOperator(admin->token, {"op", "Op", roleBit(Role::ControlRoomOperator)},
                                             view("operator passphrase"), "").ok());
        for (int i = 0; i < 250; ++i)
            QVERIFY(node.operators().recordAction(admin->token, Permission::AnnotateAudit, "audit.note",
                                                  "note " + std::to_string(i), "zone=PEA-S").ok());
        auto aud = node.operators().signIn("aud", view("auditor passphrase"));
        QVERIFY(aud);

        ui::AuditPage page;
        page.resize(1200, 700);
        page.show();
        page.setOperator(&node, *aud);
        ui::AuditTableModel &model = *page.model();
        QTRY_COMPARE(model.rowCount(), int(ui::AuditPage::kPageRows));
        QTRY_VERIFY(!page.isBusy());
        const std::uint64_t total = node.status().auditRecords;
        QCOMPARE(model.rowAt(0)->sequence, total);   // newest first
        QCOMPARE(model.rowAt(0)->action, std::string("operator.signed_in"));
        QVERIFY(text(page, "pageLabel").startsWith("Page 1: records " + QString::number(total)));

        // Older, then newer again.
        auto *older = page.findChild<QPushButton *>("olderButton");
        auto *newer = page.findChild<QPushButton *>("newerButton");
        QVERIFY(older->isEnabled() && !newer->isEnabled());
        QTest::mouseClick(older, Qt::LeftButton);
        QTRY_COMPARE(model.rowAt(0)->sequence, total - ui::AuditPage::kPageRows);
        QTRY_VERIFY(!page.isBusy());
        QCOMPARE(model.rowAt(model.rowCount() - 1)->sequence, std::uint64_t(1));
        QVERIFY(!older->isEnabled() && newer->isEnabled());
        QTest::mouseClick(newer, Qt::LeftButton);
        QTRY_COMPARE(model.rowAt(0)->sequence, total);

        // By operator: the auditor's own records, named, signed with their key.
        auto *actors = page.findChild<QComboBox *>("actorCombo");
        QTRY_VERIFY(actors->findData(QStringLiteral("aud")) > 0);
        actors->setCurrentIndex(actors->findData(QStringLiteral("aud")));
        QTest::mouseClick(page.findChild<QPushButton *>("searchButton"), Qt::LeftButton);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, ui::AuditTableModel::Actor), Qt::DisplayRole).toString(),
                 QStringLiteral("Aud (aud)"));
        QCOMPARE(model.data(model.index(0, ui::AuditTableModel::Signature), Qt::DisplayRole).toString(),
                 QStringLiteral("Operator's key"));
        QCOMPARE(model.data(model.index(0, ui::AuditTableModel::Action), Qt::DisplayRole).toString(),
                 QStringLiteral("Signed in"));
        actors->setCurrentIndex(0);

        // Verify: intact, said plainly, and the check itself recorded.
        QSignalSpy verified(&page, &ui::AuditPage::verified);
        QTest::mouseClick(page.findChild<QPushButton *>("verifyButton"), Qt::LeftButton);
        QVERIFY(verified.wait(10000));
        QCOMPARE(verified.first().first().toBool(), true);
        QVERIFY(text(page, "resultLabel").startsWith("Intact: the chain of " + QString::number(total) + " records"));
        QTRY_COMPARE(model.rowAt(0)->action, std::string("audit.verified"));

        // Exports by the auditor: recorded first, then written.
        QSignalSpy exported(&page, &ui::AuditPage::exported);
        QTemporaryDir out;
        QVERIFY(!page.findChild<QPushButton *>("csvButton")->isHidden());
        page.exportTo(out.filePath("trail.csv"), false);
        QVERIFY(exported.wait(10000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        QFile csv(out.filePath("trail.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray csvText = csv.readAll();
        QCOMPARE(csvText.count('\n'), qsizetype(total + 1 + 1));   // header, every record and the check's
        QVERIFY(csvText.contains(",\"admin\",\"Admin\",\"audit.note\",\"note 249\",\"zone=PEA-S\","));
        QTRY_VERIFY(!page.isBusy());   // the page re-reads the trail after an export
        page.exportTo(out.filePath("trail.pdf"), true);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        QFile pdf(out.filePath("trail.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 20'000);
        int exports = 0;
        auto exportRecords = node.audit().query({0, 0, "aud", "audit.exported", ""}, 0, 10);
        QVERIFY(exportRecords);
        const std::vector<interfaces::AuditRow> exportRows = exportRecords->rows;
        for (const auto &r : exportRows) {
            ++exports;
            QVERIFY(r.byOperator);
        }
        QCOMPARE(exports, 2);

        // A control-room operator: no export buttons, and the node refuses.
        auto op = node.operators().signIn("op", view("operator passphrase"));
        QVERIFY(op);
        page.setOperator(&node, *op);
        QTRY_VERIFY(!page.isBusy());
        QVERIFY(page.findChild<QPushButton *>("csvButton")->isHidden());
        QVERIFY(page.findChild<QPushButton *>("pdfButton")->isHidden());
        QVERIFY(!page.findChild<QPushButton *>("noteButton")->isHidden());
        QTRY_VERIFY(!page.isBusy());
        page.exportTo(out.filePath("operator.csv"), false);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.back().at(0).toBool(), false);
        QVERIFY(exported.back().at(1).toString().contains("refused"));
        QVERIFY(!QFile::exists(out.filePath("operator.csv")));
        QTRY_VERIFY(!page.isBusy());
        node.shutdown();
    }

    void aBrokenTrailIsSaidPlainly()
    {
        test::FakeNode node("/nonexistent");
        interfaces::AuditVerification broken;
        broken.ok = false;
        broken.records = 297;
        broken.problem = "audit record 150: its hash does not match its content";
        node.fakeAudit().setVerification(broken);
        ui::AuditPage page;
        page.setOperator(&node, node.fakeOperators().openSession("aud", roleBit(Role::Auditor)));
        QTRY_VERIFY(!page.isBusy());
        QSignalSpy verified(&page, &ui::AuditPage::verified);
        page.verifyIntegrity();
        QVERIFY(verified.wait(5000));
        QCOMPARE(verified.first().first().toBool(), false);
        QVERIFY(text(page, "resultLabel").startsWith("NOT intact: audit record 150"));
        QVERIFY(text(page, "resultLabel").contains("report it"));
    }

private:
    ui::LanguageManager m_languages;
};

QTEST_MAIN(TestAuditPage)
#include "test_auditpage.moc"
