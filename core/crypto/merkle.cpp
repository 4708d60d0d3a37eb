#include "core/crypto/merkle.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

namespace gtx::crypto {

namespace {

constexpr std::string_view kDomain = "gtx/merkle/v1";
constexpr std::uint8_t kLeafPrefix = 0x00;
constexpr std::uint8_t kNodePrefix = 0x01;

Hash256 nodeHash(const Hash256 &left, const Hash256 &right)
{
    std::array<std::uint8_t, 1 + 2 * Hash256::size()> input;
    input[0] = kNodePrefix;
    std::memcpy(input.data() + 1, left.data(), Hash256::size());
    std::memcpy(input.data() + 1 + Hash256::size(), right.data(), Hash256::size());
    return hash(kDomain, input);
}

// The largest power of two smaller than n (n >= 2): RFC 6962's split point.
std::uint64_t splitPoint(std::uint64_t n)
{
    return std::bit_floor(n - 1);
}

} // namespace

Hash256 merkleLeafHash(ByteView data)
{
    const std::uint8_t prefix = kLeafPrefix;
    return Hasher(kDomain).update(ByteView(&prefix, 1)).update(data).final();
}

// Leaves are folded left to right into a stack of perfect subtrees, one per
// set bit of the count so far (like carries in a binary counter). The final
// stack holds subtrees of strictly decreasing size; joining them from the
// right gives exactly the RFC 6962 split at the largest power of two.
Hash256 merkleRoot(std::span<const Hash256> leafHashes)
{
    if (leafHashes.empty())
        return hash(kDomain, {});

    std::array<Hash256, kMaxMerklePathLength + 1> stack;
    std::size_t depth = 0;
    for (std::uint64_t i = 0; i < leafHashes.size(); ++i) {
        stack[depth++] = leafHashes[i];
        // Each trailing one bit of i completes a perfect subtree.
        for (std::uint64_t carry = i; carry & 1; carry >>= 1) {
            stack[depth - 2] = nodeHash(stack[depth - 2], stack[depth - 1]);
            --depth;
        }
    }
    Hash256 root = stack[depth - 1];
    for (std::size_t j = depth - 1; j-- > 0;)
        root = nodeHash(stack[j], root);
    return root;
}

Result<MerkleProof> merkleProve(std::span<const Hash256> leafHashes, std::uint64_t index)
{
    if (leafHashes.empty())
        return makeError("merkle.empty", "Cannot prove inclusion in an empty Merkle tree.");
    if (index >= leafHashes.size())
        return makeError("merkle.bad_index",
                         "Leaf " + std::to_string(index) + " is outside a Merkle tree of "
                             + std::to_string(leafHashes.size()) + " leaves.");

    MerkleProof proof;
    proof.index = index;
    proof.treeSize = leafHashes.size();

    // Walk down from the root, recording the sibling subtree at each split;
    // the siblings together cover at most n leaves, so this is O(n).
    std::span<const Hash256> subtree = leafHashes;
    std::uint64_t m = index;
    while (subtree.size() > 1) {
        const std::uint64_t k = splitPoint(subtree.size());
        if (m < k) {
            proof.path.push_back(merkleRoot(subtree.subspan(k)));
            subtree = subtree.first(k);
        } else {
            proof.path.push_back(merkleRoot(subtree.first(k)));
            subtree = subtree.subspan(k);
            m -= k;
        }
    }
    std::reverse(proof.path.begin(), proof.path.end());
    return proof;
}

// RFC 9162 section 2.1.3.2.
bool merkleVerify(const Hash256 &leafHash, const MerkleProof &proof, const Hash256 &root)
{
    if (proof.treeSize == 0 || proof.index >= proof.treeSize
        || proof.path.size() > kMaxMerklePathLength)
        return false;

    std::uint64_t fn = proof.index;
    std::uint64_t sn = proof.treeSize - 1;
    Hash256 r = leafHash;
    for (const Hash256 &p : proof.path) {
        if (sn == 0)
            return false; // path longer than the tree is deep
        if ((fn & 1) || fn == sn) {
            r = nodeHash(p, r);
            while (!(fn & 1) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root; // sn != 0: path too short
}

void encodeTo(codec::Writer &w, const MerkleProof &v)
{
    w.u64(v.index);
    w.u64(v.treeSize);
    w.u32(static_cast<std::uint32_t>(v.path.size()));
    for (const Hash256 &h : v.path)
        w.fixed(h);
}

void decodeFrom(codec::Reader &r, MerkleProof &v)
{
    v.index = r.u64();
    v.treeSize = r.u64();
    const std::uint32_t n = r.u32();
    v.path.clear();
    if (!r.ok())
        return;
    if (n > kMaxMerklePathLength) {
        r.fail("Merkle proof path has more entries than its limit of "
               + std::to_string(kMaxMerklePathLength));
        return;
    }
    if (n > r.remaining() / Hash256::size()) {
        r.fail("truncated input");
        return;
    }
    v.path.resize(n);
    for (Hash256 &h : v.path)
        r.fixed(h);
}

} // namespace gtx::crypto
