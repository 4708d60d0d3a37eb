#include "core/state/state_trie.h"

#include "core/ledger/state_tree.h"

#include <algorithm>
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
    // Internal nodes.
    std::array<std::shared_ptr<const Node>, kFan> children{};
    // Buckets.
    std::vector<std::pair<Bytes, Bytes>> items;
};

namespace {

using NodePtr = std::shared_ptr<const StateTrie::Node>;

// The child slot of `bucket` in a node at `level`.
std::uint32_t slotOf(std::uint32_t bucket, int level)
{
    return (bucket >> (level - kFanBits)) & (kFan - 1);
}

Hash256 foldGroup(const std::array<NodePtr, kFan> &children, int childLevel)
{
    // Two empty subtrees make an empty subtree, whose hash is known: only
    // pairs with something in them are hashed (in a sparse state, about 5
    // hashes per group instead of 31).
    std::array<Hash256, kFan> h;
    std::array<bool, kFan> empty;
    for (std::uint32_t i = 0; i < kFan; ++i) {
        empty[i] = !children[i];
        h[i] = children[i] ? children[i]->hash : ledger::defaultNodeHash(childLevel);
    }
    int level = childLevel;
    for (std::uint32_t width = kFan; width > 1; width /= 2) {
        ++level;
        for (std::uint32_t i = 0; i < width / 2; ++i) {
            if (empty[2 * i] && empty[2 * i + 1]) {
                h[i] = ledger::defaultNodeHash(level);
                empty[i] = true;
            } else {
                h[i] = ledger::stateNodeHash(h[2 * i], h[2 * i + 1]);
                empty[i] = false;
            }
        }
    }
    return h[0];
}

using BucketChanges = std::map<Bytes, std::optional<Bytes>, decltype(&keyLess)>;

NodePtr rebuildBucket(const NodePtr &old, const BucketChanges &changes)
{
    std::vector<std::pair<Bytes, Bytes>> items;
    const auto &before = old ? old->items : std::vector<std::pair<Bytes, Bytes>>{};
    items.reserve(before.size() + changes.size());
    auto it = before.begin();
    auto ch = changes.begin();
    while (it != before.end() || ch != changes.end()) {
        if (ch == changes.end() || (it != before.end() && keyLess(it->first, ch->first))) {
            items.push_back(*it++);
            continue;
        }
        const bool same = it != before.end() && !keyLess(ch->first, it->first);
        if (ch->second)
            items.emplace_back(ch->first, *ch->second);
        if (same)
            ++it;
        ++ch;
    }
    if (items.empty())
        return nullptr;
    auto node = std::make_shared<StateTrie::Node>();
    node->level = 0;
    node->entries = items.size();
    ledger::BucketHasher hasher;
    for (const auto &[k, v] : items)
        hasher.add(k, v);
    node->hash = hasher.finish();
    node->items = std::move(items);
    return node;
}

// changes: bucket -> its changes, restricted to the buckets under `old`'s range.
NodePtr rebuild(const NodePtr &old, int level,
                std::map<std::uint32_t, BucketChanges>::const_iterator begin,
                std::map<std::uint32_t, BucketChanges>::const_iterator end)
{
    if (level == 0)
        return rebuildBucket(old, begin->second);
    auto node = std::make_shared<StateTrie::Node>();
    node->level = level;
    if (old)
        node->children = old->children;
    for (auto it = begin; it != end;) {
        const std::uint32_t slot = slotOf(it->first, level);
        auto next = it;
        while (next != end && slotOf(next->first, level) == slot)
            ++next;
        node->children[slot] = rebuild(node->children[slot], level - kFanBits, it, next);
        it = next;
    }
    bool any = false;
    for (const auto &c : node->children) {
        if (c) {
            any = true;
            node->entries += c->entries;
        }
    }
    if (!any)
        return nullptr;
    node->hash = foldGroup(node->children, level - kFanBits);
    return node;
}

void walk(const NodePtr &node, const std::function<void(ByteView, ByteView)> &fn)
{
    if (!node)
        return;
    if (node->level == 0) {
        for (const auto &[k, v] : node->items)
            fn(k, v);
        return;
    }
    for (const auto &c : node->children)
        walk(c, fn);
}

} // namespace

std::optional<Bytes> StateTrie::get(ByteView key) const
{
    const std::uint32_t bucket = ledger::stateBucketOf(key);
    const Node *node = m_root.get();
    while (node && node->level > 0)
        node = node->children[slotOf(bucket, node->level)].get();
    if (!node)
        return std::nullopt;
    const auto it = std::lower_bound(node->items.begin(), node->items.end(), key,
                                     [](const auto &item, ByteView k) { return keyLess(item.first, k); });
    if (it == node->items.end() || keyLess(key, it->first))
        return std::nullopt;
    return it->second;
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
    std::map<std::uint32_t, BucketChanges> byBucket;
    for (const auto &c : changes) {
        auto [it, fresh] = byBucket.try_emplace(ledger::stateBucketOf(c.key), BucketChanges(&keyLess));
        it->second.insert_or_assign(c.key, c.value);
    }
    static_assert(kDepth * kFanBits == ledger::kStateTreeDepth);
    return StateTrie(rebuild(m_root, ledger::kStateTreeDepth, byBucket.cbegin(), byBucket.cend()));
}

void StateTrie::forEach(const std::function<void(ByteView key, ByteView value)> &fn) const
{
    walk(m_root, fn);
}

} // namespace gtx::state
