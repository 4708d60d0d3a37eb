#pragma once

// The node's signature verifiers (the interface is crypto::SignatureVerifier):
// a node, or a whole simulated network, checks each distinct signature once.

#include "core/common/bytes.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/crypto/signature_verifier.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gtx::consensus {

using SignatureVerifier = crypto::SignatureVerifier;

// Calls libsodium every time.
class DirectVerifier final : public SignatureVerifier
{
public:
    bool verify(const crypto::PublicKey &key, std::string_view domain, ByteView message,
                const crypto::Signature &signature) override;
};

// Remembers the outcome of each distinct (key, domain, message, signature):
// verification is a pure function, so the answer is the same as calling
// libsodium again. Entries are found by signature and compared in full, so
// a signature reused with another key or message is checked afresh.
// Bounded: the memory is cleared when it is full.
class CachingVerifier final : public SignatureVerifier
{
public:
    explicit CachingVerifier(std::size_t maxEntries = 1u << 20) : m_maxEntries(maxEntries) {}
    bool verify(const crypto::PublicKey &key, std::string_view domain, ByteView message,
                const crypto::Signature &signature) override;

    // Remembers an outcome found elsewhere (checked in parallel, say): the
    // caller vouches that `valid` is what libsodium answered for exactly
    // these inputs.
    void remember(const crypto::PublicKey &key, std::string_view domain, Bytes message,
                  const crypto::Signature &signature, bool valid);

    std::size_t hits() const { return m_hits; }
    std::size_t misses() const { return m_misses; }

private:
    struct Entry
    {
        crypto::PublicKey key;
        std::string domain;
        Bytes message;
        bool valid = false;
    };
    struct SignatureHash
    {
        std::size_t operator()(const crypto::Signature &s) const
        {
            std::size_t v = 0;
            for (std::size_t i = 0; i < sizeof(v); ++i)
                v = (v << 8) | s.bytes[i];
            return v;
        }
    };
    std::unordered_map<crypto::Signature, Entry, SignatureHash> m_seen;
    std::size_t m_maxEntries;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

} // namespace gtx::consensus
