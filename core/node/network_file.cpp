#include "core/node/network_file.h"

#include "core/common/text_file.h"
#include "core/types/units.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace gtx::node {

using namespace consensus;

namespace {

Error bad(std::string what)
{
    while (!what.empty() && what.back() == '.')
        what.pop_back();
    return makeError("network.bad_file", "The network file is invalid: " + what + ".");
}

std::optional<PublicKey> keyOf(const toml::node *node)
{
    if (!node || !node->is_string())
        return std::nullopt;
    Bytes bytes;
    if (!fromHex(node->value_or(std::string()), bytes) || bytes.size() != PublicKey::size())
        return std::nullopt;
    PublicKey key;
    std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
    return key;
}

std::optional<std::uint64_t> unsignedOf(const toml::node *node)
{
    if (!node || !node->is_integer())
        return std::nullopt;
    const std::int64_t v = node->value_or(std::int64_t{-1});
    if (v < 0)
        return std::nullopt;
    return static_cast<std::uint64_t>(v);
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

} // namespace

ConsensusParams devnetParams()
{
    ConsensusParams p = ConsensusParams::simulation();
    p.networkId = 0x444556;   // "DEV"
    p.slotMs = 1000;
    p.maxClockDisparityMs = 400;
    p.checkpointBlocks = 8;
    // Block space as on a real network, for a one-second slot: the
    // simulator's small blocks would cap a devnet at 64 transactions a second.
    p.lanes = LaneLimits{};
    p.lanes.maxTransactions = 8000;
    // Two blocks' worth waiting: more is refused ("mempool.lane_full")
    // rather than left to age while it costs every node a signature check.
    p.lanes.mempoolPerLane = 16000;
    return p;
}

Result<NetworkFile> parseNetworkFile(const std::string &text)
{
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error &e) {
        return bad(std::string("line ") + std::to_string(e.source().begin.line) + ": "
                   + std::string(e.description()));
    }
    NetworkFile out;
    out.preset = root["preset"].value_or(std::string());
    if (out.preset != "devnet")
        return bad("preset must be \"devnet\" (the only one so far)");
    out.params = devnetParams();
    const auto network = unsignedOf(root.get("network_id"));
    if (!network || *network > 0xffffffffULL)
        return bad("network_id must be a 32-bit unsigned integer");
    out.params.networkId = static_cast<std::uint32_t>(*network);
    const auto genesisTime = unsignedOf(root.get("genesis_time_ms"));
    if (!genesisTime)
        return bad("genesis_time_ms must be a time in UTC milliseconds");
    out.params.genesisTimeMs = static_cast<std::int64_t>(*genesisTime);

    auto genesis = std::make_shared<ConsensusGenesis>();
    {
        Bytes seed;
        if (!fromHex(root["seed"].value_or(std::string()), seed) || seed.size() != Hash256::size())
            return bad("seed must be 64 hex digits");
        std::copy(seed.begin(), seed.end(), genesis->seed.bytes.begin());
    }
    const toml::array *authorities = root["authority"].as_array();
    if (!authorities || authorities->empty())
        return bad("there must be at least one [[authority]]");
    std::size_t index = 0;
    for (const toml::node &entry : *authorities) {
        const std::string where = "authority " + std::to_string(++index);
        const toml::table *t = entry.as_table();
        if (!t)
            return bad(where + " is not a table");
        AuthorityMember m;
        const auto type = parseAuthorityType((*t)["type"].value_or(std::string()));
        if (!type)
            return bad(where + ": type must be EGAT, MEA, PEA, NEPO or ERC");
        m.type = *type;
        const auto key = keyOf(t->get("key"));
        if (!key)
            return bad(where + ": key must be 64 hex digits");
        m.key = *key;
        if (const toml::array *ops = (*t)["operators"].as_array()) {
            for (const toml::node &op : *ops) {
                const auto k = keyOf(&op);
                if (!k)
                    return bad(where + ": every operator key must be 64 hex digits");
                m.operators.push_back(*k);
            }
        }
        m.nationwide = (*t)["nationwide"].value_or(false);
        if (const toml::array *zones = (*t)["zones"].as_array()) {
            for (const toml::node &z : *zones) {
                const auto zone = unsignedOf(&z);
                if (!zone || *zone > 0xffff)
                    return bad(where + ": zones must be zone numbers");
                m.servedZones.push_back(GridZone{static_cast<std::uint16_t>(*zone)});
            }
        }
        genesis->authorities.push_back(m);
    }
    if (const toml::array *validators = root["validator"].as_array()) {
        index = 0;
        for (const toml::node &entry : *validators) {
            const std::string where = "validator " + std::to_string(++index);
            const toml::table *t = entry.as_table();
            if (!t)
                return bad(where + " is not a table");
            Candidate c;
            const auto key = keyOf(t->get("key"));
            if (!key)
                return bad(where + ": key must be 64 hex digits");
            c.info.publicKey = *key;
            const std::string role = (*t)["role"].value_or(std::string("stake"));
            if (role != "stake" && role != "energy")
                return bad(where + ": role must be \"stake\" or \"energy\"");
            c.role = role == "stake" ? ValidatorRole::Stake : ValidatorRole::Energy;
            const auto stake = unsignedOf(t->get("stake_gt"));
            if (!stake || *stake > 1'000'000'000)
                return bad(where + ": stake_gt must be a whole number of GT");
            c.info.stakeAmount = gtToMicro(*stake);
            const auto zone = unsignedOf(t->get("zone"));
            if (!zone || *zone > 0xffff)
                return bad(where + ": zone must be a zone number");
            c.info.geographicDistribution = GridZone{static_cast<std::uint16_t>(*zone)};
            c.info.uptimeHistoryPpm = 1'000'000;
            if (c.role == ValidatorRole::Energy) {
                const auto energy = unsignedOf(t->get("energy_wh"));
                if (!energy)
                    return bad(where + ": an energy validator needs energy_wh");
                c.info.energyCredentials.verifiedEnergyWh = *energy;
            }
            genesis->candidates.push_back(c);
        }
    }
    if (const toml::array *accounts = root["account"].as_array()) {
        index = 0;
        for (const toml::node &entry : *accounts) {
            const std::string where = "account " + std::to_string(++index);
            const toml::table *t = entry.as_table();
            const auto key = t ? keyOf(t->get("key")) : std::nullopt;
            const auto balance = t ? unsignedOf(t->get("balance_gt")) : std::nullopt;
            if (!key || !balance || *balance > 1'000'000'000)
                return bad(where + ": needs key (64 hex digits) and balance_gt (whole GT)");
            genesis->accounts.push_back({*key, gtToMicro(*balance)});
        }
    }
    out.genesis = genesis;
    if (auto status = out.params.validate(); !status.ok())
        return bad(status.error().message);
    if (auto state = genesisState(out.params, *genesis); !state)
        return bad(state.error().message);
    return out;
}

Result<NetworkFile> readNetworkFile(const std::filesystem::path &file)
{
    auto text = readTextFile(file, 1u << 20);
    if (!text) {
        if (text.error().code == "file.too_large")
            return bad("it is larger than 1 MiB");
        return makeError("network.no_file", "Cannot read the network file: " + text.error().message + ".");
    }
    return parseNetworkFile(*text);
}

std::string formatNetworkFile(const NetworkFile &network)
{
    std::ostringstream o;
    o << "# A GridTokenX network: parameters and genesis (see docs/network.md).\n";
    o << "preset = " << quoted(network.preset) << "\n";
    o << "network_id = " << network.params.networkId << "\n";
    o << "genesis_time_ms = " << network.params.genesisTimeMs << "\n";
    o << "seed = " << quoted(network.genesis->seed.hex()) << "\n";
    for (const AuthorityMember &a : network.genesis->authorities) {
        o << "\n[[authority]]\ntype = " << quoted(std::string(toString(a.type))) << "\nkey = " << quoted(a.key.hex())
          << "\noperators = [";
        for (std::size_t i = 0; i < a.operators.size(); ++i)
            o << (i ? ", " : "") << quoted(a.operators[i].hex());
        o << "]\n";
        if (a.nationwide)
            o << "nationwide = true\n";
        if (!a.servedZones.empty()) {
            o << "zones = [";
            for (std::size_t i = 0; i < a.servedZones.size(); ++i)
                o << (i ? ", " : "") << a.servedZones[i].id;
            o << "]\n";
        }
    }
    for (const Candidate &c : network.genesis->candidates) {
        o << "\n[[validator]]\nkey = " << quoted(c.info.publicKey.hex()) << "\nrole = "
          << quoted(c.role == ValidatorRole::Stake ? "stake" : "energy")
          << "\nstake_gt = " << c.info.stakeAmount / gtToMicro(1) << "\nzone = " << c.info.geographicDistribution.id
          << "\n";
        if (c.role == ValidatorRole::Energy)
            o << "energy_wh = " << c.info.energyCredentials.verifiedEnergyWh << "\n";
    }
    for (const auto &[key, balance] : network.genesis->accounts)
        o << "\n[[account]]\nkey = " << quoted(key.hex()) << "\nbalance_gt = " << balance / gtToMicro(1) << "\n";
    return o.str();
}

Status writeNetworkFile(const std::filesystem::path &file, const NetworkFile &network)
{
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << formatNetworkFile(network);
        out.flush();
        if (!out)
            return makeError("network.io", "Cannot write " + tmp.string() + ".");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec)
        return makeError("network.io", "Cannot replace " + file.string() + ": " + ec.message());
    return Status::success();
}

} // namespace gtx::node
