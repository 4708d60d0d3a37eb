#pragma once

// What a running node answers on its control endpoint (core/net/control.h),
// and the commands that ask it:
//
//   gtx-node query --config FILE account KEY     balance and validator record
//   gtx-node query --config FILE block HEIGHT    the head chain's block there
//   gtx-node query --config FILE validators      authorities and active validators
//   gtx-node tx --config FILE --key KEYFILE [--passphrase-file F] transfer --to KEY --amount GT
//   gtx-node tx ... delegate --validator KEY --amount GT
//   gtx-node tx ... unbond --validator KEY --amount GT
//   gtx-node tx ... appeal --case ID --action file|vote|decide|court-case|court-refund [--uphold] --text T
//   gtx-node query --config FILE cases [ID]         slashing cases (one in full, with its trail)
//   gtx-node tx ... propose --type T --title T --text T [--set NAME=VALUE]... [--upgrade-version V
//       --upgrade-slot S] [--deposit GT]
//   gtx-node tx ... vote --proposal ID --choice yes|no|abstain [--amount GT]   (GT of the balance that votes, locked)
//   gtx-node query --config FILE proposals [ID]     governance proposals (one with its tally per class)
//
// Each prints one JSON object with --json, otherwise lines for a person.
// A transaction is signed here, with the key file's key, and handed to the
// node as its encoding in hex ("tx HEX"); the node's mempool decides.
// Requests on the wire: "status", "query account HEX", "query block N",
// "query validators", "query cases [ID]", "query proposals [ID]", "tx HEX" (an emergency order goes to the authority's
// emergency path), "evidence HEX" (an Evidence record, verified and gossiped
// as if a peer had sent it; {"accepted":true,"offence":KEY}), "txs HEX HEX..." (a batch, one consensus-log write per slice of 64:
// {"accepted":N,"refused":M,"first_error":CODE,...}); replies are one JSON
// object, an error as {"error":CODE,"message":TEXT}. Two traces answer in
// lines, for gtx-node bench devnet: "trace fast-since H" (the Fast-final
// blocks above H, at most 16: "HEIGHT FAST_AT_US TXID...") and "trace
// instant ORDERID" (when the order became Instant-final here, or "none").

#include "core/net/peer_host.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gtx::app {

// The node's answer to one control request (called on the control thread).
std::string answerControlRequest(net::PeerHost &host, const std::string &request);

struct QueryOptions
{
    std::string config;
    std::string what;   // account, block, meter, validators
    std::string argument;
    bool json = false;
};

struct TxOptions
{
    std::string config;
    std::string keyFile;
    std::string passphraseFile;
    std::string kind;   // transfer, delegate, unbond
    std::string to;     // transfer: recipient; delegate, unbond: validator
    std::string amount; // GT, e.g. "12.5"
    std::string caseId; // appeal: the case (hex)
    std::string action; // appeal: file, vote, decide, court-case, court-refund
    bool uphold = false;
    std::string text;
    // propose: the type, title, settings and upgrade; vote: the proposal and choice.
    std::string proposalType;
    std::string title;
    std::vector<std::string> settings;   // NAME=VALUE
    std::uint32_t upgradeVersion = 0;
    std::uint64_t upgradeSlot = 0;
    std::string deposit;                 // GT; default the minimum in force
    std::string proposal;
    std::string choice;
    bool json = false;
};

void addQueryOptions(CLI::App *query, QueryOptions &options);
void addTxOptions(CLI::App *tx, TxOptions &options);
int runQuery(const QueryOptions &options);
int runTx(const TxOptions &options);

} // namespace gtx::app
