#pragma once

// Audit: the append-only trail of operator actions and the node's own
// records, newest first, filtered by period, operator, action and zone and
// read a page at a time (it grows for years); "Verify integrity" checks the
// whole ledger's hash chains and signatures and says plainly what it found;
// anyone signed in adds a note; supervisors, auditors and administrators
// export what the filter matches to CSV or PDF (Buddhist-Era dates, page
// numbers, signature lines), each export recorded in the trail first.
//
// Every read runs off the GUI thread; the page shows that it is working.

#include "core/node/interface.h"
#include "ui/pages/auditreport.h"

#include <QImage>

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace gtx::ui {

class AuditTableModel;

class AuditPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::size_t kPageRows = 200;
    static constexpr std::size_t kMaxExportRows = 200'000;

    explicit AuditPage(QWidget *parent = nullptr);
    ~AuditPage() override;

    void setOperator(interfaces::Node *node, const interfaces::OperatorSession &session);
    AuditTableModel *model() const { return m_model; }
    interfaces::AuditFilter filter() const;
    bool isBusy() const { return m_busy; }

    // Runs the filter from the newest record (what Search does).
    void search();
    void verifyIntegrity();
    // Writes what the filter matches; `pdf` picks the format. Recorded in
    // the trail before the file is put in place.
    void exportTo(const QString &path, bool pdf);

    // The first page of the PDF report of the records shown (screenshots).
    QImage reportPreview() const;

signals:
    void exported(bool ok, const QString &message);
    void verified(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadPage(std::uint64_t before);
    void showPageLabel();
    void setBusy(bool busy, const QString &what);
    void refreshOperatorChoices();
    void chooseExport(bool pdf);
    void addNote();
    AuditReportTexts reportTexts(const interfaces::AuditFilter &filter) const;
    static AuditReportRows reportRows(const std::vector<interfaces::AuditRow> &rows);

    interfaces::Node *m_node = nullptr;
    interfaces::OperatorSession m_session;
    AuditTableModel *m_model = nullptr;
    bool m_busy = false;
    // The page shown starts before m_before; m_newer holds the starts of
    // the newer pages visited, m_next where the older page starts (0: none).
    std::uint64_t m_before = 0;
    std::vector<std::uint64_t> m_newer;
    std::uint64_t m_next = 0;
    std::uint64_t m_total = 0;
    interfaces::AuditFilter m_shownFilter;
    interfaces::AuditVerification m_verification;
    bool m_haveVerification = false;
    QString m_verifyError;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_periodCombo = nullptr;
    QLabel *m_actorLabel = nullptr;
    QComboBox *m_actorCombo = nullptr;
    QLabel *m_actionLabel = nullptr;
    QLineEdit *m_actionEdit = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QLineEdit *m_zoneEdit = nullptr;
    QPushButton *m_searchButton = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_newerButton = nullptr;
    QPushButton *m_olderButton = nullptr;
    QLabel *m_pageLabel = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_noteButton = nullptr;
    QPushButton *m_csvButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_resultLabel = nullptr;
};

} // namespace gtx::ui
