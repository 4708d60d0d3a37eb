#pragma once

#include <QObject>

class TestEvidence : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void doubleVoteIsProvenByTwoVotes();
    void surroundVoteIsProvenByTwoVotes();
    void honestVotesDoNotConflict();
    void doubleProposalIsProvenByTwoHeaders();
    void doubleAttestationAndEmergencyVote();
    void badEvidenceIsRefused();
    void evidenceRoundTripsThroughTheCodec();
    void doubleVoterIsDetectedAndPutOnChain();
    void equivocatingProposerIsDetectedAndPutOnChain();
};
