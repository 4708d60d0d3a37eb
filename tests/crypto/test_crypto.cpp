#include "test_crypto.h"

#include "core/codec/codec.h"
#include "core/crypto/curve.h"
#include "core/crypto/hash.h"
#include "core/crypto/kdf.h"
#include "core/crypto/keystore.h"
#include "core/crypto/passphrase_policy.h"
#include "core/crypto/merkle.h"
#include "core/crypto/secure_buffer.h"
#include "core/crypto/signature.h"
#include "core/crypto/sodium.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace gtx;
using namespace gtx::crypto;

namespace {

Bytes hexBytes(std::string_view hex)
{
    Bytes out;
    if (!fromHex(hex, out))
        qFatal("bad hex in test data");
    return out;
}

std::array<std::uint8_t, 32> testSeed(std::uint8_t tag)
{
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i)
        seed[i] = static_cast<std::uint8_t>(tag * 31 + i);
    return seed;
}

KeyPair testKey(std::uint8_t tag)
{
    const auto seed = testSeed(tag);
    return KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed));
}

Bytes concat(std::initializer_list<ByteView> parts)
{
    Bytes out;
    for (ByteView p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// The error code of a failed call, or "(success)", so that an unexpected
// success fails the comparison instead of reading a missing error.
template<typename R>
std::string codeOf(const R &result)
{
    return result.ok() ? std::string("(success)") : result.error().code;
}

// --- Merkle reference: RFC 6962 section 2.1 written out recursively ---------

constexpr std::string_view kMerkleDomain = "gtx/merkle/v1";

Hash256 refNode(const Hash256 &l, const Hash256 &r)
{
    const std::uint8_t prefix = 0x01;
    return hash(kMerkleDomain, concat({ByteView(&prefix, 1), l.view(), r.view()}));
}

std::uint64_t refSplit(std::uint64_t n)
{
    std::uint64_t k = 1;
    while (k * 2 < n)
        k *= 2;
    return k;
}

Hash256 refRoot(std::span<const Hash256> leaves)
{
    if (leaves.empty())
        return hash(kMerkleDomain, {});
    if (leaves.size() == 1)
        return leaves[0];
    const std::uint64_t k = refSplit(leaves.size());
    return refNode(refRoot(leaves.first(k)), refRoot(leaves.subspan(k)));
}

// Which side each sibling of leaf m sits on (true: left), deepest first.
std::vector<bool> refShape(std::uint64_t m, std::uint64_t n)
{
    if (n <= 1)
        return {};
    const std::uint64_t k = refSplit(n);
    std::vector<bool> shape = m < k ? refShape(m, k) : refShape(m - k, n - k);
    shape.push_back(m >= k);
    return shape;
}

std::vector<Hash256> testLeaves(std::size_t n)
{
    std::vector<Hash256> leaves;
    for (std::size_t i = 0; i < n; ++i)
        leaves.push_back(merkleLeafHash(asBytes("reading " + std::to_string(i))));
    return leaves;
}

// --- Files -------------------------------------------------------------------

Bytes readFile(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeFile(const std::filesystem::path &file, ByteView data)
{
    std::filesystem::remove(file);
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char *>(data.data()),
              static_cast<std::streamsize>(data.size()));
}

// Recomputes the trailing unkeyed BLAKE2b-256 checksum, as anyone altering
// the file could.
void fixChecksum(Bytes &file)
{
    const std::size_t body = file.size() - 32;
    crypto_generichash(file.data() + body, 32, file.data(), body, nullptr, 0);
}

std::unique_ptr<QTemporaryDir> makeTempDir()
{
    const QString base = qEnvironmentVariable("GTX_TEST_TMP");
    if (base.isEmpty())
        return std::make_unique<QTemporaryDir>();
    QDir().mkpath(base);
    return std::make_unique<QTemporaryDir>(base + QStringLiteral("/crypto-XXXXXX"));
}

const std::string kPassphrase = "correct horse battery staple";

} // namespace

void TestCrypto::initTestCase()
{
    QVERIFY(initialize());
    m_dir = makeTempDir();
    QVERIFY(m_dir->isValid());
}

std::filesystem::path TestCrypto::path(const char *name) const
{
    return std::filesystem::path(m_dir->path().toStdString()) / name;
}

std::filesystem::path TestCrypto::savedKeyFile(const char *name, std::string_view role)
{
    const auto file = path(name);
    const Status saved = saveKeystore(file, testKey(1), role, asBytes(kPassphrase),
                                      Argon2Params::floor());
    if (!saved)
        qFatal("saveKeystore failed: %s", saved.error().message.c_str());
    return file;
}

// --- Hashing ----------------------------------------------------------------

void TestCrypto::hashDomainSeparation()
{
    const Bytes data = toBytes("meter 42: 1.25 kWh");
    QVERIFY(hash("gtx/a/v1", data) != hash("gtx/b/v1", data));
    QVERIFY(hash("gtx/a/v1", data) == hash("gtx/a/v1", data));
    // The length prefix keeps the boundary between domain and data.
    QVERIFY(hash("ab", asBytes("c")) != hash("a", asBytes("bc")));
}

void TestCrypto::hasherIncrementalMatchesOneShot()
{
    Bytes data(300);
    for (std::size_t i = 0; i < data.size(); ++i)
        data[i] = static_cast<std::uint8_t>(i * 7);
    const Hash256 expected = hash("gtx/test/v1", data);
    for (std::size_t cut = 0; cut <= data.size(); cut += 13) {
        Hasher h("gtx/test/v1");
        h.update(ByteView(data).first(cut)).update(ByteView(data).subspan(cut));
        QCOMPARE(h.final().hex(), expected.hex());
    }
}

void TestCrypto::hashKnownAnswer()
{
    // hash("", "") is BLAKE2b-256 of the single length byte 0x00.
    const std::uint8_t zero = 0;
    Hash256 expected;
    crypto_generichash(expected.data(), expected.size(), &zero, 1, nullptr, 0);
    QCOMPARE(hash("", {}).hex(), expected.hex());

    // And in general: u8(len(domain)) || domain || data.
    const Bytes input = concat({Bytes{5}, asBytes("gtx/x"), asBytes("data")});
    crypto_generichash(expected.data(), expected.size(), input.data(), input.size(), nullptr, 0);
    QCOMPARE(hash("gtx/x", asBytes("data")).hex(), expected.hex());
}

// --- Signatures -------------------------------------------------------------

void TestCrypto::signAndVerify()
{
    const KeyPair key = testKey(1);
    const Bytes msg = toBytes("vote for block 7");
    const Signature sig = key.sign("gtx/vote/v1", msg);
    QVERIFY(verify(key.publicKey(), "gtx/vote/v1", msg, sig));
    QVERIFY(!verify(testKey(2).publicKey(), "gtx/vote/v1", msg, sig));
}

void TestCrypto::verifyFailsForWrongDomain()
{
    const KeyPair key = testKey(1);
    const Bytes msg = toBytes("vote for block 7");
    const Signature sig = key.sign("gtx/vote/v1", msg);
    QVERIFY(!verify(key.publicKey(), "gtx/reading/v1", msg, sig));
    QVERIFY(!verify(key.publicKey(), "", msg, sig));
}

void TestCrypto::verifyFailsForFlippedBit()
{
    const KeyPair key = testKey(1);
    const Bytes msg = toBytes("vote for block 7");
    const Signature sig = key.sign("gtx/vote/v1", msg);
    for (std::size_t bit = 0; bit < msg.size() * 8; ++bit) {
        Bytes m = msg;
        m[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        QVERIFY(!verify(key.publicKey(), "gtx/vote/v1", m, sig));
    }
    for (std::size_t bit = 0; bit < Signature::size() * 8; ++bit) {
        Signature s = sig;
        s.bytes[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        QVERIFY(!verify(key.publicKey(), "gtx/vote/v1", msg, s));
    }
    for (std::size_t bit = 0; bit < PublicKey::size() * 8; ++bit) {
        PublicKey pk = key.publicKey();
        pk.bytes[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        QVERIFY(!verify(pk, "gtx/vote/v1", msg, sig));
    }
}

void TestCrypto::rfc8032PublicKey()
{
    // RFC 8032 section 7.1, TEST 1.
    const Bytes seed = hexBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const KeyPair key = KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
    QCOMPARE(key.publicKey().hex(),
             std::string("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    const SecureBuffer back = key.seed();
    QVERIFY(std::equal(back.view().begin(), back.view().end(), seed.begin(), seed.end()));
}

void TestCrypto::fromSecretKeyRoundTrip()
{
    const KeyPair key = testKey(3);
    auto copy = KeyPair::fromSecretKey(key.secretKey().view());
    QVERIFY(copy.ok());
    QCOMPARE(copy->publicKey().hex(), key.publicKey().hex());
    const Bytes msg = toBytes("m");
    QVERIFY(verify(key.publicKey(), "gtx/t/v1", msg, copy->sign("gtx/t/v1", msg)));
    QCOMPARE(copy->sign("gtx/t/v1", msg).hex(), key.sign("gtx/t/v1", msg).hex());
}

void TestCrypto::fromSecretKeyRejectsInconsistentKey()
{
    const KeyPair key = testKey(3);
    Bytes secret(key.secretKey().view().begin(), key.secretKey().view().end());
    secret[40] ^= 1; // the public half no longer matches the seed
    auto bad = KeyPair::fromSecretKey(secret);
    QVERIFY(!bad.ok());
    QCOMPARE(codeOf(bad), std::string("crypto.bad_key"));

    auto shortKey = KeyPair::fromSecretKey(ByteView(secret).first(32));
    QVERIFY(!shortKey.ok());
    QCOMPARE(codeOf(shortKey), std::string("crypto.bad_key"));
}

// --- Secrets and key derivation -------------------------------------------------

void TestCrypto::secureBufferMoves()
{
    const Bytes secret = toBytes("0123456789abcdef");
    SecureBuffer a = SecureBuffer::copyOf(secret);
    QCOMPARE(a.size(), secret.size());
    const std::uint8_t *storage = a.data();

    SecureBuffer b(std::move(a));
    QVERIFY(a.empty());
    QVERIFY(a.data() == nullptr);
    QVERIFY(b.data() == storage);
    QVERIFY(std::equal(b.view().begin(), b.view().end(), secret.begin(), secret.end()));

    SecureBuffer c(8);
    c = std::move(b);
    QVERIFY(b.empty());
    QVERIFY(b.data() == nullptr);
    QVERIFY(c.data() == storage);
    QVERIFY(std::equal(c.view().begin(), c.view().end(), secret.begin(), secret.end()));

    SecureBuffer zeroed(4);
    QVERIFY(std::all_of(zeroed.view().begin(), zeroed.view().end(), [](auto v) { return v == 0; }));
    QVERIFY(SecureBuffer().empty());
}

void TestCrypto::argon2IsDeterministic()
{
    const Bytes salt(kArgon2SaltBytes, 7);
    auto a = deriveFromPassphrase(asBytes("pass"), salt, Argon2Params::minimum());
    auto b = deriveFromPassphrase(asBytes("pass"), salt, Argon2Params::minimum());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), std::size_t{32});
    QVERIFY(std::equal(a->view().begin(), a->view().end(), b->view().begin(), b->view().end()));

    auto other = deriveFromPassphrase(asBytes("pass2"), salt, Argon2Params::minimum());
    QVERIFY(other.ok());
    QVERIFY(!std::equal(a->view().begin(), a->view().end(), other->view().begin()));
}

void TestCrypto::argon2SaltMatters()
{
    const Bytes salt1(kArgon2SaltBytes, 7);
    const Bytes salt2(kArgon2SaltBytes, 8);
    auto a = deriveFromPassphrase(asBytes("pass"), salt1, Argon2Params::minimum());
    auto b = deriveFromPassphrase(asBytes("pass"), salt2, Argon2Params::minimum());
    QVERIFY(a.ok() && b.ok());
    QVERIFY(!std::equal(a->view().begin(), a->view().end(), b->view().begin()));
}

void TestCrypto::argon2RejectsBadInput()
{
    auto shortSalt = deriveFromPassphrase(asBytes("pass"), Bytes(15, 1), Argon2Params::minimum());
    QVERIFY(!shortSalt.ok());
    QCOMPARE(codeOf(shortSalt), std::string("crypto.kdf_salt"));
    auto longSalt = deriveFromPassphrase(asBytes("pass"), Bytes(17, 1), Argon2Params::minimum());
    QVERIFY(!longSalt.ok());
    QCOMPARE(codeOf(longSalt), std::string("crypto.kdf_salt"));

    auto noCost = deriveFromPassphrase(asBytes("pass"), Bytes(16, 1), Argon2Params{0, 8192});
    QVERIFY(!noCost.ok());
    QCOMPARE(codeOf(noCost), std::string("crypto.kdf_params"));
}

void TestCrypto::subkeys()
{
    const Bytes masterBytes(32, 0x42);
    const SecureBuffer master = SecureBuffer::copyOf(masterBytes);

    auto k1 = deriveSubkey(master, 1, "ledgerdb");
    auto k1again = deriveSubkey(master, 1, "ledgerdb");
    auto k2 = deriveSubkey(master, 2, "ledgerdb");
    auto otherContext = deriveSubkey(master, 1, "keystore");
    QVERIFY(k1.ok() && k1again.ok() && k2.ok() && otherContext.ok());
    QVERIFY(std::equal(k1->view().begin(), k1->view().end(), k1again->view().begin()));
    QVERIFY(!std::equal(k1->view().begin(), k1->view().end(), k2->view().begin()));
    QVERIFY(!std::equal(k1->view().begin(), k1->view().end(), otherContext->view().begin()));

    auto tooShort = deriveSubkey(master, 1, "ledger");
    QVERIFY(!tooShort.ok());
    QCOMPARE(codeOf(tooShort), std::string("crypto.kdf_context"));
    auto tooLong = deriveSubkey(master, 1, "ledgerdb1");
    QVERIFY(!tooLong.ok());
    QCOMPARE(codeOf(tooLong), std::string("crypto.kdf_context"));

    auto badMaster = deriveSubkey(SecureBuffer::copyOf(Bytes(16, 1)), 1, "ledgerdb");
    QVERIFY(!badMaster.ok());
    QCOMPARE(codeOf(badMaster), std::string("crypto.kdf_key"));
}

// --- Merkle trees -------------------------------------------------------------

void TestCrypto::merkleHandComputedRoots()
{
    const auto H = [](ByteView data) { return hash("gtx/merkle/v1", data); };
    const auto leaf = [&](std::string_view s) { return H(concat({Bytes{0x00}, asBytes(s)})); };
    const auto node = [&](const Hash256 &l, const Hash256 &r) {
        return H(concat({Bytes{0x01}, l.view(), r.view()}));
    };
    const Hash256 a = leaf("a"), b = leaf("b"), c = leaf("c"), d = leaf("d"), e = leaf("e");
    QCOMPARE(merkleLeafHash(asBytes("a")).hex(), a.hex());

    QCOMPARE(merkleRoot({}).hex(), H({}).hex());
    const std::vector<Hash256> all{a, b, c, d, e};
    const auto root = [&](std::size_t n) { return merkleRoot(std::span(all).first(n)).hex(); };
    QCOMPARE(root(1), a.hex());
    QCOMPARE(root(2), node(a, b).hex());
    QCOMPARE(root(3), node(node(a, b), c).hex());
    QCOMPARE(root(5), node(node(node(a, b), node(c, d)), e).hex());
    // The odd leaf is carried up, not duplicated.
    QVERIFY(root(3) != node(node(a, b), node(c, c)).hex());
}

void TestCrypto::merkleRootMatchesReference()
{
    const std::vector<Hash256> leaves = testLeaves(100003);
    for (std::size_t n = 0; n <= 300; ++n)
        QCOMPARE(merkleRoot(std::span(leaves).first(n)).hex(),
                 refRoot(std::span(leaves).first(n)).hex());
    for (std::size_t n : {1023u, 1024u, 1025u, 4097u, 65535u, 65536u, 65537u, 100003u})
        QCOMPARE(merkleRoot(std::span(leaves).first(n)).hex(),
                 refRoot(std::span(leaves).first(n)).hex());
}

void TestCrypto::merkleEveryProofVerifies()
{
    const std::vector<Hash256> leaves = testLeaves(70);
    for (std::size_t n = 1; n <= 70; ++n) {
        const auto tree = std::span(leaves).first(n);
        const Hash256 root = merkleRoot(tree);
        for (std::size_t i = 0; i < n; ++i) {
            auto proof = merkleProve(tree, i);
            QVERIFY(proof.ok());
            QCOMPARE(proof->index, std::uint64_t{i});
            QCOMPARE(proof->treeSize, std::uint64_t{n});
            QCOMPARE(proof->path.size(), refShape(i, n).size());
            QVERIFY(merkleVerify(tree[i], *proof, root));
        }
    }
}

void TestCrypto::merkleRejectsAlteredProofs()
{
    const std::vector<Hash256> leaves = testLeaves(70);
    for (std::size_t n = 1; n <= 70; ++n) {
        const auto tree = std::span(leaves).first(n);
        const Hash256 root = merkleRoot(tree);
        for (std::size_t i = 0; i < n; ++i) {
            const MerkleProof proof = merkleProve(tree, i).value();

            // Any flipped bit in any path element.
            for (std::size_t e = 0; e < proof.path.size(); ++e) {
                for (std::size_t bit : {0u, 77u, 255u}) {
                    MerkleProof bad = proof;
                    bad.path[e].bytes[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
                    QVERIFY(!merkleVerify(tree[i], bad, root));
                }
            }
            // Any other index, and any other leaf.
            for (std::size_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                MerkleProof bad = proof;
                bad.index = j;
                QVERIFY(!merkleVerify(tree[i], bad, root));
                QVERIFY(!merkleVerify(tree[j], proof, root));
            }
            // Index outside the tree, empty tree, path one too long or short.
            MerkleProof bad = proof;
            bad.index = n;
            QVERIFY(!merkleVerify(tree[i], bad, root));
            bad = proof;
            bad.treeSize = 0;
            QVERIFY(!merkleVerify(tree[i], bad, root));
            bad = proof;
            bad.path.push_back(root);
            QVERIFY(!merkleVerify(tree[i], bad, root));
            if (!proof.path.empty()) {
                bad = proof;
                bad.path.pop_back();
                QVERIFY(!merkleVerify(tree[i], bad, root));
            }
            // Wrong root.
            Hash256 wrongRoot = root;
            wrongRoot.bytes[31] ^= 0x80;
            QVERIFY(!merkleVerify(tree[i], proof, wrongRoot));
        }
    }

    // An oversized path is refused before any hashing.
    MerkleProof huge{0, std::uint64_t{1} << 63, std::vector<Hash256>(65)};
    QVERIFY(!merkleVerify(leaves[0], huge, leaves[0]));
}

void TestCrypto::merkleTreeSizeBinding()
{
    // A proof verifies under another tree size exactly when the path has the
    // same shape there (the root does not commit to the size, RFC 9162);
    // every other wrong size fails.
    const std::vector<Hash256> leaves = testLeaves(70);
    std::size_t refused = 0;
    for (std::size_t n = 1; n <= 70; ++n) {
        const auto tree = std::span(leaves).first(n);
        const Hash256 root = merkleRoot(tree);
        for (std::size_t i = 0; i < n; ++i) {
            const MerkleProof proof = merkleProve(tree, i).value();
            const std::vector<bool> shape = refShape(i, n);
            for (std::size_t t = i + 1; t <= 2 * n + 2; ++t) {
                if (t == n)
                    continue;
                MerkleProof other = proof;
                other.treeSize = t;
                const bool sameShape = refShape(i, t) == shape;
                QCOMPARE(merkleVerify(tree[i], other, root), sameShape);
                refused += sameShape ? 0 : 1;
            }
        }
    }
    QVERIFY(refused > 10000);

    // The same for every other (index, tree size) pair on smaller trees: a
    // proof is accepted exactly where its shape fits.
    for (std::size_t n = 1; n <= 20; ++n) {
        const auto tree = std::span(leaves).first(n);
        const Hash256 root = merkleRoot(tree);
        for (std::size_t i = 0; i < n; ++i) {
            const MerkleProof proof = merkleProve(tree, i).value();
            const std::vector<bool> shape = refShape(i, n);
            for (std::size_t t = 1; t <= 2 * n + 2; ++t) {
                for (std::size_t j = 0; j < t; ++j) {
                    MerkleProof other = proof;
                    other.index = j;
                    other.treeSize = t;
                    QCOMPARE(merkleVerify(tree[i], other, root), refShape(j, t) == shape);
                }
            }
        }
    }
    // For example, leaf b of [a, b] is not the single leaf of a tree whose
    // root happens to be node(a, b).
    const MerkleProof ofB = merkleProve(std::span(leaves).first(2), 1).value();
    QVERIFY(!merkleVerify(leaves[1], MerkleProof{0, 1, ofB.path},
                          merkleRoot(std::span(leaves).first(2))));
}

void TestCrypto::merkleProveRejectsBadInput()
{
    const std::vector<Hash256> leaves = testLeaves(5);
    auto empty = merkleProve({}, 0);
    QVERIFY(!empty.ok());
    QCOMPARE(codeOf(empty), std::string("merkle.empty"));
    auto outside = merkleProve(leaves, 5);
    QVERIFY(!outside.ok());
    QCOMPARE(codeOf(outside), std::string("merkle.bad_index"));
}

void TestCrypto::merkleProofCodec()
{
    const std::vector<Hash256> leaves = testLeaves(37);
    const MerkleProof proof = merkleProve(leaves, 21).value();
    const Bytes encoded = codec::encode(proof);
    QCOMPARE(encoded.size(), 8 + 8 + 4 + 32 * proof.path.size());
    auto decoded = codec::decode<MerkleProof>(encoded, "Merkle proof");
    QVERIFY(decoded.ok());
    QVERIFY(*decoded == proof);
    QVERIFY(merkleVerify(leaves[21], *decoded, merkleRoot(leaves)));

    for (std::size_t len = 0; len < encoded.size(); ++len) {
        auto cut = codec::decode<MerkleProof>(ByteView(encoded).first(len), "Merkle proof");
        QVERIFY(!cut.ok());
        QCOMPARE(codeOf(cut), std::string("codec.malformed"));
    }

    Bytes trailing = encoded;
    trailing.push_back(0);
    QVERIFY(!codec::decode<MerkleProof>(trailing).ok());

    // A count above 64 is refused even when the bytes are there.
    MerkleProof tooLong{0, 1, std::vector<Hash256>(65)};
    auto oversized = codec::decode<MerkleProof>(codec::encode(tooLong));
    QVERIFY(!oversized.ok());
    MerkleProof longest{0, 1, std::vector<Hash256>(64)};
    QVERIFY(codec::decode<MerkleProof>(codec::encode(longest)).ok());
    // A huge count with no bytes behind it allocates nothing and fails.
    codec::Writer w;
    w.u64(0);
    w.u64(1);
    w.u32(0xffffffffu);
    QVERIFY(!codec::decode<MerkleProof>(w.data()).ok());
}

// --- Key files ------------------------------------------------------------------

void TestCrypto::keystoreRoundTrip()
{
    const auto file = savedKeyFile("roundtrip.key", "operator");
    KeystoreInfo info;
    auto loaded = loadKeystore(file, asBytes(kPassphrase), &info);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
    const KeyPair original = testKey(1);
    QCOMPARE(loaded->publicKey().hex(), original.publicKey().hex());
    QVERIFY(std::equal(loaded->secretKey().view().begin(), loaded->secretKey().view().end(),
                       original.secretKey().view().begin(), original.secretKey().view().end()));
    const Bytes msg = toBytes("block 9");
    QVERIFY(verify(original.publicKey(), "gtx/vote/v1", msg, loaded->sign("gtx/vote/v1", msg)));
    QCOMPARE(info.role, std::string("operator"));
    QCOMPARE(info.version, std::uint16_t{1});
    QVERIFY(info.kdf == Argon2Params::floor());
    QCOMPARE(info.publicKey.hex(), original.publicKey().hex());
}

void TestCrypto::keystoreWrongPassphrase()
{
    const auto file = savedKeyFile("wrongpass.key");
    auto loaded = loadKeystore(file, asBytes("correct horse battery stapler"));
    QVERIFY(!loaded.ok());
    QCOMPARE(codeOf(loaded), std::string("keystore.wrong_passphrase"));
    QCOMPARE(loaded.error().message, "Wrong passphrase for the key file " + file.string() + ".");
    QVERIFY(!loadKeystore(file, {}).ok());
}

void TestCrypto::keystoreInfoWithoutPassphrase()
{
    const auto file = savedKeyFile("info.key", "node");
    auto info = readKeystoreInfo(file);
    QVERIFY(info.ok());
    QCOMPARE(info->role, std::string("node"));
    QCOMPARE(info->publicKey.hex(), testKey(1).publicKey().hex());
    QVERIFY(info->kdf == Argon2Params::floor());
    QCOMPARE(info->version, kKeystoreVersion);
}

void TestCrypto::keystoreFileMode()
{
    const auto file = savedKeyFile("mode.key");
    struct stat st{};
    QCOMPARE(::stat(file.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t{0600});
}

void TestCrypto::keystoreDoesNotOverwrite()
{
    QTemporaryDir dir(m_dir->filePath(QStringLiteral("overwrite-XXXXXX")));
    QVERIFY(dir.isValid());
    const std::filesystem::path file = dir.filePath(QStringLiteral("node.key")).toStdString();
    QVERIFY(saveKeystore(file, testKey(1), "node", asBytes(kPassphrase), Argon2Params::floor())
                .ok());
    const Bytes before = readFile(file);

    const Status again = saveKeystore(file, testKey(2), "node", asBytes("another passphrase"),
                                      Argon2Params::floor());
    QVERIFY(!again.ok());
    QCOMPARE(codeOf(again), std::string("keystore.exists"));
    QVERIFY(readFile(file) == before);

    // Any existing file is kept, whatever it holds.
    const std::filesystem::path notes = dir.filePath(QStringLiteral("notes.txt")).toStdString();
    writeFile(notes, asBytes("keep me"));
    const Status overNotes = saveKeystore(notes, testKey(2), "node", asBytes("another passphrase"),
                                          Argon2Params::floor());
    QCOMPARE(codeOf(overNotes), std::string("keystore.exists"));
    QVERIFY(readFile(notes) == toBytes("keep me"));

    // No temporary files are left behind.
    const QStringList entries =
        QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
    QCOMPARE(entries, (QStringList{QStringLiteral("node.key"), QStringLiteral("notes.txt")}));
}

void TestCrypto::keystoreEveryFlippedByteFails()
{
    const auto file = savedKeyFile("flip-source.key");
    const Bytes good = readFile(file);
    const auto damaged = path("flip.key");
    const std::set<std::string> expected{"keystore.not_keystore", "keystore.unsupported_version",
                                         "keystore.truncated", "keystore.corrupt"};
    for (std::size_t pos = 0; pos < good.size(); ++pos) {
        Bytes bytes = good;
        bytes[pos] ^= 0xff;
        writeFile(damaged, bytes);
        auto loaded = loadKeystore(damaged, asBytes(kPassphrase));
        QVERIFY2(!loaded.ok(), qPrintable(QStringLiteral("byte %1 flipped").arg(pos)));
        QVERIFY2(expected.count(loaded.error().code) == 1, loaded.error().code.c_str());
        QVERIFY(loaded.error().message.find(damaged.string()) != std::string::npos);
        QVERIFY(!readKeystoreInfo(damaged).ok());
    }
    // Outside magic, version and role length the file is simply damaged.
    Bytes bytes = good;
    bytes[40] ^= 0x01;
    writeFile(damaged, bytes);
    auto loaded = loadKeystore(damaged, asBytes(kPassphrase));
    QCOMPARE(codeOf(loaded), std::string("keystore.corrupt"));
    QCOMPARE(loaded.error().message,
             "The key file " + damaged.string() + " is damaged or has been altered.");
}

void TestCrypto::keystoreAlterationsWithFixedChecksumFail()
{
    // Whoever alters a file can recompute the unkeyed checksum; the
    // authenticated encryption must still refuse every change.
    const auto file = savedKeyFile("fixed-source.key");
    const Bytes good = readFile(file);
    const auto altered = path("fixed.key");
    for (std::size_t pos = 0; pos + 32 < good.size(); ++pos) {
        Bytes bytes = good;
        bytes[pos] ^= 0x01;
        fixChecksum(bytes);
        writeFile(altered, bytes);
        auto loaded = loadKeystore(altered, asBytes(kPassphrase));
        QVERIFY2(!loaded.ok(), qPrintable(QStringLiteral("byte %1 altered").arg(pos)));
    }
}

void TestCrypto::keystoreEveryTruncationFails()
{
    const auto file = savedKeyFile("truncate-source.key");
    const Bytes good = readFile(file);
    const auto cut = path("truncated.key");
    for (std::size_t len = 0; len < good.size(); ++len) {
        writeFile(cut, ByteView(good).first(len));
        auto loaded = loadKeystore(cut, asBytes(kPassphrase));
        QVERIFY(!loaded.ok());
        QCOMPARE(codeOf(loaded), std::string("keystore.truncated"));
        QVERIFY(loaded.error().message.find(cut.string()) != std::string::npos);
        QVERIFY(!readKeystoreInfo(cut).ok());
    }
    Bytes longer = good;
    longer.push_back(0);
    writeFile(cut, longer);
    QCOMPARE(codeOf(loadKeystore(cut, asBytes(kPassphrase))), std::string("keystore.corrupt"));
}

void TestCrypto::keystoreRoleIsBound()
{
    const auto file = savedKeyFile("role-source.key", "node");
    Bytes bytes = readFile(file);
    // magic (8) + version (2) + role length (1), then the role.
    QCOMPARE(bytes[10], std::uint8_t{4});
    QVERIFY(std::equal(bytes.begin() + 11, bytes.begin() + 15, "node"));
    std::memcpy(bytes.data() + 11, "oper", 4);
    const auto altered = path("role.key");

    writeFile(altered, bytes);
    QCOMPARE(codeOf(loadKeystore(altered, asBytes(kPassphrase))),
             std::string("keystore.corrupt"));
    QCOMPARE(codeOf(readKeystoreInfo(altered)), std::string("keystore.corrupt"));

    // With a recomputed checksum the header reads, but the key stays locked.
    fixChecksum(bytes);
    writeFile(altered, bytes);
    auto info = readKeystoreInfo(altered);
    QVERIFY(info.ok());
    QCOMPARE(info->role, std::string("oper"));
    QCOMPARE(codeOf(loadKeystore(altered, asBytes(kPassphrase))),
             std::string("keystore.wrong_passphrase"));
}

void TestCrypto::keystoreRejectsForeignFiles()
{
    const auto missing = path("missing.key");
    QCOMPARE(codeOf(loadKeystore(missing, asBytes(kPassphrase))),
             std::string("keystore.not_found"));

    const auto text = path("text.key");
    writeFile(text, asBytes("-----BEGIN PRIVATE KEY-----\n"));
    auto foreign = readKeystoreInfo(text);
    QCOMPARE(codeOf(foreign), std::string("keystore.not_keystore"));
    QCOMPARE(foreign.error().message,
             "The file " + text.string() + " is not a GridTokenX key file.");

    const auto big = path("big.key");
    Bytes large = readFile(savedKeyFile("big-source.key"));
    large.resize(kKeystoreMaxFileBytes + 1);
    writeFile(big, large);
    QCOMPARE(codeOf(loadKeystore(big, asBytes(kPassphrase))),
             std::string("keystore.too_large"));

    Bytes future = readFile(savedKeyFile("future-source.key"));
    future[8] = 2; // version 2
    fixChecksum(future);
    const auto futureFile = path("future.key");
    writeFile(futureFile, future);
    auto newer = readKeystoreInfo(futureFile);
    QCOMPARE(codeOf(newer), std::string("keystore.unsupported_version"));
    QVERIFY(newer.error().message.find(futureFile.string()) != std::string::npos);

    QCOMPARE(codeOf(readKeystoreInfo(path(""))), std::string("keystore.read"));
}

void TestCrypto::keystoreFormatIsAsDocumented()
{
    // Builds key files by hand from the layout in keystore.h.
    const auto build = [](const KeyPair &sealed, const PublicKey &claimed) {
        Bytes f;
        f.reserve(256);
        for (char c : std::string_view("GTXKEY\r\n\x01\x00\x04node", 15))
            f.push_back(static_cast<std::uint8_t>(c));
        f.insert(f.end(), claimed.bytes.begin(), claimed.bytes.end());
        const Argon2Params kdf = Argon2Params::minimum();
        for (int i = 0; i < 8; ++i)
            f.push_back(static_cast<std::uint8_t>(kdf.opsLimit >> (8 * i)));
        for (int i = 0; i < 8; ++i)
            f.push_back(static_cast<std::uint8_t>(kdf.memLimitBytes >> (8 * i)));
        const Bytes salt(16, 0x5a);
        const Bytes nonce(24, 0xa5);
        f.insert(f.end(), salt.begin(), salt.end());
        f.insert(f.end(), nonce.begin(), nonce.end());
        std::array<std::uint8_t, 32> key{};
        if (crypto_pwhash(key.data(), key.size(), kPassphrase.data(), kPassphrase.size(),
                          salt.data(), kdf.opsLimit, kdf.memLimitBytes,
                          crypto_pwhash_ALG_ARGON2ID13)
            != 0)
            qFatal("crypto_pwhash failed");
        const SecureBuffer seed = sealed.seed();
        Bytes box(seed.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
        crypto_aead_xchacha20poly1305_ietf_encrypt(box.data(), nullptr, seed.data(), seed.size(),
                                                   f.data(), f.size(), nullptr, nonce.data(),
                                                   key.data());
        f.insert(f.end(), box.begin(), box.end());
        f.resize(f.size() + 32);
        fixChecksum(f);
        return f;
    };

    const auto file = path("handmade.key");
    writeFile(file, build(testKey(5), testKey(5).publicKey()));
    auto loaded = loadKeystore(file, asBytes(kPassphrase));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
    QCOMPARE(loaded->publicKey().hex(), testKey(5).publicKey().hex());
    QVERIFY(readFile(file).size() == readFile(savedKeyFile("layout.key")).size());

    // A sealed seed that does not belong to the stated public key.
    writeFile(file, build(testKey(5), testKey(6).publicKey()));
    QVERIFY(readKeystoreInfo(file).ok());
    QCOMPARE(codeOf(loadKeystore(file, asBytes(kPassphrase))),
             std::string("keystore.corrupt"));
}

void TestCrypto::keystoreBoundsKdfCosts()
{
    // A file may not demand more key-derivation work than the bounds allow,
    // even with a valid checksum.
    Bytes bytes = readFile(savedKeyFile("costs-source.key"));
    const std::size_t opsAt = 11 + 4 + 32;
    const std::size_t memAt = opsAt + 8;
    const auto altered = path("costs.key");

    Bytes ops = bytes;
    ops[opsAt] = static_cast<std::uint8_t>(kKeystoreMaxOpsLimit + 1);
    fixChecksum(ops);
    writeFile(altered, ops);
    QCOMPARE(codeOf(readKeystoreInfo(altered)), std::string("keystore.bad_params"));
    QCOMPARE(codeOf(loadKeystore(altered, asBytes(kPassphrase))),
             std::string("keystore.bad_params"));

    Bytes mem = bytes;
    mem[memAt + 4] = 1; // 4 GiB more
    fixChecksum(mem);
    writeFile(altered, mem);
    QCOMPARE(codeOf(loadKeystore(altered, asBytes(kPassphrase))),
             std::string("keystore.bad_params"));
}

void TestCrypto::keystoreRejectsBadArguments()
{
    const auto file = path("args.key");
    const auto save = [&](const KeyPair &key, std::string_view role, std::string_view pass,
                          const Argon2Params &kdf) {
        return saveKeystore(file, key, role, asBytes(pass), kdf);
    };
    const Argon2Params fast = Argon2Params::floor();
    const std::string pass = "twelve chars";
    QCOMPARE(codeOf(save(testKey(1), "", pass, fast)), std::string("keystore.bad_role"));
    QCOMPARE(codeOf(save(testKey(1), std::string(33, 'a'), pass, fast)),
             std::string("keystore.bad_role"));
    QCOMPARE(codeOf(save(testKey(1), "no de", pass, fast)), std::string("keystore.bad_role"));
    QCOMPARE(codeOf(save(testKey(1), "node", "", fast)), std::string("passphrase.empty"));
    QCOMPARE(codeOf(save(KeyPair(), "node", pass, fast)), std::string("keystore.no_key"));
    QCOMPARE(codeOf(save(testKey(1), "node", pass, Argon2Params{100, 8192})),
             std::string("crypto.kdf_weak"));
    QCOMPARE(codeOf(save(testKey(1), "node", pass, Argon2Params{100, Argon2Params::floor().memLimitBytes})),
             std::string("crypto.kdf_params"));
    // The policy of passphrase_policy.h, for key files as for ledgers.
    QCOMPARE(codeOf(save(testKey(1), "node", "hunter2", fast)), std::string("passphrase.too_short"));
    QCOMPARE(codeOf(save(testKey(1), "node", "eleven char", fast)),
             std::string("passphrase.too_short"));
    // Below the floor: libsodium's minimum, and either cost alone too low.
    QCOMPARE(codeOf(save(testKey(1), "node", pass, Argon2Params::minimum())),
             std::string("crypto.kdf_weak"));
    QCOMPARE(codeOf(save(testKey(1), "node", pass, Argon2Params{1, Argon2Params::floor().memLimitBytes})),
             std::string("crypto.kdf_weak"));
    QCOMPARE(codeOf(save(testKey(1), "node", pass, Argon2Params{2, (std::uint64_t{19} << 20) - 1024})),
             std::string("crypto.kdf_weak"));
    QVERIFY(!std::filesystem::exists(file));
    QVERIFY(save(testKey(1), std::string(32, 'a'), pass, fast).ok());
}

void TestCrypto::passphrasePolicy()
{
    QVERIFY(checkNewPassphrase(asBytes("twelve chars")).ok());
    QCOMPARE(codeOf(checkNewPassphrase(asBytes("eleven char"))), std::string("passphrase.too_short"));
    QCOMPARE(codeOf(checkNewPassphrase({})), std::string("passphrase.empty"));
    // Thai letters count as characters, not bytes: 11 letters are 33 bytes
    // and still too short; 12 are enough.
    const std::string koKai = "\xe0\xb8\x81";   // U+0E01
    std::string eleven;
    for (int i = 0; i < 11; ++i)
        eleven += koKai;
    QCOMPARE(passphraseCharacters(asBytes(eleven)), std::size_t{11});
    QCOMPARE(codeOf(checkNewPassphrase(asBytes(eleven))), std::string("passphrase.too_short"));
    QVERIFY(checkNewPassphrase(asBytes(eleven + koKai)).ok());
    // The message says how many characters there are and how many are needed.
    const Status shortOne = checkNewPassphrase(asBytes("hunter2"));
    QVERIFY(shortOne.error().message.find("7 characters") != std::string::npos);
    QVERIFY(shortOne.error().message.find("12") != std::string::npos);
    // Not UTF-8: a lone continuation byte, an overlong '/', a surrogate, a
    // truncated sequence.
    for (const char *bad : {"passphrase \x80\x80", "passphrase \xc0\xaf", "passphrase \xed\xa0\x80",
                            "passphrase long \xe0\xb8"}) {
        QCOMPARE(codeOf(checkNewPassphrase(asBytes(std::string(bad)))), std::string("passphrase.not_utf8"));
    }
    QCOMPARE(codeOf(checkNewPassphrase(asBytes(std::string(kMaxPassphraseBytes + 1, 'a')))),
             std::string("passphrase.too_long"));
    QVERIFY(checkNewPassphrase(asBytes(std::string(kMaxPassphraseBytes, 'a'))).ok());
    // Every preset a new file may use is at or above the floor.
    QVERIFY(checkNewKdfParams(Argon2Params::floor()).ok());
    QVERIFY(checkNewKdfParams(Argon2Params::interactive()).ok());
    QVERIFY(checkNewKdfParams(Argon2Params::moderate()).ok());
    QCOMPARE(codeOf(checkNewKdfParams(Argon2Params::minimum())), std::string("crypto.kdf_weak"));
}

void TestCrypto::keystoreRefusesFifo()
{
    // A FIFO where the key file should be: refused at once, never waited on
    // (no writer ever opens it here, so a blocking open would hang the test).
    const auto fifo = path("fifo.key");
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    auto loaded = loadKeystore(fifo, asBytes(kPassphrase));
    QVERIFY(!loaded.ok());
    QCOMPARE(codeOf(loaded), std::string("keystore.read"));
    QVERIFY(loaded.error().message.find("not a regular file") != std::string::npos);
    auto info = readKeystoreInfo(fifo);
    QCOMPARE(codeOf(info), std::string("keystore.read"));
    std::filesystem::remove(fifo);
}

// --- CURVE keys -------------------------------------------------------------------

void TestCrypto::curveKeysAgree()
{
    const KeyPair alice = testKey(10);
    const KeyPair bob = testKey(11);
    auto alicePublic = toCurvePublicKey(alice.publicKey());
    auto aliceSecret = toCurveSecretKey(alice);
    auto bobPublic = toCurvePublicKey(bob.publicKey());
    auto bobSecret = toCurveSecretKey(bob);
    QVERIFY(alicePublic.ok() && aliceSecret.ok() && bobPublic.ok() && bobSecret.ok());
    QCOMPARE(aliceSecret->size(), std::size_t{32});

    // Each converted secret key belongs to its converted public key.
    FixedBytes<32> derived;
    QCOMPARE(crypto_scalarmult_base(derived.data(), aliceSecret->data()), 0);
    QCOMPARE(derived.hex(), alicePublic->hex());

    FixedBytes<32> sharedA, sharedB;
    QCOMPARE(crypto_scalarmult(sharedA.data(), aliceSecret->data(), bobPublic->data()), 0);
    QCOMPARE(crypto_scalarmult(sharedB.data(), bobSecret->data(), alicePublic->data()), 0);
    QCOMPARE(sharedA.hex(), sharedB.hex());
    QVERIFY(!sharedA.isZero());
    QVERIFY(alicePublic->hex() != bobPublic->hex());
}

void TestCrypto::curveRejectsBadKeys()
{
    PublicKey identity; // the neutral point (y = 1): small order
    identity.bytes[0] = 1;
    auto converted = toCurvePublicKey(identity);
    QVERIFY(!converted.ok());
    QCOMPARE(codeOf(converted), std::string("crypto.bad_public_key"));

    auto noKey = toCurveSecretKey(KeyPair());
    QVERIFY(!noKey.ok());
    QCOMPARE(codeOf(noKey), std::string("crypto.bad_key"));
}

QTEST_GUILESS_MAIN(TestCrypto)
