#pragma once

// Blocks and their headers. Shaped to grow: the consensus, energy, staking
// and governance work add transaction kinds and fields behind `version`.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/certificate.h"
#include "core/types/evidence.h"
#include "core/types/transaction.h"

#include <cstdint>
#include <vector>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

// Why a block was produced. Emergency blocks are certified out of slot by
// the authority quorum; genesis is height 0.
enum class BlockKind : std::uint8_t {
    Genesis = 0,
    Regular = 1,
    Emergency = 2,
};

struct BlockHeader
{
    std::uint32_t version = 1;
    std::uint32_t networkId = 0;      // distinguishes devnet, testnet, mainnet
    BlockKind kind = BlockKind::Regular;
    std::uint64_t height = 0;
    std::uint64_t epoch = 0;
    std::uint64_t slot = 0;
    std::int64_t timestampMs = 0;      // UTC milliseconds since 1970
    Hash256 parentHash;
    Hash256 stateRoot;                 // authenticated state after this block
    Hash256 txRoot;                    // Merkle root of the transactions
    Hash256 evidenceRoot;              // Merkle root of the evidence
    PublicKey proposer;
    Signature randaoReveal;            // proposer's reveal for the epoch seed

    bool operator==(const BlockHeader &) const = default;
};

struct Block
{
    BlockHeader header;
    std::vector<Transaction> transactions;
    std::vector<Evidence> evidence;
    Certificate parentCertificate;     // the authority certificate of the parent
    Signature proposerSignature;       // over blockHash(header), domain "gtx/block/v1"

    bool operator==(const Block &) const = default;
};

// The identity of a block: hash("gtx/block-header/v1", encode(header)).
Hash256 blockHash(const BlockHeader &header);

void encodeTo(codec::Writer &w, const BlockHeader &v);
void decodeFrom(codec::Reader &r, BlockHeader &v);
void encodeTo(codec::Writer &w, const Block &v);
void decodeFrom(codec::Reader &r, Block &v);

} // namespace gtx
