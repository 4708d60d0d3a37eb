#pragma once

#include <QObject>

class TestSimMutations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quorumOfTwoIsCaught();
    void quorumOfThreeWithTwinsIsCaught();
    void missingDoubleSignProtectionIsCaught();
    void missingConsensusLogIsCaught();
    void adversariesAttackInEveryRun();
};
