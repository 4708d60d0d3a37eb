#pragma once

// Dates and times as operators in Thailand read them: always in Bangkok time
// (UTC+7, no daylight saving), and in Thai with the Buddhist Era year.
//
//   Thai:     "24 <Thai short month> 2569 14:05:09"   (BE = CE + 543, Arabic digits)
//   English:  "24 Nov 2026 14:05:09 ICT"
//
// Qt 6.4 has no Buddhist calendar, so the year is substituted here; the Thai
// month names come from QLocale(QLocale::Thai).

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <cstdint>

namespace gtx::ui {

class ThaiDate
{
public:
    static constexpr int kBuddhistEraOffset = 543;

    // Asia/Bangkok from the zone database, or a fixed UTC+7 offset when the
    // database is missing (Thailand keeps no daylight saving).
    static QTimeZone bangkok();

    // CE year -> BE year.
    static int buddhistYear(int gregorianYear) { return gregorianYear + kBuddhistEraOffset; }

    // Formats an instant (any time spec) in Bangkok time. Thai for
    // QLocale::Thai, English for every other language. An invalid date gives
    // an empty string.
    static QString format(const QDateTime &instant, QLocale::Language language);
    static QString formatUtcMs(std::int64_t utcMs, QLocale::Language language);
    // The time of day only, in Bangkok time: "14:05:09" and the Thai hour marker (Thai, the
    // glossary's hour marker), "14:05:09 ICT" (English). For tables where
    // the day is obvious; the full form belongs in their tooltips.
    static QString formatTimeUtcMs(std::int64_t utcMs, QLocale::Language language);
};

} // namespace gtx::ui
