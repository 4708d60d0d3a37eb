#pragma once

#include <QObject>

class TestPeerNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void messagesTakeTheirChannel();
    void nodesFinalizeOverZeroMq();
    void restartedAuthorityCatchesUp();
    void allowListFollowsTheValidatorSet();
};
