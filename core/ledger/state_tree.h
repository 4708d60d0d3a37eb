#pragma once

// The authenticated state root: Merkle buckets under a fixed-depth tree.
//
// Why this shape. The state must scale to tens of millions of entries (one
// or more per meter, about 24 million meters) while a block changes a few
// thousand. A root that is recomputed from all entries costs O(state) per
// block; a classic sparse Merkle tree over the full 256-bit key hash costs
// 256 node updates per changed key. Merkle buckets keep the per-commit cost
// proportional to the change:
//
//   bucket(key) = first 20 bits of hash("gtx/state-key/v1", key)
//                 (2^20 = 1,048,576 buckets; about 23 entries each at 24 M keys)
//   leaf        = hash("gtx/state-leaf/v1", u32 len(key) || key || u32 len(value) || value)
//   bucket hash = hash("gtx/state-bucket/v1", leaf_1 || leaf_2 || ... )
//                 over the bucket's entries sorted by key (bytewise, shorter
//                 first on a common prefix); an empty bucket hashes no leaves
//                 and gives the constant defaultNodeHash(0)
//   node        = hash("gtx/state-node/v1", left || right)
//   tree        = a binary Merkle tree of fixed depth 20 over the buckets:
//                 level 0 = bucket hashes, level 20 = the root (index 0);
//                 node (l+1, i) has children (l, 2i) and (l, 2i+1)
//
// A subtree whose buckets are all empty has the precomputed default hash of
// its level, defaultNodeHash(l) = node(default(l-1), default(l-1)); an empty
// state has root defaultNodeHash(20).
//
// Storage (table state_node(level, idx, hash)): only the levels 0, 5, 10, 15
// and 20 are stored, and only nodes that differ from their level's default.
// A node between two stored levels is recomputed from the 32 stored nodes of
// its group at the level below (one range read, at most 31 hashes). Storing
// every level would dirty one B-tree page per level per changed bucket;
// five levels cut the pages a commit rewrites (and encrypts) about fourfold.
//
// Cost of a commit that touches B distinct buckets of average size S:
//   O(B x S) to rehash the changed buckets (one range read each), plus
//   O(B x 20) above them: per changed bucket one group of 32 nodes at each
//   of the 4 stored levels below the root (one range read, at most 31
//   hashes, one row written; groups shared by several changed buckets are
//   done once),
// independent of the total number of entries; the only dependence on the
// state's size is the logarithmic depth of the B-trees and the share of
// them that stays in the page cache. Storage is one row per entry plus at
// most 2^20 + 2^15 + 2^10 + 2^5 + 1 tree rows (about 50 MB when every
// bucket is in use). verify() recomputes everything from the entries in one
// ordered scan and compares it with the stored rows.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/hash.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace gtx::ledger {

constexpr int kStateTreeDepth = 20;
constexpr std::uint32_t kStateBucketCount = 1u << kStateTreeDepth;

std::uint32_t stateBucketOf(ByteView key);
crypto::Hash256 stateLeafHash(ByteView key, ByteView value);
crypto::Hash256 stateNodeHash(const crypto::Hash256 &left, const crypto::Hash256 &right);
// The hash of an all-empty subtree at `level` (0 = an empty bucket, 20 = an empty state).
const crypto::Hash256 &defaultNodeHash(int level);

// Hashes one bucket: feed its entries in ascending key order.
class BucketHasher
{
public:
    BucketHasher();
    void add(ByteView key, ByteView value);
    // The same, for an entry whose leaf hash (stateLeafHash) is known.
    void addLeaf(const crypto::Hash256 &leaf);
    crypto::Hash256 finish();

private:
    crypto::Hasher m_hasher;
};

struct TreeNode
{
    std::uint32_t index = 0;
    crypto::Hash256 hash;

    bool operator==(const TreeNode &) const = default;
};
// The nodes of one level, sorted by ascending index.
using TreeLevel = std::vector<TreeNode>;

// Levels 0, 5, 10, 15 and 20 are stored; nodes in between are recomputed
// from groups of 32 stored nodes.
constexpr int kStoredLevelStep = 5;
constexpr std::uint32_t kStoredGroupWidth = 1u << kStoredLevelStep;
static_assert(kStateTreeDepth % kStoredLevelStep == 0);
constexpr bool isStoredLevel(int level)
{
    return level % kStoredLevelStep == 0;
}

// Fills `out` (kStoredGroupWidth hashes) with the stored nodes
// (level, first) .. (level, first + 31) of a stored level, each node's
// default where none is stored.
using StoredGroupLookup =
    std::function<Status(int level, std::uint32_t first, std::span<crypto::Hash256> out)>;

// Given the new hashes of the changed buckets (level 0, sorted, unique),
// computes the new hashes of their ancestors at the stored levels. Returns
// 21 levels of which only the stored ones (0, 5, 10, 15, 20) are filled;
// level 20 holds the new root, or nothing when no bucket changed. Unchanged
// nodes come from `stored`.
Result<std::vector<TreeLevel>> propagateBucketChanges(TreeLevel changedBuckets,
                                                      const StoredGroupLookup &stored);

// A StoredGroupLookup for a tree with nothing stored (every node default):
// from-scratch computation.
Status defaultGroup(int level, std::uint32_t first, std::span<crypto::Hash256> out);

} // namespace gtx::ledger
