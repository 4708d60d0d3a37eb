#pragma once

// The console's CSV exports (slashing cases, the audit trail): one quoting
// rule, and times in ISO 8601 UTC for spreadsheets.

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace gtx::ui {

// A quoted field. Text that a spreadsheet would take for a formula (it
// starts with = + - @, a tab or a carriage return) gets a leading
// apostrophe: the texts come from anyone who writes a reason or an appeal.
QByteArray csvField(const QString &value);
// "2026-12-04T21:00:00Z"; empty for 0.
QString isoUtc(std::int64_t ms);

} // namespace gtx::ui
