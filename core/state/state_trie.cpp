#include "core/state/state_trie.h"

#include "core/ledger/state_tree.h"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace gtx::state {

namespace {

constexpr int kFanBits = ledger::kStoredLevelStep;              // 5
constexpr std::uint32_t kFan = ledger::kStoredGroupWidth;       // 32
constexpr int kDepth = ledger::kStateTreeDepth / kFanBits;      // 4 trie levels above the buckets

bool keyLess(ByteView a, ByteView b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

} // namespace

struct StateTrie::Node
{
    int level = 0;   // tree level: 0 (bucket), 5, 10, 15, 20 (root)
    Hash256 hash;
    std::uint64_t entries = 0;
};

namespace {

using NodePtr = std::shared_ptr<const StateTrie::Node>;

// One entry, shared by every state that holds it unchanged.
struct Item
{
    Bytes data;              // key || value
    std::uint32_t keyBytes = 0;
    Hash256 leaf;            // stateLeafHash(key, value)

    ByteView key() const { return ByteView(data.data(), keyBytes); }
    ByteView value() const { return ByteView(data.data() + keyBytes, data.size() - keyBytes); }
};
using ItemPtr = std::shared_ptr<const Item>;

// A bucket (level 0): its entries sorted by key, at least one.
struct BucketNode : StateTrie::Node
{
    std::vector<ItemPtr> items;
};

// The binary tree inside a group of 32 children, below the node's own
// hash: sub-level 1 (16 hashes), 2 (8), 3 (4) and 4 (2), so that a change
// of one child rehashes its path (5 hashes), not the whole group (31).
constexpr std::array<std::uint32_t, 5> kInnerOffset = {0, 0, 16, 24, 28};
constexpr std::size_t kInnerHashes = 30;

struct InternalNode : StateTrie::Node
{
    std::array<NodePtr, kFan> children{};
    std::array<Hash256, kInnerHashes> inner{};
};

const InternalNode &internal(const StateTrie::Node &n)
{
    return static_cast<const InternalNode &>(n);
}
const BucketNode &bucketNode(const StateTrie::Node &n)
{
    return static_cast<const BucketNode &>(n);
}

// The child slot of `bucket` in a node at `level`.
std::uint32_t slotOf(std::uint32_t bucket, int level)
{
    return (bucket >> (level - kFanBits)) & (kFan - 1);
}

// Recomputes the hashes of `node`'s group above the children in `dirty`
// (a bit per child slot). Two empty subtrees make an empty subtree, whose
// hash is known, so only subtrees with something in them are hashed.
void refold(InternalNode &node, std::uint32_t dirty)
{
    const int childLevel = node.level - kFanBits;
    std::uint32_t present = 0;
    for (std::uint32_t i = 0; i < kFan; ++i)
        if (node.children[i])
            present |= 1u << i;
    auto hashAt = [&](int sub, std::uint32_t i) -> const Hash256 & {
        if (sub == 0)
            return node.children[i] ? node.children[i]->hash : ledger::defaultNodeHash(childLevel);
        return node.inner[kInnerOffset[static_cast<std::size_t>(sub)] + i];
    };
    for (int sub = 1; sub <= kFanBits; ++sub) {
        std::uint32_t next = 0;
        for (std::uint32_t d = dirty; d; d &= d - 1)
            next |= 1u << (static_cast<std::uint32_t>(__builtin_ctz(d)) >> 1);
        const std::uint32_t width = 1u << sub;   // children under one hash of this sub-level
        const std::uint32_t mask = width == 32 ? ~0u : (1u << width) - 1;
        for (std::uint32_t d = next; d; d &= d - 1) {
            const auto i = static_cast<std::uint32_t>(__builtin_ctz(d));
            const bool empty = ((present >> (i * width)) & mask) == 0;
            const Hash256 h = empty ? ledger::defaultNodeHash(childLevel + sub)
                                    : ledger::stateNodeHash(hashAt(sub - 1, 2 * i), hashAt(sub - 1, 2 * i + 1));
            if (sub == kFanBits)
                node.hash = h;
            else
                node.inner[kInnerOffset[static_cast<std::size_t>(sub)] + i] = h;
        }
        dirty = next;
    }
}

// A change with its bucket; a block's changes sorted by (bucket, key), one per key.
struct Sorted
{
    std::uint32_t bucket;
    const StateChange *change;
};
using SortedIt = std::vector<Sorted>::const_iterator;

NodePtr rebuildBucket(const NodePtr &old, SortedIt begin, SortedIt end)
{
    static const std::vector<ItemPtr> kNone;
    const auto &before = old ? bucketNode(*old).items : kNone;
    auto node = std::make_shared<BucketNode>();
    std::vector<ItemPtr> &items = node->items;
    items.reserve(before.size() + static_cast<std::size_t>(end - begin));
    auto it = before.begin();
    for (auto ch = begin; it != before.end() || ch != end;) {
        if (ch == end || (it != before.end() && keyLess((*it)->key(), ch->change->key))) {
            items.push_back(*it++);
            continue;
        }
        const bool same = it != before.end() && !keyLess(ch->change->key, (*it)->key());
        if (const auto &value = ch->change->value) {
            auto item = std::make_shared<Item>();
            const Bytes &key = ch->change->key;
            item->data.reserve(key.size() + value->size());
            item->data.insert(item->data.end(), key.begin(), key.end());
            item->data.insert(item->data.end(), value->begin(), value->end());
            item->keyBytes = static_cast<std::uint32_t>(key.size());
            item->leaf = ledger::stateLeafHash(key, *value);
            items.push_back(std::move(item));
        }
        if (same)
            ++it;
        ++ch;
    }
    if (items.empty())
        return nullptr;
    node->level = 0;
    node->entries = items.size();
    ledger::BucketHasher hasher;
    for (const auto &item : items)
        hasher.addLeaf(item->leaf);
    node->hash = hasher.finish();
    return node;
}

// [begin, end): the changes under `old`'s range, sorted by bucket.
NodePtr rebuild(const NodePtr &old, int level, SortedIt begin, SortedIt end)
{
    if (level == 0)
        return rebuildBucket(old, begin, end);
    auto node = std::make_shared<InternalNode>();
    node->level = level;
    std::uint32_t dirty = 0;
    if (old) {
        const InternalNode &before = internal(*old);
        node->children = before.children;
        node->inner = before.inner;
        node->hash = before.hash;
        node->entries = before.entries;
    } else {
        dirty = ~0u;   // a new group: every hash of it is computed
    }
    for (auto it = begin; it != end;) {
        const std::uint32_t slot = slotOf(it->bucket, level);
        auto next = it;
        while (next != end && slotOf(next->bucket, level) == slot)
            ++next;
        NodePtr &child = node->children[slot];
        node->entries -= child ? child->entries : 0;
        child = rebuild(child, level - kFanBits, it, next);
        node->entries += child ? child->entries : 0;
        dirty |= 1u << slot;
        it = next;
    }
    if (node->entries == 0)
        return nullptr;
    refold(*node, dirty);
    return node;
}

void walk(const NodePtr &node, const std::function<void(ByteView, ByteView)> &fn)
{
    if (!node)
        return;
    if (node->level == 0) {
        for (const auto &item : bucketNode(*node).items)
            fn(item->key(), item->value());
        return;
    }
    for (const auto &c : internal(*node).children)
        walk(c, fn);
}

} // namespace

std::optional<Bytes> StateTrie::get(ByteView key) const
{
    const std::uint32_t bucket = ledger::stateBucketOf(key);
    const Node *node = m_root.get();
    while (node && node->level > 0)
        node = internal(*node).children[slotOf(bucket, node->level)].get();
    if (!node)
        return std::nullopt;
    const auto &items = bucketNode(*node).items;
    const auto it = std::lower_bound(items.begin(), items.end(), key,
                                     [](const ItemPtr &item, ByteView k) { return keyLess(item->key(), k); });
    if (it == items.end() || keyLess(key, (*it)->key()))
        return std::nullopt;
    const ByteView value = (*it)->value();
    return Bytes(value.begin(), value.end());
}

Hash256 StateTrie::root() const
{
    return m_root ? m_root->hash : ledger::defaultNodeHash(ledger::kStateTreeDepth);
}

std::uint64_t StateTrie::size() const
{
    return m_root ? m_root->entries : 0;
}

StateTrie StateTrie::with(std::span<const StateChange> changes) const
{
    if (changes.empty())
        return *this;
    std::vector<Sorted> sorted;
    sorted.reserve(changes.size());
    for (const auto &c : changes)
        sorted.push_back({ledger::stateBucketOf(c.key), &c});
    // By bucket, then key; of two changes of one key the later one wins.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Sorted &a, const Sorted &b) {
        if (a.bucket != b.bucket)
            return a.bucket < b.bucket;
        return keyLess(a.change->key, b.change->key);
    });
    std::vector<Sorted> unique;
    unique.reserve(sorted.size());
    for (const Sorted &s : sorted) {
        if (!unique.empty() && unique.back().bucket == s.bucket && !keyLess(unique.back().change->key, s.change->key))
            unique.back() = s;
        else
            unique.push_back(s);
    }
    static_assert(kDepth * kFanBits == ledger::kStateTreeDepth);
    return StateTrie(rebuild(m_root, ledger::kStateTreeDepth, unique.cbegin(), unique.cend()));
}

void StateTrie::forEach(const std::function<void(ByteView key, ByteView value)> &fn) const
{
    walk(m_root, fn);
}

} // namespace gtx::state
