#include "core/node/node_key.h"

#include "core/crypto/keystore.h"

#include <system_error>

namespace gtx::node {

namespace {

std::filesystem::path pendingKeyFile(const std::filesystem::path &dataDir)
{
    return dataDir / "node.key.new";
}

Status renamePending(const std::filesystem::path &dataDir)
{
    std::error_code ec;
    std::filesystem::rename(pendingKeyFile(dataDir), nodeKeyFile(dataDir), ec);
    if (ec)
        return makeError("node.key_io", "The node key " + nodeKeyFile(dataDir).string()
                                            + " cannot be replaced: " + ec.message());
    return {};
}

} // namespace

std::filesystem::path nodeKeyFile(const std::filesystem::path &dataDir)
{
    return dataDir / "node.key";
}

Result<crypto::KeyPair> loadNodeKey(const std::filesystem::path &dataDir, ByteView passphrase)
{
    auto key = crypto::loadKeystore(nodeKeyFile(dataDir), passphrase);
    if (key)
        return key;
    std::error_code ec;
    if (std::filesystem::exists(pendingKeyFile(dataDir), ec)) {
        auto pending = crypto::loadKeystore(pendingKeyFile(dataDir), passphrase);
        if (pending) {
            GTX_TRY(renamePending(dataDir));
            return pending;
        }
    }
    return makeError(key.error().code, "The node key " + nodeKeyFile(dataDir).string()
                                           + " cannot be read: " + key.error().message);
}

Status changeLedgerPassphrase(ledger::Ledger &ledger, const std::filesystem::path &dataDir,
                              ByteView oldPassphrase, ByteView newPassphrase,
                              const crypto::Argon2Params &kdf)
{
    std::error_code ec;
    const bool hasKey = std::filesystem::exists(nodeKeyFile(dataDir), ec);
    if (hasKey) {
        auto key = loadNodeKey(dataDir, oldPassphrase);
        if (!key)
            return key.error();
        // A node.key.new left by an earlier attempt that never reached the
        // ledger is stale: node.key opened with the ledger's passphrase.
        std::filesystem::remove(pendingKeyFile(dataDir), ec);
        GTX_TRY(crypto::saveKeystore(pendingKeyFile(dataDir), *key, "node", newPassphrase, kdf));
    }
    // On failure node.key.new stays: should the ledger have taken the new
    // passphrase after all (a re-key cut short completes at the next open),
    // loadNodeKey() finds the key there; otherwise it is stale and harmless.
    GTX_TRY(ledger.changePassphrase(newPassphrase, kdf));
    if (hasKey)
        GTX_TRY(renamePending(dataDir));
    return {};
}

} // namespace gtx::node
