#pragma once

#include <QObject>

class TestLanes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void authorityReserveSurvivesAnEnergyFlood();
    void energyFloodCannotEvictAuthorityTraffic();
    void unusedReserveGoesToOtherLanes();
    void emergencyOrdersBypassTheMempool();
    void authorityTransactionLandsWithinSixSlotsUnderFullMempool();
    void evidenceHasItsOwnRoom();
    void stakingSpamCannotFillTheAuthorityLane();
    void blockOverALaneCapIsRejected();
};
