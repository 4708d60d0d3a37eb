#pragma once

// Kept apart from test_crypto.cpp so that moc reads only Qt and standard
// headers: moc 6.4 cannot parse <concepts>, which the core headers pull in
// through <compare>.

#include <QObject>
#include <QTemporaryDir>

#include <filesystem>
#include <memory>
#include <string_view>

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Hashing
    void hashDomainSeparation();
    void hasherIncrementalMatchesOneShot();
    void hashKnownAnswer();

    // Signatures
    void signAndVerify();
    void verifyFailsForWrongDomain();
    void verifyFailsForFlippedBit();
    void rfc8032PublicKey();
    void fromSecretKeyRoundTrip();
    void fromSecretKeyRejectsInconsistentKey();

    // Secrets and key derivation
    void secureBufferMoves();
    void argon2IsDeterministic();
    void argon2SaltMatters();
    void argon2RejectsBadInput();
    void subkeys();

    // Merkle trees
    void merkleHandComputedRoots();
    void merkleRootMatchesReference();
    void merkleEveryProofVerifies();
    void merkleRejectsAlteredProofs();
    void merkleTreeSizeBinding();
    void merkleProveRejectsBadInput();
    void merkleProofCodec();

    // Key files
    void keystoreRoundTrip();
    void keystoreWrongPassphrase();
    void keystoreInfoWithoutPassphrase();
    void keystoreFileMode();
    void keystoreDoesNotOverwrite();
    void keystoreEveryFlippedByteFails();
    void keystoreAlterationsWithFixedChecksumFail();
    void keystoreEveryTruncationFails();
    void keystoreRoleIsBound();
    void keystoreRejectsForeignFiles();
    void keystoreFormatIsAsDocumented();
    void keystoreBoundsKdfCosts();
    void keystoreRejectsBadArguments();
    void passphrasePolicy();
    void keystoreRefusesFifo();

    // CURVE keys
    void curveKeysAgree();
    void curveRejectsBadKeys();

private:
    std::filesystem::path path(const char *name) const;
    std::filesystem::path savedKeyFile(const char *name, std::string_view role = "node");

    std::unique_ptr<QTemporaryDir> m_dir;
};
