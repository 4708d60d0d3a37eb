#pragma once

#include "core/common/bytes.h"

#include <string_view>

namespace gtx::crypto {

using Hash256 = FixedBytes<32>;

// BLAKE2b-256 with domain separation: the hashed input is
//   u8(len(domain)) || domain || data
// so that a hash made for one purpose never equals a hash made for another.
// Domains are short ASCII tags such as "gtx/block-header/v1" (at most 255 bytes).
Hash256 hash(std::string_view domain, ByteView data);

// Incremental form of hash(): the same result for the same domain and
// concatenated updates.
class Hasher
{
public:
    explicit Hasher(std::string_view domain);
    Hasher &update(ByteView data);
    Hasher &update(std::string_view text) { return update(asBytes(text)); }
    Hash256 final();

private:
    alignas(64) unsigned char m_state[384];
};

} // namespace gtx::crypto
