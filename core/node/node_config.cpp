#include "core/node/node_config.h"

#include "core/common/text_file.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gtx::node {

namespace {

Error bad(const std::filesystem::path &file, const std::string &what)
{
    return makeError("config.bad_file", "The configuration " + file.string() + " is invalid: " + what + ".");
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

} // namespace

Result<NodeConfig> readNodeConfig(const std::filesystem::path &file)
{
    auto text = readTextFile(file, 1u << 20);
    if (!text) {
        if (text.error().code == "file.too_large")
            return bad(file, "it is larger than 1 MiB");
        return makeError("config.no_file", "Cannot read the configuration: " + text.error().message + ".");
    }
    toml::table root;
    try {
        root = toml::parse(*text);
    } catch (const toml::parse_error &e) {
        return bad(file, "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    const std::filesystem::path base = file.parent_path();
    auto path = [&](const char *name, bool required, std::filesystem::path &out) -> Status {
        const auto value = root[name].value<std::string>();
        if (!value || value->empty()) {
            if (required)
                return bad(file, std::string(name) + " is missing");
            return Status::success();
        }
        const std::filesystem::path p(*value);
        out = (p.is_absolute() ? p : base / p).lexically_normal();
        if (!out.has_filename() && out.has_parent_path())
            out = out.parent_path();   // "dir/" as "dir"
        return Status::success();
    };
    NodeConfig c;
    GTX_TRY(path("network", true, c.network));
    GTX_TRY(path("data_dir", true, c.dataDir));
    GTX_TRY(path("key_file", true, c.keyFile));
    GTX_TRY(path("passphrase_file", false, c.passphraseFile));
    c.passphraseCredential = root["passphrase_credential"].value_or(std::string());
    if (c.passphraseFile.empty() == c.passphraseCredential.empty())
        return bad(file, "give exactly one of passphrase_file and passphrase_credential");
    if (!c.passphraseCredential.empty()) {
        // systemd: LoadCredential=NAME:PATH puts it in $CREDENTIALS_DIRECTORY/NAME.
        if (c.passphraseCredential.find('/') != std::string::npos || c.passphraseCredential == "."
            || c.passphraseCredential == "..")
            return bad(file, "passphrase_credential must be a credential name, not a path");
        const char *dir = std::getenv("CREDENTIALS_DIRECTORY");
        if (!dir || !*dir)
            return makeError("config.no_credentials",
                             file.string() + ": passphrase_credential is set but no systemd credentials were passed "
                                             "(CREDENTIALS_DIRECTORY is unset; the unit needs LoadCredential="
                                 + c.passphraseCredential + ":FILE).");
        c.passphraseFile = std::filesystem::path(dir) / c.passphraseCredential;
    }
    GTX_TRY(path("status_file", false, c.statusFile));
    GTX_TRY(path("metrics_file", false, c.metricsFile));
    c.listenConsensus = root["listen_consensus"].value_or(std::string());
    c.listenBulk = root["listen_bulk"].value_or(std::string());
    if (c.listenConsensus.empty() || c.listenBulk.empty())
        return bad(file, "listen_consensus and listen_bulk are needed");
    if (const toml::array *observers = root["observers"].as_array()) {
        for (const toml::node &entry : *observers) {
            Bytes key;
            if (!entry.is_string() || !fromHex(entry.value_or(std::string()), key) || key.size() != PublicKey::size())
                return bad(file, "every observer key must be 64 hex digits");
            PublicKey k;
            std::copy(key.begin(), key.end(), k.bytes.begin());
            c.observers.push_back(k);
        }
    }
    if (const toml::array *peers = root["peer"].as_array()) {
        std::size_t index = 0;
        for (const toml::node &entry : *peers) {
            const std::string where = "peer " + std::to_string(++index);
            const toml::table *t = entry.as_table();
            if (!t)
                return bad(file, where + " is not a table");
            Bytes key;
            if (!fromHex((*t)["key"].value_or(std::string()), key) || key.size() != PublicKey::size())
                return bad(file, where + ": key must be 64 hex digits");
            net::PeerAddress p;
            std::copy(key.begin(), key.end(), p.key.bytes.begin());
            p.consensusEndpoint = (*t)["consensus"].value_or(std::string());
            p.bulkEndpoint = (*t)["bulk"].value_or(std::string());
            if (p.consensusEndpoint.empty() || p.bulkEndpoint.empty())
                return bad(file, where + ": consensus and bulk endpoints are needed");
            c.peers.push_back(p);
        }
    }
    return c;
}

net::PeerHost::Setup hostSetup(const NodeConfig &config, const consensus::ConsensusParams &params,
                               std::shared_ptr<const consensus::ConsensusGenesis> genesis,
                               consensus::ConsensusStore *store)
{
    net::PeerHost::Setup setup;
    setup.params = params;
    setup.genesis = std::move(genesis);
    setup.store = store;
    setup.transport.networkId = params.networkId;
    setup.transport.consensusEndpoint = config.listenConsensus;
    setup.transport.bulkEndpoint = config.listenBulk;
    setup.observers = config.observers;
    return setup;
}

Result<std::string> readPassphraseFile(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError("config.no_file", "Cannot read the passphrase file " + file.string() + ".");
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

std::string formatNodeConfig(const NodeConfig &c)
{
    std::ostringstream o;
    o << "# A GridTokenX node (gtx-node run --config); see core/node/node_config.h.\n";
    o << "network = " << quoted(c.network.string()) << "\n";
    o << "data_dir = " << quoted(c.dataDir.string()) << "\n";
    o << "key_file = " << quoted(c.keyFile.string()) << "\n";
    if (!c.passphraseCredential.empty())
        o << "passphrase_credential = " << quoted(c.passphraseCredential) << "\n";
    else
        o << "passphrase_file = " << quoted(c.passphraseFile.string()) << "\n";
    o << "listen_consensus = " << quoted(c.listenConsensus) << "\n";
    o << "listen_bulk = " << quoted(c.listenBulk) << "\n";
    if (!c.statusFile.empty())
        o << "status_file = " << quoted(c.statusFile.string()) << "\n";
    if (!c.metricsFile.empty())
        o << "metrics_file = " << quoted(c.metricsFile.string()) << "\n";
    if (!c.observers.empty()) {
        o << "observers = [";
        for (std::size_t i = 0; i < c.observers.size(); ++i)
            o << (i ? ", " : "") << quoted(c.observers[i].hex());
        o << "]\n";
    }
    for (const auto &p : c.peers)
        o << "\n[[peer]]\nkey = " << quoted(p.key.hex()) << "\nconsensus = " << quoted(p.consensusEndpoint)
          << "\nbulk = " << quoted(p.bulkEndpoint) << "\n";
    return o.str();
}

} // namespace gtx::node
