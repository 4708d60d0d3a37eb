#pragma once

// Helpers shared by the ledger test, the crash-test writer and the benchmark:
// valid blocks on top of a ledger, seeded random state changes.

#include "core/ledger/ledger.h"

#include <QByteArray>
#include <QDir>
#include <QString>

#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace ledgertest {

using gtx::Block;
using gtx::BlockKind;
using gtx::Bytes;
using gtx::Result;
using gtx::ledger::Ledger;
using gtx::ledger::StateChange;

constexpr std::uint32_t kNetworkId = 7;
constexpr std::int64_t kGenesisTimeMs = 1767225600000;   // 2026-01-01T00:00:00Z

// The key that signs the tests' audit records (a fixed seed, so that runs
// repeat).
inline const gtx::crypto::KeyPair &testSigner()
{
    static const gtx::crypto::KeyPair key = [] {
        std::array<std::uint8_t, 32> seed{};
        seed.fill(0x5a);
        return gtx::crypto::KeyPair::fromSeed(seed);
    }();
    return key;
}

inline Block makeGenesis(std::span<const StateChange> state)
{
    Block block;
    block.header.networkId = kNetworkId;
    block.header.kind = BlockKind::Genesis;
    block.header.height = 0;
    block.header.timestampMs = kGenesisTimeMs;
    block.header.stateRoot = Ledger::stateRootFor(state);
    return block;
}

// A block that extends the ledger's head with `changes`; its state root is
// computed with previewStateRoot().
inline Result<Block> makeNextBlock(const Ledger &ledger, std::span<const StateChange> changes)
{
    auto root = ledger.previewStateRoot(changes);
    if (!root)
        return root.error();
    Block block;
    block.header.networkId = kNetworkId;
    block.header.kind = BlockKind::Regular;
    block.header.height = ledger.height() + 1;
    block.header.slot = block.header.height;
    block.header.timestampMs =
        kGenesisTimeMs + static_cast<std::int64_t>(block.header.height) * 1000;
    block.header.parentHash = ledger.headHash();
    block.header.stateRoot = *root;
    return block;
}

inline Bytes keyFor(std::uint64_t n)
{
    return gtx::toBytes("meter/" + std::to_string(n));
}

inline Bytes randomValue(std::mt19937_64 &rng, std::size_t minSize, std::size_t maxSize)
{
    const std::size_t size = minSize + static_cast<std::size_t>(rng() % (maxSize - minSize + 1));
    Bytes value(size);
    for (auto &b : value)
        b = static_cast<std::uint8_t>(rng());
    return value;
}

// `count` changes over keys meter/0 .. meter/(keySpace-1); about one in
// `deleteOneIn` is a delete (0: never).
inline std::vector<StateChange> randomChanges(std::mt19937_64 &rng, std::size_t count,
                                              std::uint64_t keySpace, unsigned deleteOneIn,
                                              std::size_t valueBytes = 32)
{
    std::vector<StateChange> changes;
    changes.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        StateChange change;
        change.key = keyFor(rng() % keySpace);
        if (deleteOneIn == 0 || rng() % deleteOneIn != 0)
            change.value = randomValue(rng, valueBytes / 2, valueBytes);
        changes.push_back(std::move(change));
    }
    return changes;
}

// Where tests put their temporary directories.
inline QString tempBase()
{
    QString base = qEnvironmentVariable("GTX_TEST_TMP");
    if (base.isEmpty())
        base = QDir::tempPath();
    QDir().mkpath(base);
    return base;
}

} // namespace ledgertest
