#include "ui/style/thaidate.h"

namespace gtx::ui {

QTimeZone ThaiDate::bangkok()
{
    static const QTimeZone zone = [] {
        QTimeZone tz(QByteArrayLiteral("Asia/Bangkok"));
        return tz.isValid() ? tz : QTimeZone(7 * 3600);
    }();
    return zone;
}

QString ThaiDate::format(const QDateTime &instant, QLocale::Language language)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(bangkok());
    const QDate date = local.date();
    const QString time = local.time().toString(QStringLiteral("HH:mm:ss"));

    if (language == QLocale::Thai) {
        const QLocale thai(QLocale::Thai, QLocale::Thailand);
        return QStringLiteral("%1 %2 %3 %4")
            .arg(date.day())
            .arg(thai.monthName(date.month(), QLocale::ShortFormat))
            .arg(buddhistYear(date.year()))
            .arg(time);
    }
    // "ICT" (Indochina Time) is the zone's standard abbreviation, part of the
    // date format rather than prose, so it is not translated.
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return QStringLiteral("%1 %2 %3 %4 ICT")
        .arg(date.day())
        .arg(english.monthName(date.month(), QLocale::ShortFormat))
        .arg(date.year())
        .arg(time);
}

QString ThaiDate::formatUtcMs(std::int64_t utcMs, QLocale::Language language)
{
    return format(QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc()), language);
}

QString ThaiDate::formatTimeUtcMs(std::int64_t utcMs, QLocale::Language language)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc()).toTimeZone(bangkok());
    const QString time = local.time().toString(QStringLiteral("HH:mm:ss"));
    // U+0E19 U+002E: the Thai abbreviation of "hours" (as in 14:05:09 <that>).
    return language == QLocale::Thai ? time + QStringLiteral(" \u0e19.") : time + QStringLiteral(" ICT");
}

} // namespace gtx::ui
