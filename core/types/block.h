#pragma once

// Blocks and their headers. Shaped to grow: the consensus, energy, staking
// and governance work add transaction kinds and fields behind `version`.
// BlockKind, BlockHeader and blockHash() live in core/types/block_header.h
// (evidence holds headers), included here.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/block_header.h"
#include "core/types/certificate.h"
#include "core/types/evidence.h"
#include "core/types/transaction.h"

#include <cstdint>
#include <vector>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::size_t kMaxBlockTransactions = 100000;
constexpr std::size_t kMaxBlockEvidence = 1024;

struct Block
{
    BlockHeader header;
    std::vector<Transaction> transactions;
    std::vector<Evidence> evidence;
    Certificate parentCertificate;     // the authority certificate of the parent
    Signature proposerSignature;       // over blockHash(header), domain "gtx/block/v1"

    bool operator==(const Block &) const = default;
};

// Sets header.proposer to the key's public key and signs blockHash(header).
// Call after every other header field is final.
void signBlock(Block &block, const crypto::KeyPair &key);
// The proposer signature verifies against header.proposer.
bool verifyBlockSignature(const Block &block);

void encodeTo(codec::Writer &w, const Block &v);
void decodeFrom(codec::Reader &r, Block &v);

} // namespace gtx
