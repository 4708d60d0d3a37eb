#include "ui/i18n/languagemanager.h"

#include <QCoreApplication>
#include <QEvent>

namespace gtx::ui {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

void LanguageManager::removeTranslators()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

bool LanguageManager::setLanguage(Language language)
{
    auto app = std::make_unique<QTranslator>();
    std::unique_ptr<QTranslator> qt;
    if (language == Language::Thai) {
        if (!app->load(QStringLiteral(":/i18n/gtx_th.qm")))
            return false;
        // Qt's own strings (dialog buttons, line-edit menu): our translation,
        // as no Thai one ships with Qt.
        qt = std::make_unique<QTranslator>();
        if (!qt->load(QStringLiteral(":/i18n/qt_th.qm")))
            return false;
    } else if (!app->load(QStringLiteral(":/i18n/gtx_en.qm"))) {
        return false;
    }

    removeTranslators();
    m_language = language;
    QLocale::setDefault(QLocale(localeLanguage(language),
                                language == Language::Thai ? QLocale::Thailand
                                                           : QLocale::UnitedKingdom));
    m_appTranslator = std::move(app);
    m_qtTranslator = std::move(qt);
    QCoreApplication::installTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());

    // QApplication posts LanguageChange to the top-level windows; deliver it
    // now so that the whole interface has changed when this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    emit languageChanged(language);
    return true;
}

std::optional<Language> LanguageManager::fromCode(const QString &code)
{
    if (code == QLatin1String("th"))
        return Language::Thai;
    if (code == QLatin1String("en"))
        return Language::English;
    return std::nullopt;
}

QString LanguageManager::code(Language language)
{
    return language == Language::Thai ? QStringLiteral("th") : QStringLiteral("en");
}

QLocale::Language LanguageManager::localeLanguage(Language language)
{
    return language == Language::Thai ? QLocale::Thai : QLocale::English;
}

} // namespace gtx::ui

