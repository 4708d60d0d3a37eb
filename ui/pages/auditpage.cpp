#include "ui/pages/auditpage.h"

#include "ui/models/auditmodel.h"
#include "ui/models/operatormodel.h"
#include "ui/nodetask.h"
#include "ui/pages/auditreport.h"
#include "ui/style/hmistyle.h"
#include "ui/style/thaidate.h"
#include "ui/widgets/compacttableview.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>
#include <string>

namespace gtx::ui {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
// The period choices, in the combo's order: all, then the last N hours.
constexpr std::int64_t kPeriodHours[] = {0, 24, 24 * 7, 24 * 30};

struct Collected
{
    std::vector<interfaces::AuditRow> rows;
    QString error;
    bool truncated = false;
};

Collected collect(interfaces::Node *node, const interfaces::AuditFilter &filter, std::size_t max)
{
    Collected out;
    std::uint64_t before = 0;
    do {
        auto page = node->audit().query(filter, before, interfaces::AuditView::kMaxAuditPage);
        if (!page) {
            out.error = QString::fromStdString(page.error().message);
            return out;
        }
        out.rows.insert(out.rows.end(), page->rows.begin(), page->rows.end());
        before = page->nextBefore;
        if (out.rows.size() >= max) {
            out.truncated = before != 0;
            out.rows.resize(max);
            break;
        }
    } while (before != 0);
    return out;
}

QString filterText(const interfaces::AuditFilter &f)
{
    QStringList parts;
    if (f.fromMs != 0)
        parts << QStringLiteral("from=") + QDateTime::fromMSecsSinceEpoch(f.fromMs, Qt::UTC).toString(Qt::ISODate);
    if (f.toMs != 0)
        parts << QStringLiteral("to=") + QDateTime::fromMSecsSinceEpoch(f.toMs, Qt::UTC).toString(Qt::ISODate);
    if (!f.actor.empty())
        parts << QStringLiteral("actor=") + QString::fromStdString(f.actor);
    if (!f.action.empty())
        parts << QStringLiteral("action=") + QString::fromStdString(f.action);
    if (!f.zone.empty())
        parts << QStringLiteral("zone=") + QString::fromStdString(f.zone);
    return parts.isEmpty() ? QStringLiteral("all") : parts.join(QLatin1Char(' '));
}

} // namespace

AuditPage::AuditPage(QWidget *parent) : QWidget(parent)
{
    m_model = new AuditTableModel(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    m_introLabel->setProperty("muted", true);

    m_periodLabel = new QLabel(this);
    m_periodCombo = new QComboBox(this);
    m_periodCombo->setObjectName(QStringLiteral("periodCombo"));
    for (std::size_t i = 0; i < std::size(kPeriodHours); ++i)
        m_periodCombo->addItem(QString());
    m_periodLabel->setBuddy(m_periodCombo);
    m_actorLabel = new QLabel(this);
    m_actorCombo = new QComboBox(this);
    m_actorCombo->setObjectName(QStringLiteral("actorCombo"));
    m_actorCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_actorCombo->addItem(QString(), QString());
    m_actorLabel->setBuddy(m_actorCombo);
    m_actionLabel = new QLabel(this);
    m_actionEdit = new QLineEdit(this);
    m_actionEdit->setObjectName(QStringLiteral("actionEdit"));
    m_actionEdit->setMaxLength(64);
    m_actionLabel->setBuddy(m_actionEdit);
    m_zoneLabel = new QLabel(this);
    m_zoneEdit = new QLineEdit(this);
    m_zoneEdit->setObjectName(QStringLiteral("zoneEdit"));
    m_zoneEdit->setMaxLength(32);
    m_zoneLabel->setBuddy(m_zoneEdit);
    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_periodLabel);
    filters->addWidget(m_periodCombo);
    filters->addSpacing(8);
    filters->addWidget(m_actorLabel);
    filters->addWidget(m_actorCombo);
    filters->addSpacing(8);
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_actionEdit, 1);
    filters->addSpacing(8);
    filters->addWidget(m_zoneLabel);
    filters->addWidget(m_zoneEdit, 1);
    filters->addWidget(m_searchButton);

    m_view = makeCompactTableView(this, "auditView");
    m_view->setModel(m_model);
    // Details can be long (keys, lists): a fixed width, elided, whole in
    // the tooltip; the signature column takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(AuditTableModel::Details, QHeaderView::Fixed);
    m_view->horizontalHeader()->resizeSection(AuditTableModel::Details, 200);
    m_view->horizontalHeader()->setSectionResizeMode(AuditTableModel::Reason, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(AuditTableModel::Reason, 140);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);

    m_newerButton = new QPushButton(this);
    m_newerButton->setObjectName(QStringLiteral("newerButton"));
    m_olderButton = new QPushButton(this);
    m_olderButton->setObjectName(QStringLiteral("olderButton"));
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_noteButton = new QPushButton(this);
    m_noteButton->setObjectName(QStringLiteral("noteButton"));
    m_csvButton = new QPushButton(this);
    m_csvButton->setObjectName(QStringLiteral("csvButton"));
    m_pdfButton = new QPushButton(this);
    m_pdfButton->setObjectName(QStringLiteral("pdfButton"));
    auto *paging = new QHBoxLayout;
    paging->addWidget(m_newerButton);
    paging->addWidget(m_olderButton);
    paging->addWidget(m_pageLabel, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_verifyButton);
    actions->addWidget(m_noteButton);
    actions->addWidget(m_csvButton);
    actions->addWidget(m_pdfButton);
    actions->addStretch(1);

    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(200);
    auto *busy = new QHBoxLayout;
    busy->addWidget(m_busyLabel);
    busy->addWidget(m_busyBar);
    busy->addStretch(1);
    m_busyLabel->setVisible(false);
    m_busyBar->setVisible(false);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("resultLabel"));
    m_resultLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(paging);
    layout->addLayout(actions);
    layout->addLayout(busy);
    layout->addWidget(m_resultLabel);

    connect(m_searchButton, &QPushButton::clicked, this, &AuditPage::search);
    connect(m_actionEdit, &QLineEdit::returnPressed, this, &AuditPage::search);
    connect(m_zoneEdit, &QLineEdit::returnPressed, this, &AuditPage::search);
    connect(m_newerButton, &QPushButton::clicked, this, [this]() {
        if (m_newer.empty())
            return;
        const std::uint64_t before = m_newer.back();
        m_newer.pop_back();
        loadPage(before);
    });
    connect(m_olderButton, &QPushButton::clicked, this, [this]() {
        if (m_next == 0)
            return;
        m_newer.push_back(m_before);
        loadPage(m_next);
    });
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPage::verifyIntegrity);
    connect(m_noteButton, &QPushButton::clicked, this, &AuditPage::addNote);
    connect(m_csvButton, &QPushButton::clicked, this, [this]() { chooseExport(false); });
    connect(m_pdfButton, &QPushButton::clicked, this, [this]() { chooseExport(true); });
    retranslateUi();
    setOperator(nullptr, {});
}

AuditPage::~AuditPage() = default;

void AuditPage::setOperator(interfaces::Node *node, const interfaces::OperatorSession &session)
{
    const bool newNode = node != m_node;
    m_node = node;
    m_session = session;
    const bool signedIn = !session.token.empty();
    const bool mayExport = interfaces::roleAllows(session.roles, interfaces::Permission::ExportAudit);
    m_csvButton->setVisible(mayExport);
    m_pdfButton->setVisible(mayExport);
    m_noteButton->setVisible(signedIn && interfaces::roleAllows(session.roles, interfaces::Permission::AnnotateAudit));
    m_searchButton->setEnabled(node != nullptr);
    m_verifyButton->setEnabled(node != nullptr);
    if (node && (newNode || signedIn)) {
        refreshOperatorChoices();
        search();
    }
    showPageLabel();
}

interfaces::AuditFilter AuditPage::filter() const
{
    interfaces::AuditFilter f;
    const int period = std::max(0, m_periodCombo->currentIndex());
    if (kPeriodHours[period] != 0)
        f.fromMs = QDateTime::currentMSecsSinceEpoch() - kPeriodHours[period] * kHourMs;
    f.actor = m_actorCombo->currentData().toString().toStdString();
    f.action = m_actionEdit->text().trimmed().toStdString();
    f.zone = m_zoneEdit->text().trimmed().toStdString();
    return f;
}

void AuditPage::search()
{
    m_newer.clear();
    loadPage(0);
}

void AuditPage::loadPage(std::uint64_t before)
{
    if (!m_node || m_busy)
        return;
    //: Shown while a page of the audit trail is read.
    setBusy(true, tr("Reading the audit trail..."));
    interfaces::Node *node = m_node;
    const interfaces::AuditFilter f = filter();
    runNodeTask(
        this, [node, f, before]() { return node->audit().query(f, before, kPageRows); },
        [this, f, before](const Result<interfaces::AuditPage> &page) {
            setBusy(false, {});
            if (!page) {
                const QString why = QString::fromStdString(page.error().message);
                //: The audit trail could not be read; %1 the node's reason.
                m_resultLabel->setText(tr("The audit trail could not be read: %1").arg(why));
                HmiStyle::setState(m_resultLabel, HmiState::AlarmMedium);
                return;
            }
            m_before = before;
            m_next = page->nextBefore;
            m_total = page->total;
            m_shownFilter = f;
            m_model->setRows(page->rows);
            showPageLabel();
        });
}

void AuditPage::showPageLabel()
{
    m_newerButton->setEnabled(!m_busy && !m_newer.empty());
    m_olderButton->setEnabled(!m_busy && m_next != 0);
    if (!m_node) {
        //: Audit page before the ledger is open.
        m_pageLabel->setText(tr("The ledger is not open."));
        return;
    }
    const int shown = m_model->rowCount();
    const QLocale locale;
    if (shown == 0) {
        //: Audit page: nothing matches the filter; %1 the records in the trail.
        m_pageLabel->setText(tr("No record matches, of %1 in the trail.").arg(locale.toString(qulonglong(m_total))));
        return;
    }
    const interfaces::AuditRow *newest = m_model->rowAt(0);
    const interfaces::AuditRow *oldest = m_model->rowAt(shown - 1);
    //: Audit page: the page shown; %1 page number, %2 and %3 the record numbers shown (newest, oldest), %4 records in the trail.
    m_pageLabel->setText(tr("Page %1: records %2 to %3, of %4 in the trail")
                             .arg(int(m_newer.size()) + 1)
                             .arg(newest->sequence)
                             .arg(oldest->sequence)
                             .arg(locale.toString(qulonglong(m_total))));
}

void AuditPage::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    for (QPushButton *b : {m_searchButton, m_verifyButton, m_csvButton, m_pdfButton, m_noteButton})
        b->setEnabled(!busy && m_node);
    showPageLabel();
}

void AuditPage::refreshOperatorChoices()
{
    interfaces::Node *node = m_node;
    runNodeTask(
        this, [node]() { return node->operators().list(); },
        [this](const std::vector<interfaces::OperatorRow> &rows) {
            const QString current = m_actorCombo->currentData().toString();
            while (m_actorCombo->count() > 1)
                m_actorCombo->removeItem(1);
            for (const auto &r : rows)
                m_actorCombo->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.displayName),
                                                                    QString::fromStdString(r.id)),
                                      QString::fromStdString(r.id));
            m_actorCombo->setCurrentIndex(std::max(0, m_actorCombo->findData(current)));
        });
}

void AuditPage::verifyIntegrity()
{
    if (!m_node || m_busy)
        return;
    //: Shown while the whole ledger is checked.
    setBusy(true, tr("Verifying: reading every block and every audit record..."));
    interfaces::Node *node = m_node;
    const std::string token = m_session.token;
    runNodeTask(
        this,
        [node, token]() {
            auto result = node->audit().verify();
            if (result && !token.empty()) {
                // Who checked, and what they found, is part of the trail.
                (void)node->operators().recordAction(
                    token, interfaces::Permission::AnnotateAudit, "audit.verified", "",
                    std::string("ok=") + (result->ok ? "true" : "false") + " records=" + std::to_string(result->records));
            }
            return result;
        },
        [this](const Result<interfaces::AuditVerification> &result) {
            setBusy(false, {});
            if (!result) {
                m_haveVerification = false;
                m_verifyError = QString::fromStdString(result.error().message);
            } else {
                m_haveVerification = true;
                m_verifyError.clear();
                m_verification = *result;
            }
            retranslateUi();
            emit verified(result && result->ok);
            search();   // the check's own record
        });
}

void AuditPage::addNote()
{
    if (!m_node || m_session.token.empty())
        return;
    bool ok = false;
    //: Title of the dialog that adds a note to the audit trail.
    const QString title = tr("Add a note to the audit trail");
    //: Prompt of the note dialog.
    const QString prompt = tr("Note (recorded with your name, signed with your key):");
    const QString note = QInputDialog::getText(this, title, prompt, QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || note.isEmpty())
        return;
    interfaces::Node *node = m_node;
    const std::string token = m_session.token;
    const std::string text = note.left(1000).toStdString();
    runNodeTask(
        this,
        [node, token, text]() {
            return node->operators().recordAction(token, interfaces::Permission::AnnotateAudit, "audit.note", text, "");
        },
        [this](const Status &status) {
            if (!status) {
                //: The note was refused; %1 the node's reason.
                m_resultLabel->setText(tr("The note was not recorded: %1")
                                           .arg(QString::fromStdString(status.error().message)));
                HmiStyle::setState(m_resultLabel, HmiState::AlarmMedium);
                return;
            }
            search();
        });
}

void AuditPage::chooseExport(bool pdf)
{
    const QString base = QStringLiteral("audit-trail-") + QDate::currentDate().toString(Qt::ISODate);
    const QString path = QFileDialog::getSaveFileName(
        this,
        //: Save dialog title for the audit trail export.
        tr("Export the audit trail"), base + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".csv")),
        pdf ?
            //: File type filter.
            tr("PDF files (*.pdf)") :
            //: File type filter.
            tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, pdf);
}

void AuditPage::exportTo(const QString &path, bool pdf)
{
    if (!m_node || m_busy)
        return;
    //: Shown while the export is read and written.
    setBusy(true, tr("Exporting..."));
    const interfaces::AuditFilter f = filter();
    const AuditReportTexts texts = reportTexts(f);
    interfaces::Node *node = m_node;
    const std::string token = m_session.token;
    const QString filterMachine = filterText(f);
    runNodeTask(
        this,
        [node, token, f, path, pdf, texts, filterMachine]() -> QString {
            Collected got = collect(node, f, kMaxExportRows);
            if (!got.error.isEmpty())
                return QStringLiteral("read:") + got.error;
            // Written aside, recorded in the trail, then put in place.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return QStringLiteral("file:") + file.errorString();
            if (pdf) {
                if (!writeAuditReport(&file, texts, reportRows(got.rows)))
                    return QStringLiteral("file:PDF");
            } else {
                const QByteArray csv = auditCsv(got.rows);
                if (file.write(csv) != csv.size())
                    return QStringLiteral("file:") + file.errorString();
            }
            const std::string details = std::string("format=") + (pdf ? "pdf" : "csv") + " records="
                                        + std::to_string(got.rows.size()) + (got.truncated ? " truncated" : "")
                                        + " filter=" + filterMachine.toStdString() + " file=" + path.toStdString();
            const Status audited = node->operators().recordAction(token, interfaces::Permission::ExportAudit,
                                                                  "audit.exported", "auditor export", details);
            if (!audited) {
                file.cancelWriting();
                return QStringLiteral("audit:") + QString::fromStdString(audited.error().message);
            }
            if (!file.commit())
                return QStringLiteral("file:") + file.errorString();
            return QStringLiteral("ok:") + QString::number(got.rows.size()) + (got.truncated ? QStringLiteral("+") : QString());
        },
        [this, path](const QString &outcome) {
            setBusy(false, {});
            const QString rest = outcome.mid(outcome.indexOf(QLatin1Char(':')) + 1);
            QString message;
            const bool ok = outcome.startsWith(QLatin1String("ok:"));
            if (ok) {
                const bool truncated = rest.endsWith(QLatin1Char('+'));
                const int count = QStringView(rest).left(rest.size() - (truncated ? 1 : 0)).toInt();
                //: The export succeeded; %n records, %1 the file's name.
                message = tr("Exported %n record(s) to %1.", nullptr, count).arg(QFileInfo(path).fileName());
                if (truncated)
                    //: Added when the export stopped at its limit; %1 the limit.
                    message += QLatin1Char(' ') + tr("It stopped at %1 records: narrow the filter for the rest.")
                                                      .arg(QLocale().toString(qulonglong(kMaxExportRows)));
            } else if (outcome.startsWith(QLatin1String("audit:"))) {
                //: The export was refused because the audit trail did not take its record; %1 why.
                message = tr("Not exported: the audit trail refused the entry: %1").arg(rest);
            } else if (outcome.startsWith(QLatin1String("read:"))) {
                //: The trail could not be read for the export; %1 why.
                message = tr("Not exported: the audit trail could not be read: %1").arg(rest);
            } else {
                //: The export file could not be written; %1 why.
                message = tr("Export failed: %1").arg(rest);
            }
            m_resultLabel->setText(message);
            HmiStyle::setState(m_resultLabel, ok ? HmiState::Normal : HmiState::AlarmMedium);
            emit exported(ok, message);
            if (ok)
                search();   // the export's own record
        });
}

AuditReportTexts AuditPage::reportTexts(const interfaces::AuditFilter &f) const
{
    const QLocale::Language language = QLocale().language();
    AuditReportTexts texts;
    //: Title of the exported audit report.
    texts.title = tr("GridTokenX audit trail");
    //: Report heading: the filter used (machine form).
    texts.heading << tr("Filter: %1").arg(filterText(f));
    //: Report heading: who exported it (%1 name, %2 id) and when (%3).
    texts.heading << tr("Exported by %1 (%2) on %3")
                         .arg(QString::fromStdString(m_session.displayName), QString::fromStdString(m_session.id),
                              ThaiDate::formatUtcMs(QDateTime::currentMSecsSinceEpoch(), language));
    for (int c = AuditTableModel::Sequence; c < AuditTableModel::ColumnCount; ++c)
        texts.columns << m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    //: Report footer: page %1 of %2.
    texts.pageOf = tr("Page %1 of %2");
    //: Report signature line: who prepared the export.
    texts.signatureLines << tr("Prepared by");
    //: Report signature line: the auditor who reviewed it.
    texts.signatureLines << tr("Reviewed by (auditor)");
    //: Report signature line: the date written by hand.
    texts.dateLabel = tr("Date");
    //: Report: no record matched the filter.
    texts.none = tr("No record matches the filter.");

    return texts;
}

AuditReportRows AuditPage::reportRows(const std::vector<interfaces::AuditRow> &rows)
{
    AuditReportRows out;
    AuditTableModel formatter;
    formatter.setRows(rows);
    for (int r = 0; r < formatter.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < AuditTableModel::ColumnCount; ++c)
            cells << formatter.data(formatter.index(r, c), Qt::DisplayRole).toString();
        out.push_back(cells);
    }
    return out;
}

QImage AuditPage::reportPreview() const
{
    // A4 landscape less the margins, in points, at twice the resolution.
    const QSizeF points(841.9 - 2 * 42.5, 595.3 - 2 * 42.5);
    QImage image((points * 2).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    // 72 dots per inch, so that a point is a unit, as on the PDF writer;
    // the painter's scale doubles it.
    image.setDotsPerMeterX(int(72 / 0.0254));
    image.setDotsPerMeterY(int(72 / 0.0254));
    QPainter painter(&image);
    painter.scale(2, 2);
    std::vector<interfaces::AuditRow> rows;
    for (int r = 0; r < m_model->rowCount(); ++r)
        rows.push_back(*m_model->rowAt(r));
    paintAuditReport(painter, &image, points, []() { return false; }, reportTexts(m_shownFilter), reportRows(rows));
    return image;
}

void AuditPage::retranslateUi()
{
    //: Title of the Audit page.
    m_titleLabel->setText(tr("Audit trail"));
    //: Audit page: what it holds and how it is kept.
    m_introLabel->setText(tr("Every operator action and the node's own records, newest first. Each record is "
                             "signed with the key of whoever wrote it and chained to the one before, so an "
                             "edit or a deletion is found by \"Verify integrity\"."));
    //: Audit filter: the period.
    m_periodLabel->setText(tr("&Period:"));
    //: Audit period: every record.
    m_periodCombo->setItemText(0, tr("All"));
    //: Audit period.
    m_periodCombo->setItemText(1, tr("Last 24 hours"));
    //: Audit period.
    m_periodCombo->setItemText(2, tr("Last 7 days"));
    //: Audit period.
    m_periodCombo->setItemText(3, tr("Last 30 days"));
    //: Audit filter: who acted.
    m_actorLabel->setText(tr("&Operator:"));
    //: Audit filter: any operator or the node.
    m_actorCombo->setItemText(0, tr("Anyone"));
    //: Audit filter: the action, exact or a prefix ending in a dot.
    m_actionLabel->setText(tr("A&ction:"));
    //: Placeholder of the action filter.
    m_actionEdit->setPlaceholderText(tr("e.g. operator. or emergency."));
    //: Audit filter: a zone code named in the record.
    m_zoneLabel->setText(tr("&Zone:"));
    //: Placeholder of the zone filter.
    m_zoneEdit->setPlaceholderText(tr("e.g. PEA-S"));
    //: Button: run the filter from the newest record.
    m_searchButton->setText(tr("&Search"));
    //: Button: the page of newer records.
    m_newerButton->setText(tr("< &Newer"));
    //: Button: the page of older records.
    m_olderButton->setText(tr("O&lder >"));
    //: Button: check the hash chains and signatures of the whole ledger.
    m_verifyButton->setText(tr("&Verify integrity"));
    //: Button: add a note to the trail.
    m_noteButton->setText(tr("Add &note..."));
    //: Button: export what the filter matches as CSV.
    m_csvButton->setText(tr("Export &CSV..."));
    //: Button: export what the filter matches as a PDF report.
    m_pdfButton->setText(tr("Export P&DF..."));
    m_model->retranslate();
    showPageLabel();

    if (!m_verifyError.isEmpty()) {
        //: Verification could not run; %1 why.
        m_resultLabel->setText(tr("Integrity could not be checked: %1").arg(m_verifyError));
        HmiStyle::setState(m_resultLabel, HmiState::AlarmMedium);
    } else if (m_haveVerification) {
        const QLocale locale;
        const QString when = ThaiDate::formatUtcMs(m_verification.checkedAtMs, locale.language());
        if (m_verification.ok) {
            //: Verification passed; %1 records, %2 blocks, %3 when.
            QString text = tr("Intact: the chain of %1 records is complete and unaltered, every signature holds, "
                              "and the %2 blocks chain correctly (checked %3).")
                               .arg(locale.toString(qulonglong(m_verification.records)))
                               .arg(locale.toString(qulonglong(m_verification.blocks)))
                               .arg(when);
            if (m_verification.unsignedRecords > 0)
                //: Added when old records carry no signature; %1 how many.
                text += QLatin1Char(' ') + tr("The first %1 records were written before records were signed.")
                                               .arg(locale.toString(qulonglong(m_verification.unsignedRecords)));
            m_resultLabel->setText(text);
            HmiStyle::setState(m_resultLabel, HmiState::Normal);
        } else {
            //: Verification failed; %1 the first problem (the node's words), %2 when. Tells what to do.
            m_resultLabel->setText(tr("NOT intact: %1 (checked %2). Do not rely on this ledger: keep it as it is "
                                      "and report it to the administrator and the auditors.")
                                       .arg(QString::fromStdString(m_verification.problem), when));
            HmiStyle::setState(m_resultLabel, HmiState::AlarmHigh);
        }
    }
}

void AuditPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
