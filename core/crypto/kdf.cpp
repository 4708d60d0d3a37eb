#include "core/crypto/kdf.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

#include <string>

namespace gtx::crypto {

Argon2Params Argon2Params::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Argon2Params Argon2Params::moderate()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

Argon2Params Argon2Params::floor()
{
    return {kArgon2FloorOpsLimit, kArgon2FloorMemLimitBytes};
}

Status checkNewKdfParams(const Argon2Params &params)
{
    if (params.opsLimit < kArgon2FloorOpsLimit || params.memLimitBytes < kArgon2FloorMemLimitBytes)
        return makeError("crypto.kdf_weak",
                         "The key-derivation costs are below the floor for new files: at least "
                             + std::to_string(kArgon2FloorOpsLimit) + " passes and "
                             + std::to_string(kArgon2FloorMemLimitBytes >> 20)
                             + " MiB of memory.");
    if (params.opsLimit > kArgon2MaxOpsLimit || params.memLimitBytes > kArgon2MaxMemLimitBytes)
        return makeError("crypto.kdf_params",
                         "The key-derivation parameters are out of range: at most "
                             + std::to_string(kArgon2MaxOpsLimit) + " passes and "
                             + std::to_string(kArgon2MaxMemLimitBytes >> 20) + " MiB of memory.");
    return {};
}

Argon2Params Argon2Params::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, 8192};
}

Result<SecureBuffer> deriveFromPassphrase(ByteView passphrase, ByteView salt,
                                          const Argon2Params &params, std::size_t outBytes)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return makeError("crypto.kdf_salt", "The key-derivation salt must be 16 bytes.");
    if (params.opsLimit < crypto_pwhash_OPSLIMIT_MIN || params.opsLimit > crypto_pwhash_OPSLIMIT_MAX
        || params.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN
        || params.memLimitBytes > (std::uint64_t{4} << 30))
        return makeError("crypto.kdf_params", "The key-derivation parameters are out of range.");
    if (outBytes < crypto_pwhash_BYTES_MIN || outBytes > 1024)
        return makeError("crypto.kdf_params", "The requested key length is out of range.");
    SecureBuffer out(outBytes);
    // libsodium wants a valid pointer even for an empty passphrase.
    static const char kEmpty[1] = {0};
    const char *pass = passphrase.empty() ? kEmpty : reinterpret_cast<const char *>(passphrase.data());
    if (crypto_pwhash(out.data(), outBytes, pass,
                      passphrase.size(), salt.data(), params.opsLimit,
                      static_cast<std::size_t>(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError("crypto.kdf_memory",
                         "Key derivation failed: not enough memory for the Argon2id parameters.");
    return out;
}

Result<SecureBuffer> deriveSubkey(const SecureBuffer &masterKey, std::uint64_t subkeyId,
                                  std::string_view context)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    if (masterKey.size() != crypto_kdf_KEYBYTES)
        return makeError("crypto.kdf_key", "The master key must be 32 bytes.");
    if (context.size() != crypto_kdf_CONTEXTBYTES)
        return makeError("crypto.kdf_context", "The sub-key context must be exactly 8 characters.");
    SecureBuffer out(32);
    const std::string ctx(context);
    crypto_kdf_derive_from_key(out.data(), out.size(), subkeyId, ctx.c_str(), masterKey.data());
    return out;
}

} // namespace gtx::crypto
