// The translation files are complete: every Thai entry translated and
// current, every source of gtx_th.ts also in gtx_en.ts, and the place markers
// (%1, %n) kept.

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#ifndef GTX_TRANSLATIONS_DIR
#error "GTX_TRANSLATIONS_DIR must name the translations/ folder"
#endif

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type;                 // "", "unfinished", "vanished", "obsolete"
    QStringList translations;     // one, or one per numerus form
    bool numerus = false;

    QString key() const { return context + QLatin1Char('|') + source + QLatin1Char('|') + comment; }
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile parseTs(const QByteArray &data)
{
    TsFile file;
    QXmlStreamReader xml(data);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                file.messages.append(message);
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            file.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        file.error = xml.errorString();
    return file;
}

QSet<QString> markers(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?n|L?[1-9])"));
    QSet<QString> found;
    for (const auto &match : re.globalMatch(text))
        found.insert(match.captured().remove(QLatin1Char('L')));
    return found;
}

// Everything wrong with a file that must be fully translated.
QStringList problems(const TsFile &file)
{
    QStringList found;
    if (!file.error.isEmpty())
        found << QStringLiteral("not valid XML: ") + file.error;
    if (file.messages.isEmpty())
        found << QStringLiteral("no messages");
    for (const Message &m : file.messages) {
        const QString where = m.context + QStringLiteral(" / \"") + m.source + QLatin1Char('"');
        if (!m.type.isEmpty())
            found << m.type + QStringLiteral(": ") + where;
        if (m.translations.isEmpty())
            found << QStringLiteral("no translation: ") + where;
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                found << QStringLiteral("empty: ") + where;
            else if (markers(t) != markers(m.source) && !(m.numerus && markers(t).isEmpty()))
                found << QStringLiteral("place markers differ: ") + where;
        }
    }
    return found;
}

TsFile load(const QString &name)
{
    QFile f(QStringLiteral(GTX_TRANSLATIONS_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return TsFile{{}, {}, QStringLiteral("cannot open ") + f.fileName()};
    return parseTs(f.readAll());
}

QByteArray tsWith(const char *message)
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS>"
                      "<TS version=\"2.1\" language=\"th_TH\"><context><name>Ctx</name>")
           + message + "</context></TS>";
}

bool hasThai(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x0e00 && c.unicode() <= 0x0e7f)
            return true;
    }
    return false;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void checkerFindsEveryKindOfProblem_data()
    {
        QTest::addColumn<QByteArray>("ts");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << tsWith("<message><source>OK</source><translation></translation></message>")
                               << QStringLiteral("empty");
        QTest::newRow("unfinished")
            << tsWith("<message><source>OK</source><translation type=\"unfinished\">x</translation></message>")
            << QStringLiteral("unfinished");
        QTest::newRow("vanished")
            << tsWith("<message><source>OK</source><translation type=\"vanished\">x</translation></message>")
            << QStringLiteral("vanished");
        QTest::newRow("obsolete")
            << tsWith("<message><source>OK</source><translation type=\"obsolete\">x</translation></message>")
            << QStringLiteral("obsolete");
        QTest::newRow("empty numerus form")
            << tsWith("<message numerus=\"yes\"><source>%n item(s)</source><translation>"
                      "<numerusform>%n x</numerusform><numerusform></numerusform></translation></message>")
            << QStringLiteral("empty");
        QTest::newRow("lost marker")
            << tsWith("<message><source>Network: %1</source><translation>x</translation></message>")
            << QStringLiteral("place markers differ");
    }

    void checkerFindsEveryKindOfProblem()
    {
        QFETCH(QByteArray, ts);
        QFETCH(QString, expected);
        const QStringList found = problems(parseTs(ts));
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(expected), qPrintable(found.first()));
    }

    void checkerAcceptsAGoodFile()
    {
        const auto ts = tsWith("<message><source>Network: %1</source><translation>x %1</translation>"
                               "</message>");
        QVERIFY(problems(parseTs(ts)).isEmpty());
    }

    void thaiFilesAreComplete_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("gtx_th") << QStringLiteral("gtx_th.ts");
        QTest::newRow("qt_th") << QStringLiteral("qt_th.ts");
    }

    void thaiFilesAreComplete()
    {
        QFETCH(QString, name);
        const TsFile file = load(name);
        QVERIFY2(file.language.startsWith(QLatin1String("th")), qPrintable(file.language));
        const QStringList found = problems(file);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void thaiTranslationsAreInThai()
    {
        // Proper names in the language selector stay as they are.
        const QSet<QString> keptAsIs = {QStringLiteral("English")};
        QStringList untranslated;
        for (const QString &name : {QStringLiteral("gtx_th.ts"), QStringLiteral("qt_th.ts")}) {
            for (const Message &m : load(name).messages) {
                for (const QString &t : m.translations) {
                    if (!hasThai(t) && !keptAsIs.contains(m.source))
                        untranslated << name + QStringLiteral(": ") + m.source;
                }
            }
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    }

    void englishFileIsComplete()
    {
        const TsFile file = load(QStringLiteral("gtx_en.ts"));
        QVERIFY2(file.language.startsWith(QLatin1String("en")), qPrintable(file.language));
        const QStringList found = problems(file);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        // English numerus messages have both forms.
        for (const Message &m : file.messages) {
            if (m.numerus)
                QVERIFY2(m.translations.size() == 2, qPrintable(m.source));
        }
    }

    void everyThaiSourceIsInEnglish()
    {
        const TsFile thai = load(QStringLiteral("gtx_th.ts"));
        const TsFile english = load(QStringLiteral("gtx_en.ts"));
        QSet<QString> englishKeys;
        for (const Message &m : english.messages)
            englishKeys.insert(m.key());
        QStringList missing;
        for (const Message &m : thai.messages) {
            if (!englishKeys.contains(m.key()))
                missing << m.key();
        }
        QVERIFY(!thai.messages.isEmpty());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
