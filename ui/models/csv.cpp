#include "ui/models/csv.h"

#include <QDateTime>

namespace gtx::ui {

QByteArray csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + v.toUtf8() + '"';
}

QString isoUtc(std::int64_t ms)
{
    return ms == 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace gtx::ui
