#include "core/crypto/passphrase_policy.h"

#include <string>

namespace gtx::crypto {

std::size_t passphraseCharacters(ByteView utf8)
{
    std::size_t n = 0;
    for (std::uint8_t b : utf8) {
        if ((b & 0xC0) != 0x80)
            ++n;
    }
    return n;
}

Status checkNewPassphrase(ByteView passphrase)
{
    if (passphrase.empty())
        return makeError("passphrase.empty", "The passphrase is empty: choose one of at least "
                                                 + std::to_string(kMinPassphraseCharacters)
                                                 + " characters.");
    if (passphrase.size() > kMaxPassphraseBytes)
        return makeError("passphrase.too_long", "The passphrase is longer than "
                                                    + std::to_string(kMaxPassphraseBytes)
                                                    + " bytes: choose a shorter one.");
    if (!validUtf8(passphrase))
        return makeError("passphrase.not_utf8",
                         "The passphrase is not valid UTF-8 text: type it again, or save the "
                         "passphrase file as UTF-8.");
    const std::size_t n = passphraseCharacters(passphrase);
    if (n < kMinPassphraseCharacters)
        return makeError("passphrase.too_short",
                         "The passphrase has " + std::to_string(n) + " characters; at least "
                             + std::to_string(kMinPassphraseCharacters)
                             + " are needed. Several words make a long passphrase that is easy "
                               "to remember.");
    return {};
}

} // namespace gtx::crypto
