// Every text that counts has an English singular and plural, and both executables' way of
// loading them works for a language Stevedore has no translation for: read the messages from
// translations/stevedore_en.ts, translate each with 1 and with 3 and look at what a user would
// see.
#include "core/Translations.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct CountedText
{
    QString context;
    QString source;
};

QList<CountedText> countedTexts()
{
    QFile file(QStringLiteral(STEVEDORE_PLURAL_FORMS_TS));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<CountedText> texts;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1)
            context = xml.readElementText();
        else if (xml.name() == "message"_L1)
            numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        else if (xml.name() == "source"_L1 && numerus)
            texts.append({context, xml.readElementText()});
    }
    return xml.hasError() ? QList<CountedText>{} : texts;
}

} // namespace

class TestPluralForms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(Stevedore::installTranslations(QLocale(QLocale::French, QLocale::France)),
                 u"en"_s);
    }

    void everyCountedTextHasAnEnglishSingularAndPlural()
    {
        const QList<CountedText> texts = countedTexts();
        QVERIFY2(texts.size() >= 10, "the forms file lists the texts that count");
        const QRegularExpression unresolved(u"\\(s\\)|%n"_s);
        for (const CountedText &text : texts) {
            const QByteArray context = text.context.toUtf8();
            const QByteArray source = text.source.toUtf8();
            const QString one = QCoreApplication::translate(context, source, nullptr, 1);
            const QString three = QCoreApplication::translate(context, source, nullptr, 3);
            QVERIFY2(!one.contains(unresolved), qPrintable(one));
            QVERIFY2(!three.contains(unresolved), qPrintable(three));
            QVERIFY2(one.contains(u'1') && three.contains(u'3'), qPrintable(text.source));
        }
    }

    void aFileCountReadsAsEnglish()
    {
        QCOMPARE(QCoreApplication::translate("Stevedore::PublishDialog", "&Publish %n file(s)",
                                             nullptr, 1),
                 u"&Publish 1 file"_s);
        QCOMPARE(QCoreApplication::translate("Stevedore::PublishDialog", "&Publish %n file(s)",
                                             nullptr, 3),
                 u"&Publish 3 files"_s);
    }
};

QTEST_GUILESS_MAIN(TestPluralForms)
#include "TestPluralForms.moc"
