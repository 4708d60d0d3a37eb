#pragma once

// Kept apart from the .cpp so that moc reads only Qt headers.

#include <QObject>

class TestFinality : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void quorumJustifies();
    void threeOfFiveDoesNotJustify();
    void fastNeedsTheTwoChain();
    void fastNeedsAQuorumLink();
    void missedSlotFinalizesLaterThroughDescendant();
    void mixedSourcesJustifyButDoNotFinalize();
    void fullNeedsStakeThreshold();
    void economicIsCheckpointDeep();
    void conflictingFinalizationIsReportedNotApplied();
    void supermajorityAtOrBelowTwoThirdsIsRejected();
    void instantNeedsTheAuthorityQuorum();
    void networkReachesEveryLevel();

    // Adversarial votes by one Byzantine authority (index 4).
    void voteFloodDoesNotBlindHonestVotes();
    void wrongSlotVoteDoesNotPoisonTarget();
    void exactLinkCountsTheSourceSlot();
    void realVoteCountsWhateverItsVoterSentBefore();
    void withoutTheExactLinkConflictingBlocksFinalize();
    void voteTablesArePrunedBelowFinality();
    void sourceClaimedByMoreThanTheFaultyIsJustified();
};
