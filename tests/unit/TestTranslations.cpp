// The translations as a German session gets them (LANG=de_DE.UTF-8, set by CMakeLists), and what
// every translation in translations/ must keep of its source text.
#include "core/Translations.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString file;
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false; // a type attribute: unfinished, vanished or obsolete
    QStringList forms;       // the translation, or its plural forms
};

// The messages of every translations/stevedore_<language>.ts but the English plural forms.
QList<Message> translatedMessages()
{
    QList<Message> messages;
    const QDir folder(QStringLiteral(STEVEDORE_TRANSLATIONS_DIR));
    for (const QString &name : folder.entryList({u"stevedore_*.ts"_s}, QDir::Files)) {
        if (name == "stevedore_en.ts"_L1)
            continue;
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&file);
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == "name"_L1) {
                context = xml.readElementText();
            } else if (xml.name() == "message"_L1) {
                const bool numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
                messages.append({name, context, {}, numerus, false, {}});
            } else if (xml.name() == "source"_L1) {
                messages.last().source = xml.readElementText();
            } else if (xml.name() == "translation"_L1) {
                messages.last().unfinished = xml.attributes().hasAttribute("type"_L1);
                if (!messages.last().numerus)
                    messages.last().forms << xml.readElementText();
            } else if (xml.name() == "numerusform"_L1) {
                messages.last().forms << xml.readElementText();
            }
        }
        if (xml.hasError())
            return {};
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%[1-9]"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found << match.captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasAccelerator(const QString &text)
{
    return QString(text).remove(u"&&"_s).contains(u'&');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(qEnvironmentVariable("LANG"), u"de_DE.UTF-8"_s);
        QCOMPARE(Stevedore::installTranslations(QLocale::system()), u"de"_s);
    }

    void textsReadAsGerman()
    {
        QCOMPARE(QCoreApplication::translate("Stevedore::MainWindow", "&File"), u"&Datei"_s);
        QCOMPARE(QCoreApplication::translate("Stevedore::CommandLine", "Options:"), u"Optionen:"_s);
    }

    void countsTakeTheGermanSingularAndPlural()
    {
        const char *publish = "&Publish %n file(s)";
        QCOMPARE(QCoreApplication::translate("Stevedore::PublishDialog", publish, nullptr, 1),
                 u"1 Datei &veröffentlichen"_s);
        QCOMPARE(QCoreApplication::translate("Stevedore::PublishDialog", publish, nullptr, 3),
                 u"3 Dateien &veröffentlichen"_s);
        QCOMPARE(QCoreApplication::translate("Stevedore::ApiError", "%n days", nullptr, 1),
                 u"1 Tag"_s);
        QCOMPARE(QCoreApplication::translate("Stevedore::ApiError", "%n days", nullptr, 2),
                 u"2 Tage"_s);
    }

    // Standard buttons and Qt's network errors come from Qt's own German translation
    // (Debian's qt6-translations-l10n).
    void qtsOwnTextsAreGermanToo()
    {
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    }

    void everyTranslationKeepsWhatItsSourceNeeds()
    {
        const QList<Message> messages = translatedMessages();
        QVERIFY2(messages.size() >= 600, "the translations hold every text of the code");
        for (const Message &message : messages) {
            const QString where =
                message.file + u": "_s + message.context + u": \""_s + message.source + u'"';
            QVERIFY2(!message.unfinished, qPrintable(where + u" is not translated"_s));
            QVERIFY2(!message.forms.isEmpty(), qPrintable(where));
            for (const QString &form : message.forms) {
                const QString what = where + u" → \""_s + form + u'"';
                QVERIFY2(!form.isEmpty(), qPrintable(what));
                QVERIFY2(placeholders(form) == placeholders(message.source),
                         qPrintable(what + u": the placeholders differ"_s));
                QVERIFY2(!hasAccelerator(message.source) || hasAccelerator(form),
                         qPrintable(what + u": the accelerator is lost"_s));
                QVERIFY2(message.source.startsWith(u' ') == form.startsWith(u' ')
                             && message.source.endsWith(u' ') == form.endsWith(u' ')
                             && message.source.endsWith(u'\n') == form.endsWith(u'\n'),
                         qPrintable(what + u": the spaces or line breaks around it differ"_s));
            }
            if (message.source.contains(u"%n"_s))
                QVERIFY2(message.forms.constLast().contains(u"%n"_s), qPrintable(where));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
