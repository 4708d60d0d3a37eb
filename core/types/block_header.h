#pragma once

// Block headers, on their own so evidence (two conflicting headers) can hold
// them; core/types/block.h is the header to include for blocks.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"

#include <cstdint>
#include <string_view>

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
constexpr BlockKind kLastBlockKind = BlockKind::Emergency;

std::string_view toString(BlockKind kind);

// The only header version this code reads and writes.
constexpr std::uint32_t kBlockHeaderVersion = 1;

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

constexpr std::string_view kBlockHeaderHashDomain = "gtx/block-header/v1";
// Domain of the proposer's signature over blockHash(header).
constexpr std::string_view kBlockSignatureDomain = "gtx/block/v1";

// The identity of a block: hash("gtx/block-header/v1", encode(header)).
Hash256 blockHash(const BlockHeader &header);

// The proposer's signature over blockHash(header). The key should be the
// header's proposer; verifyHeaderSignature() checks against header.proposer.
Signature signHeader(const BlockHeader &header, const crypto::KeyPair &key);
bool verifyHeaderSignature(const BlockHeader &header, const Signature &signature);

constexpr codec::EnumRange<BlockKind> codecEnumRange(BlockKind) { return {kLastBlockKind, "block kind"}; }
void encodeTo(codec::Writer &w, const BlockHeader &v);
void decodeFrom(codec::Reader &r, BlockHeader &v);

} // namespace gtx
