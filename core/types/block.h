#pragma once

// Blocks: what a proposer signs and gossips, what consensus keeps in its
// block tree and what the ledger stores. header.txRoot commits to the
// transactions (transactionsRoot()), header.evidenceRoot to the carried
// consensus records: evidence, authority link votes, stake attestations and
// certified emergency records (recordsRoot()). BlockKind, BlockHeader and
// blockHash() live in core/types/block_header.h (evidence holds headers),
// included here.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/block_header.h"
#include "core/types/emergency.h"
#include "core/types/evidence.h"
#include "core/types/transaction.h"
#include "core/types/vote.h"

#include <cstdint>
#include <vector>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::size_t kMaxBlockTransactions = 100000;
constexpr std::size_t kMaxBlockEvidence = 1024;
constexpr std::size_t kMaxBlockLinkVotes = 4096;
constexpr std::size_t kMaxBlockAttestations = 16384;
constexpr std::size_t kMaxBlockEmergencyRecords = 256;

struct Block
{
    BlockHeader header;
    std::vector<Transaction> transactions;
    std::vector<Evidence> evidence;
    std::vector<LinkVote> linkVotes;               // authority finality votes
    std::vector<Vote> attestations;                // stake attestations
    std::vector<EmergencyRecord> emergencyRecords; // certified emergency blocks
    Signature proposerSignature;   // over blockHash(header), domain "gtx/block/v1"

    bool operator==(const Block &) const = default;
};

// The Merkle root over the transactions (header.txRoot).
Hash256 transactionsRoot(const std::vector<Transaction> &transactions);
// The Merkle root over the carried records (header.evidenceRoot).
Hash256 recordsRoot(const Block &block);

// Sets header.proposer to the key's public key and signs blockHash(header).
// Call after every other header field is final.
void signBlock(Block &block, const crypto::KeyPair &key);
// The proposer signature verifies against header.proposer.
bool verifyBlockSignature(const Block &block);

void encodeTo(codec::Writer &w, const Block &v);
void decodeFrom(codec::Reader &r, Block &v);

} // namespace gtx
