#pragma once

// The one passphrase policy for everything that encrypts a secret under a
// passphrase: ledgers (gtx-node init, the console's create dialog, a change
// of passphrase) and key files (node, operator and observer keys).
//
// A new passphrase has at least kMinPassphraseCharacters characters, counted
// as Unicode code points of its UTF-8 text (so a Thai passphrase counts its
// letters, not its bytes), is valid UTF-8 and has at most
// kMaxPassphraseBytes bytes. Unlocking an existing file asks nothing of the
// passphrase beyond the byte limit: the policy applies when a secret is
// sealed, not when it is opened.
//
// Why 12: the ledger and key files can be copied and attacked offline
// without limit; Argon2id (at least crypto::Argon2Params::floor()) makes
// each guess cost, and length makes the number of guesses grow.

#include "core/common/bytes.h"
#include "core/common/result.h"

#include <cstddef>

namespace gtx::crypto {

constexpr std::size_t kMinPassphraseCharacters = 12;
constexpr std::size_t kMaxPassphraseBytes = 1024;

// Code points of valid UTF-8 text; for invalid UTF-8, the number of bytes
// that are not continuation bytes (what a lenient reader would show).
std::size_t passphraseCharacters(ByteView utf8);

// Empty when `passphrase` may seal a new secret. Otherwise one of
//   "passphrase.empty", "passphrase.too_short", "passphrase.too_long",
//   "passphrase.not_utf8"
// with a message saying what to do.
Status checkNewPassphrase(ByteView passphrase);

} // namespace gtx::crypto
