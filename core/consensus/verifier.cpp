#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

bool DirectVerifier::verify(const crypto::PublicKey &key, std::string_view domain, ByteView message,
                            const crypto::Signature &signature)
{
    return crypto::verify(key, domain, message, signature);
}

bool CachingVerifier::verify(const crypto::PublicKey &key, std::string_view domain,
                             ByteView message, const crypto::Signature &signature)
{
    const auto it = m_seen.find(signature);
    if (it != m_seen.end()) {
        const Entry &e = it->second;
        if (e.key == key && e.domain == domain && e.message.size() == message.size()
            && std::equal(message.begin(), message.end(), e.message.begin())) {
            ++m_hits;
            return e.valid;
        }
        ++m_misses;
        return crypto::verify(key, domain, message, signature);
    }
    ++m_misses;
    const bool valid = crypto::verify(key, domain, message, signature);
    remember(key, domain, Bytes(message.begin(), message.end()), signature, valid);
    return valid;
}

void CachingVerifier::remember(const crypto::PublicKey &key, std::string_view domain, Bytes message,
                               const crypto::Signature &signature, bool valid)
{
    if (m_seen.size() >= m_maxEntries)
        m_seen.clear();
    m_seen.insert_or_assign(signature, Entry{key, std::string(domain), std::move(message), valid});
}

} // namespace gtx::consensus
