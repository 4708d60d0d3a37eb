#pragma once

#include <QObject>

class TestPerformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void producedAndMissedComeFromTheChain();
    void chainDerivedFiguresAgreeAcrossNodes();
    void slashingIncidentsComeFromEvidence();
    void localFiguresAreMeasured();
};
