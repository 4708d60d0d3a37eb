#pragma once

// Slashing & Appeals: every slashing case on the chain, newest first, and
// for the case selected its evidence in human terms (the two signed
// messages and this node's own verification of them), the decision (reason,
// severity, earlier cases, tier, fraction, suspension), the stake at the
// infraction and what was taken from whom, the deadlines, and the appeal's
// whole trail. An auditor exports every case and trail as a CSV file; the
// export is audited.

#include "core/node/interface.h"

#include <QWidget>

#include <string>

class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace gtx::interfaces {
class Node;
}

namespace gtx::ui {

class SlashingModel;
class TrailTableModel;

class SlashingPage : public QWidget
{
    Q_OBJECT

public:
    explicit SlashingPage(QWidget *parent = nullptr);
    ~SlashingPage() override;

    // The live view (the page does not own it); shown as it changes.
    void setModel(SlashingModel *model);
    // Where the export's audit entry goes, and who gives it.
    // The node and the signed-in operator: the export is offered to roles
    // that may export for audit, and recorded under their session.
    void setOperator(interfaces::Node *node, const interfaces::OperatorSession &session);
    // The case shown (its key); the newest until the operator picks one
    // (selectCase() is the operator's pick, as a click in the table).
    std::string selectedCase() const { return m_case; }
    void selectCase(const std::string &key);
    // Writes the CSV and audits it (off the GUI thread), then emits
    // exported(). What the Export button does after asking for a file.
    void exportTo(const QString &path);

signals:
    void exported(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showCases();
    void showCase();
    void showCaseKey(const std::string &key);
    void chooseExportFile();

    SlashingModel *m_model = nullptr;
    interfaces::Node *m_node = nullptr;
    interfaces::OperatorSession m_session;
    std::string m_case;
    bool m_casePicked = false;
    bool m_selecting = false;
    bool m_exporting = false;   // an export is being written
    TrailTableModel *m_trail = nullptr;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_exportResult = nullptr;
    QGroupBox *m_casesBox = nullptr;
    QTableView *m_casesView = nullptr;
    QGroupBox *m_caseBox = nullptr;
    QLabel *m_emptyNote = nullptr;
    struct Fact
    {
        QLabel *name = nullptr;
        QLabel *value = nullptr;
    };
    Fact m_offender, m_decision, m_stake, m_taken, m_suspension, m_infraction, m_deadlines, m_appeal;
    QGroupBox *m_evidenceBox = nullptr;
    QLabel *m_evidenceSummary = nullptr;
    QLabel *m_firstMessage = nullptr;
    QLabel *m_secondMessage = nullptr;
    QLabel *m_verification = nullptr;
    QGroupBox *m_trailBox = nullptr;
    QTableView *m_trailView = nullptr;
};

} // namespace gtx::ui
