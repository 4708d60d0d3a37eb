// Operators and roles on a real embedded node (no network): the first
// administrator, sign-in, the role table as the node enforces it, idle
// locking, re-authentication, and a roster that holds against records
// written around the node by someone with the database key.

#include "core/crypto/keystore.h"
#include "core/ledger/ledger.h"
#include "core/node/local_node.h"
#include "core/node/roster.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <memory>

using namespace gtx;
using interfaces::NewOperator;
using interfaces::Permission;
using interfaces::Role;
using interfaces::roleBit;

namespace {

const std::string kNodePass = "node passphrase 123";
const std::string kAdminPass = "admin passphrase 1";
const std::string kAlicePass = "alice passphrase 1";
const std::string kBobPass = "bob the auditor 12";

ByteView view(const std::string &s)
{
    return ByteView(reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
}

QString tempBase()
{
    const QString base = qEnvironmentVariable("GTX_TEST_TMP");
    if (!base.isEmpty())
        QDir().mkpath(base);
    return base.isEmpty() ? QDir::tempPath() : base;
}

struct Fixture
{
    std::unique_ptr<QTemporaryDir> tmp = std::make_unique<QTemporaryDir>(tempBase() + "/operators-XXXXXX");
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'780'000'000'000);
    std::unique_ptr<node::LocalNode> node;

    std::filesystem::path dir() const { return std::filesystem::path(tmp->path().toStdString()); }

    void start()
    {
        interfaces::NodeOptions options;
        options.dataDir = dir();
        options.fastKdf = true;
        options.sessionIdleMs = 60'000;
        node = std::make_unique<node::LocalNode>(options, clock);
    }
};

std::vector<ledger::AuditRecord> trail(const std::filesystem::path &dir)
{
    auto l = ledger::Ledger::open(dir, view(kNodePass));
    if (!l)
        return {};
    auto records = (*l)->auditRange(1, 10'000);
    return records ? *records : std::vector<ledger::AuditRecord>{};
}

} // namespace

class TestOperators : public QObject
{
    Q_OBJECT

private slots:
    void firstAdministratorThenSignIn();
    void rolesDecideWhatTheNodeAccepts();
    void rosterRulesHold();
    void sessionsLockWhenIdle();
    void forgedRecordsAreRefusedByTheFold();
    void rosterRecordsParseOneWayOnly();
    void auditQueryFiltersAndPages();
};

void TestOperators::firstAdministratorThenSignIn()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    QVERIFY(ops.needsFirstAdministrator());

    // The first operator must be an administrator; the policy holds.
    auto notAdmin = ops.createFirstAdministrator({"somchai", "Somchai K.", roleBit(Role::Supervisor)}, view(kAdminPass));
    QVERIFY(!notAdmin);
    QCOMPARE(QString::fromStdString(notAdmin.error().code), QStringLiteral("operator.invalid"));
    auto shortPass = ops.createFirstAdministrator({"somchai", "Somchai K.", roleBit(Role::Administrator)}, view("short"));
    QVERIFY(!shortPass);
    QCOMPARE(QString::fromStdString(shortPass.error().code), QStringLiteral("passphrase.too_short"));
    auto badId = ops.createFirstAdministrator({"Somchai K", "Somchai K.", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(!badId);
    QVERIFY(ops.needsFirstAdministrator());

    auto admin = ops.createFirstAdministrator({"somchai", "Somchai K.", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY2(admin, admin ? "" : admin.error().message.c_str());
    QCOMPARE(QString::fromStdString(admin->id), QStringLiteral("somchai"));
    QVERIFY(!ops.needsFirstAdministrator());
    QVERIFY(std::filesystem::exists(f.dir() / "operators" / "somchai.key"));
    auto again = ops.createFirstAdministrator({"other", "Other", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(!again);
    QCOMPARE(QString::fromStdString(again.error().code), QStringLiteral("operator.exists"));

    // A restart folds the same roster out of the trail.
    f.node->shutdown();
    f.start();
    QVERIFY(f.node->unlock(view(kNodePass), "console").ok());
    interfaces::Operators &reopened = f.node->operators();
    QVERIFY(!reopened.needsFirstAdministrator());
    const auto rows = reopened.list();
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(rows[0].displayName), QStringLiteral("Somchai K."));
    QVERIFY(rows[0].roles == roleBit(Role::Administrator));

    auto wrong = reopened.signIn("somchai", view("not the passphrase"));
    QVERIFY(!wrong);
    QCOMPARE(QString::fromStdString(wrong.error().code), QStringLiteral("operator.wrong_passphrase"));
    auto unknown = reopened.signIn("nobody", view(kAdminPass));
    QVERIFY(!unknown);
    QCOMPARE(QString::fromStdString(unknown.error().code), QStringLiteral("operator.unknown"));
    auto in = reopened.signIn("somchai", view(kAdminPass));
    QVERIFY2(in, in ? "" : in.error().message.c_str());
    reopened.signOut(in->token);
    QVERIFY(!reopened.session(in->token));
    f.node->shutdown();

    // Every attempt is in the trail, each sign-in signed by the operator.
    const auto records = trail(f.dir());
    const auto key = rows[0].key;
    int failed = 0, signedIn = 0, signedOut = 0;
    for (const auto &r : records) {
        if (r.entry.action == "operator.sign_in_failed")
            ++failed;
        if (r.entry.action == "operator.signed_in") {
            ++signedIn;
            QCOMPARE(QString::fromStdString(r.signer.hex()), QString::fromStdString(key));
        }
        if (r.entry.action == "operator.signed_out")
            ++signedOut;
    }
    QCOMPARE(failed, 2);
    QCOMPARE(signedIn, 2);   // at creation and after the restart
    QCOMPARE(signedOut, 1);
}

void TestOperators::rolesDecideWhatTheNodeAccepts()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    auto admin = ops.createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(admin);
    QVERIFY(ops.addOperator(admin->token, {"alice", "Alice", roleBit(Role::ControlRoomOperator)}, view(kAlicePass),
                            "night shift").ok());
    QVERIFY(ops.addOperator(admin->token, {"bob", "Bob", roleBit(Role::Auditor)}, view(kBobPass), "audit").ok());

    auto alice = ops.signIn("alice", view(kAlicePass));
    auto bob = ops.signIn("bob", view(kBobPass));
    QVERIFY(alice && bob);
    QVERIFY(alice->roles == roleBit(Role::ControlRoomOperator));

    // An auditor cannot request a halt or approve; a control-room operator
    // can request but not approve; nobody but an administrator manages
    // operators.
    const Status bobHalt = ops.recordAction(bob->token, Permission::RequestHalt, "emergency.requested", "x", "");
    QVERIFY(!bobHalt);
    QCOMPARE(QString::fromStdString(bobHalt.error().code), QStringLiteral("operator.not_permitted"));
    QVERIFY(ops.recordAction(bob->token, Permission::ExportAudit, "audit.exported", "quarterly", "rows=10").ok());
    QVERIFY(ops.recordAction(alice->token, Permission::RequestHalt, "emergency.requested", "line trip", "zone=PEA-S").ok());
    QVERIFY(!ops.recordAction(alice->token, Permission::ApproveCritical, "emergency.approved", "", ""));
    QVERIFY(!ops.addOperator(alice->token, {"mallory", "Mallory", roleBit(Role::Administrator)}, view(kAlicePass), ""));
    QVERIFY(!ops.setRoles(bob->token, "bob", roleBit(Role::Supervisor), "promote myself"));
    // A command cannot pass for a roster change.
    QVERIFY(!ops.recordAction(alice->token, Permission::AnnotateAudit, "operator.added", "", ""));

    // Roles follow the roster at once: alice made supervisor can approve.
    QVERIFY(ops.setRoles(admin->token, "alice", roleBit(Role::Supervisor), "promotion").ok());
    QVERIFY(ops.recordAction(alice->token, Permission::ApproveCritical, "emergency.approved", "", "").ok());
    auto described = ops.session(alice->token);
    QVERIFY(described && described->roles == roleBit(Role::Supervisor));

    // Disabling ends the session and sign-in.
    QVERIFY(ops.disableOperator(admin->token, "bob", "left the company").ok());
    QVERIFY(!ops.recordAction(bob->token, Permission::AnnotateAudit, "audit.note", "", ""));
    auto bobAgain = ops.signIn("bob", view(kBobPass));
    QVERIFY(!bobAgain);
    QCOMPARE(QString::fromStdString(bobAgain.error().code), QStringLiteral("operator.unknown"));
    f.node->shutdown();

    // Each command is signed by the operator who gave it.
    const auto rows = [&] {
        f.start();
        (void)f.node->unlock(view(kNodePass), "console");
        auto list = f.node->operators().list();
        f.node->shutdown();
        return list;
    }();
    std::map<std::string, std::string> keyOf;
    for (const auto &r : rows)
        keyOf[r.id] = r.key;
    bool sawExport = false, sawApprove = false;
    for (const auto &r : trail(f.dir())) {
        if (r.entry.action == "audit.exported") {
            sawExport = true;
            QCOMPARE(r.signer.hex(), keyOf["bob"]);
            QCOMPARE(QString::fromStdString(r.entry.actor), QStringLiteral("bob"));
        }
        if (r.entry.action == "emergency.approved") {
            sawApprove = true;
            QCOMPARE(r.signer.hex(), keyOf["alice"]);
        }
    }
    QVERIFY(sawExport && sawApprove);
}

void TestOperators::rosterRulesHold()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    auto admin = ops.createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(admin);

    // The last administrator can neither be disabled nor lose the role.
    QVERIFY(!ops.disableOperator(admin->token, "admin", "oops"));
    QVERIFY(!ops.setRoles(admin->token, "admin", roleBit(Role::Auditor), "oops"));
    // Ids are unique, names are clean, roles are not empty.
    QVERIFY(!ops.addOperator(admin->token, {"admin", "Admin 2", roleBit(Role::Auditor)}, view(kBobPass), ""));
    QVERIFY(!ops.addOperator(admin->token, {"carol", "Carol\nInjected", roleBit(Role::Auditor)}, view(kBobPass), ""));
    QVERIFY(!ops.addOperator(admin->token, {"carol", "Carol", 0}, view(kBobPass), ""));
    QVERIFY(!ops.addOperator(admin->token, {"carol", "Carol", roleBit(Role::Auditor)}, view("short"), ""));
    QVERIFY(!std::filesystem::exists(f.dir() / "operators" / "carol.key"));
    // Thai display names are welcome.
    QVERIFY(ops.addOperator(admin->token, {"carol", "\xe0\xb8\xaa\xe0\xb8\xa1\xe0\xb8\x8a\xe0\xb8\xb2\xe0\xb8\xa2",
                                           roleBit(Role::Administrator)}, view(kBobPass), "second admin").ok());
    // With a second administrator the first may step down.
    QVERIFY(ops.setRoles(admin->token, "admin", roleBit(Role::Auditor), "handover").ok());
    QVERIFY(!ops.addOperator(admin->token, {"dave", "Dave", roleBit(Role::Auditor)}, view(kBobPass), ""));

    // A swapped key file is refused, even under the right passphrase.
    const auto carolFile = f.dir() / "operators" / "carol.key";
    std::filesystem::remove(carolFile);
    QVERIFY(crypto::saveKeystore(carolFile, crypto::KeyPair::generate(), "operator", view(kBobPass),
                                 crypto::Argon2Params::interactive()).ok());
    auto swapped = ops.signIn("carol", view(kBobPass));
    QVERIFY(!swapped);
    QCOMPARE(QString::fromStdString(swapped.error().code), QStringLiteral("operator.key_mismatch"));
}

void TestOperators::sessionsLockWhenIdle()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    int changes = 0;
    auto handler = ops.handleChanged([&](const std::vector<interfaces::OperatorRow> &) { ++changes; });
    auto admin = ops.createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(admin);
    const int afterCreate = changes;

    f.clock->advance(59'000);
    QVERIFY(ops.keepAlive(admin->token).ok());
    f.clock->advance(59'000);   // within the minute of the last use
    QVERIFY(ops.recordAction(admin->token, Permission::AnnotateAudit, "audit.note", "still here", "").ok());

    // Re-authentication: the wrong passphrase is refused and recorded.
    const Status wrong = ops.confirm(admin->token, view("wrong passphrase!"));
    QVERIFY(!wrong);
    QCOMPARE(QString::fromStdString(wrong.error().code), QStringLiteral("operator.wrong_passphrase"));
    QVERIFY(ops.confirm(admin->token, view(kAdminPass)).ok());

    f.clock->advance(60'001);
    const Status late = ops.recordAction(admin->token, Permission::AnnotateAudit, "audit.note", "", "");
    QVERIFY(!late);
    QCOMPARE(QString::fromStdString(late.error().code), QStringLiteral("operator.session_locked"));
    QVERIFY(changes > afterCreate);
    QVERIFY(!ops.session(admin->token));
    QVERIFY(ops.signIn("admin", view(kAdminPass)));
    f.node->shutdown();

    int locked = 0, confirmed = 0, confirmFailed = 0;
    for (const auto &r : trail(f.dir())) {
        locked += r.entry.action == "operator.session_locked" ? 1 : 0;
        confirmed += r.entry.action == "operator.confirmed" ? 1 : 0;
        confirmFailed += r.entry.action == "operator.confirm_failed" ? 1 : 0;
    }
    QCOMPARE(locked, 1);
    QCOMPARE(confirmed, 1);
    QCOMPARE(confirmFailed, 1);
}

void TestOperators::forgedRecordsAreRefusedByTheFold()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    {
        interfaces::Operators &ops = f.node->operators();
        auto admin = ops.createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)}, view(kAdminPass));
        QVERIFY(admin);
        QVERIFY(ops.addOperator(admin->token, {"alice", "Alice", roleBit(Role::ControlRoomOperator)}, view(kAlicePass),
                                "").ok());
    }
    f.node->shutdown();

    // Someone with the database key, but no administrator's key, writes
    // roster records around the node: signed by a key of their own, by
    // alice's (not an administrator), or claiming the administrator's id.
    const crypto::KeyPair mallory = crypto::KeyPair::generate();
    crypto::KeyPair alice;
    {
        auto loaded = crypto::loadKeystore(f.dir() / "operators" / "alice.key", view(kAlicePass));
        QVERIFY(loaded);
        alice = std::move(loaded).value();
    }
    node::RosterChange add;
    add.kind = node::RosterChange::Kind::Added;
    add.id = "mallory";
    add.roles = roleBit(Role::Administrator);
    add.key = mallory.publicKey();
    add.displayName = "Mallory";
    const std::string details = node::rosterDetails(add);
    {
        auto l = ledger::Ledger::open(f.dir(), view(kNodePass));
        QVERIFY(l);
        QVERIFY((*l)->appendAudit({1, "mallory", "operator.added", "", details}, mallory).ok());
        QVERIFY((*l)->appendAudit({2, "admin", "operator.added", "", details}, mallory).ok());
        QVERIFY((*l)->appendAudit({3, "alice", "operator.added", "", details}, alice).ok());
        QVERIFY((*l)->appendAudit({4, "alice", "operator.roles_changed", "", "id=alice roles=administrator"}, alice).ok());
        QVERIFY((*l)->verify().ok);   // each record is well signed: only the roster's rules refuse them
    }
    QVERIFY(crypto::saveKeystore(f.dir() / "operators" / "mallory.key", mallory, "operator", view(kAlicePass),
                                 crypto::Argon2Params::interactive()).ok());

    f.start();
    QVERIFY(f.node->unlock(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    const auto rows = ops.list();
    QCOMPARE(rows.size(), std::size_t(2));
    for (const auto &r : rows) {
        QVERIFY(r.id != "mallory");
        if (r.id == "alice")
            QVERIFY(r.roles == roleBit(Role::ControlRoomOperator));
    }
    QVERIFY(!ops.signIn("mallory", view(kAlicePass)));
    auto a = ops.signIn("alice", view(kAlicePass));
    QVERIFY(a);
    QVERIFY(!ops.recordAction(a->token, Permission::ManageOperators, "audit.note", "", ""));
    QVERIFY(f.node->operators().list().size() == 2);

    // The same trail folded by hand: the four forged records are counted.
    f.node->shutdown();
    node::Roster roster;
    for (const auto &r : trail(f.dir()))
        (void)roster.apply(r);
    QCOMPARE(roster.refused(), std::uint64_t(4));
    QCOMPARE(roster.operators().size(), std::size_t(2));
}

void TestOperators::rosterRecordsParseOneWayOnly()
{
    node::RosterChange add;
    add.kind = node::RosterChange::Kind::Added;
    add.id = "somchai.k";
    add.roles = roleBit(Role::Supervisor) | roleBit(Role::Auditor);
    add.key = crypto::KeyPair::generate().publicKey();
    add.displayName = "Somchai K. (night shift)";
    ledger::AuditEntry entry{1, "admin", std::string(node::kOperatorAdded), "", node::rosterDetails(add)};
    std::string problem;
    auto parsed = node::parseRosterChange(entry, &problem);
    QVERIFY(parsed && problem.empty());
    QVERIFY(*parsed == add);

    // Any other spelling is refused: reordered, doubled spaces, a repeat.
    const std::vector<std::string> variants = {
        "roles=supervisor,auditor id=somchai.k key=" + add.key.hex() + " name=x",
        "id=somchai.k  roles=supervisor,auditor key=" + add.key.hex() + " name=x",
        "id=somchai.k roles=auditor,supervisor key=" + add.key.hex() + " name=x",
        "id=somchai.k roles=supervisor,auditor key=" + add.key.hex().substr(2) + " name=x",
        "id=somchai.k roles=supervisor,auditor,auditor key=" + add.key.hex() + " name=x",
        "id=somchai.k roles=supervisor,auditor key=" + add.key.hex(),
    };
    for (const auto &d : variants) {
        problem.clear();
        entry.details = d;
        auto p = node::parseRosterChange(entry, &problem);
        QVERIFY2(p && !problem.empty(), d.c_str());
    }
    entry.action = "operator.signed_in";
    QVERIFY(!node::parseRosterChange(entry, &problem));
}

void TestOperators::auditQueryFiltersAndPages()
{
    Fixture f;
    f.start();
    QVERIFY(f.node->createLedger(view(kNodePass), "console").ok());
    interfaces::Operators &ops = f.node->operators();
    auto admin = ops.createFirstAdministrator({"admin", "Admin", roleBit(Role::Administrator)}, view(kAdminPass));
    QVERIFY(admin);
    QVERIFY(ops.addOperator(admin->token, {"alice", "Alice", roleBit(Role::ControlRoomOperator)}, view(kAlicePass),
                            "").ok());
    auto alice = ops.signIn("alice", view(kAlicePass));
    QVERIFY(alice);
    // 1,200 commands over 1,200 minutes: every third one names PEA-S, every
    // fifth is alice's alarm handling, the rest the administrator's notes.
    const std::int64_t start = f.clock->nowMs() + 1;   // after the set-up's records
    for (int i = 0; i < 1200; ++i) {
        f.clock->set(start + std::int64_t(i) * 60'000);
        const std::string zone = i % 3 == 0 ? "zones=PEA-N,PEA-S" : "zone=MEA-METRO";
        const Status s = i % 5 == 0
                             ? ops.recordAction(alice->token, Permission::HandleAlarms, "alarm.acknowledged", "", zone)
                             : ops.recordAction(admin->token, Permission::AnnotateAudit, "audit.note", "n", zone);
        QVERIFY(s.ok());
        (void)ops.keepAlive(alice->token);
        (void)ops.keepAlive(admin->token);
    }
    interfaces::AuditView &audit = f.node->audit();
    const std::uint64_t total = f.node->status().auditRecords;

    // Everything, newest first, in pages that cross the read batches.
    std::uint64_t before = 0, seen = 0, last = UINT64_MAX;
    int pages = 0;
    do {
        auto page = audit.query({}, before, 300);
        QVERIFY2(page, page ? "" : page.error().message.c_str());
        QCOMPARE(page->total, total);
        for (const auto &r : page->rows) {
            QVERIFY(r.sequence < last);
            last = r.sequence;
        }
        seen += page->rows.size();
        before = page->nextBefore;
        ++pages;
    } while (before != 0 && pages < 100);
    QCOMPARE(seen, total);
    QCOMPARE(last, std::uint64_t(1));

    // By operator and action, with names and their own signatures.
    auto alarms = audit.query({0, 0, "alice", "alarm.", ""}, 0, 1000);
    QVERIFY(alarms);
    QCOMPARE(alarms->rows.size(), std::size_t(240));
    QVERIFY(alarms->rows.front().actorName == "Alice" && alarms->rows.front().byOperator);
    QCOMPARE(alarms->nextBefore, std::uint64_t(0));
    // By zone: "zones=PEA-N,PEA-S" names PEA-S, "zone=MEA-METRO" does not.
    auto south = audit.query({0, 0, "", "", "PEA-S"}, 0, 1000);
    QVERIFY(south);
    QCOMPARE(south->rows.size(), std::size_t(400));
    auto metro = audit.query({0, 0, "", "audit.note", "MEA-METRO"}, 0, 1000);
    QVERIFY(metro);
    QCOMPARE(metro->rows.size(), std::size_t(640));   // of 960 notes, those not divisible by 3
    // By time: the first hour of commands.
    auto hour = audit.query({start, start + 3'600'000, "", "", ""}, 0, 1000);
    QVERIFY(hour);
    QCOMPARE(hour->rows.size(), std::size_t(60));
    // An exact action is not a prefix.
    auto exact = audit.query({0, 0, "", "alarm", ""}, 0, 10);
    QVERIFY(exact && exact->rows.empty());
    // The node's own records are not an operator's.
    auto node = audit.query({0, 0, "console", "", ""}, 0, 10);
    QVERIFY(node && !node->rows.empty() && !node->rows.front().byOperator && node->rows.front().actorName.empty());

    auto verified = audit.verify();
    QVERIFY(verified && verified->ok);
    QCOMPARE(verified->records, total);
    f.node->shutdown();
    QVERIFY(!f.node->audit().query({}, 0, 10));
}

QTEST_GUILESS_MAIN(TestOperators)
#include "test_operators.moc"
