#include "test_evidence.h"

#include "consensus_fixture.h"

#include <QtTest>

using namespace gtx;
using namespace gtx::testing;

namespace {

LinkVote link(const crypto::KeyPair &key, std::uint64_t sourceSlot, std::uint64_t targetSlot, std::string_view tag = "")
{
    LinkVote v;
    v.source = {sourceSlot, crypto::hash("gtx/test/v1", asBytes("block" + std::to_string(sourceSlot)))};
    v.target = {targetSlot, crypto::hash("gtx/test/v1", asBytes("block" + std::to_string(targetSlot) + std::string(tag)))};
    signLinkVote(v, key);
    return v;
}

SignedHeader header(const crypto::KeyPair &key, std::uint64_t slot, std::uint64_t height, std::string_view tag)
{
    SignedHeader h;
    h.header.kind = BlockKind::Regular;
    h.header.slot = slot;
    h.header.height = height;
    h.header.txRoot = crypto::hash("gtx/test/v1", asBytes(tag));
    h.header.proposer = key.publicKey();
    h.signature = signHeader(h.header, key);
    return h;
}

// Runs a five-authority network with one misbehaving authority for `slots`
// slots and returns the offences on node 0's Fast-final chain.
std::set<Hash256> offencesOnChain(const ByzantineBehaviour &behaviour, std::uint64_t slotCount, LocalNet &net)
{
    for (std::size_t a = 0; a < net.net.authorities.size(); ++a)
        net.add(net.net.authorities[a], nullptr, a == 2 ? behaviour : ByzantineBehaviour{});
    for (const auto &k : net.net.validators)
        net.add(k);
    net.runUntilSlot(slotCount, 5000);
    std::set<Hash256> keys;
    for (const auto &[key, slot] : *net.node(0).finalizedTip(FinalityLevel::Fast)->state.offences)
        keys.insert(key);
    return keys;
}

} // namespace

void TestEvidence::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestEvidence::doubleVoteIsProvenByTwoVotes()
{
    CachingVerifier verifier;
    const crypto::KeyPair key = testKey(1);
    const LinkVote a = link(key, 3, 7, "a");
    const LinkVote b = link(key, 5, 7, "b");   // same target slot, another target and source
    OffenceKind kind{};
    QVERIFY(linkVotesConflict(a, b, &kind));
    QCOMPARE(static_cast<int>(kind), static_cast<int>(OffenceKind::DoubleLinkVote));
    const Evidence e = makeLinkEvidence(kind, a, b);
    QVERIFY(verifyConsensusEvidence(e, verifier).ok());
    QCOMPARE(offenderOf(e), key.publicKey());
    QCOMPARE(makeLinkEvidence(kind, b, a), e);   // one offence, one encoding
    QCOMPARE(offenceKey(e), offenceKey(makeLinkEvidence(kind, b, a)));
}

void TestEvidence::surroundVoteIsProvenByTwoVotes()
{
    CachingVerifier verifier;
    const crypto::KeyPair key = testKey(1);
    const LinkVote outer = link(key, 2, 9);
    const LinkVote inner = link(key, 4, 6);
    OffenceKind kind{};
    QVERIFY(linkVotesConflict(outer, inner, &kind));
    QCOMPARE(static_cast<int>(kind), static_cast<int>(OffenceKind::SurroundLinkVote));
    QVERIFY(linkVotesConflict(inner, outer, &kind));
    QVERIFY(verifyConsensusEvidence(makeLinkEvidence(OffenceKind::SurroundLinkVote, inner, outer), verifier).ok());
    // Claiming the wrong offence for the pair is refused.
    QCOMPARE(verifyConsensusEvidence(makeLinkEvidence(OffenceKind::DoubleLinkVote, inner, outer), verifier)
                 .error()
                 .code,
             std::string("evidence.not_conflicting"));
}

void TestEvidence::honestVotesDoNotConflict()
{
    const crypto::KeyPair key = testKey(1);
    // Targets increase, sources never decrease: the honest voting rule.
    const std::vector<LinkVote> honest{link(key, 0, 1), link(key, 1, 2), link(key, 1, 4), link(key, 4, 5),
                                       link(key, 5, 9)};
    for (std::size_t i = 0; i < honest.size(); ++i)
        for (std::size_t j = 0; j < honest.size(); ++j)
            QVERIFY(!linkVotesConflict(honest[i], honest[j]));
    // Overlapping but not nested: not an offence.
    QVERIFY(!linkVotesConflict(link(key, 2, 6), link(key, 4, 8)));
    // Two different authorities never conflict.
    QVERIFY(!linkVotesConflict(link(testKey(1), 3, 7, "a"), link(testKey(2), 3, 7, "b")));
}

void TestEvidence::doubleProposalIsProvenByTwoHeaders()
{
    CachingVerifier verifier;
    const crypto::KeyPair key = testKey(200);
    const Evidence e = makeDoubleProposal(header(key, 12, 10, "x"), header(key, 12, 11, "y"));
    QVERIFY(verifyConsensusEvidence(e, verifier).ok());   // also across heights in one slot
    QCOMPARE(offenderOf(e), key.publicKey());
    const Evidence other = makeDoubleProposal(header(key, 12, 10, "x"), header(key, 13, 11, "y"));
    QCOMPARE(verifyConsensusEvidence(other, verifier).error().code, std::string("evidence.not_conflicting"));
}

void TestEvidence::doubleAttestationAndEmergencyVote()
{
    CachingVerifier verifier;
    const crypto::KeyPair key = testKey(200);
    Vote a;
    a.kind = VoteKind::StakeAttestation;
    a.slot = 5;
    a.height = 4;
    a.blockHash = crypto::hash("gtx/test/v1", asBytes("a"));
    Vote b = a;
    b.blockHash = crypto::hash("gtx/test/v1", asBytes("b"));
    signVote(a, key);
    signVote(b, key);
    QVERIFY(verifyConsensusEvidence(makeVoteEvidence(OffenceKind::DoubleAttestation, a, b), verifier).ok());
    Vote c = b;
    c.slot = 6;
    signVote(c, key);
    QVERIFY(!verifyConsensusEvidence(makeVoteEvidence(OffenceKind::DoubleAttestation, a, c), verifier).ok());

    Vote e1;
    e1.kind = VoteKind::Emergency;
    e1.height = 3;   // the proposer's emergency sequence number
    e1.round = 1;    // the proposer's authority index
    e1.blockHash = crypto::hash("gtx/test/v1", asBytes("halt"));
    Vote e2 = e1;
    e2.blockHash = crypto::hash("gtx/test/v1", asBytes("other halt"));
    signVote(e1, testKey(1));
    signVote(e2, testKey(1));
    QVERIFY(verifyConsensusEvidence(makeVoteEvidence(OffenceKind::DoubleEmergencyVote, e1, e2), verifier).ok());
    Vote e3 = e2;
    e3.round = 2;   // another proposer's sequence: no conflict
    signVote(e3, testKey(1));
    QVERIFY(!verifyConsensusEvidence(makeVoteEvidence(OffenceKind::DoubleEmergencyVote, e1, e3), verifier).ok());
}

void TestEvidence::badEvidenceIsRefused()
{
    CachingVerifier verifier;
    const LinkVote a = link(testKey(1), 3, 7, "a");
    const LinkVote b = link(testKey(1), 3, 7, "b");
    Evidence e = makeLinkEvidence(OffenceKind::DoubleLinkVote, a, b);
    QVERIFY(verifyConsensusEvidence(e, verifier).ok());

    Evidence same = makeLinkEvidence(OffenceKind::DoubleLinkVote, a, a);
    QCOMPARE(verifyConsensusEvidence(same, verifier).error().code, std::string("evidence.not_conflicting"));

    Evidence twoSigners = makeLinkEvidence(OffenceKind::DoubleLinkVote, a, link(testKey(2), 3, 7, "b"));
    QCOMPARE(verifyConsensusEvidence(twoSigners, verifier).error().code, std::string("evidence.different_signers"));

    Evidence tampered = e;
    tampered.linkB.target.hash.bytes[0] ^= 1;
    QVERIFY(!verifyConsensusEvidence(tampered, verifier).ok());

    Evidence forged = e;
    forged.linkA.signature.bytes[5] ^= 1;
    QCOMPARE(verifyConsensusEvidence(forged, verifier).error().code, std::string("evidence.bad_signature"));

    Evidence swapped = e;
    std::swap(swapped.linkA, swapped.linkB);
    QCOMPARE(verifyConsensusEvidence(swapped, verifier).error().code, std::string("evidence.unordered"));

    Evidence extra = e;
    extra.voteA.slot = 1;
    QCOMPARE(verifyConsensusEvidence(extra, verifier).error().code, std::string("evidence.malformed"));

    LinkVote backwards = link(testKey(1), 9, 7, "c");   // source after target
    QVERIFY(!verifyConsensusEvidence(makeLinkEvidence(OffenceKind::DoubleLinkVote, a, backwards), verifier).ok());
}

void TestEvidence::evidenceRoundTripsThroughTheCodec()
{
    const Evidence e = makeLinkEvidence(OffenceKind::SurroundLinkVote, link(testKey(1), 2, 9),
                                          link(testKey(1), 4, 6));
    const Bytes bytes = encodeMessage(e);
    auto decoded = decodeMessage(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(std::get<Evidence>(*decoded), e);
    Bytes truncated(bytes.begin(), bytes.end() - 1);
    QCOMPARE(decodeMessage(truncated).error().code, std::string("codec.malformed"));
    Bytes badKind = bytes;
    badKind[1] = 9;   // no such offence kind
    QVERIFY(!decodeMessage(badKind).ok());
}

void TestEvidence::doubleVoterIsDetectedAndPutOnChain()
{
    LocalNet net(makeTestNetwork({20'000, 20'000, 20'000}));
    ByzantineBehaviour b;
    b.doubleVote = true;
    const auto offences = offencesOnChain(b, 10, net);
    QVERIFY2(offences.size() >= 5, "every slot's double vote becomes on-chain evidence");
    // Every offence on chain names the Byzantine authority, never an honest node.
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        for (const BlockNode *n = net.node(p).head(); n; n = n->parent)
            for (const auto &e : n->block->evidence)
                QCOMPARE(offenderOf(e), net.net.authorities[2].publicKey());
    }
}

void TestEvidence::equivocatingProposerIsDetectedAndPutOnChain()
{
    LocalNet net(makeTestNetwork({20'000, 20'000, 20'000}));
    ByzantineBehaviour b;
    b.equivocateProposals = true;
    (void)offencesOnChain(b, 40, net);
    std::size_t doubleProposals = 0;
    for (const BlockNode *n = net.node(0).finalizedTip(FinalityLevel::Fast); n; n = n->parent)
        for (const auto &e : n->block->evidence)
            if (e.kind == OffenceKind::DoubleProposal) {
                ++doubleProposals;
                QCOMPARE(offenderOf(e), net.net.authorities[2].publicKey());
            }
    QVERIFY2(doubleProposals >= 1, "the equivocating proposer had a turn in 40 slots and was caught");
}

QTEST_GUILESS_MAIN(TestEvidence)
