#pragma once

#include <QObject>

class TestEmergency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void haltNeedsTwoOwnOperators();
    void authorityHaltsOnlyTheZonesItServes();
    void haltAppliesAtOnceEverywhere();
    void resumeNeedsTheQuorum();
    void haltsCommuteAndLiftedHaltsStayLifted();
    void chainRefusesTradesInAHaltedZone();
    void emergencyActionsAreAudited();

    // Adversarial and failure cases.
    void uncertifiedHaltIsNotApplied();
    void poisonedFirstVoteDoesNotBlockTheCertificate();
    void failedAuditRefusesTheOrder();
    void failedAuditOfACertifiedHaltRaisesAnAlarm();
    void failedFinalizedWriteRaisesAnAlarmAndIsRetried();
};
