#pragma once

// Passphrases for gtx-node: asked on the terminal without echo, or read from
// a file for scripts. Held only in locked, wiped memory. A new passphrase
// must meet crypto::checkNewPassphrase (core/crypto/passphrase_policy.h).

#include "core/common/result.h"
#include "core/crypto/passphrase_policy.h"
#include "core/crypto/secure_buffer.h"

#include <filesystem>
#include <string>

namespace gtx::app {

using crypto::kMaxPassphraseBytes;

// Reads the first line of `file` (without its line ending). The file must be
// a regular file of at most kMaxPassphraseBytes + 2 bytes and not empty.
Result<crypto::SecureBuffer> readPassphraseFile(const std::filesystem::path &file);

// Asks on the controlling terminal with echo off. With `confirm`, asks twice
// and fails if the two differ.
Result<crypto::SecureBuffer> askPassphrase(const std::string &prompt, bool confirm);

// A file when one is given, otherwise the terminal.
Result<crypto::SecureBuffer> obtainPassphrase(const std::string &file, const std::string &prompt,
                                              bool confirm);

} // namespace gtx::app
