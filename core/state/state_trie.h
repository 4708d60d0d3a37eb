#pragma once

// The chain state as a persistent (immutable, structurally shared) map from
// keys to values whose root is the ledger's state root
// (core/ledger/state_tree.h): the same buckets, leaves and tree, so a block's
// header root computed here is the root the ledger reaches after committing
// the block's changes.
//
// Shape: a 32-way radix trie over the 20-bit bucket index. The root covers
// tree level 20; each level of the trie consumes 5 bits, so its internal
// nodes sit exactly at the tree's stored levels 15, 10 and 5, and its leaves
// are buckets (level 0). Each node keeps its tree hash, so the root is read
// in O(1). An update copies the path of every changed bucket (at most 4
// nodes of 32 pointers each, 31 hashes per node) and shares everything
// else: a fork's state costs only what its blocks changed, and copying a
// state is copying a pointer.
//
// Invariants: a node is never changed after it is built; a bucket holds its
// entries sorted by key (bytewise, shorter first on a common prefix), with
// no duplicate keys and at least one entry (an empty bucket is a null
// child); an internal node has at least one non-null child; every hash
// equals the tree construction's hash of the subtree.

#include "core/common/bytes.h"
#include "core/crypto/hash.h"
#include "core/ledger/ledger.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>

namespace gtx::state {

using crypto::Hash256;
using ledger::StateChange;

class StateTrie
{
public:
    StateTrie() = default;   // the empty state

    std::optional<Bytes> get(ByteView key) const;
    // The state root (ledger::defaultNodeHash(20) for the empty state).
    Hash256 root() const;
    std::uint64_t size() const;   // number of entries

    // The state after `changes` (puts and deletes; a later change of the
    // same key wins). The receiver is unchanged.
    StateTrie with(std::span<const StateChange> changes) const;

    // Every entry, by bucket and then key order.
    void forEach(const std::function<void(ByteView key, ByteView value)> &fn) const;

    struct Node;

private:
    explicit StateTrie(std::shared_ptr<const Node> root) : m_root(std::move(root)) {}
    std::shared_ptr<const Node> m_root;
};

} // namespace gtx::state
