#pragma once

#include <QObject>

class TestMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMessageTypeRoundTrips();
    void truncatedMessagesAreRefused();
    void mutatedMessagesNeverCrashAndStayCanonical();
    void hugeCountsAreRefusedBeforeAllocating();
    void unknownTypesAndTrailingBytesAreRefused();
    void signaturesDoNotTravelBetweenNetworks();
};
