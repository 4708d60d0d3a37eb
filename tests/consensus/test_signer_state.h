#pragma once

#include <QObject>

class TestSignerState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordRoundTripsThroughTheCodec();
    void ledgerStoreKeepsTheNewestRecord();
    void signerRecordStaysOutOfTheAuditTrail();
    void olderLedgerSignerRecordIsStillRead();
    void ledgerStoreCommitsFinalizedBlocks();
    void ledgerStoreRefusesAnotherNetwork();
    void recordIsDurableBeforeTheVoteLeaves();
    void noConflictingVoteAfterRestartFromTheLedger();
    void withoutTheRecordARestartedNodeWouldDoubleVote();
    void rolledBackLedgerDoesNotMakeItDoubleVote();
    void refusesToSignWhenTheStoreFails();
    void restartedNodeWaitsForItsLastSource();
    void clientTransactionIsRecordedBeforeItIsAccepted();
};
