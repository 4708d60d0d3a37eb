#include "core/ledger/state_tree.h"

#include <array>
#include <cassert>

namespace gtx::ledger {

namespace {

void putLength(crypto::Hasher &hasher, std::size_t size)
{
    const auto n = static_cast<std::uint32_t>(size);
    const std::uint8_t le[4] = {static_cast<std::uint8_t>(n), static_cast<std::uint8_t>(n >> 8),
                                static_cast<std::uint8_t>(n >> 16),
                                static_cast<std::uint8_t>(n >> 24)};
    hasher.update(ByteView(le, 4));
}

std::array<crypto::Hash256, kStateTreeDepth + 1> computeDefaults()
{
    std::array<crypto::Hash256, kStateTreeDepth + 1> out;
    out[0] = BucketHasher().finish();
    for (int level = 1; level <= kStateTreeDepth; ++level)
        out[level] = stateNodeHash(out[level - 1], out[level - 1]);
    return out;
}

} // namespace

std::uint32_t stateBucketOf(ByteView key)
{
    const crypto::Hash256 h = crypto::hash("gtx/state-key/v1", key);
    const std::uint32_t top = (std::uint32_t{h.bytes[0]} << 16) | (std::uint32_t{h.bytes[1]} << 8)
                              | std::uint32_t{h.bytes[2]};
    return top >> (24 - kStateTreeDepth);
}

crypto::Hash256 stateLeafHash(ByteView key, ByteView value)
{
    crypto::Hasher hasher("gtx/state-leaf/v1");
    putLength(hasher, key.size());
    hasher.update(key);
    putLength(hasher, value.size());
    hasher.update(value);
    return hasher.final();
}

crypto::Hash256 stateNodeHash(const crypto::Hash256 &left, const crypto::Hash256 &right)
{
    return crypto::Hasher("gtx/state-node/v1").update(left.view()).update(right.view()).final();
}

const crypto::Hash256 &defaultNodeHash(int level)
{
    static const std::array<crypto::Hash256, kStateTreeDepth + 1> defaults = computeDefaults();
    assert(level >= 0 && level <= kStateTreeDepth);
    return defaults[static_cast<std::size_t>(level)];
}

BucketHasher::BucketHasher() : m_hasher("gtx/state-bucket/v1") {}

void BucketHasher::add(ByteView key, ByteView value)
{
    m_hasher.update(stateLeafHash(key, value).view());
}

void BucketHasher::addLeaf(const crypto::Hash256 &leaf)
{
    m_hasher.update(leaf.view());
}

crypto::Hash256 BucketHasher::finish()
{
    return m_hasher.final();
}

Status defaultGroup(int level, std::uint32_t, std::span<crypto::Hash256> out)
{
    for (auto &hash : out)
        hash = defaultNodeHash(level);
    return Status::success();
}

Result<std::vector<TreeLevel>> propagateBucketChanges(TreeLevel changedBuckets,
                                                      const StoredGroupLookup &stored)
{
    std::vector<TreeLevel> levels(kStateTreeDepth + 1);
    levels[0] = std::move(changedBuckets);
    for (int base = 0; base < kStateTreeDepth; base += kStoredLevelStep) {
        const TreeLevel &changed = levels[static_cast<std::size_t>(base)];
        TreeLevel &tops = levels[static_cast<std::size_t>(base + kStoredLevelStep)];
        std::size_t i = 0;
        while (i < changed.size()) {
            const std::uint32_t group = changed[i].index >> kStoredLevelStep;
            std::array<crypto::Hash256, kStoredGroupWidth> nodes;
            const Status loaded = stored(base, group << kStoredLevelStep, nodes);
            if (!loaded.ok())
                return loaded.error();
            for (; i < changed.size() && (changed[i].index >> kStoredLevelStep) == group; ++i)
                nodes[changed[i].index & (kStoredGroupWidth - 1)] = changed[i].hash;
            // The group's own small tree, folded in place: 16 + 8 + 4 + 2 + 1 hashes.
            for (std::uint32_t width = kStoredGroupWidth / 2; width >= 1; width /= 2)
                for (std::uint32_t p = 0; p < width; ++p)
                    nodes[p] = stateNodeHash(nodes[2 * p], nodes[2 * p + 1]);
            tops.push_back({group, nodes[0]});
        }
    }
    return levels;
}

} // namespace gtx::ledger
