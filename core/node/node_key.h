#pragma once

// The key a node keeps in its own data folder (node.key) when no
// configuration names one: it signs the node's audit records. It is sealed
// under the ledger's passphrase, so that the one passphrase opens both, and
// a passphrase change re-seals it together with the ledger.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/kdf.h"
#include "core/crypto/signature.h"
#include "core/ledger/ledger.h"

#include <filesystem>

namespace gtx::node {

// <dataDir>/node.key
std::filesystem::path nodeKeyFile(const std::filesystem::path &dataDir);

// Opens node.key with `passphrase`. A change of passphrase cut short after
// the ledger took the new one but before node.key was replaced left the key
// sealed under the new passphrase in node.key.new: that file is then opened
// and moved into place.
Result<crypto::KeyPair> loadNodeKey(const std::filesystem::path &dataDir, ByteView passphrase);

// Changes the passphrase of the open `ledger` in `dataDir` and re-seals
// node.key (when there is one) under it: the key is sealed to node.key.new
// first, the ledger re-keyed second, and node.key.new renamed over node.key
// last, so that at every moment one passphrase opens both. Errors are the
// ledger's and the key file's ("node.key_io" for the rename).
Status changeLedgerPassphrase(ledger::Ledger &ledger, const std::filesystem::path &dataDir,
                              ByteView oldPassphrase, ByteView newPassphrase,
                              const crypto::Argon2Params &kdf);

} // namespace gtx::node
