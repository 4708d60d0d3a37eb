#include "core/sim/scenario.h"

#include "core/common/arith.h"
#include "core/common/json.h"
#include "core/common/text_file.h"
#include "core/consensus/chain.h"
#include "core/consensus/emergency.h"
#include "core/consensus/verifier.h"
#include "core/energy/grid_state.h"
#include "core/energy/reading.h"
#include "core/energy/trade.h"
#include "core/crypto/sodium.h"
#include "core/types/units.h"

#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace gtx::sim {

namespace {

using namespace gtx::consensus;

Error invalid(const toml::node &at, const std::string &what)
{
    return makeError("scenario.invalid", "line " + std::to_string(at.source().begin.line) + ": " + what);
}

// An amount in GT: an integer, or a decimal string with at most 6 places.
Result<std::uint64_t> amountOf(const toml::node &node)
{
    if (auto i = node.value<std::int64_t>(); i && node.is_integer()) {
        if (*i < 0 || static_cast<std::uint64_t>(*i) > UINT64_MAX / kMicroGtPerGt)
            return invalid(node, "an amount must be between 0 and 18446744073709 GT");
        return static_cast<std::uint64_t>(*i) * kMicroGtPerGt;
    }
    if (auto s = node.value<std::string>(); s && node.is_string()) {
        auto micro = parseGt(*s);
        if (!micro)
            return invalid(node, micro.error().message);
        return *micro;
    }
    return invalid(node, "an amount is a whole number of GT or a decimal string");
}

struct StepError
{
    std::string code;
    std::string message;
};

class ScenarioRun
{
public:
    ScenarioRun(ConsensusParams params) : m_params(params) {}

    Status setup(const toml::table &doc);
    Status step(const toml::table &step, std::uint64_t index, ScenarioReport &report);

private:
    const crypto::KeyPair &key(const std::string &name);
    std::string nameOf(const PublicKey &key) const;
    Result<std::string> nameField(const toml::table &t, const char *field, bool required = true) const;
    Result<ValidatorRole> roleField(const toml::table &t) const;
    Result<GridZone> zoneField(const toml::table &t) const;
    Status openBlock();
    Status seal();
    state::State stateNow();
    Result<Json> transaction(const toml::table &step, const std::string &what, Json &line);
    // Puts a transaction into the current block, signed by `from` (when it
    // is valid there), notes the slot on the line and gives the verdict.
    Result<Status> submit(Transaction &tx, const std::string &from, Json &line);
    static void noteResult(Json &line, const Status &verdict);
    Result<energy::MeterRecord> meterFrom(const toml::table &t, const std::string &name);
    Result<Json> reading(const toml::table &step, Json &line);
    Result<Json> meterRegistry(const toml::table &step, Json &line);
    Result<Json> gridState(const toml::table &step, Json &line);
    Result<Json> trade(const toml::table &step, Json &line);
    Result<Json> emergency(const toml::table &step, const std::string &what, Json &line);
    Result<Json> doubleSign(const toml::table &step, Json &line);
    Result<Json> appeal(const toml::table &step, Json &line);
    Result<Json> doubleReading(const toml::table &step, Json &line);
    Result<Json> propose(const toml::table &step, Json &line);
    Result<Json> vote(const toml::table &step, Json &line);
    Result<Hash256> proposalNamed(const toml::table &step);
    Result<GridZone> zoneNamed(const toml::table &t, const char *field) const;
    // The step's `interval`, or the last one that has ended by the current slot.
    Result<std::int64_t> intervalOrLast(const toml::table &step);
    std::int64_t intervalEndMs(std::int64_t interval) const;
    Result<Json> query(const toml::table &step, std::uint64_t index);

    // A named meter: its id, the name of its current key, and the registers
    // it has reported so far (the readings' defaults follow on from them).
    struct NamedMeter
    {
        Hash256 id;
        std::string keyName;
        std::uint64_t importRegisterWh = 0;
        std::uint64_t exportRegisterWh = 0;
    };
    std::map<std::string, NamedMeter> m_meters;
    std::uint64_t m_acceptedSoFar = 0;   // readings the pending block has accepted

    ConsensusParams m_params;
    std::shared_ptr<ConsensusGenesis> m_genesis;
    std::unique_ptr<BlockTree> m_tree;
    CachingVerifier m_verifier;
    BlockNode *m_head = nullptr;
    std::uint64_t m_now = 1;   // the slot the next transaction goes into
    std::map<std::string, crypto::KeyPair> m_keys;
    std::map<PublicKey, std::string> m_names;
    std::optional<state::BlockExecution> m_pending;
    std::uint64_t m_pendingSlot = 0;
    std::vector<Transaction> m_pendingTxs;
    std::vector<EmergencyRecord> m_pendingRecords;   // certified orders the pending block carries
    std::vector<Evidence> m_pendingEvidence;         // evidence the pending block carries
    std::uint64_t m_nonce = 0;
    std::uint64_t m_offers = 0;                       // trade offers made so far (their default nonce)
    std::map<std::string, Hash256> m_orders;          // named emergency orders, for a resume's lifts
    std::map<std::string, Hash256> m_proposals;       // named governance proposals
    std::map<std::string, std::uint64_t> m_emergencySequence;   // per authority
};

const crypto::KeyPair &ScenarioRun::key(const std::string &name)
{
    auto it = m_keys.find(name);
    if (it == m_keys.end()) {
        const Hash256 seed = crypto::hash("gtx/scenario-key/v1", asBytes(name));
        it = m_keys.emplace(name, crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32))).first;
        m_names.emplace(it->second.publicKey(), name);
    }
    return it->second;
}

std::string ScenarioRun::nameOf(const PublicKey &k) const
{
    const auto it = m_names.find(k);
    return it == m_names.end() ? k.shortHex() : it->second;
}

Result<std::string> ScenarioRun::nameField(const toml::table &t, const char *field, bool required) const
{
    const toml::node *n = t.get(field);
    if (!n) {
        if (required)
            return invalid(t, std::string("the step needs '") + field + "'");
        return std::string();
    }
    auto s = n->value<std::string>();
    if (!n->is_string() || !s || s->empty() || s->size() > 64)
        return invalid(*n, std::string("'") + field + "' is a name of 1 to 64 characters");
    return *s;
}

Result<ValidatorRole> ScenarioRun::roleField(const toml::table &t) const
{
    const std::string role = t["role"].value_or(std::string("stake"));
    if (role == "stake")
        return ValidatorRole::Stake;
    if (role == "energy")
        return ValidatorRole::Energy;
    return invalid(t, "role is \"stake\" or \"energy\"");
}

Result<GridZone> ScenarioRun::zoneField(const toml::table &t) const
{
    const auto code = t["zone"].value<std::string>();
    if (!code)
        return invalid(t, "the entry needs a zone (EGAT-TX, MEA-METRO, PEA-N, PEA-NE, PEA-C, PEA-S, PEA-E, PEA-W)");
    auto zone = parseGridZone(*code);
    if (!zone)
        return invalid(t, "unknown zone '" + *code + "'");
    return *zone;
}

Result<GridZone> ScenarioRun::zoneNamed(const toml::table &t, const char *field) const
{
    const auto code = t[field].value<std::string>();
    if (!code)
        return invalid(t, std::string("the step needs '") + field
                              + "' (EGAT-TX, MEA-METRO, PEA-N, PEA-NE, PEA-C, PEA-S, PEA-E, PEA-W)");
    auto zone = parseGridZone(*code);
    if (!zone)
        return invalid(t, "unknown zone '" + *code + "'");
    return *zone;
}

Status ScenarioRun::setup(const toml::table &doc)
{
    m_genesis = std::make_shared<ConsensusGenesis>();
    static const char *const kAuthorityNames[] = {"egat", "mea", "pea", "nepo", "erc"};
    for (int a = 0; a < 5; ++a) {
        // Each authority has two operators ("egat-operator-1", "egat-operator-2"),
        // whose approvals its emergency orders carry.
        const std::string name = kAuthorityNames[a];
        m_genesis->authorities.push_back(authorityMember(
            static_cast<AuthorityType>(a), key(name).publicKey(),
            {key(name + "-operator-1").publicKey(), key(name + "-operator-2").publicKey()}));
    }
    if (const toml::node *accounts = doc.get("accounts")) {
        const toml::table *t = accounts->as_table();
        if (!t)
            return invalid(*accounts, "[accounts] maps names to balances in GT");
        for (const auto &[name, value] : *t) {
            auto amount = amountOf(value);
            if (!amount)
                return amount.error();
            m_genesis->accounts.push_back({key(std::string(name.str())).publicKey(), *amount});
        }
    }
    if (const toml::node *validators = doc.get("validators")) {
        const toml::array *list = validators->as_array();
        if (!list)
            return invalid(*validators, "[[validators]] is a list of tables");
        for (const auto &entry : *list) {
            const toml::table *v = entry.as_table();
            if (!v)
                return invalid(entry, "each validator is a table");
            auto name = nameField(*v, "name");
            auto role = roleField(*v);
            auto zone = zoneField(*v);
            if (!name)
                return name.error();
            if (!role)
                return role.error();
            if (!zone)
                return zone.error();
            const toml::node *bondNode = v->get("self_bond");
            if (!bondNode)
                return invalid(*v, "a validator needs self_bond (GT)");
            auto bond = amountOf(*bondNode);
            if (!bond)
                return bond.error();
            Candidate c;
            c.role = *role;
            c.info.publicKey = key(*name).publicKey();
            c.info.stakeAmount = *bond;
            c.info.geographicDistribution = *zone;
            c.info.energyCredentials.verifiedEnergyWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, (*v)["verified_energy_wh"].value_or(std::int64_t{0})));
            m_genesis->candidates.push_back(c);
        }
    }
    if (const toml::node *meters = doc.get("meters")) {
        const toml::array *list = meters->as_array();
        if (!list)
            return invalid(*meters, "[[meters]] is a list of tables");
        for (const auto &entry : *list) {
            const toml::table *t = entry.as_table();
            if (!t)
                return invalid(entry, "each meter is a table");
            auto name = nameField(*t, "name");
            if (!name)
                return name.error();
            auto record = meterFrom(*t, *name);
            if (!record)
                return record.error();
            m_genesis->meters.push_back(*record);
        }
    }
    m_genesis->seed = crypto::hash("gtx/scenario-seed/v1", asBytes(doc["title"].value_or(std::string())));
    if (auto valid = m_params.validate(); !valid)
        return valid.error();
    if (auto state = genesisState(m_params, *m_genesis); !state)
        return makeError("scenario.invalid", state.error().message);
    // The software the scenario stands for (a later version continues past
    // a technical upgrade that stops this one).
    const std::int64_t version = doc["chain_rules_version"].value_or(static_cast<std::int64_t>(kChainRulesVersion));
    if (version < 1 || version > UINT32_MAX)
        return makeError("scenario.invalid", "chain_rules_version is a positive whole number");
    m_tree = std::make_unique<BlockTree>(m_params, *m_genesis, static_cast<std::uint32_t>(version));
    m_head = m_tree->genesisNode();
    return Status::success();
}

Status ScenarioRun::openBlock()
{
    if (m_pending)
        return Status::success();
    m_pendingSlot = std::max(m_now, m_head->slot + 1);
    m_now = m_pendingSlot;
    const PublicKey proposer = m_tree->expectedProposer(m_head, m_pendingSlot);
    m_pending.emplace(m_head->state.executed, m_tree->stateRules(),
                      m_tree->blockContext(m_head, m_pendingSlot, proposer), &m_verifier);
    m_acceptedSoFar = 0;
    m_pendingTxs.clear();
    return Status::success();
}

Status ScenarioRun::seal()
{
    if (!m_pending)
        return Status::success();
    const std::uint64_t slot = m_pendingSlot;
    const PublicKey proposer = m_tree->expectedProposer(m_head, slot);
    const auto named = m_names.find(proposer);
    if (named == m_names.end())
        return makeError("scenario.invalid", "the drawn proposer has no key here");
    const crypto::KeyPair &k = m_keys.at(named->second);
    auto block = std::make_shared<Block>();
    block->header = regularHeader(m_params, *m_head, slot, k);
    BlockHeader &h = block->header;
    block->transactions = m_pendingTxs;
    block->emergencyRecords = m_pendingRecords;
    m_pendingRecords.clear();
    block->evidence = std::move(m_pendingEvidence);
    m_pendingEvidence.clear();
    h.stateRoot = std::move(*m_pending).finish().state.root();
    m_pending.reset();
    h.txRoot = transactionsRoot(block->transactions);
    h.evidenceRoot = recordsRoot(*block);
    block->proposerSignature = signHeader(h, k);
    auto added = m_tree->add(block, m_verifier);
    if (!added)
        return makeError("scenario.block_refused", "the chain refused block " + std::to_string(h.height) + ": "
                                                       + added.error().message);
    m_head = *added;
    m_now = std::max(m_now, slot + 1);
    return Status::success();
}

state::State ScenarioRun::stateNow()
{
    // The state as of slot `now`: releases due by then have happened.
    if (m_head->slot >= m_now)
        return m_head->state.executed;
    state::BlockExecution e(m_head->state.executed, m_tree->stateRules(), state::BlockContext{m_now, {}, {}});
    return std::move(e).finish().state;
}

Result<Json> ScenarioRun::transaction(const toml::table &step, const std::string &what, Json &line)
{
    auto from = nameField(step, "from");
    if (!from)
        return from.error();
    line.str("from", *from);
    Transaction tx;
    auto amountNode = step.get("amount");
    std::uint64_t amount = 0;
    if (what != "randao-reveal") {
        if (!amountNode)
            return invalid(step, "the step needs an amount (GT)");
        auto a = amountOf(*amountNode);
        if (!a)
            return a.error();
        amount = *a;
        line.str("amount", formatGt(amount));
    }
    if (what == "transfer") {
        auto to = nameField(step, "to");
        if (!to)
            return to.error();
        line.str("to", *to);
        tx.kind = TransactionKind::Transfer;
        tx.payload = codec::encode(state::TransferPayload{key(*to).publicKey(), amount});
    } else if (what == "bond") {
        auto role = roleField(step);
        auto zone = zoneField(step);
        if (!role)
            return role.error();
        if (!zone)
            return zone.error();
        line.str("role", *role == ValidatorRole::Stake ? "stake" : "energy").str("zone", gridZoneCode(*zone));
        tx.kind = TransactionKind::Bond;
        tx.payload = codec::encode(state::BondPayload{amount, *role, *zone});
    } else if (what == "unbond" || what == "delegate") {
        auto validator = nameField(step, "validator", what == "delegate");
        if (!validator)
            return validator.error();
        const std::string v = validator->empty() ? *from : *validator;
        line.str("validator", v);
        tx.kind = what == "unbond" ? TransactionKind::Unbond : TransactionKind::Delegate;
        tx.payload = what == "unbond" ? codec::encode(state::UnbondPayload{key(v).publicKey(), amount})
                                      : codec::encode(state::DelegatePayload{key(v).publicKey(), amount});
    } else if (what == "redelegate") {
        auto validator = nameField(step, "validator");
        auto to = nameField(step, "to");
        if (!validator)
            return validator.error();
        if (!to)
            return to.error();
        line.str("validator", *validator).str("to", *to);
        tx.kind = TransactionKind::Redelegate;
        tx.payload = codec::encode(state::RedelegatePayload{key(*validator).publicKey(), key(*to).publicKey(), amount});
    } else {
        tx.kind = TransactionKind::RandaoReveal;
    }
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

void ScenarioRun::noteResult(Json &line, const Status &verdict)
{
    if (verdict)
        line.str("result", "accepted");
    else
        line.str("result", "refused").str("code", verdict.error().code).str("message", verdict.error().message);
}

Result<Status> ScenarioRun::submit(Transaction &tx, const std::string &from, Json &line)
{
    tx.networkId = m_params.networkId;
    tx.nonce = m_nonce++;
    GTX_TRY(openBlock());
    if (const auto upgrade = m_tree->upgradeStops(m_head, m_pendingSlot)) {
        line.num("slot", m_pendingSlot);
        m_pending.reset();   // no block at this slot on this software
        return Status(m_tree->upgradeRequiredError(*upgrade));
    }
    // A full lane closes the block; the transaction goes into the next one.
    std::size_t inLane = 0;
    for (const auto &t : m_pendingTxs)
        inLane += laneOf(t.kind) == laneOf(tx.kind) ? 1 : 0;
    if (inLane >= laneCap(m_params.lanes, laneOf(tx.kind)) || m_pendingTxs.size() >= m_params.lanes.maxTransactions) {
        GTX_TRY(seal());
        GTX_TRY(openBlock());
    }
    tx.timestampMs = m_params.slotStartMs(m_pendingSlot);
    signTransaction(tx, key(from));
    line.num("slot", m_pendingSlot);
    Status ok = checkTransaction(tx, m_tree->txContext(m_head, m_verifier));
    if (ok)
        ok = m_pending->apply(tx);
    if (ok)
        m_pendingTxs.push_back(tx);
    return ok;
}

// Basis points as a percentage with two decimals ("-0.50").
std::string percentOf(std::int32_t bps)
{
    const std::int64_t a = bps < 0 ? -static_cast<std::int64_t>(bps) : bps;
    const std::string cents = std::to_string(a % 100);
    return (bps < 0 ? "-" : "") + std::to_string(a / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

// A [latitude, longitude] in degrees.
Result<energy::GeoPoint> locationField(const toml::table &t)
{
    const toml::array *at = t["location"].as_array();
    const double lat = at && at->size() == 2 ? at->get(0)->value_or(1000.0) : 1000.0;
    const double lon = at && at->size() == 2 ? at->get(1)->value_or(1000.0) : 1000.0;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
        return invalid(t, "location is [latitude, longitude] in degrees");
    return energy::GeoPoint{static_cast<std::int32_t>(std::lround(lat * 1e6)),
                            static_cast<std::int32_t>(std::lround(lon * 1e6))};
}

std::int64_t ScenarioRun::intervalEndMs(std::int64_t interval) const
{
    // Interval 1 is the first whole 15 minutes after genesis.
    const std::int64_t first = (m_params.genesisTimeMs / energy::kIntervalMs + 1) * energy::kIntervalMs;
    return first + (interval - 1) * energy::kIntervalMs;
}

Result<energy::MeterRecord> ScenarioRun::meterFrom(const toml::table &t, const std::string &name)
{
    if (m_meters.count(name))
        return invalid(t, "the meter " + name + " is named twice");
    auto zone = zoneField(t);
    if (!zone)
        return zone.error();
    const energy::GridModel &model = energy::defaultGridModel();
    const std::int64_t nodeId = t["grid_node"].value_or(std::int64_t{0});
    const energy::GridNodeModel *node = nodeId > 0 ? model.node(static_cast<std::uint32_t>(nodeId)) : nullptr;
    if (!node)
        return invalid(t, "a meter needs the grid_node id of a node of the grid model");
    energy::MeterRecord m;
    m.id = crypto::hash("gtx/scenario-meter/v1", asBytes(name));
    m.key = key(name).publicKey();
    auto owner = nameField(t, "owner", false);
    if (!owner)
        return owner.error();
    m.owner = key(owner->empty() ? name : *owner).publicKey();
    m.zone = *zone;
    m.gridNode = node->id;
    m.location = node->location;
    if (t.get("location")) {
        auto at = locationField(t);
        if (!at)
            return at.error();
        m.location = *at;
    }
    const std::int64_t kw = t["capacity_kw"].value_or(std::int64_t{15});
    if (kw <= 0 || kw > 2'000'000)
        return invalid(t, "capacity_kw is from 1 to 2000000");
    m.ratedCapacityW = static_cast<std::uint32_t>(kw * 1000);
    const std::string registration = t["registration"].value_or(std::string("consumer"));
    if (registration != "consumer" && registration != "prosumer")
        return invalid(t, "registration is \"consumer\" or \"prosumer\"");
    m.registration = registration == "prosumer" ? energy::MeterRegistration::Prosumer
                                                : energy::MeterRegistration::Consumer;
    NamedMeter named;
    named.id = m.id;
    named.keyName = name;
    named.importRegisterWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, t["import_register"].value_or(std::int64_t{0})));
    named.exportRegisterWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, t["export_register"].value_or(std::int64_t{0})));
    m_meters.emplace(name, named);
    return m;
}

Result<std::int64_t> ScenarioRun::intervalOrLast(const toml::table &step)
{
    GTX_TRY(openBlock());
    std::int64_t interval = step["interval"].value_or(std::int64_t{0});
    if (interval == 0) {
        // The last interval that has ended by the start of the current slot.
        const std::int64_t now = m_params.slotStartMs(m_pendingSlot);
        interval = (now - intervalEndMs(1)) / energy::kIntervalMs + 1;
        if (now < intervalEndMs(1))
            return invalid(step, "no 15-minute interval has ended yet: advance the clock (90 slots are 15 minutes)");
    }
    if (interval < 1 || interval > (std::int64_t{1} << 32))
        return invalid(step, "interval is a positive number (1 is the first 15 minutes after genesis)");
    return interval;
}

Result<Json> ScenarioRun::trade(const toml::table &step, Json &line)
{
    auto seller = nameField(step, "seller");
    auto buyer = nameField(step, "buyer");
    auto from = nameField(step, "from", false);
    auto signer = nameField(step, "signer", false);
    auto sellerZone = zoneNamed(step, "seller_zone");
    if (!seller)
        return seller.error();
    if (!buyer)
        return buyer.error();
    if (!from)
        return from.error();
    if (!signer)
        return signer.error();
    if (!sellerZone)
        return sellerZone.error();
    GridZone buyerZone = *sellerZone;
    if (step.get("buyer_zone")) {
        auto z = zoneNamed(step, "buyer_zone");
        if (!z)
            return z.error();
        buyerZone = *z;
    }
    auto interval = intervalOrLast(step);
    if (!interval)
        return interval.error();
    const toml::node *energy = step.get("energy_wh");
    const std::int64_t wh = energy ? energy->value_or(std::int64_t{-1}) : -1;
    if (!energy || !energy->is_integer() || wh < 0)
        return invalid(step, "a trade needs energy_wh, a whole number of Wh");
    const toml::node *priceNode = step.get("price");
    if (!priceNode)
        return invalid(step, "a trade needs its price in GT per kWh");
    auto price = amountOf(*priceNode);
    if (!price)
        return price.error();
    const std::int64_t offer = step["offer"].value_or(static_cast<std::int64_t>(++m_offers));
    if (offer < 0)
        return invalid(step, "offer is a non-negative number that tells apart two offers on the same terms");

    energy::EnergyTrade t;
    t.seller = key(*seller).publicKey();
    t.buyer = key(*buyer).publicKey();
    t.sellerZone = *sellerZone;
    t.buyerZone = buyerZone;
    t.intervalEndMs = intervalEndMs(*interval);
    t.energyWh = static_cast<std::uint64_t>(wh);
    t.priceMicroGtPerKWh = *price;
    t.offerNonce = static_cast<std::uint64_t>(offer);
    // The seller signs the offer; the buyer accepts it by sending it.
    energy::signTradeOffer(t, m_params.networkId, key(signer->empty() ? *seller : *signer));
    const std::string sender = from->empty() ? *buyer : *from;
    line.str("seller", *seller)
        .str("buyer", *buyer)
        .str("seller_zone", gridZoneCode(t.sellerZone))
        .str("buyer_zone", gridZoneCode(t.buyerZone))
        .num("interval", static_cast<std::uint64_t>(*interval))
        .num("energy_wh", t.energyWh);
    if (const auto pay = energy::tradePayment(t))
        line.str("payment", formatGt(*pay));
    Transaction tx;
    tx.kind = TransactionKind::EnergyTrade;
    tx.payload = codec::encode(t);
    auto verdict = submit(tx, sender, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::emergency(const toml::table &step, const std::string &what, Json &line)
{
    auto from = nameField(step, "from", false);
    if (!from)
        return from.error();
    const std::string authority = from->empty() ? "egat" : *from;
    const auto member = std::find_if(m_genesis->authorities.begin(), m_genesis->authorities.end(),
                                     [&](const AuthorityMember &a) { return a.key == key(authority).publicKey(); });
    if (member == m_genesis->authorities.end())
        return invalid(step, "an emergency order comes from an authority (egat, mea, pea, nepo, erc)");
    EmergencyOrder order;
    order.reason = step["reason"].value_or(std::string());
    if (order.reason.empty() || order.reason.size() > kMaxOrderReasonBytes)
        return invalid(step, "an emergency order needs its reason (at most 512 bytes)");
    std::string scope;
    if (what == "halt") {
        const toml::array *zones = step["zones"].as_array();
        if (!zones || zones->empty() || zones->size() > kMaxOrderZones)
            return invalid(step, "a halt names its zones: [\"PEA-S\"], or [\"nationwide\"]");
        for (const auto &z : *zones) {
            const std::string code = z.value_or(std::string());
            if (code == "nationwide") {
                order.zones.push_back(GridZone{kNationwideZoneId});
            } else if (auto parsed = parseGridZone(code)) {
                order.zones.push_back(*parsed);
            } else {
                return invalid(z, "unknown zone '" + code + "'");
            }
            scope += (scope.empty() ? "" : ", ") + code;
        }
    } else {
        const toml::array *lifts = step["lifts"].as_array();
        if (!lifts || lifts->empty() || lifts->size() > kMaxOrderLifts)
            return invalid(step, "a resume names the halts it lifts: lifts = [\"south-halt\"]");
        for (const auto &l : *lifts) {
            const std::string name = l.value_or(std::string());
            const auto it = m_orders.find(name);
            if (it == m_orders.end())
                return invalid(l, "no halt is named '" + name + "'");
            order.lifts.push_back(it->second);
            scope += (scope.empty() ? "" : ", ") + name;
        }
    }
    // The two operators who approve it (two-person rule): by default the
    // authority's own two.
    std::vector<std::string> approvers = {authority + "-operator-1", authority + "-operator-2"};
    if (const toml::node *a = step.get("approvers")) {
        const toml::array *list = a->as_array();
        if (!list || list->size() > kMaxOrderApprovals)
            return invalid(*a, "approvers is a list of at most 8 operator names");
        approvers.clear();
        for (const auto &n : *list)
            approvers.push_back(n.value_or(std::string()));
    }
    std::vector<const crypto::KeyPair *> operatorKeys;
    for (const auto &n : approvers)
        operatorKeys.push_back(&key(n));
    // The authorities that certify its emergency block: by default all five.
    std::vector<std::string> certifiers = {"egat", "mea", "pea", "nepo", "erc"};
    if (const toml::node *c = step.get("certified_by")) {
        const toml::array *list = c->as_array();
        if (!list || list->size() > 5)
            return invalid(*c, "certified_by is a list of authority names");
        certifiers.clear();
        for (const auto &n : *list)
            certifiers.push_back(n.value_or(std::string()));
    }

    GTX_TRY(openBlock());
    const std::int64_t timeMs = m_params.slotStartMs(m_pendingSlot);
    const Transaction tx = makeEmergencyOrder(what == "halt" ? TransactionKind::EmergencyHalt
                                                             : TransactionKind::EmergencyResume,
                                              m_params.networkId, m_nonce++, timeMs, order, key(authority),
                                              operatorKeys);
    line.str("from", authority).str(what == "halt" ? "zones" : "lifts", scope).num("slot", m_pendingSlot);
    const std::uint64_t sequence = ++m_emergencySequence[authority];
    EmergencyRecord record;
    record.block = makeEmergencyBlock(tx, sequence, m_pendingSlot, m_params.networkId, timeMs, key(authority));
    const Vote expected = emergencyVoteFor(
        record.block, static_cast<std::uint32_t>(authorityIndex(m_genesis->authorities, key(authority).publicKey())));
    bool first = true;
    for (const auto &name : certifiers) {
        Vote v = expected;
        v.voter = key(name).publicKey();
        signVote(v, key(name));
        if (first) {
            record.certificate = certificateFor(v);
            first = false;
        } else if (auto added = addVote(record.certificate, v); !added) {
            return invalid(step, "certified_by names an authority twice");
        }
    }
    // The chain takes the record only when it verifies: its order's
    // approvals, the authority's scope, the quorum's certificate.
    Status ok = first ? Status(makeError("emergency.no_quorum", "No authority certified the order."))
                      : verifyEmergencyRecord(record, m_genesis->authorities, m_tree->quorum(), m_params.networkId,
                                              m_verifier);
    if (ok) {
        if (auto name = nameField(step, "name", false); name && !name->empty())
            m_orders[*name] = transactionId(tx);
        // It takes effect from the block that carries it on.
        m_pendingRecords.push_back(record);
        GTX_TRY(seal());
    } else {
        --m_emergencySequence[authority];
    }
    noteResult(line, ok);
    return line;
}

Result<Json> ScenarioRun::reading(const toml::table &step, Json &line)
{
    auto meterName = nameField(step, "meter");
    if (!meterName)
        return meterName.error();
    const auto named = m_meters.find(*meterName);
    if (named == m_meters.end())
        return invalid(step, "no meter is named " + *meterName);
    NamedMeter &m = named->second;
    // The record as the chain has it now, this block's changes included
    // (zone, location, operator).
    GTX_TRY(openBlock());
    const auto record = m_pending->meterRecord(m.id);
    const energy::GridModel &model = energy::defaultGridModel();
    const energy::ZoneModel *zone = record ? model.zone(record->zone) : nullptr;

    auto chosen = intervalOrLast(step);
    if (!chosen)
        return chosen.error();
    const std::int64_t interval = *chosen;
    energy::MeterReading r;
    r.meterId = m.id;
    const std::int64_t offset = step["clock_offset_s"].value_or(std::int64_t{0});
    if (offset < -(std::int64_t{1} << 40) || offset > (std::int64_t{1} << 40))
        return invalid(step, "clock_offset_s is at most 2^40 seconds either way");
    r.timestampMs = intervalEndMs(interval) + offset * 1000;
    r.importWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, step["import_wh"].value_or(std::int64_t{0})));
    r.exportWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, step["export_wh"].value_or(std::int64_t{0})));
    r.importRegisterWh = m.importRegisterWh + r.importWh;
    r.exportRegisterWh = m.exportRegisterWh + r.exportWh;
    if (auto v = step["import_register"].value<std::int64_t>())
        r.importRegisterWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *v));
    if (auto v = step["export_register"].value<std::int64_t>())
        r.exportRegisterWh = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *v));
    r.location = record ? record->location : energy::GeoPoint{};
    if (step.get("location")) {
        auto at = locationField(step);
        if (!at)
            return at.error();
        r.location = *at;
    }
    r.tampered = step["tampered"].value_or(false);
    auto signer = nameField(step, "signer", false);
    if (!signer)
        return signer.error();
    energy::signReading(r, m_params.networkId, key(signer->empty() ? m.keyName : *signer));

    static const char *const kOperatorNames[] = {"egat", "mea", "pea"};
    auto witness = nameField(step, "witness", false);
    if (!witness)
        return witness.error();
    std::string w = *witness;
    if (w.empty())
        w = zone ? kOperatorNames[static_cast<std::size_t>(zone->gridOperator)] : "pea";
    energy::ReadingBatch batch;
    batch.zone = record ? record->zone : GridZone{};
    if (auto z = step["zone"].value<std::string>()) {
        auto parsed = zoneField(step);
        if (!parsed)
            return parsed.error();
        batch.zone = *parsed;
    }
    batch.readings = {r};
    energy::witnessBatch(batch, m_params.networkId, key(w));
    auto from = nameField(step, "from", false);
    if (!from)
        return from.error();
    const std::string sender = from->empty() ? w : *from;
    line.str("meter", *meterName).num("interval", static_cast<std::uint64_t>(interval)).str("witness", w);

    Transaction tx;
    tx.kind = TransactionKind::MeterReading;
    tx.payload = codec::encode(batch);
    auto verdict = submit(tx, sender, line);
    if (!verdict)
        return verdict.error();
    if (!*verdict) {
        noteResult(line, *verdict);
        return line;
    }
    // The transaction is in the block; the reading's own verdict is the
    // state machine's: the one refusal the batch added, or none.
    if (m_pending->readingsAccepted() == m_acceptedSoFar && m_pending->lastReadingRefusal()) {
        noteResult(line, *m_pending->lastReadingRefusal());
        return line;
    }
    m_acceptedSoFar = m_pending->readingsAccepted();
    m.importRegisterWh = r.importRegisterWh;
    m.exportRegisterWh = r.exportRegisterWh;
    noteResult(line, Status::success());
    return line;
}

Result<Json> ScenarioRun::gridState(const toml::table &step, Json &line)
{
    auto from = nameField(step, "from", false);
    if (!from)
        return from.error();
    const std::string sender = from->empty() ? "egat" : *from;
    const std::int64_t interval = step["interval"].value_or(std::int64_t{0});
    if (interval < 1 || interval > (std::int64_t{1} << 32))
        return invalid(step, "a grid-state step needs the interval (1 is the first 15 minutes after genesis)");
    energy::GridStateReport report;
    report.intervalEndMs = intervalEndMs(interval);
    for (const char *field : {"frequency_hz", "reserve_margin_pct"})
        if (const toml::node *n = step.get(field); n && !n->is_number())
            return invalid(*n, std::string(field) + " is a number");
    const double hz = step["frequency_hz"].value_or(50.0);
    const double reserve = step["reserve_margin_pct"].value_or(0.0);
    if (!(hz > 0 && hz < 1000) || !(reserve > -1000 && reserve < 1000))
        return invalid(step, "frequency_hz and reserve_margin_pct are numbers of a sensible size");
    report.frequencyMilliHz = static_cast<std::uint32_t>(std::lround(hz * 1000));
    report.reserveMarginBps = static_cast<std::int32_t>(std::lround(reserve * 100));
    if (const toml::node *flows = step.get("flows")) {
        const toml::table *t = flows->as_table();
        if (!t)
            return invalid(*flows, "flows maps tie-line ids to MW");
        for (const auto &[id, mw] : *t) {
            const std::int64_t v = mw.value_or(std::int64_t{0});
            if (!mw.is_integer() || v < INT32_MIN || v > INT32_MAX)
                return invalid(mw, "a line's flow is a whole number of MW");
            report.flows.push_back({std::string(id.str()), static_cast<std::int32_t>(v)});
        }
    }
    // Circuits out of service at the interval's end: named lines, with no
    // flow unless `flows` gives one (a circuit that tripped during it).
    if (const toml::node *out = step.get("out_of_service")) {
        const toml::array *a = out->as_array();
        if (!a)
            return invalid(*out, "out_of_service lists tie-line ids");
        for (const toml::node &n : *a) {
            const auto id = n.value<std::string>();
            if (!id)
                return invalid(n, "a tie-line id is a string");
            auto it = std::find_if(report.flows.begin(), report.flows.end(),
                                   [&](const energy::LineFlow &f) { return f.lineId == *id; });
            if (it == report.flows.end())
                it = report.flows.insert(report.flows.end(), energy::LineFlow{*id, 0, false});
            it->outOfService = true;
        }
    }
    line.str("from", sender).num("interval", static_cast<std::uint64_t>(interval));
    Transaction tx;
    tx.kind = TransactionKind::GridState;
    tx.payload = codec::encode(report);
    auto verdict = submit(tx, sender, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::meterRegistry(const toml::table &step, Json &line)
{
    auto from = nameField(step, "from");
    auto meterName = nameField(step, "meter");
    if (!from)
        return from.error();
    if (!meterName)
        return meterName.error();
    const std::string action = step["action"].value_or(std::string());
    energy::MeterRegistryChange change;
    line.str("from", *from).str("meter", *meterName).str("action", action);
    if (action == "register") {
        change.action = energy::MeterRegistryAction::Register;
        auto record = meterFrom(step, *meterName);
        if (!record)
            return record.error();
        change.record = *record;
    } else {
        const auto named = m_meters.find(*meterName);
        if (named == m_meters.end())
            return invalid(step, "no meter is named " + *meterName);
        change.record.id = named->second.id;
        if (action == "suspend") {
            change.action = energy::MeterRegistryAction::Suspend;
        } else if (action == "retire") {
            change.action = energy::MeterRegistryAction::Retire;
        } else if (action == "rekey") {
            change.action = energy::MeterRegistryAction::Rekey;
            auto keyName = nameField(step, "key");
            if (!keyName)
                return keyName.error();
            change.record.key = key(*keyName).publicKey();
            named->second.keyName = *keyName;
            named->second.importRegisterWh = 0;
            named->second.exportRegisterWh = 0;
        } else {
            return invalid(step, "action is register, suspend, rekey or retire");
        }
    }
    Transaction tx;
    tx.kind = TransactionKind::MeterRegistry;
    tx.payload = codec::encode(change);
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::doubleSign(const toml::table &step, Json &line)
{
    // A key signs two conflicting messages for one slot; the next block
    // carries the evidence, and the state opens the offence's case.
    auto offender = nameField(step, "offender");
    if (!offender)
        return offender.error();
    const std::string offence = step["offence"].value_or(std::string("double-proposal"));
    if (offence != "double-proposal" && offence != "double-attestation")
        return invalid(step, "offence is \"double-proposal\" or \"double-attestation\"");
    // A block executes its evidence before its transactions.
    if (m_pending && !m_pendingTxs.empty())
        GTX_TRY(seal());
    GTX_TRY(openBlock());
    const std::int64_t at = step["slot"].value_or(static_cast<std::int64_t>(m_head->slot));
    if (at < 0 || static_cast<std::uint64_t>(at) > m_pendingSlot)
        return invalid(step, "the offence's slot is at most the slot of the block that carries it");
    const std::uint64_t slot = static_cast<std::uint64_t>(at);
    const crypto::KeyPair &k = key(*offender);
    Evidence e;
    if (offence == "double-proposal") {
        SignedHeader a, b;
        a.header = regularHeader(m_params, *m_head, slot, k);
        a.header.slot = slot;
        b.header = a.header;
        b.header.txRoot = crypto::hash("gtx/scenario-conflict/v1", asBytes(*offender));
        a.signature = signHeader(a.header, k);
        b.signature = signHeader(b.header, k);
        e = makeDoubleProposal(a, b);
    } else {
        Vote a;
        a.kind = VoteKind::StakeAttestation;
        a.slot = slot;
        a.height = m_head->height;
        a.blockHash = m_head->hash;
        Vote b = a;
        b.blockHash = crypto::hash("gtx/scenario-conflict/v1", asBytes(*offender));
        signVote(a, k);
        signVote(b, k);
        e = makeVoteEvidence(OffenceKind::DoubleAttestation, a, b);
    }
    line.str("offender", *offender).str("offence", offence).num("offence_slot", slot).num("slot", m_pendingSlot);
    if (m_pendingEvidence.size() >= m_params.lanes.maxEvidence)
        return invalid(step, "the block carries as much evidence as it may");
    const Hash256 offenceId = offenceKey(e);
    line.str("case", offenceId.shortHex());
    const bool carried = m_head->state.offences->count(offenceId)
        || std::any_of(m_pendingEvidence.begin(), m_pendingEvidence.end(),
                       [&](const Evidence &p) { return offenceKey(p) == offenceId; });
    if (carried) {   // what block validity refuses (the chain already holds the offence)
        noteResult(line, makeError("block.duplicate_evidence", "The chain already carries evidence of this offence."));
        return line;
    }
    m_pending->applyEvidence(e);
    m_pendingEvidence.push_back(e);
    noteResult(line, Status::success());
    return line;
}

Result<Json> ScenarioRun::doubleReading(const toml::table &step, Json &line)
{
    // The meter's key signs two different readings for one interval (the
    // energy falsification the chain slashes its owner for); `from` sends
    // the pair as evidence.
    auto meterName = nameField(step, "meter");
    auto from = nameField(step, "from");
    if (!meterName)
        return meterName.error();
    if (!from)
        return from.error();
    const auto named = m_meters.find(*meterName);
    if (named == m_meters.end())
        return invalid(step, "no meter is named " + *meterName);
    auto chosen = intervalOrLast(step);
    if (!chosen)
        return chosen.error();
    energy::DuplicateReadingEvidence e;
    e.first.meterId = named->second.id;
    e.first.timestampMs = intervalEndMs(*chosen);
    e.first.importWh = 1'000;
    e.second = e.first;
    e.second.importWh = 2'000;
    energy::signReading(e.first, m_params.networkId, key(named->second.keyName));
    energy::signReading(e.second, m_params.networkId, key(named->second.keyName));
    line.str("from", *from).str("meter", *meterName).num("interval", static_cast<std::uint64_t>(*chosen));
    Transaction tx;
    tx.kind = TransactionKind::EnergyEvidence;
    tx.sender = key(*from).publicKey();
    tx.payload = codec::encode(e);
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::appeal(const toml::table &step, Json &line)
{
    // An appeal against the offender's latest case (or its `case`-th).
    auto from = nameField(step, "from");
    auto offender = nameField(step, "offender");
    if (!from)
        return from.error();
    if (!offender)
        return offender.error();
    const std::string action = step["action"].value_or(std::string());
    static const std::map<std::string, state::AppealAction> kActions = {
        {"file", state::AppealAction::File},
        {"vote", state::AppealAction::CommunityVote},
        {"decide", state::AppealAction::AuthorityDecision},
        {"court-case", state::AppealAction::CourtCase},
        {"court-refund", state::AppealAction::CourtRefund},
    };
    const auto it = kActions.find(action);
    if (it == kActions.end())
        return invalid(step, "action is file, vote, decide, court-case or court-refund");
    GTX_TRY(seal());   // the case as of the last block
    const state::OffenderHistory history = m_head->state.executed.offenderHistory(key(*offender).publicKey());
    const std::int64_t n = step["case"].value_or(static_cast<std::int64_t>(history.cases.size()));
    if (n < 1 || static_cast<std::uint64_t>(n) > history.cases.size())
        return invalid(step, "the offender has no such case");
    state::AppealPayload p;
    p.action = it->second;
    p.caseId = history.cases[static_cast<std::size_t>(n - 1)];
    p.uphold = step["uphold"].value_or(action == "court-refund");
    p.text = step["text"].value_or(std::string());
    line.str("from", *from).str("offender", *offender).str("action", action);
    if (action == "vote" || action == "decide")
        line.boolean("uphold", p.uphold);
    Transaction tx;
    tx.kind = TransactionKind::SlashAppeal;
    tx.sender = key(*from).publicKey();
    tx.payload = codec::encode(p);
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Hash256> ScenarioRun::proposalNamed(const toml::table &step)
{
    auto name = nameField(step, "proposal");
    if (!name)
        return name.error();
    const auto it = m_proposals.find(*name);
    if (it == m_proposals.end())
        return invalid(step, "no proposal is named '" + *name + "' (a propose step names it)");
    return it->second;
}

Result<Json> ScenarioRun::propose(const toml::table &step, Json &line)
{
    // A governance proposal, named for the votes and queries that follow.
    auto from = nameField(step, "from");
    auto name = nameField(step, "name");
    if (!from)
        return from.error();
    if (!name)
        return name.error();
    const std::string typeName = step["type"].value_or(std::string());
    std::optional<ProposalType> type;
    for (int t = 0; t <= static_cast<int>(kLastProposalType); ++t)
        if (toString(static_cast<ProposalType>(t)) == typeName)
            type = static_cast<ProposalType>(t);
    if (!type)
        return invalid(step, "type is parameter-change, authority-update, emergency-protocol, market-rule or "
                             "technical-upgrade");
    state::ProposalPayload p;
    p.type = *type;
    p.title = step["title"].value_or(std::string());
    p.text = step["text"].value_or(std::string());
    if (const toml::node *set = step.get("set")) {
        const toml::table *t = set->as_table();
        if (!t)
            return invalid(*set, "set is a table of parameter = value");
        for (const auto &[param, value] : *t) {
            const auto governed = state::governedParamNamed(param.str());
            if (!governed) {
                std::string names;
                for (const auto &info : state::governedParams())
                    names += (names.empty() ? "" : ", ") + std::string(info.name);
                return invalid(value, "unknown parameter '" + std::string(param.str()) + "' (" + names + ")");
            }
            const auto v = value.value<std::int64_t>();
            if (!value.is_integer() || !v || *v < 0)
                return invalid(value, "a parameter's value is a whole number (micro-GT, slots, basis points or ms)");
            p.settings.push_back({*governed, static_cast<std::uint64_t>(*v)});
        }
    }
    p.upgradeVersion = static_cast<std::uint32_t>(std::clamp<std::int64_t>(step["upgrade_version"].value_or(std::int64_t{0}), 0, UINT32_MAX));
    p.upgradeSlot = static_cast<std::uint64_t>(std::max<std::int64_t>(0, step["upgrade_slot"].value_or(std::int64_t{0})));
    if (const toml::node *deposit = step.get("deposit")) {
        auto amount = amountOf(*deposit);
        if (!amount)
            return amount.error();
        p.deposit = *amount;
    } else if (p.type != ProposalType::EmergencyProtocol) {
        p.deposit = m_head->state.executed.rulesInForce(m_tree->stateRules()).staking.proposalDeposit;
    }
    line.str("from", *from).str("name", *name).str("type", typeName).str("deposit", formatGt(p.deposit));
    Transaction tx;
    tx.kind = TransactionKind::GovernanceProposal;
    tx.payload = codec::encode(p);
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    if (*verdict)
        m_proposals[*name] = transactionId(tx);
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::vote(const toml::table &step, Json &line)
{
    auto from = nameField(step, "from");
    if (!from)
        return from.error();
    auto id = proposalNamed(step);
    if (!id)
        return id.error();
    const std::string choice = step["choice"].value_or(std::string());
    state::GovernanceVotePayload v;
    v.proposal = *id;
    if (const toml::node *amount = step.get("community")) {
        auto a = amountOf(*amount);
        if (!a)
            return a.error();
        v.communityAmount = *a;
        line.str("community", formatGt(*a));
    }
    if (choice == "yes")
        v.choice = state::VoteChoice::Yes;
    else if (choice == "no")
        v.choice = state::VoteChoice::No;
    else if (choice == "abstain")
        v.choice = state::VoteChoice::Abstain;
    else
        return invalid(step, "choice is yes, no or abstain");
    line.str("from", *from).str("proposal", step["proposal"].value_or(std::string())).str("choice", choice);
    Transaction tx;
    tx.kind = TransactionKind::GovernanceVote;
    tx.payload = codec::encode(v);
    auto verdict = submit(tx, *from, line);
    if (!verdict)
        return verdict.error();
    noteResult(line, *verdict);
    return line;
}

Result<Json> ScenarioRun::query(const toml::table &step, std::uint64_t index)
{
    GTX_TRY(seal());
    const std::string what = step["what"].value_or(std::string());
    Json line;
    line.num("step", index).num("line", step.source().begin.line).str("do", "query").str("what", what).num("slot", m_now);
    const state::State s = stateNow();
    Json out;
    if (what == "account") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        line.str("name", *name);
        out.str("balance", formatGt(s.account(key(*name).publicKey()).balance));
    } else if (what == "validator") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        line.str("name", *name);
        const auto v = s.validator(key(*name).publicKey());
        out.boolean("registered", v.has_value());
        if (v) {
            const auto ctx = m_tree->contextFor(m_head, m_now);
            const ActiveValidator *active = ctx->active.find(v->key);
            out.str("role", v->role == ValidatorRole::Stake ? "stake" : "energy")
                .str("zone", gridZoneCode(v->zone))
                .str("self_bond", formatGt(v->selfBond))
                .str("delegated", formatGt(v->delegated))
                .str("stake", formatGt(v->stake()))
                .num("verified_energy_wh", v->verifiedEnergyWh)
                .num("blocks_produced", v->blocksProduced)
                .num("slots_missed", v->slotsMissed)
                .str("rewards", formatGt(v->rewardsEarned))
                .str("suspended_until", v->suspendedUntilSlot == state::kBannedForever
                                            ? std::string("never")
                                            : std::to_string(v->suspendedUntilSlot))
                .boolean("active", active != nullptr)
                .str("proposer_weight", formatGt(active ? active->proposerWeight : 0));
        }
    } else if (what == "slash") {
        // The offender's latest case (or its `case`-th, from 1), and how many it has.
        auto name = nameField(step, "offender");
        if (!name)
            return name.error();
        line.str("offender", *name);
        const state::OffenderHistory history = s.offenderHistory(key(*name).publicKey());
        const std::int64_t n = step["case"].value_or(static_cast<std::int64_t>(history.cases.size()));
        out.num("cases", history.cases.size());
        if (n >= 1 && static_cast<std::uint64_t>(n) <= history.cases.size()) {
            const auto c = s.slashCase(history.cases[static_cast<std::size_t>(n - 1)]);
            if (!c)
                return makeError("scenario.invalid", "an offender's case is missing from the state");
            std::string parts = "[";
            for (const auto &p : s.slashParts(*c)) {
                Json e;
                e.str("party", nameOf(p.party)).str("validator", nameOf(p.validator))
                    .str("from", p.source == state::StakeSource::Bond ? "bond" : "unbonding")
                    .str("amount", formatGt(p.amount));
                parts += (parts.size() > 1 ? "," : "") + e.done();
            }
            out.str("offence", c->kind == state::CaseKind::Downtime     ? std::string("downtime")
                               : c->kind == state::CaseKind::EnergyData ? std::string("double-reading")
                                                                        : std::string(toString(c->offence)))
                .num("duties_missed", c->dutiesMissed)
                .num("duties_counted", c->dutiesCounted)
                .str("reason", std::string(toString(c->reason)))
                .str("severity", std::string(toString(c->severity)))
                .num("prior_cases", c->priorCases)
                .str("tier", std::string(toString(c->tier)))
                .str("fraction", percentOf(static_cast<std::int32_t>(c->fractionBps)))
                .str("suspension", std::string(toString(c->suspension)))
                .boolean("government_review", c->governmentReview)
                .num("infraction_slot", c->infractionSlot)
                .num("recorded_slot", c->recordedSlot)
                .num("execute_slot", c->executeSlot)
                .str("suspended_until", c->suspendedUntilSlot == state::kBannedForever
                                            ? std::string("never")
                                            : std::to_string(c->suspendedUntilSlot))
                .str("stake_at_infraction", formatGt(c->stakeAtInfraction))
                .str("amount", formatGt(c->amount))
                .str("uncollected", formatGt(c->uncollected))
                .str("status", std::string(toString(c->status)))
                .raw("parts", parts + "]");
            std::string trail = "[";
            for (const auto &r : s.appealTrail(*c)) {
                Json e;
                e.str("stage", std::string(toString(r.stage))).str("action", std::string(toString(r.action)))
                    .num("slot", r.slot)
                    .str("by", r.by.isZero() ? std::string("automatic") : nameOf(r.by)).boolean("uphold", r.uphold);
                if (r.weight != 0)
                    e.str("stake", formatGt(r.weight));
                e.str("text", r.text);
                trail += (trail.size() > 1 ? "," : "") + e.done();
            }
            out.str("appeal_stage", std::string(toString(c->appeal.stage)))
                .num("community_deadline", c->appeal.communityDeadline)
                .str("uphold_stake", formatGt(c->appeal.upholdStake))
                .str("overturn_stake", formatGt(c->appeal.overturnStake))
                .str("court_case", c->appeal.courtCase)
                .raw("trail", trail + "]");
        }
    } else if (what == "proposal") {
        auto id = proposalNamed(step);
        if (!id)
            return id.error();
        line.str("proposal", step["proposal"].value_or(std::string()));
        const auto p = s.proposal(*id);
        if (!p)
            return makeError("scenario.invalid", "a named proposal is missing from the state");
        out.str("type", std::string(toString(p->type)))
            .str("track", std::string(toString(p->track)))
            .str("status", std::string(toString(p->status)))
            .str("deposit", formatGt(p->deposit))
            .str("deposit_fate", std::string(toString(p->depositFate)))
            .num("submitted_slot", p->submittedSlot)
            .num("voting_end_slot", p->votingEndSlot)
            .num("enact_slot", p->enactSlot)
            .num("closed_slot", p->closedSlot)
            .num("enacted_slot", p->enactedSlot)
            .num("votes", p->voteCount)
            .str("turnout", percentOf(static_cast<std::int32_t>(p->result.turnoutBps)))
            .str("support", percentOf(static_cast<std::int32_t>(p->result.supportBps)))
            .boolean("quorum_met", p->result.quorumMet)
            .boolean("passed", p->result.passed);
        static const char *const kClassNames[] = {"authorities", "stake_validators", "energy_validators", "community"};
        for (std::size_t c = 0; c < state::kVoterClasses; ++c) {
            const state::ClassTally &t = p->classes[c];
            const bool gt = c == 1 || c == 3;   // stake and holdings in GT; authorities counted, energy in Wh
            auto shown = [&](std::uint64_t v) { return gt ? formatGt(v) : std::to_string(v); };
            const std::string n = kClassNames[c];
            out.str(n + "_yes", shown(t.yes)).str(n + "_no", shown(t.no)).str(n + "_abstain", shown(t.abstain))
                .str(n + "_eligible", shown(t.eligible)).num(n + "_weight_bps", p->rule.weightsBps[c]);
        }
        out.str("outcome", p->outcome);
    } else if (what == "rules") {
        // The governed parameters in force.
        const state::StateRules r = s.rulesInForce(m_tree->stateRules());
        for (const auto &info : state::governedParams())
            out.num(std::string(info.name), state::paramValue(r.staking, r.tradeSettlementWindowMs, info.param));
        if (const auto u = s.scheduledUpgrade())
            out.num("upgrade_version", u->version).num("upgrade_slot", u->slot);
    } else if (what == "lock") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        line.str("name", *name);
        const state::BalanceLock l = s.balanceLock(key(*name).publicKey());
        out.str("locked", formatGt(l.lockedAt(m_now))).num("until_slot", l.freeFrom(m_now));
    } else if (what == "delegation") {
        auto name = nameField(step, "name");
        auto validator = nameField(step, "validator");
        if (!name)
            return name.error();
        if (!validator)
            return validator.error();
        line.str("name", *name).str("validator", *validator);
        out.str("amount", formatGt(s.delegation(key(*name).publicKey(), key(*validator).publicKey())));
    } else if (what == "unbonding") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        line.str("name", *name);
        std::string list = "[";
        std::uint64_t total = 0;
        for (const auto &[k, amount] : s.unbonding()) {
            if (k.owner != key(*name).publicKey())
                continue;
            Json e;
            e.num("release_slot", k.releaseSlot).str("validator", nameOf(k.validator)).str("amount", formatGt(amount));
            list += (list.size() > 1 ? "," : "") + e.done();
            total += amount;
        }
        out.str("total", formatGt(total)).raw("entries", list + "]");
    } else if (what == "supply") {
        const state::Supply sup = s.supply();
        out.str("total", formatGt(sup.total))
            .str("bonded", formatGt(sup.bonded))
            .str("unbonding", formatGt(sup.unbonding))
            .str("pending_slashes", formatGt(sup.pendingSlashes))
            .str("burned", formatGt(sup.burned))
            .str("rewards_paid", formatGt(sup.rewardsPaid))
            .str("governance_deposits", formatGt(sup.governanceDeposits));
    } else if (what == "proposers") {
        // Each key's share of the draw at slot `now`, in basis points.
        const auto ctx = m_tree->contextFor(m_head, m_now);
        const ProposerTable &t = ctx->proposers;
        for (std::size_t i = 0; i < t.keys.size(); ++i) {
            const std::uint64_t w = t.cumulative[i] - (i == 0 ? 0 : t.cumulative[i - 1]);
            out.num(nameOf(t.keys[i]), mulDiv(w, 10'000, t.total));
        }
    } else if (what == "meter") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        line.str("name", *name);
        const auto named = m_meters.find(*name);
        if (named == m_meters.end())
            return invalid(step, "no meter is named " + *name);
        const auto record = s.meter(named->second.id);
        out.boolean("registered", record.has_value());
        if (record) {
            out.str("status", std::string(energy::toString(record->status)))
                .str("zone", gridZoneCode(record->zone))
                .str("registration", std::string(energy::toString(record->registration)));
            const auto p = s.meterProgress(named->second.id);
            out.num("readings", p ? p->readings : 0)
                .num("last_interval", p ? static_cast<std::uint64_t>(
                                              (p->lastIntervalEndMs - intervalEndMs(1)) / energy::kIntervalMs + 1)
                                        : 0)
                .num("import_register_wh", p ? p->importRegisterWh : 0)
                .num("export_register_wh", p ? p->exportRegisterWh : 0);
        }
    } else if (what == "zone") {
        auto zone = zoneField(step);
        if (!zone)
            return zone.error();
        const std::int64_t interval = step["interval"].value_or(std::int64_t{0});
        if (interval < 1 || interval > (std::int64_t{1} << 32))
            return invalid(step, "a zone query needs the interval (1 is the first 15 minutes after genesis)");
        line.str("zone", gridZoneCode(*zone)).num("interval", static_cast<std::uint64_t>(interval));
        const energy::ZoneTotals t = s.zoneTotals(*zone, intervalEndMs(interval));
        out.num("readings", t.readings).num("import_wh", t.importWh).num("export_wh", t.exportWh);
        // Conservation, once EGAT has reported the interval's flows.
        const auto c = s.conservation(*zone, intervalEndMs(interval));
        out.str("conservation", c ? energy::conservationVerdictName(c->verdict) : "unjudged");
        if (c)
            out.num("imports_wh", c->importsWh)
                .num("exports_wh", c->exportsWh)
                .raw("losses_wh", std::to_string(c->lossesWh))
                .str("loss_pct", percentOf(c->lossBps));
    } else if (what == "position") {
        auto name = nameField(step, "name");
        if (!name)
            return name.error();
        auto zone = zoneField(step);
        if (!zone)
            return zone.error();
        const std::int64_t interval = step["interval"].value_or(std::int64_t{0});
        if (interval < 1 || interval > (std::int64_t{1} << 32))
            return invalid(step, "a position query needs the interval (1 is the first 15 minutes after genesis)");
        line.str("name", *name).str("zone", gridZoneCode(*zone)).num("interval", static_cast<std::uint64_t>(interval));
        const state::EnergyPosition p = s.energyPosition(key(*name).publicKey(), *zone, intervalEndMs(interval));
        out.num("export_wh", p.exportWh)
            .num("import_wh", p.importWh)
            .num("sold_wh", p.soldWh)
            .num("bought_wh", p.boughtWh);
    } else if (what == "halts") {
        std::string halted;
        for (const std::uint16_t z : m_head->state.halts->haltedZones())
            halted += (halted.empty() ? "" : ", ")
                + (z == kNationwideZoneId ? std::string("nationwide") : gridZoneCode(GridZone{z}));
        out.str("halted", halted);
    } else if (what == "grid") {
        const std::int64_t interval = step["interval"].value_or(std::int64_t{0});
        if (interval < 1 || interval > (std::int64_t{1} << 32))
            return invalid(step, "a grid query needs the interval (1 is the first 15 minutes after genesis)");
        line.num("interval", static_cast<std::uint64_t>(interval));
        const auto report = s.gridState(intervalEndMs(interval));
        out.boolean("reported", report.has_value());
        if (report) {
            const energy::GridModel &model = energy::defaultGridModel();
            std::string congested, n1, loading = "{";
            for (const auto &l : energy::lineLoadings(model, *report)) {
                loading += (loading.size() > 1 ? "," : "") + jsonString(l.line->id) + ":" + std::to_string(l.loadingBps);
                if (l.congested)
                    congested += (congested.empty() ? "" : ", ") + l.line->id;
            }
            for (const auto &c : energy::corridorLoadings(model, *report))
                if (c.n1Violated)
                    n1 += (n1.empty() ? "" : ", ") + c.corridor;
            std::string outOfService;
            for (const auto &f : report->flows)
                if (f.outOfService)
                    outOfService += (outOfService.empty() ? "" : ", ") + f.lineId;
            out.num("frequency_mhz", report->frequencyMilliHz)
                .str("reserve_margin_pct", percentOf(report->reserveMarginBps))
                .raw("loading_bps", loading + "}")
                .str("congested", congested)
                .str("n1_violations", n1)
                .str("out_of_service", outOfService);
        }
    } else {
        return invalid(step, "what is account, validator, delegation, unbonding, supply, proposers, meter, zone, "
                             "position, grid, halts, slash, proposal, rules or lock");
    }
    line.raw("state", out.done());
    // Expected values: each named field must render exactly so.
    if (const toml::node *expect = step.get("expect")) {
        const toml::table *t = expect->as_table();
        if (!t)
            return invalid(*expect, "a query's expect is a table of field = \"value\"");
        std::string failed;
        for (const auto &[field, value] : *t) {
            std::string want;
            if (auto sv = value.value<std::string>(); value.is_string())
                want = *sv;
            else if (auto iv = value.value<std::int64_t>(); value.is_integer())
                want = std::to_string(*iv);
            else if (auto bv = value.value<bool>(); value.is_boolean())
                want = *bv ? "true" : "false";
            const std::string got = out.field(std::string(field.str()));
            if (got != want)
                failed += (failed.empty() ? "" : "; ") + std::string(field.str()) + " is " + got + ", expected " + want;
        }
        line.str("expectation", failed.empty() ? "met" : "failed");
        if (!failed.empty())
            line.str("mismatch", failed);
    }
    return line;
}

// A transaction step's expect: "accepted" or the code it must be refused with.
void expectResult(const toml::table &step, Json &line, ScenarioReport &report)
{
    const toml::node *expect = step.get("expect");
    if (!expect)
        return;
    const std::string want = expect->value_or(std::string());
    const std::string got = line.field("result") == "accepted" ? "accepted" : line.field("code");
    line.str("expectation", got == want ? "met" : "failed");
    if (got != want) {
        line.str("expected", want);
        ++report.failedExpectations;
    }
}

Status ScenarioRun::step(const toml::table &step, std::uint64_t index, ScenarioReport &report)
{
    const std::string what = step["do"].value_or(std::string());
    Json line;
    line.num("step", index).num("line", step.source().begin.line).str("do", what);
    if (what == "advance") {
        const std::int64_t slots = step["slots"].value_or(std::int64_t{0});
        const std::int64_t epochs = step["epochs"].value_or(std::int64_t{0});
        if (slots < 0 || epochs < 0 || (slots == 0 && epochs == 0) || slots > (std::int64_t{1} << 40)
            || epochs > (std::int64_t{1} << 30))
            return invalid(step, "advance takes a positive number of slots or epochs");
        GTX_TRY(seal());
        m_now += static_cast<std::uint64_t>(slots) + static_cast<std::uint64_t>(epochs) * m_params.epochSlots;
        line.num("slot", m_now).num("epoch", m_params.epochOf(m_now)).num("height", m_head->height);
        report.lines.push_back(line.done());
        return Status::success();
    }
    if (what == "query") {
        auto q = query(step, index);
        if (!q)
            return q.error();
        Json &out = *q;
        if (out.field("expectation") == "failed")
            ++report.failedExpectations;
        report.lines.push_back(out.done());
        return Status::success();
    }
    if (what == "transfer" || what == "bond" || what == "unbond" || what == "delegate" || what == "redelegate"
        || what == "randao-reveal") {
        auto done = transaction(step, what, line);
        if (!done)
            return done.error();
        expectResult(step, line, report);
        report.lines.push_back(line.done());
        return Status::success();
    }
    if (what == "reading" || what == "meter-registry" || what == "grid-state" || what == "trade" || what == "halt"
        || what == "resume" || what == "double-sign" || what == "appeal" || what == "double-reading"
        || what == "propose" || what == "vote") {
        auto done = what == "reading"      ? reading(step, line)
            : what == "propose"           ? propose(step, line)
            : what == "vote"              ? vote(step, line)
            : what == "double-reading"    ? doubleReading(step, line)
            : what == "appeal"            ? appeal(step, line)
            : what == "double-sign"       ? doubleSign(step, line)
            : what == "meter-registry"    ? meterRegistry(step, line)
            : what == "grid-state"        ? gridState(step, line)
            : what == "trade"             ? trade(step, line)
                                          : emergency(step, what, line);
        if (!done)
            return done.error();
        expectResult(step, line, report);
        report.lines.push_back(line.done());
        return Status::success();
    }
    return invalid(step, "unknown step '" + what
                             + "' (transfer, bond, unbond, delegate, redelegate, randao-reveal, reading, "
                               "meter-registry, grid-state, trade, halt, resume, double-sign, double-reading, appeal, propose, vote, "
                               "advance, query)");
}

} // namespace

Result<ScenarioReport> runScenarioText(const std::string &text, const std::string &source)
{
    if (!crypto::initialize())
        return makeError("scenario.io", "libsodium could not be initialized");
    if (text.size() > kMaxScenarioBytes)
        return makeError("scenario.too_large", source + " is larger than 1 MiB");
    toml::table doc;
    try {
        doc = toml::parse(text, source);
    } catch (const toml::parse_error &e) {
        return makeError("scenario.syntax", source + ":" + std::to_string(e.source().begin.line) + ": "
                                                + std::string(e.description()));
    }
    ScenarioReport report;
    report.title = doc["title"].value_or(std::string());
    const std::string paramsName = doc["params"].value_or(std::string("production"));
    ConsensusParams params;
    if (paramsName == "production")
        params = ConsensusParams::production();
    else if (paramsName == "simulation")
        params = ConsensusParams::simulation();
    else
        return makeError("scenario.invalid", "params is \"production\" or \"simulation\"");
    ScenarioRun run(params);
    GTX_TRY(run.setup(doc));
    const toml::node *steps = doc.get("steps");
    const toml::array *list = steps ? steps->as_array() : nullptr;
    if (!list)
        return makeError("scenario.invalid", source + " has no [[steps]]");
    if (list->size() > kMaxScenarioSteps)
        return makeError("scenario.too_large", source + " has more than 10000 steps");
    for (const auto &entry : *list) {
        const toml::table *t = entry.as_table();
        if (!t)
            return invalid(entry, "each step is a table");
        GTX_TRY(run.step(*t, ++report.steps, report));
    }
    return report;
}

Result<ScenarioReport> runScenarioFile(const std::filesystem::path &path)
{
    auto text = readTextFile(path, kMaxScenarioBytes);
    if (!text)
        return makeError(text.error().code == "file.too_large" ? "scenario.too_large" : "scenario.io",
                         text.error().message);
    return runScenarioText(*text, path.string());
}

} // namespace gtx::sim
