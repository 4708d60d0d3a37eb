#include "core/crypto/passphrase_policy.h"

#include <string>

namespace gtx::crypto {

namespace {

bool validUtf8(ByteView s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const std::uint8_t b = s[i];
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (b < 0x80) {
            ++i;
            continue;
        }
        if ((b & 0xE0) == 0xC0) {
            extra = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const std::uint8_t c = s[i + k];
            if ((c & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode.
        static constexpr std::uint32_t kMinForLength[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinForLength[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += extra + 1;
    }
    return true;
}

} // namespace

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
