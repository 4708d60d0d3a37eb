#pragma once

#include <QObject>

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void perfectNetworkFinalizesEverySlot();
    void sameSeedReplaysTheSameRun();
    void ledgerBackedCrashAndRestart();
    void seededFaultyRunsHaveNoViolations();
    void adversaryRunsHaveNoViolations();
    void invariantCheckerFindsAKnownViolation();
};
