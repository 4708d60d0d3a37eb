#include "test_messages.h"

#include "consensus_fixture.h"

#include <QtTest>

#include <random>

using namespace gtx;
using namespace gtx::testing;

namespace {

std::vector<Message> sampleMessages()
{
    const TestNetwork n = makeTestNetwork({20'000});
    BlockTree tree(n.params, *n.genesis);
    CachingVerifier verifier;
    BlockNode *g = tree.genesisNode();
    BlockNode *b1 = *tree.add(makeBlock(n, tree, g, 1), verifier);
    const LinkVote vote = linkVote(n.authorities[0], g, b1);
    const Vote att = attestation(n.validators[0], b1);
    Transaction tx;
    tx.kind = TransactionKind::EnergyTrade;
    tx.networkId = n.params.networkId;
    tx.timestampMs = n.params.slotStartMs(2);
    tx.payload = tradeTx(n, zones::kPeaNorth, 1, 0, 0).payload;
    signTransaction(tx, testKey(50));
    auto block = makeBlock(n, tree, b1, 2, {vote}, {att}, {tx});
    EmergencyOrder order;
    order.zones = {zones::kMeaMetropolitan};
    order.reason = "fire";
    const Transaction halt = makeEmergencyOrder(TransactionKind::EmergencyHalt, n.params.networkId, 0, 5, order, n.authorities[1],
                                                {&n.operators[1][0], &n.operators[1][1]});
    const EmergencyBlock eb = makeEmergencyBlock(halt, 1, 2, n.params.networkId, 5, n.authorities[1]);
    EmergencyRecord record{eb, {}};
    record.certificate.kind = VoteKind::Emergency;
    record.certificate.height = 1;
    record.certificate.round = 1;
    record.certificate.blockHash = emergencyBlockId(eb);
    LinkVote other = vote;
    other.target.hash = crypto::hash("gtx/test/v1", asBytes("other"));
    signLinkVote(other, n.authorities[0]);
    return {*block, vote, att, eb, record, makeLinkEvidence(OffenceKind::DoubleLinkVote, vote, other), tx,
            BlockRequest{b1->hash}, VotesRequest{b1->hash}, BlockRangeRequest{1, 16}};
}

} // namespace

void TestMessages::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestMessages::everyMessageTypeRoundTrips()
{
    const auto messages = sampleMessages();
    QCOMPARE(messages.size(), static_cast<std::size_t>(kLastMessageType) + 1);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        QCOMPARE(messages[i].index(), i);
        const Bytes bytes = encodeMessage(messages[i]);
        auto decoded = decodeMessage(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == messages[i]);
        QCOMPARE(encodeMessage(*decoded), bytes);
    }
}

void TestMessages::truncatedMessagesAreRefused()
{
    for (const auto &m : sampleMessages()) {
        const Bytes bytes = encodeMessage(m);
        for (std::size_t len = 0; len < bytes.size(); ++len) {
            auto decoded = decodeMessage(ByteView(bytes.data(), len));
            QVERIFY(!decoded.ok());
            QCOMPARE(decoded.error().code, std::string("codec.malformed"));
        }
    }
}

void TestMessages::mutatedMessagesNeverCrashAndStayCanonical()
{
    std::mt19937_64 rng(20240501);
    const auto messages = sampleMessages();
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        Bytes bytes = encodeMessage(messages[rng() % messages.size()]);
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % bytes.size();
            switch (rng() % 3) {
            case 0:
                bytes[at] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
                break;
            case 1:
                bytes[at] = 0xFF;
                break;
            default:
                bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::uint8_t>(rng()));
                break;
            }
        }
        auto decoded = decodeMessage(bytes);
        if (decoded.ok()) {
            ++accepted;
            QCOMPARE(encodeMessage(*decoded), bytes);   // one value, one encoding
        }
    }
    QVERIFY(accepted > 0);   // flipped signature or hash bytes still decode
}

void TestMessages::hugeCountsAreRefusedBeforeAllocating()
{
    Bytes bytes = encodeMessage(sampleMessages()[0]);   // a block
    // The transaction count follows the header: u8 type + encoded header.
    codec::Writer header;
    header.value(std::get<Block>(sampleMessages()[0]).header);
    const std::size_t countAt = 1 + header.data().size();
    for (std::size_t i = 0; i < 4; ++i)
        bytes[countAt + i] = 0xFF;
    auto decoded = decodeMessage(bytes);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error().message.find("limit") != std::string::npos);
}

void TestMessages::unknownTypesAndTrailingBytesAreRefused()
{
    Bytes unknown{static_cast<std::uint8_t>(static_cast<int>(kLastMessageType) + 1)};
    QVERIFY(!decodeMessage(unknown).ok());
    Bytes trailing = encodeMessage(BlockRequest{});
    trailing.push_back(0);
    QCOMPARE(decodeMessage(trailing).error().code, std::string("codec.malformed"));
    QVERIFY(!decodeMessage(Bytes{}).ok());
}

void TestMessages::signaturesDoNotTravelBetweenNetworks()
{
    // A key used on two networks (say a devnet and the real one): what it
    // signed for one must not be accepted by the other.
    const TestNetwork n = makeTestNetwork();
    BlockTree tree(n.params, *n.genesis);
    CachingVerifier verifier;
    const std::uint32_t otherNetwork = n.params.networkId + 1;

    // A transaction names its network and signs it.
    Transaction tx;
    tx.kind = TransactionKind::EnergyTrade;
    tx.networkId = otherNetwork;
    tx.timestampMs = n.params.slotStartMs(1);
    tx.payload = tradeTx(n, zones::kPeaNorth, 1, 0, 0).payload;
    signTransaction(tx, testKey(50));
    const TxContext context = tree.txContext(tree.genesisNode(), verifier);
    QCOMPARE(checkTransaction(tx, context).error().code, std::string("tx.wrong_network"));
    Transaction relabelled = tx;
    relabelled.networkId = n.params.networkId;   // the same signature under this network's id
    QCOMPARE(checkTransaction(relabelled, context).error().code, std::string("tx.bad_signature"));
    tx.networkId = n.params.networkId;
    signTransaction(tx, testKey(50));
    QVERIFY(checkTransaction(tx, context).ok());

    // An emergency order: the operators' approvals sign the network too.
    EmergencyOrder order;
    order.zones = {zones::kMeaMetropolitan};
    order.reason = "drill on the other network";
    const Transaction foreign = makeEmergencyOrder(TransactionKind::EmergencyHalt, otherNetwork, 0, 5, order,
                                                   n.authorities[1], {&n.operators[1][0], &n.operators[1][1]});
    const EmergencyBlock block = makeEmergencyBlock(foreign, 1, 2, n.params.networkId, 5, n.authorities[1]);
    QCOMPARE(verifyEmergencyBlock(block, n.genesis->authorities, n.params.networkId, verifier).error().code,
             std::string("emergency.wrong_network"));
    Transaction replayed = foreign;   // relabelled and re-signed by the authority, approvals reused
    replayed.networkId = n.params.networkId;
    signTransaction(replayed, n.authorities[1]);
    QCOMPARE(verifyEmergencyOrder(replayed, n.genesis->authorities, verifier).error().code,
             std::string("emergency.bad_signature"));

    // A RANDAO reveal.
    const Signature reveal = randaoReveal(n.authorities[0], otherNetwork, 3);
    QVERIFY(!verifyRandaoReveal(n.authorities[0].publicKey(), n.params.networkId, 3, reveal, verifier));
    QVERIFY(verifyRandaoReveal(n.authorities[0].publicKey(), otherNetwork, 3, reveal, verifier));
}

QTEST_GUILESS_MAIN(TestMessages)
