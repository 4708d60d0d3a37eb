#include "core/types/block.h"

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

void encodeTo(codec::Writer &w, BlockKind v)
{
    w.enumeration(v);
}

void decodeFrom(codec::Reader &r, BlockKind &v)
{
    v = r.enumeration(kLastBlockKind, "block kind");
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

void encodeTo(codec::Writer &w, const Block &v)
{
    w.value(v.header);
    w.list(v.transactions);
    w.list(v.evidence);
    w.value(v.parentCertificate);
    w.fixed(v.proposerSignature);
}

void decodeFrom(codec::Reader &r, Block &v)
{
    r.value(v.header);
    r.list(v.transactions, kMaxBlockTransactions, "block transactions", kMinTransactionEncodedBytes);
    r.list(v.evidence, kMaxBlockEvidence, "block evidence", kMinEvidenceEncodedBytes);
    r.value(v.parentCertificate);
    r.fixed(v.proposerSignature);
}

} // namespace gtx
