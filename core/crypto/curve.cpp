#include "core/crypto/curve.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

namespace gtx::crypto {

Result<CurvePublicKey> toCurvePublicKey(const PublicKey &publicKey)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    CurvePublicKey out;
    if (crypto_sign_ed25519_pk_to_curve25519(out.data(), publicKey.data()) != 0)
        return makeError("crypto.bad_public_key",
                         "The public key " + publicKey.shortHex()
                             + "... is not a valid Ed25519 key and has no CURVE form.");
    return out;
}

Result<SecureBuffer> toCurveSecretKey(const KeyPair &keyPair)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    if (!keyPair.valid() || keyPair.secretKey().size() != crypto_sign_SECRETKEYBYTES)
        return makeError("crypto.bad_key", "There is no Ed25519 secret key to convert.");
    SecureBuffer out(crypto_scalarmult_curve25519_BYTES);
    if (crypto_sign_ed25519_sk_to_curve25519(out.data(), keyPair.secretKey().data()) != 0)
        return makeError("crypto.bad_key", "The Ed25519 secret key could not be converted.");
    return out;
}

} // namespace gtx::crypto
