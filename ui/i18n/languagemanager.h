#pragma once

// Switches the console between Thai and English while it runs. Installing a
// translator makes Qt send QEvent::LanguageChange to every widget; each
// widget re-translates itself in changeEvent() via its retranslateUi().

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>
#include <optional>

namespace gtx::ui {

enum class Language
{
    Thai,
    English
};

class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    Language language() const { return m_language; }

    // Loads the translations (":/i18n/gtx_th.qm" and ":/i18n/qt_th.qm" for
    // Thai, ":/i18n/gtx_en.qm" for English), sets the default QLocale, and
    // re-translates every widget before returning. False if a translation
    // could not be loaded (the previous language then stays).
    bool setLanguage(Language language);

    // "th" / "en"; nullopt for anything else.
    static std::optional<Language> fromCode(const QString &code);
    static QString code(Language language);
    static QLocale::Language localeLanguage(Language language);

signals:
    void languageChanged(gtx::ui::Language language);

private:
    void removeTranslators();

    Language m_language = Language::English;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace gtx::ui
