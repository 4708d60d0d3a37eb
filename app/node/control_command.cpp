#include "app/node/control_command.h"

#include "app/node/passphrase_input.h"
#include "core/codec/codec.h"
#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/consensus/chain.h"
#include "core/crypto/keystore.h"
#include "core/net/control.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/node/governance_snapshot.h"
#include "core/node/slashing_snapshot.h"
#include "core/state/payloads.h"
#include "core/types/units.h"

#include <iostream>
#include <sstream>

namespace gtx::app {

namespace {

using consensus::BlockNode;
using consensus::ConsensusNode;

std::string errorJson(const std::string &code, const std::string &message)
{
    return Json().str("error", code).str("message", message).done() + "\n";
}

std::vector<std::string> words(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// A key or hash given as exactly its hex digits.
template<typename Fixed>
std::optional<Fixed> fixedOf(const std::string &hex)
{
    Bytes bytes;
    if (hex.size() != 2 * Fixed::size() || !fromHex(hex, bytes))
        return std::nullopt;
    Fixed out;
    std::copy(bytes.begin(), bytes.end(), out.bytes.begin());
    return out;
}

std::optional<PublicKey> keyOf(const std::string &hex)
{
    return fixedOf<PublicKey>(hex);
}

std::optional<std::uint64_t> heightOf(const std::string &h)
{
    if (h.empty() || h.size() > 19 || h.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(h);
}

Result<Transaction> decodeTransactionHex(const std::string &hex)
{
    Bytes bytes;
    if (!fromHex(hex, bytes))
        return makeError("tx.bad_encoding", "A transaction is sent as the hex of its encoding.");
    return codec::decode<Transaction>(bytes, "transaction");
}

// The Fast-final blocks above `since` (at most kTraceBlocks of them, and
// no more once kTraceIds transaction ids are listed), one line each:
// "HEIGHT FAST_AT_US TXID...", FAST_AT_US being when this node saw it
// Fast-final (0 if no longer known). For the devnet benchmark.
constexpr std::uint64_t kTraceBlocks = 16;
constexpr std::size_t kTraceIds = 20'000;
std::string fastSinceText(const net::PeerHost &host, const ConsensusNode &node, std::uint64_t since)
{
    const BlockNode *tip = node.finalizedTip(consensus::FinalityLevel::Fast);
    if (!tip || tip->height <= since)
        return {};
    std::vector<const BlockNode *> blocks;   // newest first
    for (const BlockNode *b = consensus::BlockTree::ancestorAtHeight(tip, std::min(tip->height, since + kTraceBlocks));
         b && b->height > since; b = b->parent)
        blocks.push_back(b);
    std::string out;
    std::size_t ids = 0;
    for (auto it = blocks.rbegin(); it != blocks.rend() && (ids == 0 || ids + (*it)->block->transactions.size() <= kTraceIds);
         ++it) {
        const BlockNode *b = *it;
        ids += b->block->transactions.size();
        out += std::to_string(b->height) + ' ' + std::to_string(host.fastAtUs(b->height).value_or(0));
        for (const Transaction &tx : b->block->transactions) {
            out += ' ';
            out += transactionId(tx).hex();
        }
        out += '\n';
    }
    return out;
}

std::string roleName(state::ValidatorRole role)
{
    return role == state::ValidatorRole::Stake ? "stake" : "energy";
}

std::string accountJson(const ConsensusNode &node, const PublicKey &key)
{
    const BlockNode *head = node.head();
    const state::State &s = head->state.executed;
    Json j;
    j.str("key", key.hex()).num("height", head->height);
    const std::uint64_t balance = s.account(key).balance;
    j.str("balance_gt", formatGt(balance)).num("balance_micro_gt", balance);
    if (const auto v = s.validator(key)) {
        Json r;
        r.str("role", roleName(v->role))
            .num("zone", v->zone.id)
            .str("self_bond_gt", formatGt(v->selfBond))
            .str("delegated_gt", formatGt(v->delegated))
            .num("blocks_produced", v->blocksProduced)
            .num("slots_missed", v->slotsMissed)
            .num("uptime_ppm", v->uptimePpm());
        j.raw("validator", r.done());
    } else {
        j.raw("validator", "null");
    }
    return j.done() + "\n";
}

// A meter's registry record and what the chain accepted from it last.
std::string meterJson(const ConsensusNode &node, const Hash256 &id)
{
    const BlockNode *head = node.head();
    const state::State &s = head->state.executed;
    Json j;
    j.str("meter", id.hex()).num("height", head->height);
    const auto record = s.meter(id);
    j.boolean("registered", record.has_value());
    if (record) {
        j.str("zone", gridZoneCode(record->zone))
            .str("registration", std::string(energy::toString(record->registration)))
            .str("status", std::string(energy::toString(record->status)))
            .str("owner", record->owner.hex());
    }
    const auto progress = s.meterProgress(id);
    j.raw("last_interval_end_ms", progress ? std::to_string(progress->lastIntervalEndMs) : "null");
    return j.done() + "\n";
}

std::string blockJson(const ConsensusNode &node, std::uint64_t height)
{
    const BlockNode *b = consensus::BlockTree::ancestorAtHeight(node.head(), height);
    if (!b)
        return errorJson("query.no_block", "The head chain has no block at height " + std::to_string(height) + ".");
    return Json()
               .num("height", b->height)
               .num("slot", b->slot)
               .str("hash", b->hash.hex())
               .str("parent", b->header().parentHash.hex())
               .str("proposer", b->header().proposer.hex())
               .num("transactions", b->block->transactions.size())
               .str("finality", std::string(consensus::toString(b->level)))
               .num("time_ms", static_cast<std::uint64_t>(b->header().timestampMs))
               .str("state_root", b->header().stateRoot.hex())
               .done()
           + "\n";
}

// Every slashing case on the Fast-final chain (newest first), or one in full
// (its parts and appeal trail) when `only` names it.
std::string casesJson(const ConsensusNode &node, const std::optional<Hash256> &only)
{
    const BlockNode *tip = node.finalizedTip(consensus::FinalityLevel::Fast);
    if (!tip)
        tip = node.head();
    const interfaces::SlashingSnapshot s = node::slashingSnapshot(
        tip->state.executed, node.consensusParams(), consensus::authorityNames(node.consensusGenesis()),
        tip->header().timestampMs);
    static const char *const kStatus[] = {"pending", "executed", "cancelled", "refunded"};
    static const char *const kStage[] = {"none", "technical-review", "community-review", "authority-review", "closed"};
    std::vector<std::string> rows;
    for (const auto &c : s.cases) {
        if (only && c.key != only->hex())
            continue;
        Json r;
        r.str("case", c.key)
            .str("offender", c.offender)
            .str("offender_name", c.offenderName)
            .str("offence", c.offence)
            .str("reason", c.reason)
            .str("severity", c.severity)
            .num("prior_cases", c.priorCases)
            .str("tier", c.tier)
            .num("fraction_bps", c.fractionBps)
            .boolean("government_review", c.governmentReview)
            .num("infraction_slot", c.infractionSlot)
            .num("execute_slot", c.executeSlot)
            .str("stake_at_infraction_gt", formatGt(c.stakeAtInfractionMicroGt))
            .str("taken_gt", formatGt(c.amountMicroGt))
            .str("status", kStatus[int(c.status)])
            .str("appeal_stage", kStage[int(c.appealStage)])
            .boolean("evidence_verified", c.evidenceVerified);
        if (only) {
            std::vector<std::string> parts, trail;
            for (const auto &p : c.parts)
                parts.push_back(Json()
                                    .str("party", p.party)
                                    .str("validator", p.validator)
                                    .str("from", p.fromUnbonding ? "unbonding" : "bond")
                                    .str("amount_gt", formatGt(p.amountMicroGt))
                                    .done());
            for (const auto &t : c.trail)
                trail.push_back(Json()
                                    .str("stage", kStage[int(t.stage)])
                                    .str("action", t.action)
                                    .num("slot", t.slot)
                                    .str("by", t.by.empty() ? std::string("automatic") : t.by)
                                    .boolean("uphold", t.uphold)
                                    .str("stake_gt", formatGt(t.stakeMicroGt))
                                    .str("text", t.text)
                                    .done());
            r.raw("parts", jsonArray(parts)).raw("trail", jsonArray(trail));
        }
        rows.push_back(r.done());
    }
    if (only && rows.empty())
        return errorJson("query.no_case", "There is no slashing case with this id.");
    return Json().num("height", tip->height).raw("cases", jsonArray(rows)).done() + "\n";
}

// Every governance proposal on the Fast-final chain (newest first), or one
// in full (its text, settings and tally per class) when `only` names it.
std::string proposalsJson(const ConsensusNode &node, const std::optional<Hash256> &only)
{
    const BlockNode *tip = node.finalizedTip(consensus::FinalityLevel::Fast);
    if (!tip)
        tip = node.head();
    const interfaces::GovernanceSnapshot s = node::governanceSnapshot(
        tip->state.executed, node.consensusParams(), node.tree().stateRules(),
        consensus::authorityNames(node.consensusGenesis()), tip->header().timestampMs);
    static const char *const kStatus[] = {"voting", "passed", "rejected", "enacted", "failed"};
    std::vector<std::string> rows;
    for (const auto &p : s.proposals) {
        if (only && p.key != only->hex())
            continue;
        Json r;
        r.str("proposal", p.key)
            .str("type", p.type)
            .str("track", p.track)
            .str("status", kStatus[int(p.status)])
            .str("title", p.title)
            .str("proposer", p.proposer)
            .str("proposer_name", p.proposerName)
            .str("deposit_gt", formatGt(p.depositMicroGt))
            .str("deposit_fate", p.depositFate)
            .num("voting_end_ms", static_cast<std::uint64_t>(p.votingEndMs))
            .num("enact_ms", static_cast<std::uint64_t>(p.enactMs))
            .num("votes", p.votes)
            .num("turnout_bps", p.turnoutBps)
            .num("support_bps", p.supportBps)
            .num("quorum_bps", p.quorumBps)
            .num("pass_bps", p.passBps)
            .boolean("quorum_met", p.quorumMet)
            .boolean("passed", p.passed)
            .str("outcome", p.outcome);
        if (only) {
            std::vector<std::string> classes, settings;
            for (const auto &c : p.classes) {
                // In each class's unit: authorities counted, energy in Wh, stake and balances in GT.
                const bool counted = c.voterClass == "authorities";
                const bool energy = c.voterClass == "energy-validators";
                const std::string unit = counted ? "" : energy ? "_wh" : "_gt";
                const auto value = [&](std::uint64_t v) {
                    return counted || energy ? std::to_string(v) : formatGt(v);
                };
                classes.push_back(Json()
                                      .str("class", c.voterClass)
                                      .num("weight_bps", c.weightBps)
                                      .str("yes" + unit, value(c.yes))
                                      .str("no" + unit, value(c.no))
                                      .str("abstain" + unit, value(c.abstain))
                                      .str("eligible" + unit, value(c.eligible))
                                      .done());
            }
            for (const auto &set : p.settings)
                settings.push_back(
                    Json().str("name", set.name).num("current", set.current).num("proposed", set.proposed).done());
            r.str("text", p.text).raw("classes", jsonArray(classes)).raw("settings", jsonArray(settings));
            if (p.upgradeVersion != 0)
                r.num("upgrade_version", p.upgradeVersion).num("upgrade_ms", static_cast<std::uint64_t>(p.upgradeMs));
        }
        rows.push_back(r.done());
    }
    if (only && rows.empty())
        return errorJson("query.no_proposal", "There is no proposal with this id.");
    return Json()
               .num("height", tip->height)
               .str("proposal_deposit_gt", formatGt(s.proposalDepositMicroGt))
               .raw("proposals", jsonArray(rows))
               .done()
           + "\n";
}

std::string validatorsJson(const net::HostSnapshot &s)
{
    std::vector<std::string> rows;
    for (const auto &m : s.members) {
        Json r;
        r.str("key", m.key.hex()).boolean("authority", m.authority);
        if (m.authority)
            r.str("type", std::string(toString(m.authorityType)));
        else
            r.str("role", roleName(m.role))
                .str("stake_gt", formatGt(m.stake))
                .num("blocks_produced", m.blocksProduced)
                .num("slots_missed", m.slotsMissed)
                .num("uptime_ppm", m.uptimePpm);
        rows.push_back(r.done());
    }
    return Json().num("height", s.headHeight).raw("members", jsonArray(rows)).done() + "\n";
}

int fail(const std::string &command, const std::string &message)
{
    std::cerr << "gtx-node: error: " << command << ": " << message << '\n';
    return 1;
}

// The "error" and "message" of a reply, when it is an error.
std::optional<std::pair<std::string, std::string>> replyError(const std::string &reply)
{
    const std::string needle = "{\"error\":\"";
    if (reply.rfind(needle, 0) != 0)
        return std::nullopt;
    const auto end = reply.find('"', needle.size());
    const std::string code = reply.substr(needle.size(), end - needle.size());
    const std::string m = "\"message\":\"";
    const auto at = reply.find(m);
    std::string message = at == std::string::npos ? std::string() : reply.substr(at + m.size());
    if (const auto close = message.rfind("\"}"); close != std::string::npos)
        message.resize(close);
    return std::make_pair(code, message);
}

int printReply(const char *command, const std::string &reply, bool json)
{
    if (const auto e = replyError(reply)) {
        if (json)
            std::cout << reply;
        return fail(command, e->second.empty() ? e->first : e->second);
    }
    if (json) {
        std::cout << reply;
        return 0;
    }
    // For a person: one "name value" line per top-level field.
    std::string body = reply;
    while (!body.empty() && (body.back() == '\n' || body.back() == '}'))
        body.pop_back();
    if (!body.empty() && body.front() == '{')
        body.erase(0, 1);
    int depth = 0;
    bool quoted = false;   // inside a string: its commas and brackets are text
    bool escaped = false;
    std::string line;
    auto flush = [&] {
        const auto colon = line.find("\":");
        if (colon != std::string::npos && line.size() > 1) {
            std::string value = line.substr(colon + 2);
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            std::cout << line.substr(1, colon - 1) << ' ' << value << '\n';
        }
        line.clear();
    };
    for (const char c : body) {
        if (quoted) {
            line += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (c == '"')
            quoted = true;
        if (c == '{' || c == '[')
            ++depth;
        if (c == '}' || c == ']')
            --depth;
        if (c == ',' && depth == 0) {
            flush();
            continue;
        }
        line += c;
    }
    flush();
    return 0;
}

} // namespace

std::string answerControlRequest(net::PeerHost &host, const std::string &request)
{
    const std::vector<std::string> w = words(request);
    const std::string stopped = errorJson("net.stopped", "The node is stopping.");
    if (w.size() == 3 && w[0] == "query" && w[1] == "account") {
        const auto key = keyOf(w[2]);
        if (!key)
            return errorJson("query.bad_key", "An account is a public key of 64 hex digits.");
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = accountJson(node, *key); });
        return reply;
    }
    if (w.size() == 3 && w[0] == "query" && w[1] == "block") {
        const auto height = heightOf(w[2]);
        if (!height)
            return errorJson("query.bad_height", "A block height is a whole number.");
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = blockJson(node, *height); });
        return reply;
    }
    if (w.size() == 2 && w[0] == "query" && w[1] == "validators")
        return validatorsJson(host.snapshot());
    if ((w.size() == 2 || w.size() == 3) && w[0] == "query" && w[1] == "cases") {
        std::optional<Hash256> only;
        if (w.size() == 3) {
            only = fixedOf<Hash256>(w[2]);
            if (!only)
                return errorJson("query.bad_case", "A case id is 64 hex digits.");
        }
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = casesJson(node, only); });
        return reply;
    }
    if ((w.size() == 2 || w.size() == 3) && w[0] == "query" && w[1] == "proposals") {
        std::optional<Hash256> only;
        if (w.size() == 3) {
            only = fixedOf<Hash256>(w[2]);
            if (!only)
                return errorJson("query.bad_proposal", "A proposal id is 64 hex digits.");
        }
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = proposalsJson(node, only); });
        return reply;
    }
    if (w.size() == 3 && w[0] == "query" && w[1] == "meter") {
        const auto id = fixedOf<Hash256>(w[2]);
        if (!id)
            return errorJson("query.bad_meter", "A meter id is 64 hex digits.");
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = meterJson(node, *id); });
        return reply;
    }
    if (w.size() == 2 && w[0] == "tx") {
        auto tx = decodeTransactionHex(w[1]);
        if (!tx)
            return errorJson(tx.error().code, tx.error().message);
        const bool order = tx->kind == TransactionKind::EmergencyHalt || tx->kind == TransactionKind::EmergencyResume;
        const Status verdict = order ? host.submitEmergencyOrder(*tx) : host.submitTransaction(*tx);
        if (!verdict.ok())
            return errorJson(verdict.error().code, verdict.error().message);
        return Json().boolean("accepted", true).str("id", transactionId(*tx).hex()).done() + "\n";
    }
    if (w.size() == 2 && w[0] == "evidence") {
        // Evidence of an offence, as a monitor or an operator saw it: the
        // node verifies it like gossiped evidence and passes it on.
        Bytes bytes;
        auto evidence = fromHex(w[1], bytes) ? codec::decode<Evidence>(bytes, "evidence")
                                             : Result<Evidence>(makeError("codec.malformed", "evidence: not hex"));
        if (!evidence)
            return errorJson("evidence.malformed", evidence.error().message);
        const Status verdict = host.submitEvidence(*evidence);
        if (!verdict.ok())
            return errorJson(verdict.error().code, verdict.error().message);
        return Json().boolean("accepted", true).str("offence", offenceKey(*evidence).hex()).done() + "\n";
    }
    if (w.size() >= 2 && w[0] == "txs") {
        std::vector<Transaction> txs;
        txs.reserve(w.size() - 1);
        for (std::size_t i = 1; i < w.size(); ++i) {
            auto tx = decodeTransactionHex(w[i]);
            if (!tx)
                return errorJson(tx.error().code, tx.error().message);
            if (tx->kind == TransactionKind::EmergencyHalt || tx->kind == TransactionKind::EmergencyResume)
                return errorJson("tx.not_batchable", "An emergency order is given alone, with tx.");
            txs.push_back(std::move(tx).value());
        }
        const std::vector<Status> verdicts = host.submitTransactions(txs);
        std::uint64_t accepted = 0;
        const Status *firstRefusal = nullptr;
        for (const Status &v : verdicts) {
            if (v.ok())
                ++accepted;
            else if (!firstRefusal)
                firstRefusal = &v;
        }
        Json j;
        j.num("accepted", accepted).num("refused", verdicts.size() - accepted);
        if (firstRefusal)
            j.str("first_error", firstRefusal->error().code).str("first_message", firstRefusal->error().message);
        return j.done() + "\n";
    }
    if (w.size() == 3 && w[0] == "trace" && w[1] == "fast-since") {
        const auto since = heightOf(w[2]);
        if (!since)
            return errorJson("query.bad_height", "A block height is a whole number.");
        std::string reply = stopped;
        host.onNodeThread([&](const ConsensusNode &node) { reply = fastSinceText(host, node, *since); });
        return reply;
    }
    if (w.size() == 3 && w[0] == "trace" && w[1] == "instant") {
        const auto id = fixedOf<Hash256>(w[2]);
        if (!id)
            return errorJson("query.bad_id", "An order id is 64 hex digits.");
        const auto at = host.instantAtUs(*id);
        return at ? std::to_string(*at) + "\n" : std::string("none\n");
    }
    return errorJson("control.unknown_request", "Unknown request: " + (w.empty() ? std::string() : w[0]) + ".");
}

void addQueryOptions(CLI::App *query, QueryOptions &o)
{
    query->add_option("--config", o.config, "The running node's configuration file")->required();
    query->add_flag("--json", o.json, "Print the node's reply, one JSON object");
    query->add_option("what", o.what, "account, block, meter, validators, cases or proposals")
        ->required()
        ->check(CLI::IsMember({"account", "block", "meter", "validators", "cases", "proposals"}));
    query->add_option("argument", o.argument,
                      "account: its key (64 hex digits); block: its height; meter: its id (64 hex digits); "
                      "cases, proposals: an id for that one in full (optional)");
}

void addTxOptions(CLI::App *tx, TxOptions &o)
{
    tx->add_option("--config", o.config, "The running node's configuration file")->required();
    tx->add_option("--key", o.keyFile, "The sender's key file (gtx-node keygen)")->required();
    tx->add_option("--passphrase-file", o.passphraseFile, "Read the key's passphrase from this file");
    tx->add_flag("--json", o.json, "Print the node's reply, one JSON object");
    tx->add_option("kind", o.kind, "transfer, delegate, unbond, appeal, propose or vote")
        ->required()
        ->check(CLI::IsMember({"transfer", "delegate", "unbond", "appeal", "propose", "vote"}));
    tx->add_option("--to,--validator", o.to, "transfer: the recipient; delegate, unbond: the validator (64 hex digits)");
    tx->add_option("--amount", o.amount,
                   "In GT, e.g. 12.5; vote: how much of the balance votes as community and is held until the vote "
                   "closes (default all; 0 none; an authority votes as an authority only)");
    tx->add_option("--case", o.caseId, "appeal: the slashing case (64 hex digits; gtx-node query cases)");
    tx->add_option("--action", o.action, "appeal: file, vote, decide, court-case or court-refund")
        ->check(CLI::IsMember({"file", "vote", "decide", "court-case", "court-refund"}));
    tx->add_flag("--uphold", o.uphold, "appeal vote or decision: uphold the slash (default: overturn it)");
    tx->add_option("--text", o.text, "appeal: the grounds, the reasoning, or the court's reference; propose: what it changes and why");
    tx->add_option("--type", o.proposalType,
                   "propose: parameter-change, market-rule, emergency-protocol, technical-upgrade or authority-update");
    tx->add_option("--title", o.title, "propose: the proposal's title");
    tx->add_option("--set", o.settings, "propose: a governed parameter, NAME=VALUE (docs/protocol.md, section 23); repeatable");
    tx->add_option("--upgrade-version", o.upgradeVersion, "propose, technical upgrade: the chain rules version nodes need");
    tx->add_option("--upgrade-slot", o.upgradeSlot, "propose, technical upgrade: the slot from which they need it");
    tx->add_option("--deposit", o.deposit,
                   "propose: the deposit in GT, at least the minimum (proposal_deposit_gt in gtx-node query "
                   "proposals; 1,000 GT in production); none for an emergency proposal");
    tx->add_option("--proposal", o.proposal, "vote: the proposal (64 hex digits; gtx-node query proposals)");
    tx->add_option("--choice", o.choice, "vote: yes, no or abstain")->check(CLI::IsMember({"yes", "no", "abstain"}));
}

// A governance proposal's or vote's payload from the options (empty for other kinds).
Result<Bytes> governancePayload(const TxOptions &o)
{
    if (o.kind == "vote") {
        const auto id = fixedOf<Hash256>(o.proposal);
        if (!id)
            return makeError("tx.bad_proposal", "--proposal must be a proposal id of 64 hex digits (gtx-node query proposals)");
        if (o.choice.empty())
            return makeError("tx.no_choice", "a vote needs --choice (yes, no or abstain)");
        const auto choice = o.choice == "yes" ? state::VoteChoice::Yes
                            : o.choice == "no" ? state::VoteChoice::No
                                               : state::VoteChoice::Abstain;
        std::uint64_t amount = state::kWholeBalance;
        if (!o.amount.empty()) {
            auto parsed = parseGt(o.amount);
            if (!parsed)
                return parsed.error();
            amount = *parsed;
        }
        return codec::encode(state::GovernanceVotePayload{*id, choice, amount});
    }
    if (o.kind != "propose")
        return Bytes{};
    state::ProposalPayload p;
    bool typed = false;
    for (int t = 0; t <= static_cast<int>(kLastProposalType); ++t)
        if (toString(static_cast<ProposalType>(t)) == o.proposalType) {
            p.type = static_cast<ProposalType>(t);
            typed = true;
        }
    if (!typed)
        return makeError("tx.bad_type", "--type is parameter-change, market-rule, emergency-protocol, "
                                        "technical-upgrade or authority-update");
    p.title = o.title;
    p.text = o.text;
    for (const auto &setting : o.settings) {
        const auto eq = setting.find('=');
        const auto param = eq == std::string::npos ? std::nullopt : state::governedParamNamed(setting.substr(0, eq));
        const auto value = eq == std::string::npos ? std::nullopt : heightOf(setting.substr(eq + 1));
        if (!param || !value)
            return makeError("tx.bad_setting", "--set takes NAME=VALUE with a governed parameter's name and a whole "
                                               "number (docs/protocol.md, section 23): " + setting);
        p.settings.push_back({*param, *value});
    }
    p.upgradeVersion = o.upgradeVersion;
    p.upgradeSlot = o.upgradeSlot;
    if (p.type != ProposalType::EmergencyProtocol) {
        if (o.deposit.empty())
            return makeError("tx.no_deposit", "a proposal needs --deposit in GT, at least the minimum "
                                              "(proposal_deposit_gt in gtx-node query proposals)");
        auto deposit = parseGt(o.deposit);
        if (!deposit)
            return deposit.error();
        p.deposit = *deposit;
    }
    return codec::encode(p);
}

int runQuery(const QueryOptions &o)
{
    auto config = node::readNodeConfig(o.config);
    if (!config)
        return fail("query", config.error().message);
    const bool optional = o.what == "validators" || o.what == "cases" || o.what == "proposals";
    if (!optional && o.argument.empty())
        return fail("query", "query " + o.what + " needs " + (o.what == "block" ? "a height" : "a key"));
    std::string request = "query " + o.what;
    if (!o.argument.empty())
        request += " " + o.argument;
    auto reply = net::controlRequest(config->dataDir, request);
    if (!reply)
        return fail("query", reply.error().message);
    return printReply("query", *reply, o.json);
}

int runTx(const TxOptions &o)
{
    auto config = node::readNodeConfig(o.config);
    if (!config)
        return fail("tx", config.error().message);
    auto network = node::readNetworkFile(config->network);
    if (!network)
        return fail("tx", network.error().message);
    const bool appeal = o.kind == "appeal";
    const bool moves = o.kind == "transfer" || o.kind == "delegate" || o.kind == "unbond";
    const auto target = moves ? keyOf(o.to) : std::optional<PublicKey>(PublicKey{});
    if (!target)
        return fail("tx", "--to/--validator must be a public key of 64 hex digits");
    auto amount = moves ? parseGt(o.amount) : Result<std::uint64_t>(std::uint64_t{0});
    if (!amount)
        return fail("tx", amount.error().message);
    auto governance = governancePayload(o);
    if (!governance)
        return fail("tx", governance.error().message);
    const auto caseId = appeal ? fixedOf<Hash256>(o.caseId) : std::optional<Hash256>(Hash256{});
    if (!caseId)
        return fail("tx", "--case must be a case id of 64 hex digits (gtx-node query cases)");
    if (appeal && o.action.empty())
        return fail("tx", "an appeal needs --action (file, vote, decide, court-case or court-refund)");
    auto pass = obtainPassphrase(o.passphraseFile, "Passphrase of " + o.keyFile + ": ", false);
    if (!pass)
        return fail("tx", pass.error().message);
    auto key = crypto::loadKeystore(o.keyFile, pass->view());
    if (!key)
        return fail("tx", key.error().message);
    Transaction tx;
    tx.networkId = network->params.networkId;
    tx.timestampMs = SystemClock().nowMs();
    // The state machine does not sequence nonces yet; the time keeps them rising per sender.
    tx.nonce = static_cast<std::uint64_t>(tx.timestampMs);
    if (o.kind == "transfer") {
        tx.kind = TransactionKind::Transfer;
        tx.payload = codec::encode(state::TransferPayload{*target, *amount});
    } else if (o.kind == "delegate") {
        tx.kind = TransactionKind::Delegate;
        tx.payload = codec::encode(state::DelegatePayload{*target, *amount});
    } else if (o.kind == "unbond") {
        tx.kind = TransactionKind::Unbond;
        tx.payload = codec::encode(state::UnbondPayload{*target, *amount});
    } else if (o.kind == "propose" || o.kind == "vote") {
        tx.kind = o.kind == "propose" ? TransactionKind::GovernanceProposal : TransactionKind::GovernanceVote;
        tx.payload = *governance;
    } else {
        static const std::map<std::string, state::AppealAction> kActions = {
            {"file", state::AppealAction::File},
            {"vote", state::AppealAction::CommunityVote},
            {"decide", state::AppealAction::AuthorityDecision},
            {"court-case", state::AppealAction::CourtCase},
            {"court-refund", state::AppealAction::CourtRefund},
        };
        state::AppealPayload p;
        p.action = kActions.at(o.action);
        p.caseId = *caseId;
        p.uphold = o.action == "court-refund" || ((o.action == "vote" || o.action == "decide") && o.uphold);
        p.text = o.text;
        tx.kind = TransactionKind::SlashAppeal;
        tx.payload = codec::encode(p);
    }
    signTransaction(tx, *key);
    auto reply = net::controlRequest(config->dataDir, "tx " + toHex(codec::encode(tx)), 10000);
    if (!reply)
        return fail("tx", reply.error().message);
    return printReply("tx", *reply, o.json);
}

} // namespace gtx::app
