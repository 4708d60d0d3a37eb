#pragma once

#include <QObject>

class TestSimMutations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void weakenedQuorumIsCaught();
    void missingDoubleSignProtectionIsCaught();
};
