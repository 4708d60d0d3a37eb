#include "ui/pages/settingspage.h"

#include "ui/dialogs/operatordialog.h"
#include "ui/i18n/languagemanager.h"
#include "ui/models/operatormodel.h"
#include "ui/nodesnapshot.h"
#include "ui/nodetask.h"
#include "ui/style/hmistyle.h"
#include "ui/widgets/compacttableview.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdint>

namespace gtx::ui {

SettingsPage::SettingsPage(LanguageManager &languages, QWidget *parent)
    : QWidget(parent), m_languages(languages)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitle"));

    m_languageBox = new QGroupBox(this);
    m_languageLabel = new QLabel(m_languageBox);
    m_languageCombo = new QComboBox(m_languageBox);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    // Item order follows gtx::ui::Language; each language is named in itself.
    m_languageCombo->addItem(QString(), QVariant::fromValue(int(Language::Thai)));
    m_languageCombo->addItem(QString(), QVariant::fromValue(int(Language::English)));
    m_languageLabel->setBuddy(m_languageCombo);
    m_languageNote = new QLabel(m_languageBox);
    m_languageNote->setWordWrap(true);
    m_languageNote->setProperty("muted", true);
    m_languageCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_languageCombo->setMinimumWidth(200);
    auto *languageForm = new QFormLayout(m_languageBox);
    languageForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    languageForm->addRow(m_languageLabel, m_languageCombo);
    languageForm->addRow(m_languageNote);

    m_operatorsBox = new QGroupBox(this);
    m_operatorsBox->setObjectName(QStringLiteral("operatorsBox"));
    m_operatorModel = new OperatorTableModel(this);
    m_operatorsNote = new QLabel(m_operatorsBox);
    m_operatorsNote->setWordWrap(true);
    m_operatorsNote->setProperty("muted", true);
    m_operatorsView = makeCompactTableView(m_operatorsBox, "operatorsView");
    m_operatorsView->setModel(m_operatorModel);
    m_operatorsView->setMinimumHeight(150);
    m_addButton = new QPushButton(m_operatorsBox);
    m_addButton->setObjectName(QStringLiteral("addOperatorButton"));
    m_rolesButton = new QPushButton(m_operatorsBox);
    m_rolesButton->setObjectName(QStringLiteral("changeRolesButton"));
    m_disableButton = new QPushButton(m_operatorsBox);
    m_disableButton->setObjectName(QStringLiteral("disableOperatorButton"));
    auto *operatorButtons = new QHBoxLayout;
    operatorButtons->addWidget(m_addButton);
    operatorButtons->addWidget(m_rolesButton);
    operatorButtons->addWidget(m_disableButton);
    operatorButtons->addStretch(1);
    auto *operatorsLayout = new QVBoxLayout(m_operatorsBox);
    operatorsLayout->addWidget(m_operatorsNote);
    operatorsLayout->addWidget(m_operatorsView);
    operatorsLayout->addLayout(operatorButtons);
    connect(m_addButton, &QPushButton::clicked, this,
            [this]() { openOperatorDialog(int(OperatorDialog::Mode::Add)); });
    connect(m_rolesButton, &QPushButton::clicked, this,
            [this]() { openOperatorDialog(int(OperatorDialog::Mode::ChangeRoles)); });
    connect(m_disableButton, &QPushButton::clicked, this,
            [this]() { openOperatorDialog(int(OperatorDialog::Mode::Disable)); });
    connect(m_operatorsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SettingsPage::updateOperatorButtons);
    connect(m_operatorModel, &QAbstractItemModel::modelReset, this, &SettingsPage::updateOperatorButtons);
    connect(m_operatorModel, &QAbstractItemModel::rowsInserted, this, &SettingsPage::updateOperatorButtons);
    connect(m_operatorModel, &QAbstractItemModel::dataChanged, this, &SettingsPage::updateOperatorButtons);

    m_nodeBox = new QGroupBox(this);
    m_dataDirLabel = new QLabel(m_nodeBox);
    m_dataDirEdit = new QLineEdit(m_nodeBox);
    m_dataDirEdit->setObjectName(QStringLiteral("dataDirEdit"));
    m_dataDirEdit->setReadOnly(true);
    m_ledgerLabel = new QLabel(m_nodeBox);
    m_ledgerValue = new QLabel(m_nodeBox);
    m_ledgerValue->setObjectName(QStringLiteral("ledgerValue"));
    auto *nodeForm = new QFormLayout(m_nodeBox);
    nodeForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    nodeForm->addRow(m_dataDirLabel, m_dataDirEdit);
    nodeForm->addRow(m_ledgerLabel, m_ledgerValue);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_languageBox);
    layout->addWidget(m_operatorsBox, 1);
    layout->addWidget(m_nodeBox);

    updateOperatorButtons();
    showCurrentLanguage();
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this,
            &SettingsPage::chooseLanguage);
    connect(&m_languages, &LanguageManager::languageChanged, this,
            &SettingsPage::showCurrentLanguage);
    retranslateUi();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::setSnapshot(const NodeSnapshot &snapshot)
{
    m_snapshot = std::make_unique<NodeSnapshot>(snapshot);
    retranslateUi();
}

void SettingsPage::setStatus(const interfaces::NodeStatus &status)
{
    if (!m_snapshot)
        m_snapshot = std::make_unique<NodeSnapshot>();
    m_snapshot->status = status;
    if (status.unlocked)
        m_snapshot->ledgerExists = true;
    retranslateUi();
}

void SettingsPage::setOperator(interfaces::Node *node, const interfaces::OperatorSession &session)
{
    if (node && node != m_node)
        m_operatorModel->subscribe(node->operators());
    m_node = node;
    m_session = session;
    updateOperatorButtons();
    refreshOperators();
}

void SettingsPage::refreshOperators()
{
    if (!m_node)
        return;
    interfaces::Node *node = m_node;
    runNodeTask(
        this, [node]() { return node->operators().list(); },
        [this](const std::vector<interfaces::OperatorRow> &rows) { m_operatorModel->apply(rows); });
}

void SettingsPage::updateOperatorButtons()
{
    const bool admin = !m_session.token.empty()
                       && interfaces::roleAllows(m_session.roles, interfaces::Permission::ManageOperators);
    m_addButton->setVisible(admin);
    m_rolesButton->setVisible(admin);
    m_disableButton->setVisible(admin);
    const interfaces::OperatorRow *row = m_operatorModel->rowAt(m_operatorsView->currentIndex().row());
    const bool active = row && row->active;
    m_addButton->setEnabled(m_node != nullptr);
    m_rolesButton->setEnabled(active);
    m_disableButton->setEnabled(active);
}

void SettingsPage::openOperatorDialog(int mode)
{
    if (!m_node)
        return;
    const auto which = static_cast<OperatorDialog::Mode>(mode);
    interfaces::OperatorRow target;
    if (which != OperatorDialog::Mode::Add) {
        const interfaces::OperatorRow *row = m_operatorModel->rowAt(m_operatorsView->currentIndex().row());
        if (!row)
            return;
        target = *row;
    }
    auto *dialog = new OperatorDialog(*m_node, m_session, which, target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &SettingsPage::refreshOperators);
    dialog->open();
}

void SettingsPage::chooseLanguage(int index)
{
    const auto language = static_cast<Language>(m_languageCombo->itemData(index).toInt());
    if (language != m_languages.language() && !m_languages.setLanguage(language))
        showCurrentLanguage();  // could not load it: show what is still in effect
}

void SettingsPage::showCurrentLanguage()
{
    const QSignalBlocker blocker(m_languageCombo);
    m_languageCombo->setCurrentIndex(
        m_languageCombo->findData(QVariant::fromValue(int(m_languages.language()))));
}

void SettingsPage::retranslateUi()
{
    //: Title of the Settings page.
    m_titleLabel->setText(tr("Settings"));
    //: Group box on the Settings page.
    m_languageBox->setTitle(tr("Language"));
    //: Settings page: label of the language selector.
    m_languageLabel->setText(tr("&Display language:"));
    // Each language is written in itself, so that someone who cannot read
    // the current one still finds their own.
    m_languageCombo->setItemText(0, QLocale(QLocale::Thai).nativeLanguageName());
    //: Name of the English language in the language selector. Keep it in English, so that English readers can find it.
    m_languageCombo->setItemText(1, tr("English"));
    //: Settings page: note under the language selector.
    m_languageNote->setText(tr("The change takes effect at once, without a restart. Dates are "
                               "in Bangkok time; Thai shows the Buddhist Era year."));

    //: Group box on the Settings page: the console's operators and their roles.
    m_operatorsBox->setTitle(tr("Operators and roles"));
    //: Settings page: what the operator list is and who may change it.
    m_operatorsNote->setText(tr("Everyone who uses this console signs in with their own key. Only an "
                                "administrator adds operators, changes roles and disables; every change "
                                "is signed and recorded in the audit trail."));
    //: Button: add an operator (administrator only).
    m_addButton->setText(tr("&Add operator..."));
    //: Button: change the selected operator's roles (administrator only).
    m_rolesButton->setText(tr("Change &roles..."));
    //: Button: disable the selected operator (administrator only).
    m_disableButton->setText(tr("Disa&ble..."));
    m_operatorModel->retranslate();

    //: Group box on the Settings page with read-only facts about the node.
    m_nodeBox->setTitle(tr("Node"));
    //: Settings page: label of the folder where the node keeps its ledger.
    m_dataDirLabel->setText(tr("Data directory:"));
    //: Settings page: label of the ledger state.
    m_ledgerLabel->setText(tr("Ledger:"));

    m_dataDirEdit->setText(m_snapshot ? m_snapshot->dataDir : QString());
    HmiState state = HmiState::Normal;
    if (!m_snapshot) {
        m_ledgerValue->setText(QStringLiteral("-"));
    } else if (m_snapshot->status.unlocked) {
        const std::uint64_t records = m_snapshot->status.auditRecords;
        const int pluralHint = int(std::min<std::uint64_t>(records, 1000));
        //: Settings page: ledger state when open; %1 is the number of audit records.
        m_ledgerValue->setText(tr("Unlocked, %1 audit record(s)", nullptr, pluralHint)
                                   .arg(QLocale().toString(qulonglong(records))));
    } else if (m_snapshot->ledgerExists) {
        //: Settings page: ledger state when it exists but is closed.
        m_ledgerValue->setText(tr("Locked"));
        state = HmiState::AlarmMedium;
    } else {
        //: Settings page: no ledger has been created in the data directory.
        m_ledgerValue->setText(tr("No ledger in this data directory yet"));
        state = HmiState::AlarmMedium;
    }
    HmiStyle::setState(m_ledgerValue, state);
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace gtx::ui
