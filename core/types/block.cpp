#include "core/types/block.h"

#include "core/crypto/merkle.h"

namespace gtx {

std::string_view toString(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Genesis:
        return "genesis";
    case BlockKind::Regular:
        return "regular";
    case BlockKind::Emergency:
        return "emergency";
    }
    return "unknown";
}

Hash256 blockHash(const BlockHeader &header)
{
    return crypto::hash(kBlockHeaderHashDomain, codec::encode(header));
}

Signature signHeader(const BlockHeader &header, const crypto::KeyPair &key)
{
    return key.sign(kBlockSignatureDomain, blockHash(header).view());
}

bool verifyHeaderSignature(const BlockHeader &header, const Signature &signature)
{
    return crypto::verify(header.proposer, kBlockSignatureDomain, blockHash(header).view(), signature);
}

void signBlock(Block &block, const crypto::KeyPair &key)
{
    block.header.proposer = key.publicKey();
    block.proposerSignature = signHeader(block.header, key);
}

bool verifyBlockSignature(const Block &block)
{
    return verifyHeaderSignature(block.header, block.proposerSignature);
}

void encodeTo(codec::Writer &w, const BlockHeader &v)
{
    w.u32(v.version);
    w.u32(v.networkId);
    w.value(v.kind);
    w.u64(v.height);
    w.u64(v.epoch);
    w.u64(v.slot);
    w.i64(v.timestampMs);
    w.fixed(v.parentHash);
    w.fixed(v.stateRoot);
    w.fixed(v.txRoot);
    w.fixed(v.evidenceRoot);
    w.fixed(v.proposer);
    w.fixed(v.randaoReveal);
}

void decodeFrom(codec::Reader &r, BlockHeader &v)
{
    v.version = r.u32();
    if (r.ok() && v.version != kBlockHeaderVersion)
        r.fail("unsupported block header version " + std::to_string(v.version));
    v.networkId = r.u32();
    r.value(v.kind);
    v.height = r.u64();
    v.epoch = r.u64();
    v.slot = r.u64();
    v.timestampMs = r.i64();
    r.fixed(v.parentHash);
    r.fixed(v.stateRoot);
    r.fixed(v.txRoot);
    r.fixed(v.evidenceRoot);
    r.fixed(v.proposer);
    r.fixed(v.randaoReveal);
}

Hash256 transactionsRoot(const std::vector<Transaction> &transactions)
{
    std::vector<Hash256> leaves;
    leaves.reserve(transactions.size());
    for (const auto &tx : transactions)
        leaves.push_back(crypto::merkleLeafHash(codec::encode(tx)));
    return crypto::merkleRoot(leaves);
}

Hash256 recordsRoot(const Block &block)
{
    std::vector<Hash256> leaves;
    leaves.reserve(block.evidence.size() + block.linkVotes.size() + block.attestations.size()
                   + block.emergencyRecords.size());
    // Each leaf is a tag (0 evidence, 1 link vote, 2 attestation, 3
    // emergency record) and the record's encoding.
    auto add = [&](std::uint8_t tag, const auto &item) {
        codec::Writer one;
        one.u8(tag);
        one.value(item);
        leaves.push_back(crypto::merkleLeafHash(one.data()));
    };
    for (const auto &e : block.evidence)
        add(std::uint8_t{0}, e);
    for (const auto &v : block.linkVotes)
        add(std::uint8_t{1}, v);
    for (const auto &v : block.attestations)
        add(std::uint8_t{2}, v);
    for (const auto &r : block.emergencyRecords)
        add(std::uint8_t{3}, r);
    return crypto::merkleRoot(leaves);
}

void encodeTo(codec::Writer &w, const Block &v)
{
    w.value(v.header);
    w.list(v.transactions);
    w.list(v.evidence);
    w.list(v.linkVotes);
    w.list(v.attestations);
    w.list(v.emergencyRecords);
    w.fixed(v.proposerSignature);
}

void decodeFrom(codec::Reader &r, Block &v)
{
    r.value(v.header);
    r.list(v.transactions, kMaxBlockTransactions, "block transactions", kMinTransactionEncodedBytes);
    r.list(v.evidence, kMaxBlockEvidence, "block evidence", kMinEvidenceEncodedBytes);
    r.list(v.linkVotes, kMaxBlockLinkVotes, "block link votes", kMinLinkVoteEncodedBytes);
    r.list(v.attestations, kMaxBlockAttestations, "block attestations", kMinVoteEncodedBytes);
    r.list(v.emergencyRecords, kMaxBlockEmergencyRecords, "block emergency records", 256);
    r.fixed(v.proposerSignature);
}

} // namespace gtx
