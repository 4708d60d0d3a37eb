#include "ui/pages/auditreport.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPaintDevice>
#include <QPdfWriter>

#include <algorithm>
#include <array>

namespace gtx::ui {

namespace {

// Column widths as shares of the table's width: No., Time, Who, Action,
// Reason, Details, Signed with.
constexpr std::array<double, 7> kShares = {0.05, 0.14, 0.14, 0.13, 0.18, 0.24, 0.12};
constexpr double kPad = 3.0;   // points inside a cell

// Machine text (keys, hashes, role lists) has no spaces to wrap at: a
// zero-width space after each comma, and every 16 characters of a long run,
// lets it wrap without running out of its cell.
QStringList breakable(const QStringList &cells)
{
    QStringList out;
    for (const QString &cell : cells) {
        QString text;
        int run = 0;
        for (const QChar c : cell) {
            run = c.isSpace() ? 0 : run + 1;
            text += c;
            if (c == QLatin1Char(',') && run > 1) {
                text += QChar(0x200B);   // a list wraps after its commas first
                run = 0;
            } else if (run >= 16 && c.isLetterOrNumber() && c.unicode() < 0x80) {
                text += QChar(0x200B);
                run = 0;
            }
        }
        out << text;
    }
    return out;
}

struct Layout
{
    std::vector<double> heights;          // per row
    std::vector<std::size_t> pageStarts;  // first row of each page
};

} // namespace

bool writeAuditReport(QIODevice *device, const AuditReportTexts &texts, const AuditReportRows &rows)
{

    QPdfWriter writer(device);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    writer.setResolution(72);   // one unit is one point
    writer.setTitle(texts.title);
    writer.setCreator(QStringLiteral("GridTokenX"));
    QPainter p;
    if (!p.begin(&writer))
        return false;
    paintAuditReport(p, &writer, QSizeF(writer.width(), writer.height()), [&writer]() { return writer.newPage(); },
                     texts, rows);
    return p.end();
}

int paintAuditReport(QPainter &p, QPaintDevice *device, QSizeF pageSize, const std::function<bool()> &newPage,
                     const AuditReportTexts &texts, const AuditReportRows &input)
{
    AuditReportRows rows;
    rows.reserve(input.size());
    for (const QStringList &row : input)
        rows.push_back(breakable(row));
    auto &writer = *device;
    const QRectF page = QRectF(QPointF(0, 0), pageSize);
    // Thai and Latin in one face (the console's own, set by the style).
    QFont body = p.font();
    body.setPointSizeF(8.0);
    QFont bold = body;
    bold.setBold(true);
    QFont titleFont = body;
    titleFont.setPointSizeF(14.0);
    titleFont.setBold(true);
    const QFontMetricsF bodyMetrics(body, &writer);
    const double lineH = bodyMetrics.lineSpacing();
    const double footerH = lineH * 2;

    std::vector<double> widths;
    for (double share : kShares)
        widths.push_back(page.width() * share);
    auto cellHeight = [&](const QStringList &cells, const QFont &font) {
        const QFontMetricsF m(font, &writer);
        double h = lineH;
        for (int c = 0; c < cells.size() && c < int(widths.size()); ++c) {
            const QRectF r = m.boundingRect(QRectF(0, 0, widths[std::size_t(c)] - 2 * kPad, 1e6),
                                            Qt::TextWordWrap, cells[c]);
            h = std::max(h, r.height());
        }
        return h + 2 * kPad;
    };

    // The heading's height (first page only) and the table header's.
    const double headingH = QFontMetricsF(titleFont, &writer).lineSpacing() + lineH * (texts.heading.size() + 1);
    const double headerH = cellHeight(texts.columns, bold);
    const double signaturesH = lineH * 4 * texts.signatureLines.size();

    // Pass 1: where pages break.
    Layout layout;
    double y = headingH + headerH;
    layout.pageStarts.push_back(0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double h = cellHeight(rows[i], body);
        layout.heights.push_back(h);
        if (y + h > page.height() - footerH && i > layout.pageStarts.back()) {
            layout.pageStarts.push_back(i);
            y = headerH;
        }
        y += h;
    }
    const bool signaturesOwnPage = y + signaturesH > page.height() - footerH;
    const int pages = int(layout.pageStarts.size()) + (signaturesOwnPage ? 1 : 0);

    auto drawRow = [&](const QStringList &cells, double top, double h, const QFont &font, bool shade) {
        p.setFont(font);
        double x = 0;
        if (shade)
            p.fillRect(QRectF(0, top, page.width(), h), QColor(0xE8, 0xE8, 0xE8));
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const QRectF cell(x, top, widths[c], h);
            p.setPen(QColor(0xA0, 0xA0, 0xA0));
            p.drawRect(cell);
            p.setPen(Qt::black);
            if (int(c) < cells.size())
                p.drawText(cell.adjusted(kPad, kPad, -kPad, -kPad), Qt::TextWordWrap, cells[int(c)]);
            x += widths[c];
        }
    };
    auto drawFooter = [&](int number) {
        p.setFont(body);
        p.setPen(Qt::black);
        p.drawText(QRectF(0, page.height() - lineH, page.width(), lineH), Qt::AlignRight,
                   texts.pageOf.arg(number).arg(pages));
        p.drawText(QRectF(0, page.height() - lineH, page.width(), lineH), Qt::AlignLeft, texts.title);
    };

    // Pass 2: paint.
    for (std::size_t pg = 0; pg < layout.pageStarts.size(); ++pg) {
        if (pg > 0 && !newPage())
            return int(pg);
        double top = 0;
        if (pg == 0) {
            p.setFont(titleFont);
            p.setPen(Qt::black);
            const double titleH = QFontMetricsF(titleFont, &writer).lineSpacing();
            p.drawText(QRectF(0, 0, page.width(), titleH), Qt::AlignLeft, texts.title);
            top = titleH;
            p.setFont(body);
            for (const QString &line : texts.heading) {
                p.drawText(QRectF(0, top, page.width(), lineH), Qt::AlignLeft, line);
                top += lineH;
            }
            top += lineH;
        }
        drawRow(texts.columns, top, headerH, bold, true);
        top += headerH;
        const std::size_t end = pg + 1 < layout.pageStarts.size() ? layout.pageStarts[pg + 1] : rows.size();
        for (std::size_t i = layout.pageStarts[pg]; i < end; ++i) {
            drawRow(rows[i], top, layout.heights[i], body, false);
            top += layout.heights[i];
        }
        if (rows.empty()) {
            p.setFont(body);
            p.drawText(QRectF(0, top + kPad, page.width(), lineH), Qt::AlignLeft, texts.none);
            top += lineH * 2;
        }
        if (pg + 1 == layout.pageStarts.size()) {
            if (signaturesOwnPage) {
                drawFooter(int(pg) + 1);
                if (!newPage())
                    return pages - 1;
                top = 0;
            }
            p.setFont(body);
            top += lineH * 2;
            for (const QString &who : texts.signatureLines) {
                const double line = top + lineH * 2;
                p.drawText(QRectF(0, top, page.width() * 0.3, lineH * 2), Qt::AlignLeft | Qt::AlignBottom, who);
                p.drawLine(QPointF(page.width() * 0.3, line), QPointF(page.width() * 0.6, line));
                p.drawText(QRectF(page.width() * 0.62, top, page.width() * 0.1, lineH * 2), Qt::AlignLeft | Qt::AlignBottom,
                           texts.dateLabel);
                p.drawLine(QPointF(page.width() * 0.72, line), QPointF(page.width() * 0.9, line));
                top += lineH * 4;
            }
            drawFooter(pages);
        } else {
            drawFooter(int(pg) + 1);
        }
    }
    return pages;
}

} // namespace gtx::ui
