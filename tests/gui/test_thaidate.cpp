// Bangkok time with Buddhist Era years in Thai, and the English format.

#include "ui/style/thaidate.h"

#include <QTest>

using gtx::ui::ThaiDate;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// Thai short month names, written out here independently of QLocale.
const QString kNovember = QStringLiteral("\u0e1e.\u0e22.");
const QString kDecember = QStringLiteral("\u0e18.\u0e04.");
const QString kJanuary = QStringLiteral("\u0e21.\u0e04.");

} // namespace

class TestThaiDate : public QObject
{
    Q_OBJECT

private slots:
    void buddhistEraIsCommonEraPlus543()
    {
        QCOMPARE(ThaiDate::buddhistYear(2026), 2569);
        QCOMPARE(ThaiDate::buddhistYear(1957), 2500);
        QCOMPARE(ThaiDate::format(utc("2026-11-24T07:05:09"), QLocale::Thai),
                 QStringLiteral("24 ") + kNovember + QStringLiteral(" 2569 14:05:09"));
    }

    void bangkokMidnightStartsTheNewYear()
    {
        // 17:00 UTC on 31 December is midnight in Bangkok: a new CE and BE year.
        QCOMPARE(ThaiDate::format(utc("2026-12-31T17:00:00"), QLocale::Thai),
                 QStringLiteral("1 ") + kJanuary + QStringLiteral(" 2570 00:00:00"));
        QCOMPARE(ThaiDate::format(utc("2026-12-31T16:59:59"), QLocale::Thai),
                 QStringLiteral("31 ") + kDecember + QStringLiteral(" 2569 23:59:59"));
        QCOMPARE(ThaiDate::format(utc("2026-12-31T17:00:00"), QLocale::English),
                 QStringLiteral("1 Jan 2027 00:00:00 ICT"));
    }

    void englishFormat()
    {
        QCOMPARE(ThaiDate::format(utc("2026-11-24T07:05:09"), QLocale::English),
                 QStringLiteral("24 Nov 2026 14:05:09 ICT"));
        // Any language other than Thai gets the English format.
        QCOMPARE(ThaiDate::format(utc("2026-11-24T07:05:09"), QLocale::German),
                 QStringLiteral("24 Nov 2026 14:05:09 ICT"));
    }

    void inputTimeZoneDoesNotMatter()
    {
        // The same instant given in Tokyo time (UTC+9).
        QDateTime tokyo(QDate(2026, 11, 24), QTime(16, 5, 9), QTimeZone(9 * 3600));
        QCOMPARE(ThaiDate::format(tokyo, QLocale::English),
                 QStringLiteral("24 Nov 2026 14:05:09 ICT"));
        QCOMPARE(ThaiDate::formatUtcMs(1795503909000, QLocale::English),
                 QStringLiteral("24 Nov 2026 14:05:09 ICT"));
    }

    void bangkokIsSevenHoursAheadAllYear()
    {
        const QTimeZone zone = ThaiDate::bangkok();
        QVERIFY(zone.isValid());
        QCOMPARE(zone.offsetFromUtc(utc("2026-01-15T00:00:00")), 7 * 3600);
        QCOMPARE(zone.offsetFromUtc(utc("2026-07-15T00:00:00")), 7 * 3600);
    }

    void invalidDateGivesEmptyText()
    {
        QVERIFY(ThaiDate::format(QDateTime(), QLocale::Thai).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThaiDate)
#include "test_thaidate.moc"
