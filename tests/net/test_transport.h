#pragma once

#include <QObject>

class TestTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void allowedPeersExchangeOnBothChannels();
    void consensusIsHandedOutBeforeBulk();
    void unknownKeyIsRefused();
    void removedKeyIsCutOff();
    void refusedPeerLinksOnceAdmitted();
    void garbageAndOversizedAreDroppedAndTheSenderBanned();
};
