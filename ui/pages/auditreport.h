#pragma once

// The audit trail as a PDF for auditors (Qt's PDF writer): A4 landscape, a
// heading with what was exported, by whom and when, the records in a table
// whose rows wrap rather than cut a word, "page N of M" on every page, and
// signature lines for the preparer and the reviewing auditor at the end.
// Runs on any thread (QPainter on a QPdfWriter); the texts arrive
// translated.

#include "core/node/interface.h"

#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QIODevice;
class QPaintDevice;
class QPainter;

namespace gtx::ui {

struct AuditReportTexts
{
    QString title;
    QStringList heading;       // lines under the title: the filter, who, when
    QStringList columns;       // No., Time, Who, Action, Reason, Details, Signed with
    QString pageOf;            // "Page %1 of %2"
    QStringList signatureLines;   // "Prepared by", "Reviewed by (auditor)"
    QString dateLabel;         // "Date"
    QString none;              // shown when no record matches
};

// One row of cells per record, in the columns' order (already formatted).
using AuditReportRows = std::vector<QStringList>;

// Writes the report to `device`; false when the painter could not start.
bool writeAuditReport(QIODevice *device, const AuditReportTexts &texts, const AuditReportRows &rows);
// Paints the report on an open painter over `device` (a page of
// `pageSize` points); `newPage` turns the page, or returns false to stop
// (a preview of the first page). Returns the pages painted.
int paintAuditReport(QPainter &painter, QPaintDevice *device, QSizeF pageSize, const std::function<bool()> &newPage,
                     const AuditReportTexts &texts, const AuditReportRows &rows);

} // namespace gtx::ui
