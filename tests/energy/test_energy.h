#pragma once

#include <QObject>

class TestEnergy : public QObject
{
    Q_OBJECT

private slots:
    void defaultModelIsValid();
    void modelFileErrorsAreClear();
    void zonesAndDistances();
    void registrationRules();
    void validReadingsAreAccepted();
    void everyRuleRefusesWithItsOwnReason();
    void everyRuleRefusesWithItsOwnReason_data();
    void signaturesBindTheNetwork();
    void batchRules();
    void duplicateIntervalMakesEvidence();
    void suspendedMeterIsRefusedUntilRekeyed();
    void parallelSignatureChecksAgree();
    void meterCheckCatchesEveryFault();
    void meterCheckFailsWhenARuleIsWeakened();
    void blocksApplyReadingBatches();
    void registryChangesComeFromTheZonesOperator();
    void readingsAreAcceptedWhileTradingIsHalted();
    void gridStateReportsLoadingAndN1();
    void tradesSettleAgainstVerifiedEnergy();
    void tradeTermsRefusedEachWithItsReason();
    void interZoneTradesRespectLineCapacity();
    void circuitsOutOfServiceCountAgainstN1AndTrades();
    void conservationBandIsExact();
    void conservationIsJudgedPerZoneWithItsFigures();
    void gridFeedReadsAsBalancedAndResumes();
};
