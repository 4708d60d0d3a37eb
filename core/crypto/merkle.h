#pragma once

// Binary Merkle trees in the shape of RFC 6962 section 2.1, hashed with
// BLAKE2b-256 under the domain "gtx/merkle/v1" (see hash.h):
//
//   leaf hash   = hash("gtx/merkle/v1", 0x00 || data)
//   node hash   = hash("gtx/merkle/v1", 0x01 || left || right)
//   empty tree  = hash("gtx/merkle/v1", "")
//
// A list of n > 1 leaves is split at k, the largest power of two smaller than
// n: the left subtree holds the first k leaves, the right one the rest. The
// 0x00/0x01 prefixes keep a leaf from ever being passed off as an inner node.
//
// Inclusion proofs list the sibling hashes from the leaf up to the root and
// are verified with the algorithm of RFC 9162 section 2.1.3.2.

#include "core/codec/codec.h"
#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/hash.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gtx::crypto {

// A tree of 2^64 leaves is 64 levels deep: no valid proof is longer.
constexpr std::size_t kMaxMerklePathLength = 64;

Hash256 merkleLeafHash(ByteView data);

// The root over already hashed leaves (see merkleLeafHash). O(n) hashing,
// no heap allocation.
Hash256 merkleRoot(std::span<const Hash256> leafHashes);

// Proof that the leaf at `index` is in a tree of `treeSize` leaves. `path`
// holds the sibling hashes, deepest first.
struct MerkleProof
{
    std::uint64_t index = 0;
    std::uint64_t treeSize = 0;
    std::vector<Hash256> path;

    bool operator==(const MerkleProof &) const = default;
};

// Fails on an empty list or an index outside it.
Result<MerkleProof> merkleProve(std::span<const Hash256> leafHashes, std::uint64_t index);

// True only if `proof` shows `leafHash` at proof.index in a tree of
// proof.treeSize leaves with this root. Rejects an empty tree, an index
// outside the tree, and a path that is too short, too long or oversized.
//
// As in RFC 9162, a root does not commit to the number of leaves: a proof
// also verifies for another (index, treeSize) whose path to the root has the
// same shape, e.g. leaf 1 of 2 as leaf 2 of 3. Callers must take treeSize
// from the same signed record as the root.
bool merkleVerify(const Hash256 &leafHash, const MerkleProof &proof, const Hash256 &root);

// Canonical encoding: u64 index, u64 treeSize, u32 count, count x 32 bytes;
// at most kMaxMerklePathLength path entries.
void encodeTo(codec::Writer &w, const MerkleProof &v);
void decodeFrom(codec::Reader &r, MerkleProof &v);

} // namespace gtx::crypto
