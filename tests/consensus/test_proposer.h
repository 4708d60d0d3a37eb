#pragma once

#include <QObject>

class TestProposer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void drawIsDeterministic();
    void drawFollowsWeights();
    void revealIsBoundToKeyAndEpoch();
    void seedHasTwoEpochsOfLookahead();
    void onlyTheSlotProposerIsAccepted();
    void stakeChangesCountTwoEpochsLater();
};
