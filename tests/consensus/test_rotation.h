#pragma once

#include <QObject>

class TestRotation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void genesisSetTakesTheBestUnderCaps();
    void eligibilityByRole();
    void churnLimitBoundsEachEpoch();
    void rotationConvergesOverEpochs();
    void wholeValidatorCanAlwaysEnter();
    void forcedExitsGoFirst();
    void zoneCapHoldsAcrossRotation();
    void emptySetIsRebuilt();
    void resultDoesNotDependOnPoolOrder();
};
