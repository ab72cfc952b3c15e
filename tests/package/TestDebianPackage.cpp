// The Debian package as a user gets it: CPack packs this build tree (the same install rules
// `make package` packs for the release preset) into a .deb, whose control fields and contents
// are read with dpkg-deb and judged by lintian; then it is unpacked with `dpkg -x` into a
// temporary root, and the unpacked binaries run: `--version`, a publish and download round
// trip against gitlab-sim --demo with an account from the environment, and a login whose token
// the unpacked keychain module stores in a real Secret Service (run-with-keyring.sh).

#include "CliTestSupport.h"
#include "DemoData.h"
#include "SimServer.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Stevedore::CliTest;
using namespace stevedore::test::demo;
using namespace Qt::StringLiterals;

namespace {

const QString kVersion = QStringLiteral(STEVEDORE_VERSION_STRING);
const QString kAppId = QStringLiteral(STEVEDORE_APP_ID_STRING);
const QString kSourceDir = QStringLiteral(STEVEDORE_SOURCE_DIR);

// Where the package puts the command line and the window.
const QString kCommandLine = u"usr/bin/stevedore"_s;
const QString kWindow = u"usr/libexec/stevedore/stevedore-window"_s;
const QString kKeychainModule = u"usr/libexec/stevedore/stevedore-keychain.so"_s;

// The width and height a PNG's header states (IHDR comes first), or {} for a non-PNG.
QSize pngSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = file.read(24);
    if (header.size() < 24 || !header.startsWith("\x89PNG\r\n\x1a\n")
        || header.mid(12, 4) != "IHDR")
        return {};
    const auto bigEndian = [&](int offset) {
        int value = 0;
        for (int i = 0; i < 4; ++i)
            value = (value << 8) | quint8(header.at(offset + i));
        return value;
    };
    return QSize(bigEndian(16), bigEndian(20));
}

// The newest <release>'s version, the homepage and the screenshot URLs of a metainfo file.
struct Metainfo
{
    QString newestRelease;
    QString homepage;
    QStringList screenshots;
    QString error;
};

Metainfo readMetainfo(const QString &path)
{
    Metainfo metainfo;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        metainfo.error = file.errorString();
        return metainfo;
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "release"_L1 && metainfo.newestRelease.isEmpty())
            metainfo.newestRelease = xml.attributes().value("version"_L1).toString();
        else if (xml.name() == "url"_L1 && xml.attributes().value("type"_L1) == "homepage"_L1)
            metainfo.homepage = xml.readElementText();
        else if (xml.name() == "image"_L1)
            metainfo.screenshots << xml.readElementText();
    }
    if (xml.hasError())
        metainfo.error = xml.errorString();
    return metainfo;
}

} // namespace

class TestDebianPackage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;       // the package unpacked by dpkg -x
    QString m_control;    // dpkg-deb --info
    QStringList m_listed; // dpkg-deb --contents: the paths, as ./usr/...
    stevedore::test::ScopedSim m_sim;

    Run run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
    {
        return runProgram(program, arguments,
                          cleanEnvironment(QProcessEnvironment::systemEnvironment()), m_work.path(),
                          {}, timeoutMs);
    }

    QString unpacked(const QString &path) const { return m_root + u'/' + path; }

    // The value of one field of the control file ("Package", "Depends"…); a folded field
    // (Description) gives its first line.
    QString controlField(const QString &name) const
    {
        const QRegularExpression field(u"^ "_s + QRegularExpression::escape(name) + u": (.*)$"_s,
                                       QRegularExpression::MultilineOption);
        return field.match(m_control).captured(1).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString out = m_work.filePath(u"out"_s);
        const Run cpack = run(QStringLiteral(STEVEDORE_CPACK),
                              {u"-G"_s, u"DEB"_s, u"--config"_s,
                               QStringLiteral(STEVEDORE_CPACK_CONFIG), u"-B"_s, out},
                              480000);
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.describe()));
        const QStringList debs = QDir(out).entryList({u"stevedore_*.deb"_s}, QDir::Files);
        QVERIFY2(debs.size() == 1, qPrintable(cpack.describe()));
        m_deb = QDir(out).filePath(debs.first());

        const Run info = run(u"dpkg-deb"_s, {u"--info"_s, m_deb});
        QVERIFY2(info.exitCode == 0, qPrintable(info.describe()));
        m_control = info.out();

        const Run contents = run(u"dpkg-deb"_s, {u"--contents"_s, m_deb});
        QVERIFY2(contents.exitCode == 0, qPrintable(contents.describe()));
        // "-rwxr-xr-x root/root 1234 2026-12-02 01:00 ./usr/bin/stevedore"
        for (const QString &line : contents.out().split(u'\n', Qt::SkipEmptyParts))
            m_listed << line.section(u' ', 5, 5, QString::SectionSkipEmpty);

        m_root = m_work.filePath(u"root"_s);
        const Run extract = run(u"dpkg"_s, {u"-x"_s, m_deb, m_root});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.describe()));
    }

    void cleanup() { m_sim.reportIfFailed(); }

    void controlFields()
    {
        QCOMPARE(controlField(u"Package"_s), u"stevedore"_s);
        QCOMPARE(controlField(u"Version"_s), kVersion);
        const Run architecture = run(u"dpkg"_s, {u"--print-architecture"_s});
        QCOMPARE(controlField(u"Architecture"_s), architecture.out().trimmed());
        QCOMPARE(controlField(u"Section"_s), u"devel"_s);
        QCOMPARE(controlField(u"Priority"_s), u"optional"_s);
        QCOMPARE(controlField(u"Homepage"_s), QStringLiteral(STEVEDORE_HOMEPAGE));
        QVERIFY2(QRegularExpression(u"^[^<>]+ <[^@<>\\s]+@[^@<>\\s]+>$"_s)
                     .match(controlField(u"Maintainer"_s))
                     .hasMatch(),
                 qPrintable(m_control));

        // Computed by dpkg-shlibdeps from the binaries' libraries; libcurl, loaded with dlopen,
        // is named by the build.
        const QString depends = controlField(u"Depends"_s);
        for (const QString &library :
             {u"libc6"_s, u"libqt6core6"_s, u"libqt6network6"_s, u"libqt6widgets6"_s,
              u"libqt6svg6"_s, u"libqt6keychain1"_s, u"libcurl4"_s, u"libssl3"_s})
            QVERIFY2(depends.contains(QRegularExpression(u"(^|, )"_s + library + u"( |,|$)"_s)),
                     qPrintable(library + u" is not in Depends: "_s + depends));

        // A synopsis and a long description of several lines.
        QVERIFY2(controlField(u"Description"_s).contains(u"GitLab"_s), qPrintable(m_control));
        const qsizetype description = m_control.indexOf(u" Description: "_s);
        QVERIFY(description >= 0);
        QVERIFY2(m_control.mid(description).count(u"\n  "_s) >= 5, qPrintable(m_control));
    }

    void contents_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList paths = {kCommandLine,
                                   kWindow,
                                   kKeychainModule,
                                   u"usr/share/applications/"_s + kAppId + u".desktop"_s,
                                   u"usr/share/metainfo/"_s + kAppId + u".metainfo.xml"_s,
                                   u"usr/share/icons/hicolor/scalable/apps/"_s + kAppId + u".svg"_s,
                                   u"usr/share/man/man1/stevedore.1.gz"_s,
                                   u"usr/share/bash-completion/completions/stevedore"_s,
                                   u"usr/share/zsh/vendor-completions/_stevedore"_s,
                                   u"usr/share/fish/vendor_completions.d/stevedore.fish"_s,
                                   u"usr/share/doc/stevedore/copyright"_s,
                                   u"usr/share/doc/stevedore/changelog.gz"_s};
        for (const QString &path : paths)
            QTest::newRow(qPrintable(path)) << path;
    }

    void contents()
    {
        QFETCH(QString, path);
        QVERIFY2(m_listed.contains(u"./"_s + path), qPrintable(m_listed.join(u'\n')));
        QVERIFY(QFileInfo(unpacked(path)).isFile());
    }

    void onlyUsrAndNoTestPrograms()
    {
        for (const QString &path : std::as_const(m_listed)) {
            QVERIFY2(path == u"./"_s || path.startsWith(u"./usr/"_s), qPrintable(path));
            QVERIFY2(!path.contains(u"gitlab-sim"_s) && !path.contains(u"/Test"_s),
                     qPrintable(path));
        }
    }

    void iconSizes_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            QTest::addRow("%dx%d", size, size) << size;
    }

    void iconSizes()
    {
        QFETCH(int, size);
        const QString path =
            u"usr/share/icons/hicolor/%1x%1/apps/"_s.arg(size) + kAppId + u".png"_s;
        QVERIFY2(m_listed.contains(u"./"_s + path), qPrintable(path));
        QCOMPARE(pngSize(unpacked(path)), QSize(size, size));
    }

    // Debian wants gzip -9n (no name, no time stamp); what it holds must still be the page.
    void compressedManPageAndChangelog()
    {
        const Run manPage =
            run(u"gzip"_s, {u"-dc"_s, unpacked(u"usr/share/man/man1/stevedore.1.gz"_s)});
        QVERIFY2(manPage.exitCode == 0, qPrintable(manPage.describe()));
        QVERIFY2(manPage.out().startsWith(u".TH STEVEDORE 1"_s),
                 qPrintable(manPage.out().left(200)));

        const Run changelog =
            run(u"gzip"_s, {u"-dc"_s, unpacked(u"usr/share/doc/stevedore/changelog.gz"_s)});
        QVERIFY2(changelog.exitCode == 0, qPrintable(changelog.describe()));
        QVERIFY2(changelog.out().startsWith(u"stevedore ("_s + kVersion + u") "_s),
                 qPrintable(changelog.out().left(200)));

        // A time stamp in the gzip header (bytes 4–7) would make two builds differ.
        QFile compressed(unpacked(u"usr/share/doc/stevedore/changelog.gz"_s));
        QVERIFY(compressed.open(QIODevice::ReadOnly));
        QCOMPARE(compressed.read(8).mid(4, 4), QByteArray(4, '\0'));
    }

    // The license in Debian's copyright format, made from LICENSE.
    void copyrightIsTheLicense()
    {
        QFile copyright(unpacked(u"usr/share/doc/stevedore/copyright"_s));
        QVERIFY(copyright.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(copyright.readAll());
        QVERIFY2(
            text.startsWith(
                u"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"\nLicense: Expat\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u" Permission is hereby granted, free of charge"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"\n .\n THE SOFTWARE IS PROVIDED \"AS IS\""_s), qPrintable(text));
    }

    // The metainfo the package installs names this version as its newest release, the
    // package's homepage, and screenshots that `make screenshots` makes.
    void metainfoMatchesThePackage()
    {
        const Metainfo metainfo =
            readMetainfo(unpacked(u"usr/share/metainfo/"_s + kAppId + u".metainfo.xml"_s));
        QVERIFY2(metainfo.error.isEmpty(), qPrintable(metainfo.error));
        QCOMPARE(metainfo.newestRelease, kVersion);
        QCOMPARE(metainfo.homepage, controlField(u"Homepage"_s));
        QVERIFY(!metainfo.screenshots.isEmpty());
        for (const QString &url : metainfo.screenshots) {
            const QString prefix = metainfo.homepage + u"/-/raw/main/"_s;
            QVERIFY2(url.startsWith(prefix), qPrintable(url));
            const QString inRepository = url.mid(prefix.size());
            QVERIFY2(inRepository.startsWith(u"docs/screenshots/"_s)
                         && QFileInfo::exists(kSourceDir + u'/' + inRepository),
                     qPrintable(url));
        }
    }

    void lintianFindsNothing()
    {
        const QString lintian = QStandardPaths::findExecutable(u"lintian"_s);
        if (lintian.isEmpty())
            QSKIP("lintian is not installed (apt-get install lintian)");
        const Run report = run(lintian, {u"--fail-on"_s, u"error,warning"_s, m_deb}, 300000);
        QVERIFY2(report.exitCode == 0, qPrintable(report.describe()));
    }

    void noRunpath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("stevedore") << kCommandLine;
        QTest::newRow("stevedore-window") << kWindow;
        QTest::newRow("stevedore-keychain.so") << kKeychainModule;
    }

    void noRunpath()
    {
        QFETCH(QString, path);
        const Run dynamic = run(u"readelf"_s, {u"--dynamic"_s, unpacked(path)});
        QVERIFY2(dynamic.exitCode == 0, qPrintable(dynamic.describe()));
        QVERIFY2(dynamic.out().contains(u"(NEEDED)"_s), qPrintable(dynamic.out()));
        QVERIFY2(!dynamic.out().contains(u"(RUNPATH)"_s) && !dynamic.out().contains(u"(RPATH)"_s),
                 qPrintable(dynamic.out()));
    }

    // Both unpacked binaries load with the system's libraries alone (no LD_LIBRARY_PATH).
    void unpackedBinariesRun_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("stevedore") << kCommandLine;
        QTest::newRow("stevedore-window") << kWindow;
    }

    void unpackedBinariesRun()
    {
        QFETCH(QString, path);
        const Run version = run(unpacked(path), {u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out().contains(kVersion), qPrintable(version.describe()));
    }

    void publishAndDownloadRoundTrip()
    {
        QVERIFY(m_sim.startDemo());
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment environment = isolatedEnvironment(home.path());
        environment.insert(u"GITLAB_HOST"_s, m_sim->baseUrl().toString());
        environment.insert(u"GITLAB_TOKEN"_s, kPat);
        const QString stevedore = unpacked(kCommandLine);

        QByteArray bytes(300 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                              bytes.size() / int(sizeof(quint32)));
        QVERIFY(writeBytes(m_work.filePath(u"upload/release.tar.gz"_s), bytes));

        const Run publish = runProgram(
            stevedore,
            {u"publish"_s, kProject, u"from-deb"_s, kVersion, u"upload/release.tar.gz"_s},
            environment, m_work.path());
        QVERIFY2(publish.exitCode == 0, qPrintable(publish.describe()));

        const Run download = runProgram(
            stevedore, {u"download"_s, kProject, u"from-deb"_s, kVersion, u"-o"_s, u"downloaded"_s},
            environment, m_work.path());
        QVERIFY2(download.exitCode == 0, qPrintable(download.describe()));
        QFile downloaded(m_work.filePath(u"downloaded/release.tar.gz"_s));
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QVERIFY(downloaded.readAll() == bytes);
        QCOMPARE(m_sim.stop(), 0);
    }

    // The unpacked command line finds its keychain module (usr/libexec/stevedore, reached from
    // usr/bin) at the first keychain operation: login stores the token, a command reads it.
    void theKeychainModuleIsFoundWhereThePackagePutsIt()
    {
        QVERIFY2(qEnvironmentVariableIsSet("STEVEDORE_KEYRING_ROOT"),
                 "run this test through tests/keychain/run-with-keyring.sh");
        QVERIFY(m_sim.startDemo());
        const QProcessEnvironment environment =
            cleanEnvironment(QProcessEnvironment::systemEnvironment());
        const QString stevedore = unpacked(kCommandLine);
        const Run login = runProgram(
            stevedore, {u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, u"deb"_s},
            environment, m_work.path(), kPat.toUtf8() + '\n');
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe()));
        const Run projects = runProgram(stevedore, {u"projects"_s, u"--account"_s, u"deb"_s},
                                        environment, m_work.path());
        QVERIFY2(projects.exitCode == 0 && projects.out().contains(kProject),
                 qPrintable(projects.describe()));
        QCOMPARE(m_sim.stop(), 0);
    }

    // Without a module it can load, the command line says so, why (the loader's own words), and
    // what works meanwhile; the account is not saved.
    void aKeychainModuleThatCannotBeLoadedIsNamed_data()
    {
        QTest::addColumn<QByteArray>("module"); // empty: none
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << QByteArray() << u"cannot open shared object file"_s;
        QTest::newRow("not a library") << QByteArray(4096, 'x') << u"invalid ELF header"_s;
    }

    void aKeychainModuleThatCannotBeLoadedIsNamed()
    {
        QFETCH(QByteArray, module);
        QFETCH(QString, why);
        QVERIFY(m_sim.startDemo());
        const QString folder = m_work.filePath(QString::fromLatin1(QTest::currentDataTag()));
        const QString alone = folder + u"/stevedore"_s;
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(unpacked(kCommandLine), alone));
        if (!module.isEmpty())
            QVERIFY(writeBytes(folder + u"/stevedore-keychain.so"_s, module));
        const QProcessEnvironment environment =
            cleanEnvironment(QProcessEnvironment::systemEnvironment());
        const Run login = runProgram(
            alone, {u"login"_s, u"--url"_s, m_sim->baseUrl().toString(), u"--name"_s, u"alone"_s},
            environment, m_work.path(), kPat.toUtf8() + '\n');
        QVERIFY2(login.exitCode != 0, qPrintable(login.describe()));
        QVERIFY2(login.err().contains(u"keychain support (stevedore-keychain.so) could not be "
                                      u"loaded"_s)
                     && login.err().contains(why) && login.err().contains(u"GITLAB_TOKEN"_s),
                 qPrintable(login.describe()));
        const Run accounts = runProgram(alone, {u"accounts"_s}, environment, m_work.path());
        QVERIFY2(!accounts.out().contains(u"alone"_s), qPrintable(accounts.describe()));
        QCOMPARE(m_sim.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "TestDebianPackage.moc"
