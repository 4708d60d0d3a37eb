// gtx-node: the headless GridTokenX node and its tools.
//
//   gtx-node --version
//   gtx-node keygen --out FILE [--role node|operator] [--passphrase-file FILE]
//   gtx-node init --data-dir DIR [--network devnet] [--passphrase-file FILE]
//   gtx-node ledger verify --data-dir DIR [--passphrase-file FILE]
//   gtx-node ledger passwd --data-dir DIR [--passphrase-file FILE] [--new-passphrase-file FILE]
//   gtx-node status --data-dir DIR [--passphrase-file FILE]
//   gtx-node status --config FILE [--json]       (asks the running node)
//   gtx-node query --config FILE account KEY | block HEIGHT | validators [--json]
//   gtx-node tx --config FILE --key KEYFILE transfer|delegate|unbond --to KEY --amount GT [--json]
//                                                (see app/node/control_command.h)
//   gtx-node simulate --seed S --runs N [...]   (see app/node/simulate_command.h)
//   gtx-node run --config FILE                   (see app/node/run_command.h)
//   gtx-node devnet --dir DIR [--duration S]
//   gtx-node meters check [--seed S] [--meters N] [--intervals K] (see app/node/meters_command.h)
//   gtx-node meters feed --devnet DIR [--backfill-hours H] [--once]
//   gtx-node double-sign --devnet DIR --node NAME [--slot S] (see app/node/offence_command.h)
//   gtx-node bench state | ingest | devnet [...]  (see app/node/bench_*.h)
//
// Every error is one line on stderr and a non-zero exit status:
// 1 for a failed operation, 2 for a command-line mistake.

#include "app/node/passphrase_input.h"
#include "app/node/bench_command.h"
#include "app/node/bench_devnet.h"
#include "app/node/bench_ingest.h"
#include "app/node/control_command.h"
#include "app/node/meters_command.h"
#include "app/node/offence_command.h"
#include "app/node/run_command.h"
#include "app/node/simulate_command.h"
#include "core/sim/scenario.h"
#include "core/crypto/keystore.h"
#include "core/crypto/process_hardening.h"
#include "core/crypto/sodium.h"
#include "core/ledger/ledger.h"
#include "core/node/interface.h"
#include "core/node/node_key.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

using namespace gtx;

int fail(const std::string &message)
{
    std::cerr << "gtx-node: error: " << message << '\n';
    return 1;
}

int fail(const Error &error)
{
    return fail(error.message);
}

std::string currentUser()
{
    if (const char *user = std::getenv("USER"); user && *user)
        return user;
    return "uid:" + std::to_string(::getuid());
}

crypto::Argon2Params kdfByName(const std::string &name)
{
    return name == "interactive" ? crypto::Argon2Params::interactive()
                                 : crypto::Argon2Params::moderate();
}

struct Options
{
    std::string out;
    std::string role = "node";
    std::string dataDir;
    std::string network = "devnet";
    std::string passphraseFile;
    std::string newPassphraseFile;
    std::string kdf = "moderate";
};

int runKeygen(const Options &o)
{
    auto pass = app::obtainPassphrase(o.passphraseFile, "Passphrase for the new key file", true);
    if (!pass)
        return fail(pass.error());
    const crypto::KeyPair key = crypto::KeyPair::generate();
    if (auto saved = crypto::saveKeystore(o.out, key, o.role, pass->view(), kdfByName(o.kdf)); !saved)
        return fail(saved.error());
    std::cout << "keygen: wrote " << o.role << " key " << key.publicKey().hex() << " to " << o.out
              << '\n';
    return 0;
}

int runInit(const Options &o)
{
    if (ledger::Ledger::exists(o.dataDir))
        return fail("A ledger already exists in '" + o.dataDir + "'.");
    auto pass = app::obtainPassphrase(o.passphraseFile, "Passphrase for the new ledger", true);
    if (!pass)
        return fail(pass.error());
    interfaces::NodeOptions options;
    options.dataDir = o.dataDir;
    options.networkName = o.network;
    options.fastKdf = o.kdf == "interactive";
    auto node = interfaces::makeLocalNode(options);
    if (auto created = node->createLedger(pass->view(), "gtx-node init by " + currentUser());
        !created)
        return fail(created.error());
    const interfaces::NodeStatus s = node->status();
    node->shutdown();
    std::cout << "init: created the " << o.network << " ledger in " << o.dataDir
              << " (genesis " << s.headHash << ")\n";
    return 0;
}

Result<std::unique_ptr<ledger::Ledger>> openLedger(const Options &o)
{
    if (!ledger::Ledger::exists(o.dataDir))
        return makeError("ledger.not_found", "No ledger in '" + o.dataDir
                                                 + "': create one with gtx-node init.");
    auto pass = app::obtainPassphrase(o.passphraseFile, "Ledger passphrase", false);
    if (!pass)
        return pass.error();
    return ledger::Ledger::open(o.dataDir, pass->view());
}

int runVerify(const Options &o)
{
    auto opened = openLedger(o);
    if (!opened)
        return fail(opened.error());
    const ledger::VerifyReport report = (*opened)->verify();
    if (!report.ok) {
        std::cout << "ledger verify: FAILED: " << report.problem << '\n';
        return 1;
    }
    std::cout << "ledger verify: OK: " << report.blocks << " blocks, " << report.auditRecords
              << " audit records";
    if (report.unsignedAuditRecords > 0)
        std::cout << " (the first " << report.unsignedAuditRecords
                  << " unsigned, written before records were signed)";
    std::cout << ", head " << (*opened)->headHash().hex() << ", state root "
              << (*opened)->stateRoot().hex() << '\n';
    return 0;
}

int runPasswd(const Options &o)
{
    if (!ledger::Ledger::exists(o.dataDir))
        return fail(makeError("ledger.not_found", "No ledger in '" + o.dataDir
                                                      + "': create one with gtx-node init."));
    auto old = app::obtainPassphrase(o.passphraseFile, "Ledger passphrase", false);
    if (!old)
        return fail(old.error());
    auto opened = ledger::Ledger::open(o.dataDir, old->view());
    if (!opened)
        return fail(opened.error());
    auto pass = app::obtainPassphrase(o.newPassphraseFile, "New ledger passphrase", true);
    if (!pass)
        return fail(pass.error());
    // The node's own key (node.key) is re-sealed with the ledger.
    if (auto changed = node::changeLedgerPassphrase(**opened, o.dataDir, old->view(), pass->view(),
                                                    kdfByName(o.kdf));
        !changed)
        return fail(changed.error());
    std::cout << "ledger passwd: the ledger in " << o.dataDir << " now opens with the new passphrase\n";
    return 0;
}

int runStatus(const Options &o)
{
    auto opened = openLedger(o);
    if (!opened)
        return fail(opened.error());
    const auto &l = **opened;
    std::cout << "height " << l.height() << "\nhead " << l.headHash().hex() << "\nstate root "
              << l.stateRoot().hex() << "\naudit records " << l.auditCount() << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // Secrets must never reach a core file.
    gtx::crypto::hardenProcess();
    if (!gtx::crypto::initialize())
        return fail("The cryptography library (libsodium) could not be initialised.");

    CLI::App app{"GridTokenX node: consensus node for Thailand's energy-trading network, and its tools."};
    app.name("gtx-node");
    app.set_version_flag("--version", std::string("gtx-node ") + GTX_VERSION_STRING);
    app.require_subcommand(1);
    Options o;
    const std::string kdfHelp = "Key-derivation cost: moderate (default) or interactive (devnet, tests)";

    auto *keygen = app.add_subcommand("keygen", "Create a signing key file protected by a passphrase");
    keygen->add_option("--out", o.out, "Key file to create")->required();
    keygen->add_option("--role", o.role, "Role recorded in the key file")
        ->check(CLI::IsMember({"node", "operator"}));
    keygen->add_option("--passphrase-file", o.passphraseFile, "Read the passphrase from this file");
    keygen->add_option("--kdf", o.kdf, kdfHelp)->check(CLI::IsMember({"moderate", "interactive"}));

    auto *init = app.add_subcommand("init", "Create an encrypted ledger with its genesis block");
    init->add_option("--data-dir", o.dataDir, "Data directory")->required();
    init->add_option("--network", o.network, "Network: devnet or testnet");
    init->add_option("--passphrase-file", o.passphraseFile, "Read the passphrase from this file");
    init->add_option("--kdf", o.kdf, kdfHelp)->check(CLI::IsMember({"moderate", "interactive"}));

    auto *ledgerCmd = app.add_subcommand("ledger", "Inspect or maintain the encrypted ledger");
    ledgerCmd->require_subcommand(1);
    auto *verify = ledgerCmd->add_subcommand("verify", "Check the block and audit hash chains and the state root");
    verify->add_option("--data-dir", o.dataDir, "Data directory")->required();
    verify->add_option("--passphrase-file", o.passphraseFile, "Read the passphrase from this file");
    auto *passwd = ledgerCmd->add_subcommand("passwd", "Change the ledger passphrase");
    passwd->add_option("--data-dir", o.dataDir, "Data directory")->required();
    passwd->add_option("--passphrase-file", o.passphraseFile, "Read the current passphrase from this file");
    passwd->add_option("--new-passphrase-file", o.newPassphraseFile, "Read the new passphrase from this file");
    passwd->add_option("--kdf", o.kdf, kdfHelp)->check(CLI::IsMember({"moderate", "interactive"}));

    std::string statusConfig;
    bool statusJson = false;
    auto *status = app.add_subcommand("status", "Show the ledger head, or ask a running node (--config) for its heights");
    auto *statusDir = status->add_option("--data-dir", o.dataDir, "Data directory (reads the ledger itself)");
    status->add_option("--passphrase-file", o.passphraseFile, "Read the passphrase from this file");
    auto *statusCfg = status->add_option("--config", statusConfig, "A running node's configuration: ask the node");
    status->add_flag("--json", statusJson, "With --config: print the node's reply, one JSON object");
    statusDir->excludes(statusCfg);
    status->require_option(1, 3);

    gtx::app::QueryOptions queryOptions;
    auto *query = app.add_subcommand("query", "Ask a running node for an account, a block or the validators");
    gtx::app::addQueryOptions(query, queryOptions);

    gtx::app::TxOptions txOptions;
    auto *tx = app.add_subcommand("tx", "Sign a transaction with a key file and hand it to a running node");
    gtx::app::addTxOptions(tx, txOptions);

    gtx::app::SimulateOptions simulateOptions;
    auto *simulate = app.add_subcommand(
        "simulate", "Run whole simulated networks from seeds and check the consensus invariants");
    gtx::app::addSimulateOptions(simulate, simulateOptions);

    gtx::app::BenchOptions benchOptions;
    gtx::app::BenchDevnetOptions benchDevnetOptions;
    gtx::app::BenchIngestOptions benchIngestOptions;
    auto *bench = app.add_subcommand("bench", "Measure this machine: bench state, bench ingest, bench devnet");
    gtx::app::addBenchOptions(bench, benchOptions);
    gtx::app::addBenchIngestOptions(bench, benchIngestOptions);
    gtx::app::addBenchDevnetOptions(bench, benchDevnetOptions);
    bench->require_subcommand(1);

    gtx::app::RunOptions runOptions;
    auto *run = app.add_subcommand("run", "Run the node: join its network over ZeroMQ until SIGINT or SIGTERM");
    gtx::app::addRunOptions(run, runOptions);

    gtx::app::DevnetOptions devnetOptions;
    auto *devnet = app.add_subcommand(
        "devnet", "Run a local network of node processes on loopback; report the finalized heights and divergence");
    gtx::app::addDevnetOptions(devnet, devnetOptions);

    gtx::app::MetersOptions metersOptions;
    auto *meters = gtx::app::addMetersCommand(app, metersOptions);

    gtx::app::OffenceOptions offenceOptions;
    auto *offence = gtx::app::addOffenceCommand(app, offenceOptions);

    std::string scenarioFile;
    auto *scenario = app.add_subcommand(
        "scenario", "Replay a scripted scenario (docs/scenarios.md) on a fresh in-process chain and print each "
                    "step's result as JSON; exit 1 when an expectation fails");
    scenario->add_option("FILE", scenarioFile, "The scenario (TOML)")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        std::cerr << "gtx-node: error: " << e.what() << " (see gtx-node --help)\n";
        return 2;
    }

    if (keygen->parsed())
        return runKeygen(o);
    if (init->parsed())
        return runInit(o);
    if (verify->parsed())
        return runVerify(o);
    if (passwd->parsed())
        return runPasswd(o);
    if (status->parsed()) {
        if (!statusConfig.empty())
            return gtx::app::runStatusQuery(statusConfig, statusJson);
        if (o.dataDir.empty())
            return fail("status needs --data-dir or --config");
        return runStatus(o);
    }
    if (query->parsed())
        return gtx::app::runQuery(queryOptions);
    if (tx->parsed())
        return gtx::app::runTx(txOptions);
    if (simulate->parsed())
        return gtx::app::runSimulate(simulateOptions);
    if (run->parsed())
        return gtx::app::runNodeDaemon(runOptions);
    if (devnet->parsed()) {
        std::error_code ec;
        const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (ec)
            return fail("cannot find this program's own path to start the nodes");
        return gtx::app::runDevnet(devnetOptions, self.string());
    }
    if (bench->parsed()) {
        if (bench->got_subcommand("devnet")) {
            std::error_code ec;
            const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
            if (ec)
                return fail("cannot find this program's own path to start the nodes");
            return gtx::app::runBenchDevnet(benchDevnetOptions, self.string());
        }
        if (bench->got_subcommand("ingest"))
            return gtx::app::runBenchIngest(benchIngestOptions);
        return gtx::app::runBenchState(benchOptions);
    }
    if (meters->parsed())
        return gtx::app::runMeters(*meters, metersOptions);
    if (offence->parsed())
        return gtx::app::runOffence(offenceOptions);
    if (scenario->parsed()) {
        auto report = gtx::sim::runScenarioFile(scenarioFile);
        if (!report) {
            (void)fail(report.error().message);
            return 2;   // 1 means an expectation failed
        }
        for (const auto &line : report->lines)
            std::cout << line << '\n';
        std::cout << "scenario: steps=" << report->steps << " failed_expectations=" << report->failedExpectations
                  << '\n';
        return report->ok() ? 0 : 1;
    }
    return fail("no command given (see gtx-node --help)");
}
