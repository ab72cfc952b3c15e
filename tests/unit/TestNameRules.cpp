#include "validate/NameRules.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Stevedore::NameRules;
using Stevedore::UploadName;

// Rows marked "#N" are the client-side half of gitlab-api.md §11.2 row N.
class TestNameRules final : public QObject
{
    Q_OBJECT

private slots:
    void packageNameFollowsGitLabRule_data();
    void packageNameFollowsGitLabRule();
    void versionFollowsGitLabRule_data();
    void versionFollowsGitLabRule();
    void fileNameFollowsGitLabRule_data();
    void fileNameFollowsGitLabRule();
    void directoryFollowsFilePathValidator_data();
    void directoryFollowsFilePathValidator();
    void problemsStateTheRule();

    void suggestionIsCloseToInput_data();
    void suggestionIsCloseToInput();
    void suggestionsAreValidIdempotentAndKeepValidInput_data();
    void suggestionsAreValidIdempotentAndKeepValidInput();

    void splitUploadPathNamesTheStoredFile_data();
    void splitUploadPathNamesTheStoredFile();
    void splitUploadPathRefusesBadPaths_data();
    void splitUploadPathRefusesBadPaths();
    void splitUploadPathAcceptsNullProblem();
    void encodeUriComponentMatchesRuby_data();
    void encodeUriComponentMatchesRuby();
    void displayNameFromStored_data();
    void displayNameFromStored();
    void displayNameRoundTripsStoredName_data();
    void displayNameRoundTripsStoredName();

    void namesAreAtMost255Characters();
    void projectIsAnIdOrAFullPath_data();
    void projectIsAnIdOrAFullPath();
    void localNameStaysBelowTheFolder_data();
    void localNameStaysBelowTheFolder();
    void printableShowsControlCharacters();
};

namespace {

enum class Kind { PackageName, Version, FileName };

QString suggest(Kind kind, const QString &input)
{
    switch (kind) {
    case Kind::PackageName:
        return NameRules::suggestPackageName(input);
    case Kind::Version:
        return NameRules::suggestVersion(input);
    case Kind::FileName:
        return NameRules::suggestFileName(input);
    }
    return {};
}

std::optional<QString> problem(Kind kind, const QString &input)
{
    switch (kind) {
    case Kind::PackageName:
        return NameRules::packageNameProblem(input);
    case Kind::Version:
        return NameRules::versionProblem(input);
    case Kind::FileName:
        return NameRules::fileNameProblem(input);
    }
    return {};
}

QString sentence(const std::optional<QString> &problem)
{
    return problem.value_or(u"<valid>"_s);
}

// Readable in a failure message whatever the input holds (control characters, lone surrogates).
QByteArray escaped(const QString &text)
{
    QByteArray out;
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u >= 0x20 && u < 0x7F && u != u'\\')
            out.append(static_cast<char>(u));
        else
            out.append("\\u" + QByteArray::number(u, 16).rightJustified(4, '0'));
    }
    return out;
}

QStringList generatedInputs()
{
    QStringList inputs{
        QString(),
        u" "_s,
        u"_"_s,
        u"__"_s,
        u"."_s,
        u".."_s,
        u"..."_s,
        u"~"_s,
        u"@"_s,
        u"~@~"_s,
        u"+"_s,
        u"-"_s,
        u"%"_s,
        u"%2e%2e%2f"_s,
        u"/"_s,
        u"\\"_s,
        u"\n"_s,
        u"a\nb"_s,
        u"\u00e9"_s,
        u"\u0301"_s,
        u"e\u0301"_s,
        u"\u65e5\u672c\u8a9e"_s,
        u"\U0001F600"_s,
        u"\u2025"_s,
        u"\u2026"_s,
        u"\uFB01le"_s,
        u"\uFF21\uFF22"_s,
        u"~.~"_s,
        u"@.@"_s,
        u"_ ."_s,
        u". ."_s,
        u" . "_s,
        u"Re\u0301sume\u0301 v2.pdf"_s,
        u"my-package/../"_s,
        u"my-package%2f%2e%2e%2f"_s,
        u"../.ssh%2fauthorized_keys"_s,
        u"%2e%2e%2f.ssh%2fauthorized_keys"_s,
        u"1.2.3-4/../../"_s,
        u"..1.2.3"_s,
    };
    // Lone surrogates.
    inputs << QString(QChar(0xD800)) << QString(QChar(0xDFFF)) + u"a"_s << u"a"_s + QChar(0xDBFF);

    QRandomGenerator random(20240601); // fixed: a failure must be reproducible
    // Random bytes read as UTF-8 and as Latin-1 (which yields accented letters).
    for (int i = 0; i < 150; ++i) {
        QByteArray bytes(random.bounded(0, 24), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = static_cast<char>(random.bounded(256));
        inputs << QString::fromUtf8(bytes) << QString::fromLatin1(bytes);
    }
    // Random UTF-16 code units, surrogates included.
    for (int i = 0; i < 150; ++i) {
        QString text;
        const int length = random.bounded(0, 16);
        for (int j = 0; j < length; ++j)
            text.append(QChar(static_cast<char16_t>(random.bounded(0x10000))));
        inputs << text;
    }
    // Strings made of the characters the rules care about.
    const QStringList alphabet{
        u"."_s,      u".."_s,     u"~"_s,      u"@"_s,      u"_"_s,      u" "_s,
        u"-"_s,      u"+"_s,      u"%"_s,      u"%2F"_s,    u"/"_s,      u"\\"_s,
        u"\n"_s,     u"\t"_s,     u"a"_s,      u"Z"_s,      u"0"_s,      u"9"_s,
        u"\u00e9"_s, u"\u00df"_s, u"\u00c5"_s, u"\u0301"_s, u"\uFB01"_s, u"\U0001F600"_s,
        u"\u4e2d"_s, u"*"_s,      u"#"_s,      u"?"_s,      u"("_s,      u")"_s,
        u"\u3000"_s, u"\u00a0"_s, u"\u2026"_s, u"\uFF0E"_s, u"\u02DC"_s, u"\uFE6B"_s,
    };
    for (int i = 0; i < 300; ++i) {
        QString text;
        const int length = random.bounded(0, 12);
        for (int j = 0; j < length; ++j)
            text.append(alphabet.at(random.bounded(static_cast<int>(alphabet.size()))));
        inputs << text;
    }
    return inputs;
}

} // namespace

void TestNameRules::packageNameFollowsGitLabRule_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::addRow("mypackage") << u"mypackage"_s << true;
    QTest::addRow("all allowed characters") << u"Az09._-+"_s << true;
    QTest::addRow("leading dot") << u".hidden"_s << true;
    QTest::addRow("three dots") << u"..."_s << true;
    QTest::addRow("dots inside") << u"a..b"_s << true;
    QTest::addRow("underscore only") << u"_"_s << true;
    QTest::addRow("#81 my-package/../") << u"my-package/../"_s << false;
    QTest::addRow("#82 my-package%%2f%%2e%%2e%%2f") << u"my-package%2f%2e%2e%2f"_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("dot") << u"."_s << false;
    QTest::addRow("dot dot") << u".."_s << false;
    QTest::addRow("space") << u"my package"_s << false;
    QTest::addRow("slash") << u"a/b"_s << false;
    QTest::addRow("backslash") << u"a\\b"_s << false;
    QTest::addRow("tilde") << u"a~b"_s << false;
    QTest::addRow("at") << u"a@b"_s << false;
    QTest::addRow("percent") << u"a%41"_s << false;
    QTest::addRow("newline inside") << u"a\nb"_s << false;
    QTest::addRow("trailing newline") << u"mypackage\n"_s << false;
    QTest::addRow("unicode letter") << u"caf\u00e9"_s << false;
    QTest::addRow("cjk") << u"\u5305"_s << false;
    QTest::addRow("fullwidth letter") << u"\uFF21"_s << false;
    QTest::addRow("lone surrogate") << QString(QChar(0xD800)) << false;
}

void TestNameRules::packageNameFollowsGitLabRule()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    const std::optional<QString> problem = NameRules::packageNameProblem(name);
    QCOMPARE(!problem.has_value(), valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TestNameRules::versionFollowsGitLabRule_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("valid");

    QTest::addRow("#47 1.3.350-20201230123456") << u"1.3.350-20201230123456"_s << true;
    QTest::addRow("#48 1.2.3") << u"1.2.3"_s << true;
    QTest::addRow("#49 1.2.3g") << u"1.2.3g"_s << true;
    QTest::addRow("#50 1.2") << u"1.2"_s << true;
    QTest::addRow("#51 1.2.bananas") << u"1.2.bananas"_s << true;
    QTest::addRow("#52 v1.2.4-build") << u"v1.2.4-build"_s << true;
    QTest::addRow("#53 sha") << u"d50d836eb3de6177ce6c7a5482f27f9c2c84b672"_s << true;
    QTest::addRow("#39 0.0.1") << u"0.0.1"_s << true;
    QTest::addRow("plus and underscore") << u"1.0.0+build_7"_s << true;
    QTest::addRow("leading dot") << u".1"_s << true;
    QTest::addRow("trailing dot") << u"1."_s << true;
    QTest::addRow("#54 ..1.2.3") << u"..1.2.3"_s << false;
    QTest::addRow("#55 1.2.3-4/../../") << u"1.2.3-4/../../"_s << false;
    QTest::addRow("#56 %%2e%%2e%%2f1.2.3") << u"%2e%2e%2f1.2.3"_s << false;
    QTest::addRow(".. in the middle") << u"1..2"_s << false;
    QTest::addRow(".. at the end") << u"1.2.."_s << false;
    QTest::addRow("only ..") << u".."_s << false;
    QTest::addRow("three dots") << u"1...2"_s << false;
    QTest::addRow("dot") << u"."_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << u"1.0 beta"_s << false;
    QTest::addRow("tilde") << u"1.0~rc1"_s << false;
    QTest::addRow("at") << u"1.0@x"_s << false;
    QTest::addRow("slash") << u"1/2"_s << false;
    QTest::addRow("newline") << u"1.0\n"_s << false;
    QTest::addRow("newline before ..") << u"1\n..2"_s << false;
    QTest::addRow("unicode digit") << u"\u0661.0"_s << false;
    QTest::addRow("unicode letter") << u"v\u00e9"_s << false;
}

void TestNameRules::versionFollowsGitLabRule()
{
    QFETCH(QString, version);
    QFETCH(bool, valid);

    const std::optional<QString> problem = NameRules::versionProblem(version);
    QCOMPARE(!problem.has_value(), valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TestNameRules::fileNameFollowsGitLabRule_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("valid");

    QTest::addRow("#39 myfile.tar.gz") << u"myfile.tar.gz"_s << true;
    QTest::addRow("#58 my+file.tar.gz") << u"my+file.tar.gz"_s << true;
    QTest::addRow("#59 my~file.tar.gz") << u"my~file.tar.gz"_s << true;
    QTest::addRow("#60 myfile@1.1.tar.gz") << u"myfile@1.1.tar.gz"_s << true;
    QTest::addRow("#61 myfile1.1.tar.gz@") << u"myfile1.1.tar.gz@"_s << false;
    QTest::addRow("#62 @myfile1.1.tar.gz") << u"@myfile1.1.tar.gz"_s << false;
    QTest::addRow("#63 myfile.tar.gz~") << u"myfile.tar.gz~"_s << false;
    QTest::addRow("#64 ~myfile.tar.gz") << u"~myfile.tar.gz"_s << false;
    QTest::addRow("#83 ../.ssh%%2fauthorized_keys") << u"../.ssh%2fauthorized_keys"_s << false;
    QTest::addRow("#83 decoded") << u"../.ssh/authorized_keys"_s << false;
    QTest::addRow("#84 %%2e%%2e%%2f.ssh%%2fauthorized_keys")
        << u"%2e%2e%2f.ssh%2fauthorized_keys"_s << false;
    QTest::addRow("all allowed characters") << u"Az09._-+~@x"_s << true;
    QTest::addRow("single letter") << u"a"_s << true;
    QTest::addRow("hidden file") << u".bashrc"_s << true;
    QTest::addRow("three dots") << u"..."_s << true;
    QTest::addRow("dots inside") << u"a..b"_s << true;
    QTest::addRow("plus at the start") << u"+x"_s << true;
    QTest::addRow("tilde and at inside") << u"a~@b"_s << true;
    QTest::addRow("only tilde") << u"~"_s << false;
    QTest::addRow("only at") << u"@"_s << false;
    QTest::addRow("at and tilde") << u"@~"_s << false;
    QTest::addRow("tilde start and end") << u"~a~"_s << false;
    QTest::addRow("dot") << u"."_s << false;
    QTest::addRow("dot dot") << u".."_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << u"my file.txt"_s << false;
    QTest::addRow("slash") << u"dir/file.txt"_s << false;
    QTest::addRow("backslash") << u"dir\\file.txt"_s << false;
    QTest::addRow("percent") << u"100%.txt"_s << false;
    QTest::addRow("newline") << u"file\n.txt"_s << false;
    QTest::addRow("trailing newline") << u"file.txt\n"_s << false;
    QTest::addRow("accented letter") << u"r\u00e9sum\u00e9.pdf"_s << false;
    QTest::addRow("decomposed accent") << u"re\u0301sume.pdf"_s << false;
    QTest::addRow("emoji") << u"\U0001F600.png"_s << false;
}

void TestNameRules::fileNameFollowsGitLabRule()
{
    QFETCH(QString, fileName);
    QFETCH(bool, valid);

    const std::optional<QString> problem = NameRules::fileNameProblem(fileName);
    QCOMPARE(!problem.has_value(), valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TestNameRules::directoryFollowsFilePathValidator_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<bool>("valid");

    QTest::addRow("#57 path") << u"path"_s << true;
    QTest::addRow("#57 to") << u"to"_s << true;
    QTest::addRow("space") << u"my folder"_s << true;
    QTest::addRow("unicode") << u"R\u00e9sum\u00e9s \u65e5\u672c"_s << true;
    QTest::addRow("plus") << u"a+b"_s << true;
    QTest::addRow("tilde and at at the edges") << u"~@x@~"_s << true;
    QTest::addRow("three dots") << u"..."_s << true;
    QTest::addRow("hidden") << u".config"_s << true;
    QTest::addRow("dots inside") << u"a..b"_s << true;
    QTest::addRow("lone percent") << u"100%"_s << true;
    QTest::addRow("percent without hex") << u"%zz"_s << true;
    QTest::addRow("percent with one hex digit") << u"a%4"_s << true;
    QTest::addRow("backslash") << u"a\\b"_s << true;
    QTest::addRow("dot between backslashes") << u"a\\.\\b"_s << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("dot") << u"."_s << false;
    QTest::addRow("dot dot") << u".."_s << false;
    QTest::addRow("leading slash") << u"/etc"_s << false;
    QTest::addRow("slash inside") << u"a/b"_s << false;
    QTest::addRow("newline") << u"a\nb"_s << false;
    QTest::addRow("trailing newline") << u"dir\n"_s << false;
    QTest::addRow("carriage return") << u"a\rb"_s << false;
    QTest::addRow("nul") << QString(QChar(0)) + u"a"_s << false;
    QTest::addRow("lone surrogate") << u"a"_s + QChar(0xDC00) << false;
    QTest::addRow("..\\ at the start") << u"..\\x"_s << false;
    QTest::addRow("\\.. at the end") << u"x\\.."_s << false;
    QTest::addRow("\\..\\ inside") << u"a\\..\\b"_s << false;
    QTest::addRow("encoded dots") << u"%2e%2e"_s << false;
    QTest::addRow("encoded slash") << u"a%2Fb"_s << false;
    QTest::addRow("encoded letter") << u"%41"_s << false;
    QTest::addRow("double encoding %%25xx") << u"%252e%252e"_s << false;
    QTest::addRow("lower-case hex") << u"a%2fb"_s << false;
    QTest::addRow("#83 ../.ssh%%2fauthorized_keys as one segment")
        << u"../.ssh%2fauthorized_keys"_s << false;
}

void TestNameRules::directoryFollowsFilePathValidator()
{
    QFETCH(QString, directory);
    QFETCH(bool, valid);

    const std::optional<QString> problem = NameRules::directoryProblem(directory);
    QCOMPARE(!problem.has_value(), valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TestNameRules::problemsStateTheRule()
{
    // No translator is installed, so tr() gives the source sentences.
    QCOMPARE(sentence(NameRules::packageNameProblem(u"my package"_s)),
             u"A space is not allowed here. A package name may contain only the letters A-Z and "
             u"a-z, digits, '.', '_', '-' and '+'."_s);
    // The first character that breaks the rule is named.
    QVERIFY(sentence(NameRules::fileNameProblem(u"report#1.txt"_s))
                .startsWith(u"'#' is not allowed here. A file name may contain only"_s));
    QVERIFY(sentence(NameRules::versionProblem(u"1.0\t"_s))
                .startsWith(u"The character U+0009 is not allowed here. "_s));
    QCOMPARE(sentence(NameRules::versionProblem(u"1..2"_s)),
             u"A version may contain only the letters A-Z and a-z, digits, '_', '+', '.' and "
             u"'-', and no '..'."_s);
    QCOMPARE(sentence(NameRules::fileNameProblem(u"~x"_s)),
             u"A file name may contain only the letters A-Z and a-z, digits, '.', '_', '-', "
             u"'+', '~' and '@', and may not start or end with '~' or '@'."_s);
    QCOMPARE(sentence(NameRules::packageNameProblem(QString())),
             u"A package name may not be empty."_s);
    QCOMPARE(sentence(NameRules::packageNameProblem(u".."_s)),
             u"A package name may not be '.' or '..'."_s);
    QCOMPARE(sentence(NameRules::versionProblem(QString())), u"A version may not be empty."_s);
    QCOMPARE(sentence(NameRules::versionProblem(u"."_s)), u"A version may not be '.'."_s);
    QCOMPARE(sentence(NameRules::fileNameProblem(QString())), u"A file name may not be empty."_s);
    QCOMPARE(sentence(NameRules::fileNameProblem(u"."_s)),
             u"A file name may not be '.' or '..'."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(QString())),
             u"A folder name may not be empty."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(u".."_s)),
             u"A folder name may not be '.' or '..'."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(u"a/b"_s)),
             u"A folder name may not contain '/'."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(u"a\nb"_s)),
             u"A folder name may not contain a line break or another control character."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(u"a\\..\\b"_s)),
             u"A folder name may not contain '..' next to a backslash."_s);
    QCOMPARE(sentence(NameRules::directoryProblem(u"%252e"_s)),
             u"A folder name may not contain '%' followed by two hexadecimal digits, such as "
             u"'%2F'."_s);
}

void TestNameRules::suggestionIsCloseToInput_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const auto pkg = Kind::PackageName;
    QTest::addRow("package: valid unchanged")
        << pkg << u"my-package_1.0+x"_s << u"my-package_1.0+x"_s;
    QTest::addRow("package: own underscores kept") << pkg << u"a__b"_s << u"a__b"_s;
    QTest::addRow("package: space") << pkg << u"my package"_s << u"my_package"_s;
    QTest::addRow("package: spaces at the edges") << pkg << u"  my package  "_s << u"my_package"_s;
    QTest::addRow("package: run collapsed") << pkg << u"my  -  package"_s << u"my_-_package"_s;
    QTest::addRow("package: replacement joins underscores") << pkg << u"a_ _b"_s << u"a_b"_s;
    QTest::addRow("package: leading own underscore kept") << pkg << u"_ x"_s << u"_x"_s;
    QTest::addRow("package: brackets") << pkg << u"(draft) report"_s << u"draft_report"_s;
    QTest::addRow("package: accents")
        << pkg << u"na\u00efve-\u00fcn\u00efc\u00f6d\u00e9"_s << u"naive-unicode"_s;
    QTest::addRow("package: tilde") << pkg << u"a~b"_s << u"a_b"_s;
    QTest::addRow("package: #81") << pkg << u"my-package/../"_s << u"my-package_.."_s;
    QTest::addRow("package: only cjk") << pkg << u"\u5305\u88f9"_s << u"package"_s;
    QTest::addRow("package: empty") << pkg << QString() << u"package"_s;
    QTest::addRow("package: dot") << pkg << u"."_s << u"package"_s;
    QTest::addRow("package: dot dot") << pkg << u".."_s << u"package"_s;
    QTest::addRow("package: two dot leader") << pkg << u"\u2025"_s << u"package"_s;

    const auto ver = Kind::Version;
    QTest::addRow("version: valid unchanged") << ver << u"v1.2.4-build"_s << u"v1.2.4-build"_s;
    QTest::addRow("version: dot dot") << ver << u"1.2..3"_s << u"1.2.3"_s;
    QTest::addRow("version: many dots") << ver << u"1....2"_s << u"1.2"_s;
    QTest::addRow("version: #54") << ver << u"..1.2.3"_s << u".1.2.3"_s;
    QTest::addRow("version: #55") << ver << u"1.2.3-4/../../"_s << u"1.2.3-4_._."_s;
    QTest::addRow("version: #56") << ver << u"%2e%2e%2f1.2.3"_s << u"2e_2e_2f1.2.3"_s;
    QTest::addRow("version: space and brackets") << ver << u"1.0 (beta)"_s << u"1.0_beta"_s;
    QTest::addRow("version: tilde") << ver << u"1.0~rc1"_s << u"1.0_rc1"_s;
    QTest::addRow("version: accent") << ver << u"\u00fc1"_s << u"u1"_s;
    QTest::addRow("version: ellipsis") << ver << u"1\u20262"_s << u"1.2"_s;
    QTest::addRow("version: empty") << ver << QString() << u"0.0.0"_s;
    QTest::addRow("version: dot") << ver << u"."_s << u"0.0.0"_s;
    QTest::addRow("version: dots") << ver << u"..."_s << u"0.0.0"_s;
    QTest::addRow("version: spaces") << ver << u"   "_s << u"0.0.0"_s;

    const auto file = Kind::FileName;
    QTest::addRow("file: valid unchanged")
        << file << u"my~file@1.tar.gz"_s << u"my~file@1.tar.gz"_s;
    QTest::addRow("file: Resume") << file << u"R\u00e9sum\u00e9 v2.pdf"_s << u"Resume_v2.pdf"_s;
    QTest::addRow("file: decomposed accents")
        << file << u"Re\u0301sume\u0301 v2.pdf"_s << u"Resume_v2.pdf"_s;
    QTest::addRow("file: #61") << file << u"myfile1.1.tar.gz@"_s << u"myfile1.1.tar.gz"_s;
    QTest::addRow("file: #62") << file << u"@myfile1.1.tar.gz"_s << u"myfile1.1.tar.gz"_s;
    QTest::addRow("file: #63") << file << u"myfile.tar.gz~"_s << u"myfile.tar.gz"_s;
    QTest::addRow("file: #64") << file << u"~myfile.tar.gz"_s << u"myfile.tar.gz"_s;
    QTest::addRow("file: #83") << file << u"../.ssh%2fauthorized_keys"_s
                               << u".._.ssh_2fauthorized_keys"_s;
    QTest::addRow("file: edges mixed") << file << u" ~@ a b @~ "_s << u"a_b"_s;
    QTest::addRow("file: brackets") << file << u"my file (1).txt"_s << u"my_file_1_.txt"_s;
    QTest::addRow("file: slash") << file << u"dir/file.txt"_s << u"dir_file.txt"_s;
    QTest::addRow("file: ligature") << file << u"\uFB01le.txt"_s << u"file.txt"_s;
    QTest::addRow("file: fullwidth") << file << u"\uFF21.txt"_s << u"A.txt"_s;
    QTest::addRow("file: emoji at the start")
        << file << u"\U0001F600 photo.png"_s << u"photo.png"_s;
    QTest::addRow("file: only tilde") << file << u"~"_s << u"file"_s;
    QTest::addRow("file: empty") << file << QString() << u"file"_s;
    QTest::addRow("file: dot") << file << u"."_s << u"file"_s;
    QTest::addRow("file: dot dot") << file << u".."_s << u"file"_s;
    QTest::addRow("file: tilde dot tilde") << file << u"~..~"_s << u"file"_s;
    QTest::addRow("file: newline") << file << u"notes\n.txt"_s << u"notes_.txt"_s;
}

void TestNameRules::suggestionIsCloseToInput()
{
    QFETCH(Kind, kind);
    QFETCH(QString, input);
    QFETCH(QString, expected);

    QCOMPARE(suggest(kind, input), expected);
    QVERIFY(!problem(kind, expected));
}

void TestNameRules::suggestionsAreValidIdempotentAndKeepValidInput_data()
{
    QTest::addColumn<QString>("input");

    const QStringList inputs = generatedInputs();
    QVERIFY(inputs.size() >= 500);
    for (qsizetype i = 0; i < inputs.size(); ++i)
        QTest::addRow("input %d", static_cast<int>(i)) << inputs.at(i);
}

void TestNameRules::suggestionsAreValidIdempotentAndKeepValidInput()
{
    QFETCH(QString, input);

    for (const Kind kind : {Kind::PackageName, Kind::Version, Kind::FileName}) {
        const QString suggestion = suggest(kind, input);
        const QByteArray context = "kind " + QByteArray::number(static_cast<int>(kind))
                                   + ", input \"" + escaped(input) + "\", suggestion \""
                                   + escaped(suggestion) + '"';
        QVERIFY2(!problem(kind, suggestion), context.constData());
        QVERIFY2(suggest(kind, suggestion) == suggestion, context.constData());
        if (!problem(kind, input))
            QVERIFY2(suggestion == input, context.constData());
    }
}

void TestNameRules::splitUploadPathNamesTheStoredFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("directories");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("storedName");

    QTest::addRow("plain file") << u"file.txt"_s << QStringList{} << u"file.txt"_s << u"file.txt"_s;
    QTest::addRow("plain file with + and ~")
        << u"my+file~1.tgz"_s << QStringList{} << u"my+file~1.tgz"_s << u"my+file~1.tgz"_s;
    QTest::addRow("dir/sub/file.txt") << u"dir/sub/file.txt"_s << QStringList{u"dir"_s, u"sub"_s}
                                      << u"file.txt"_s << u"dir%2Fsub%2Ffile.txt"_s;
    QTest::addRow("dir/my+file~1.tgz") << u"dir/my+file~1.tgz"_s << QStringList{u"dir"_s}
                                       << u"my+file~1.tgz"_s << u"dir%2Fmy%2Bfile%7E1.tgz"_s;
    QTest::addRow("#57 path/to/myfile.tar.gz")
        << u"path/to/myfile.tar.gz"_s << QStringList{u"path"_s, u"to"_s} << u"myfile.tar.gz"_s
        << u"path%2Fto%2Fmyfile.tar.gz"_s;
    QTest::addRow("directory with space and accent")
        << u"my d\u00e9j\u00e0/a.txt"_s << QStringList{u"my d\u00e9j\u00e0"_s} << u"a.txt"_s
        << u"my%20d%C3%A9j%C3%A0%2Fa.txt"_s;
    QTest::addRow("directory with lone percent")
        << u"100%/a.txt"_s << QStringList{u"100%"_s} << u"a.txt"_s << u"100%25%2Fa.txt"_s;
    QTest::addRow("kept characters")
        << u"A-z_0.9*/b"_s << QStringList{u"A-z_0.9*"_s} << u"b"_s << u"A-z_0.9*%2Fb"_s;
}

void TestNameRules::splitUploadPathNamesTheStoredFile()
{
    QFETCH(QString, path);
    QFETCH(QStringList, directories);
    QFETCH(QString, fileName);
    QFETCH(QString, storedName);

    QString problem = u"stale"_s;
    const std::optional<UploadName> name = NameRules::splitUploadPath(path, &problem);
    QVERIFY2(name.has_value(), qPrintable(problem));
    QCOMPARE(problem, QString());
    QCOMPARE(name->directories, directories);
    QCOMPARE(name->fileName, fileName);
    QCOMPARE(name->storedName, storedName);
}

void TestNameRules::splitUploadPathRefusesBadPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedProblem");

    const QString emptySegment = u"An upload path may not start or end with '/' or contain '//'."_s;
    QTest::addRow("empty") << QString() << u"An upload path may not be empty."_s;
    QTest::addRow("leading slash") << u"/etc/passwd"_s << emptySegment;
    QTest::addRow("trailing slash") << u"dir/"_s << emptySegment;
    QTest::addRow("double slash") << u"dir//file.txt"_s << emptySegment;
    QTest::addRow("only slash") << u"/"_s << emptySegment;
    QTest::addRow("#83 decoded ../.ssh/authorized_keys")
        << u"../.ssh/authorized_keys"_s << *NameRules::directoryProblem(u".."_s);
    QTest::addRow("#84 %%2e%%2e%%2f.ssh%%2fauthorized_keys")
        << u"%2e%2e%2f.ssh%2fauthorized_keys"_s
        << *NameRules::fileNameProblem(u"%2e%2e%2f.ssh%2fauthorized_keys"_s);
    QTest::addRow("encoded dots as directory")
        << u"%2e%2e/x.txt"_s << *NameRules::directoryProblem(u"%2e%2e"_s);
    QTest::addRow("dot directory") << u"./file.txt"_s << *NameRules::directoryProblem(u"."_s);
    QTest::addRow("traversal in the middle")
        << u"a/../b.txt"_s << *NameRules::directoryProblem(u".."_s);
    QTest::addRow("newline in directory")
        << u"a\nb/c.txt"_s << *NameRules::directoryProblem(u"a\nb"_s);
    QTest::addRow("file name with space")
        << u"dir/my file.txt"_s << *NameRules::fileNameProblem(u"my file.txt"_s);
    QTest::addRow("file name ending in ~")
        << u"dir/file~"_s << *NameRules::fileNameProblem(u"file~"_s);
    QTest::addRow("file name ..") << u"dir/.."_s << *NameRules::fileNameProblem(u".."_s);
    QTest::addRow("file name with backslash")
        << u"dir\\file.txt"_s << *NameRules::fileNameProblem(u"dir\\file.txt"_s);
}

void TestNameRules::splitUploadPathRefusesBadPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, expectedProblem);

    QString problem;
    QVERIFY(!NameRules::splitUploadPath(path, &problem).has_value());
    QCOMPARE(problem, expectedProblem);
}

void TestNameRules::splitUploadPathAcceptsNullProblem()
{
    QVERIFY(!NameRules::splitUploadPath(u"a//b"_s, nullptr).has_value());
    QVERIFY(NameRules::splitUploadPath(u"a/b"_s).has_value());
}

void TestNameRules::encodeUriComponentMatchesRuby_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoded");

    QTest::addRow("kept") << u"AZaz09*-._"_s << u"AZaz09*-._"_s;
    QTest::addRow("slash") << u"a/b"_s << u"a%2Fb"_s;
    QTest::addRow("tilde") << u"~"_s << u"%7E"_s;
    QTest::addRow("plus") << u"+"_s << u"%2B"_s;
    QTest::addRow("at") << u"@"_s << u"%40"_s;
    QTest::addRow("space is %%20") << u" "_s << u"%20"_s;
    QTest::addRow("percent") << u"%"_s << u"%25"_s;
    QTest::addRow("reserved") << u"!'()"_s << u"%21%27%28%29"_s;
    QTest::addRow("two-byte UTF-8") << u"\u00e9"_s << u"%C3%A9"_s;
    QTest::addRow("four-byte UTF-8") << u"\U0001F600"_s << u"%F0%9F%98%80"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestNameRules::encodeUriComponentMatchesRuby()
{
    QFETCH(QString, text);
    QFETCH(QString, encoded);

    QCOMPARE(NameRules::encodeUriComponent(text), encoded);
}

void TestNameRules::displayNameFromStored_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("display");

    QTest::addRow("dir%%2Fsub%%2Ffile.txt") << u"dir%2Fsub%2Ffile.txt"_s << u"dir/sub/file.txt"_s;
    QTest::addRow("dir%%2Fmy%%2Bfile%%7E1.tgz")
        << u"dir%2Fmy%2Bfile%7E1.tgz"_s << u"dir/my+file~1.tgz"_s;
    QTest::addRow("#57") << u"path%2Fto%2Fmyfile.tar.gz"_s << u"path/to/myfile.tar.gz"_s;
    QTest::addRow("UTF-8 directory") << u"d%C3%A9j%C3%A0%2Fa.txt"_s << u"d\u00e9j\u00e0/a.txt"_s;
    QTest::addRow("lower-case hex") << u"a%2fb"_s << u"a/b"_s;
    QTest::addRow("plain name") << u"myfile.tar.gz"_s << u"myfile.tar.gz"_s;
    QTest::addRow("plain name with + ~ @") << u"my+file~1@2.tgz"_s << u"my+file~1@2.tgz"_s;
    QTest::addRow("percent but no encoded slash") << u"a%41b"_s << u"a%41b"_s;
    QTest::addRow("invalid UTF-8 kept as stored") << u"a%FF%2Fb"_s << u"a%FF%2Fb"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestNameRules::displayNameFromStored()
{
    QFETCH(QString, stored);
    QFETCH(QString, display);

    QCOMPARE(NameRules::displayNameFromStored(stored), display);
}

void TestNameRules::displayNameRoundTripsStoredName_data()
{
    QTest::addColumn<QString>("path");

    QTest::addRow("plain") << u"file.txt"_s;
    QTest::addRow("plain with + ~ @") << u"my+file~1@2.tgz"_s;
    QTest::addRow("one directory") << u"dir/my+file~1.tgz"_s;
    QTest::addRow("two directories") << u"dir/sub/file.txt"_s;
    QTest::addRow("spaces and unicode") << u"My Docs/R\u00e9sum\u00e9s \U0001F600/cv.pdf"_s;
    QTest::addRow("percent and plus") << u"100% + more/x@y.bin"_s;
    QTest::addRow("backslash and dots") << u"a\\b/.../c..d/.e"_s;
}

void TestNameRules::displayNameRoundTripsStoredName()
{
    QFETCH(QString, path);

    QString problem;
    const std::optional<UploadName> name = NameRules::splitUploadPath(path, &problem);
    QVERIFY2(name.has_value(), qPrintable(problem));
    QCOMPARE(NameRules::displayNameFromStored(name->storedName), path);
    // Splitting what people see gives the same upload again.
    QVERIFY(NameRules::splitUploadPath(NameRules::displayNameFromStored(name->storedName)) == name);
}

void TestNameRules::namesAreAtMost255Characters()
{
    const QString longest(NameRules::kMaxNameLength, u'a');
    const QString tooLong = longest + u'a';
    QVERIFY(!NameRules::packageNameProblem(longest));
    QVERIFY(!NameRules::versionProblem(longest));
    QVERIFY(!NameRules::fileNameProblem(longest));
    QVERIFY(!NameRules::directoryProblem(longest));
    for (const auto &problem :
         {NameRules::packageNameProblem(tooLong), NameRules::versionProblem(tooLong),
          NameRules::fileNameProblem(tooLong), NameRules::directoryProblem(tooLong)}) {
        QVERIFY(problem.has_value());
        QVERIFY2(problem->contains(u"at most 255 characters"_s), qPrintable(*problem));
    }
}

void TestNameRules::projectIsAnIdOrAFullPath_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<bool>("valid");
    QTest::newRow("id") << u"42"_s << true;
    QTest::newRow("group/project") << u"demo/hello"_s << true;
    QTest::newRow("subgroup") << u"demo/platform/agent"_s << true;
    QTest::newRow("dots and dashes") << u"my-group/my.project_1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("id zero") << u"0"_s << false;
    QTest::newRow("one segment") << u"hello"_s << false;
    QTest::newRow("leading slash") << u"/demo/hello"_s << false;
    QTest::newRow("trailing slash") << u"demo/hello/"_s << false;
    QTest::newRow("empty segment") << u"demo//hello"_s << false;
    QTest::newRow("dot dot") << u"demo/../x"_s << false;
    QTest::newRow("only dot dot") << u".."_s << false;
    QTest::newRow("space") << u"demo/my project"_s << false;
    QTest::newRow("encoded slash") << u"demo%2Fhello"_s << false;
    QTest::newRow("newline") << u"demo/hel\nlo"_s << false;
}

void TestNameRules::projectIsAnIdOrAFullPath()
{
    QFETCH(QString, project);
    QFETCH(bool, valid);
    const auto problem = NameRules::projectProblem(project);
    QCOMPARE(!problem.has_value(), valid);
}

void TestNameRules::localNameStaysBelowTheFolder_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"hello-1.0.tar.gz"_s << true;
    QTest::newRow("folders") << u"site/css/site.css"_s << true;
    QTest::newRow("parent") << u"../evil.txt"_s << false;
    QTest::newRow("parent inside") << u"a/../../evil.txt"_s << false;
    QTest::newRow("encoded once") << u"%2E%2E%2Fevil.txt"_s << false;
    QTest::newRow("encoded twice") << u"%252E%252E%252Fevil.txt"_s << false;
    QTest::newRow("encoded in a folder") << u"a/%2E%2E/evil.txt"_s << false;
    QTest::newRow("absolute") << u"/etc/passwd"_s << false;
    QTest::newRow("backslash") << u"a\\b.txt"_s << false;
    QTest::newRow("drive letter") << u"C:evil.txt"_s << false;
    QTest::newRow("escape") << u"evil\u001b[2J.txt"_s << false;
    QTest::newRow("bell in a folder") << u"bell\u0007/x.txt"_s << false;
    QTest::newRow("newline") << u"a\nb.txt"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << u"./x.txt"_s << false;
}

void TestNameRules::localNameStaysBelowTheFolder()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const auto problem = NameRules::localNameProblem(name);
    QVERIFY2(!problem.has_value() == valid, qPrintable(problem.value_or(u"valid"_s)));
}

void TestNameRules::printableShowsControlCharacters()
{
    QCOMPARE(NameRules::printable(u"a\u001b[2Jb\u0007c\rd\u0000e"_s),
             u"a\\x1b[2Jb\\x07c\\x0dd\\x00e"_s);
    QCOMPARE(NameRules::printable(u"plain ünïcode.txt"_s), u"plain ünïcode.txt"_s);
}

QTEST_GUILESS_MAIN(TestNameRules)
#include "TestNameRules.moc"
