// §11.4 (rows 1–50) and §11.5 (rows 51–68; 55 is [int]) — generic download:
// authentication, lookup, headers (§4.2), ranges, HEAD, and object storage (§4.3).

#include "SimTest.h"

#include <QObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

enum class Credential {
    None,
    Pat,
    Basic,
    BadPat,
    BadBasic,
    Job,
    JobBasic,
    BadJob,
    DeployRw,
    DeployWo,
    DeployRo,
    BadDeploy
};

constexpr int PublicProject = 1;
constexpr int PrivateProject = 2;
constexpr int RegistryPublicProject = 3;
constexpr int RegistryPrivateProject = 4; // public project, package registry for members only

const QByteArray PublicBytes = "public package bytes: 0123456789abcdefghijklmnopqrstuvwxyz\n";
const QByteArray PrivateBytes = "private package bytes: 0123456789abcdefghijklmnopqrstuvwxyz\n";
const QByteArray RangeBytes = QByteArray("0123456789").repeated(10); // 100 bytes

QJsonObject fixture()
{
    Fixture f;
    for (const QString &user : {u"dev"_s, u"guest"_s, u"devout"_s, u"guestout"_s})
        f.addUser(user).addPersonalToken(u"pat-"_s + user, user);
    const QMap<QString, QString> members{{u"dev"_s, u"developer"_s}, {u"guest"_s, u"guest"_s}};
    f.addProject(PublicProject, u"grp/pub"_s, u"public"_s, members)
        .addProject(PrivateProject, u"grp/priv"_s, u"private"_s, members)
        .addProject(RegistryPublicProject, u"grp/registry-public"_s, u"private"_s, members,
                    {{u"package_registry_access_level"_s, u"public"_s}})
        .addProject(RegistryPrivateProject, u"grp/registry-private"_s, u"public"_s, members,
                    {{u"package_registry_access_level"_s, u"private"_s}});
    int job = 9100;
    for (const QString &user : {u"dev"_s, u"devout"_s}) {
        job += 2;
        f.addJobToken(u"job-%1-pub"_s.arg(user), user, u"grp/pub"_s, job, 500 + job);
        f.addJobToken(u"job-%1-priv"_s.arg(user), user, u"grp/priv"_s, job + 1, 501 + job);
    }
    f.addDeployToken(u"deploy-rw"_s, u"grp/priv"_s,
                     {u"read_package_registry"_s, u"write_package_registry"_s})
        .addDeployToken(u"deploy-wo"_s, u"grp/priv"_s, {u"write_package_registry"_s})
        .addDeployToken(u"deploy-ro"_s, u"grp/priv"_s, {u"read_package_registry"_s});

    f.addPackage(u"grp/pub"_s, u"mypackage"_s, u"0.0.1"_s,
                 {Fixture::file(u"myfile.tar.gz"_s, PublicBytes)});
    f.addPackage(u"grp/registry-private"_s, u"mypackage"_s, u"0.0.1"_s,
                 {Fixture::file(u"myfile.tar.gz"_s, "members only\n")});
    f.addPackage(u"grp/registry-public"_s, u"mypackage"_s, u"0.0.1"_s,
                 {Fixture::file(u"myfile.tar.gz"_s, "registry is public\n")});
    f.addPackage(u"grp/priv"_s, u"mypackage"_s, u"0.0.1"_s,
                 {Fixture::file(u"myfile.tar.gz"_s, PrivateBytes),
                  Fixture::file(u"my+file.tar.gz"_s, "plus\n"),
                  Fixture::file(u"myfile@1.1.tar.gz"_s, "at\n"),
                  Fixture::file(u"my~file.tar.gz"_s, "tilde\n"),
                  Fixture::file(u"path/to/myfile.tar.gz"_s, "nested\n"),
                  Fixture::file(u"dup.txt"_s, "first copy\n"),
                  Fixture::file(u"dup.txt"_s, "second copy\n"),
                  Fixture::file(u"range.bin"_s, RangeBytes),
                  Fixture::generatedFile(u"generated.bin"_s, 100000)});
    for (const QString &status :
         {u"default"_s, u"hidden"_s, u"error"_s, u"processing"_s, u"deprecated"_s}) {
        f.addPackage(u"grp/priv"_s, u"pkg-"_s + status, u"1.0.0"_s,
                     {Fixture::file(u"file.bin"_s, status.toUtf8() + " bytes\n")},
                     {{u"status"_s, status}});
    }
    f.addPackage(u"grp/priv"_s, u"never-downloaded"_s, u"1.0.0"_s,
                 {Fixture::file(u"file.bin"_s, "fresh\n")});
    return f.toJson();
}

HttpHeaders headersFor(Credential credential, const QByteArray &user, int project)
{
    const QByteArray vis = project == PublicProject ? "pub" : "priv";
    switch (credential) {
    case Credential::None:
        return {};
    case Credential::Pat:
        return Http::privateToken("pat-" + user);
    case Credential::Basic:
        return Http::basic(user, "pat-" + user);
    case Credential::BadPat:
        return Http::privateToken("glpat-unknown-0123456789");
    case Credential::BadBasic:
        return Http::basic("invalid user", "invalid password");
    case Credential::Job:
        return Http::jobToken("job-" + user + '-' + vis);
    case Credential::JobBasic:
        return Http::basic("gitlab-ci-token", "job-" + user + '-' + vis);
    case Credential::BadJob:
        return Http::jobToken("glcbt-unknown-job-token");
    case Credential::DeployRw:
        return Http::deployToken("deploy-rw");
    case Credential::DeployWo:
        return Http::deployToken("deploy-wo");
    case Credential::DeployRo:
        return Http::deployToken("deploy-ro");
    case Credential::BadDeploy:
        return Http::deployToken("gldt-unknown-deploy-token");
    }
    return {};
}

const HttpHeaders &devPat()
{
    static const HttpHeaders h = Http::privateToken("pat-dev");
    return h;
}

// §4.2 Content-Disposition for a stored name.
QByteArray expectedDisposition(const QByteArray &stored)
{
    const QByteArray a = stored.toPercentEncoding("!#$+.^_`|~-");
    const QByteArray b = stored.toPercentEncoding("!#$&+.^_`|~-");
    return "attachment; filename=\"" + a + "\"; filename*=UTF-8''" + b;
}

} // namespace

Q_DECLARE_METATYPE(Credential)

#define VERIFY_SUCCESSFUL_DOWNLOAD(reply, bytes, storedName)                                       \
    do {                                                                                           \
        const auto &download_ = (reply);                                                           \
        SIM_COMPARE_STATUS(download_, 200);                                                        \
        QCOMPARE(download_.body, QByteArray(bytes));                                               \
        SIM_COMPARE_HEADER(download_, "Content-Type", "application/octet-stream");                 \
        SIM_COMPARE_HEADER(download_, "Content-Disposition", expectedDisposition(storedName));     \
        SIM_COMPARE_HEADER(download_, "X-Checksum-SHA256", sha256Hex(download_.body));             \
        SIM_VERIFY_SECURITY_HEADERS(download_);                                                    \
    } while (false)

class TestDownload final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;

    QByteArray myfile(int project) const
    {
        return genericTarget(project, "mypackage/0.0.1/myfile.tar.gz");
    }

    // Starts a simulator in object-storage mode (§4.3).
    std::unique_ptr<SimServer> objectStorageSim()
    {
        auto sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture()).withArguments({u"--object-storage"_s}));
        if (!sim->start()) {
            qWarning().noquote() << sim->errorString();
            return nullptr;
        }
        return sim;
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture()));
        SIM_START(*m_sim);
        m_http = std::make_unique<Http>(m_sim->baseUrl());
    }

    void cleanup() { m_sim->reportIfFailed(); }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning())
            QCOMPARE(m_sim->stop(), 0);
    }

    // §11.4 rows 1–50.
    void downloadIsAuthenticatedAndAuthorized_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<int>("expected");
        const int pub = PublicProject;
        const int priv = PrivateProject;
        using C = Credential;
        const struct
        {
            int number;
            int project;
            const char *user;
            Credential credential;
            int expected;
        } rows[] = {
            {1, pub, "dev", C::Pat, 200},
            {2, pub, "guest", C::Pat, 200},
            {3, pub, "dev", C::Basic, 200},
            {4, pub, "guest", C::Basic, 200},
            {5, pub, "dev", C::BadPat, 401},
            {6, pub, "guest", C::BadPat, 401},
            {7, pub, "dev", C::BadBasic, 200},
            {8, pub, "guest", C::BadBasic, 200},
            {9, pub, "devout", C::Pat, 200},
            {10, pub, "guestout", C::Pat, 200},
            {11, pub, "devout", C::Basic, 200},
            {12, pub, "guestout", C::Basic, 200},
            {13, pub, "devout", C::BadPat, 401},
            {14, pub, "guestout", C::BadPat, 401},
            {15, pub, "devout", C::BadBasic, 200},
            {16, pub, "guestout", C::BadBasic, 200},
            {17, pub, "", C::None, 200},
            {18, priv, "dev", C::Pat, 200},
            {19, priv, "guest", C::Pat, 200},
            {20, priv, "dev", C::Basic, 200},
            {21, priv, "guest", C::Basic, 200},
            {22, priv, "dev", C::BadPat, 401},
            {23, priv, "guest", C::BadPat, 401},
            {24, priv, "dev", C::BadBasic, 401},
            {25, priv, "guest", C::BadBasic, 401},
            {26, priv, "devout", C::Pat, 404},
            {27, priv, "guestout", C::Pat, 404},
            {28, priv, "devout", C::Basic, 404},
            {29, priv, "guestout", C::Basic, 404},
            {30, priv, "devout", C::BadPat, 401},
            {31, priv, "guestout", C::BadPat, 401},
            {32, priv, "devout", C::BadBasic, 401},
            {33, priv, "guestout", C::BadBasic, 401},
            {34, priv, "", C::None, 401},
            {35, pub, "dev", C::Job, 200},
            {36, pub, "dev", C::JobBasic, 200},
            {37, pub, "dev", C::BadJob, 401},
            {38, pub, "devout", C::Job, 200},
            {39, pub, "devout", C::JobBasic, 200},
            {40, pub, "devout", C::BadJob, 401},
            {41, priv, "dev", C::Job, 200},
            {42, priv, "dev", C::JobBasic, 200},
            {43, priv, "dev", C::BadJob, 401},
            {44, priv, "devout", C::Job, 404},
            {45, priv, "devout", C::JobBasic, 404},
            {46, priv, "devout", C::BadJob, 401},
            {47, priv, "", C::DeployRw, 200},
            {48, priv, "", C::DeployWo, 200},
            {49, priv, "", C::DeployRo, 200},
            {50, priv, "", C::BadDeploy, 401},
        };
        static const QMap<Credential, const char *> names{
            {C::None, "none"},          {C::Pat, "PAT"},
            {C::Basic, "basic"},        {C::BadPat, "bad PAT"},
            {C::BadBasic, "bad basic"}, {C::Job, "job"},
            {C::JobBasic, "job-basic"}, {C::BadJob, "bad job"},
            {C::DeployRw, "deploy rw"}, {C::DeployWo, "deploy wo"},
            {C::DeployRo, "deploy ro"}, {C::BadDeploy, "bad deploy"}};
        for (const auto &row : rows) {
            const QByteArray user(row.user);
            const QString who = user.isEmpty() ? (row.credential == C::None ? u"anon"_s : u"-"_s)
                                               : (user.startsWith("dev") ? u"dev"_s : u"guest"_s);
            const QString member = user.isEmpty()
                                       ? QString()
                                       : (user.endsWith("out") ? u" non-member"_s : u" member"_s);
            QTest::addRow("11.4#%d %s %s%s %s", row.number, row.project == pub ? "pub" : "priv",
                          qPrintable(who), qPrintable(member), names.value(row.credential))
                << row.project << user << row.credential << row.expected;
        }
    }

    void downloadIsAuthenticatedAndAuthorized()
    {
        QFETCH(int, project);
        QFETCH(QByteArray, user);
        QFETCH(Credential, credential);
        QFETCH(int, expected);
        const HttpReply reply = m_http->get(myfile(project), headersFor(credential, user, project));
        switch (expected) {
        case 200:
            VERIFY_SUCCESSFUL_DOWNLOAD(reply, project == PublicProject ? PublicBytes : PrivateBytes,
                                       "myfile.tar.gz");
            break;
        case 401:
            SIM_EXPECT_PACKAGES_401(reply);
            break;
        case 404:
            SIM_EXPECT_REPLY(reply, 404, Body404Generic);
            break;
        default:
            QFAIL("unexpected expectation");
        }
    }

    // §11.5 rows 51–54 and the other statuses of §4.1.
    void downloadDependsOnPackageStatusAndRegistryAccess_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("11.5#51 private project, registry everyone, anonymous")
            << genericTarget(RegistryPublicProject, "mypackage/0.0.1/myfile.tar.gz") << true << 200
            << QByteArray("registry is public\n");
        const struct
        {
            const char *tag;
            const char *status;
            int expected;
        } rows[] = {{"11.5#52 status default", "default", 200},
                    {"11.5#53 status hidden", "hidden", 200},
                    {"11.5#54 status error", "error", 404},
                    {"§4.1 status processing", "processing", 404},
                    {"§4.1 status deprecated", "deprecated", 200}};
        for (const auto &r : rows) {
            QTest::newRow(r.tag) << genericTarget(PrivateProject,
                                                  "pkg-" + QByteArray(r.status) + "/1.0.0/file.bin")
                                 << false << r.expected
                                 << QByteArray(QByteArray(r.status) + " bytes\n");
        }
    }

    void downloadDependsOnPackageStatusAndRegistryAccess()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, anonymous);
        QFETCH(int, expected);
        QFETCH(QByteArray, bytes);
        const HttpReply reply = m_http->get(target, anonymous ? HttpHeaders() : devPat());
        if (expected == 200) {
            const QByteArray stored = target.mid(target.lastIndexOf('/') + 1);
            VERIFY_SUCCESSFUL_DOWNLOAD(reply, bytes, stored);
        } else {
            SIM_EXPECT_REPLY(reply, 404, Body404NotFoundLower);
        }
    }

    // §2.5 / §2.6: a visible project whose package registry is for members only.
    void registryForMembersOnlyRefusesOthers_data()
    {
        QTest::addColumn<QByteArray>("user"); // empty: anonymous
        QTest::addColumn<int>("expected");
        QTest::newRow("§2.6 anonymous → 403 (inferred)") << QByteArray() << 403;
        QTest::newRow("§2.6 signed-in non-member → 403") << QByteArray("devout") << 403;
        QTest::newRow("§2.5 guest member → 200") << QByteArray("guest") << 200;
    }

    void registryForMembersOnlyRefusesOthers()
    {
        QFETCH(QByteArray, user);
        QFETCH(int, expected);
        const HttpReply reply =
            m_http->get(myfile(RegistryPrivateProject),
                        user.isEmpty() ? HttpHeaders() : Http::privateToken("pat-" + user));
        if (expected == 200)
            VERIFY_SUCCESSFUL_DOWNLOAD(reply, "members only\n", "myfile.tar.gz");
        else
            SIM_EXPECT_REPLY(reply, 403, Body403);
    }

    // §11.5 rows 56–63 (and §3.4: an anonymous bad GET is 400, validation first).
    void traversalProbeIsRejected_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<QByteArray>("rest");
        QTest::addColumn<QStringList>("allowed");
        QStringList any;
        for (const QString &param :
             {u"package_name"_s, u"package_version"_s, u"path"_s, u"file_name"_s})
            any << param + u" is invalid"_s << param + u" should be a valid file path"_s;
        const QStringList fileName{u"file_name is invalid"_s,
                                   u"file_name should be a valid file path"_s};
        const QStringList packageName{u"package_name is invalid"_s,
                                      u"package_name should be a valid file path"_s};
        const struct
        {
            const char *what;
            const char *rest;
            const QStringList &allowed;
        } probes[] = {
            {"file_name=../.ssh%2fauthorized_keys", "mypackage/0.0.1/../.ssh%2fauthorized_keys",
             any},
            {"file_name=%2e%2e%2f.ssh%2fauthorized_keys",
             "mypackage/0.0.1/%2e%2e%2f.ssh%2fauthorized_keys", fileName},
            {"package_name=my-package/../", "my-package/../0.0.1/myfile.tar.gz", any},
            {"package_name=my-package%2f%2e%2e%2f", "my-package%2f%2e%2e%2f/0.0.1/myfile.tar.gz",
             packageName},
        };
        int row = 56;
        for (const auto &p : probes)
            QTest::addRow("11.5#%d %s", row++, p.what)
                << PrivateProject << false << QByteArray(p.rest) << p.allowed;
        for (const auto &p : probes) {
            QTest::addRow("11.5#%d %s (anonymous, public project)", row++, p.what)
                << PublicProject << true << QByteArray(p.rest) << p.allowed;
        }
        QTest::newRow("§3.4 anonymous bad GET on a private project is 400")
            << PrivateProject << true
            << QByteArray("mypackage/0.0.1/%2e%2e%2f.ssh%2fauthorized_keys") << fileName;
        QTest::newRow("§3.3 file_name %2e%2e")
            << PrivateProject << false << QByteArray("mypackage/0.0.1/%2e%2e")
            << QStringList{u"file_name should be a valid file path"_s};
        QTest::newRow("§3.3 a newline in the file name")
            << PrivateProject << false << QByteArray("mypackage/0.0.1/my%0Afile.txt") << fileName;
        QTest::newRow("§3.3 a newline in the package name")
            << PrivateProject << false << QByteArray("my%0Apackage/0.0.1/myfile.txt")
            << packageName;
    }

    void traversalProbeIsRejected()
    {
        QFETCH(int, project);
        QFETCH(bool, anonymous);
        QFETCH(QByteArray, rest);
        QFETCH(QStringList, allowed);
        const HttpReply reply =
            m_http->get(genericTarget(project, rest), anonymous ? HttpHeaders() : devPat());
        const QString problem = validationProblem(reply, allowed);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // §11.5 rows 64–65 and §4.1: missing package, version or file → "404 Not found";
    // a missing project → "404 Not Found" (§2.6), or 401 for anonymous callers.
    void missingPackageVersionFileOrProject_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("11.5#64 package no-such-package")
            << genericTarget(PrivateProject, "no-such-package/0.0.1/myfile.tar.gz") << false << 404
            << QByteArray(Body404NotFoundLower);
        QTest::newRow("11.5#65 file no-such-file")
            << genericTarget(PrivateProject, "mypackage/0.0.1/no-such-file") << false << 404
            << QByteArray(Body404NotFoundLower);
        QTest::newRow("§4.1 version 9.9.9")
            << genericTarget(PrivateProject, "mypackage/9.9.9/myfile.tar.gz") << false << 404
            << QByteArray(Body404NotFoundLower);
        QTest::newRow("§4.1 missing project")
            << genericTarget(99999, "mypackage/0.0.1/myfile.tar.gz") << false << 404
            << QByteArray(Body404Generic);
        QTest::newRow("§2.6 missing project by path")
            << genericTarget("no%2Fsuch", "mypackage/0.0.1/myfile.tar.gz") << false << 404
            << QByteArray(Body404Generic);
        QTest::newRow("§2.6 missing project, anonymous")
            << genericTarget(99999, "mypackage/0.0.1/myfile.tar.gz") << true << 401
            << QByteArray(Body401);
        QTest::newRow("§2.6 project id neither numeric nor a path")
            << genericTarget("nosuchproject", "mypackage/0.0.1/myfile.tar.gz") << false << 404
            << QByteArray(Body404Generic);
    }

    void missingPackageVersionFileOrProject()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, anonymous);
        QFETCH(int, expected);
        QFETCH(QByteArray, body);
        const HttpReply reply = m_http->get(target, anonymous ? HttpHeaders() : devPat());
        if (expected == 401)
            SIM_EXPECT_PACKAGES_401(reply);
        else
            SIM_EXPECT_REPLY(reply, expected, body);
    }

    // §11.5 rows 66–67 and §4.2's disposition examples.
    void downloadByStoredNameHasDisposition_data()
    {
        QTest::addColumn<QByteArray>("rest");
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("disposition");
        QTest::newRow("11.5#66 path/to/myfile.tar.gz as segments")
            << QByteArray("mypackage/0.0.1/path/to/myfile.tar.gz")
            << QByteArray("path%2Fto%2Fmyfile.tar.gz") << QByteArray("nested\n")
            << QByteArray("attachment; filename=\"path%252Fto%252Fmyfile.tar.gz\"; "
                          "filename*=UTF-8''path%252Fto%252Fmyfile.tar.gz");
        QTest::newRow("11.5#67 my+file.tar.gz")
            << QByteArray("mypackage/0.0.1/my+file.tar.gz") << QByteArray("my+file.tar.gz")
            << QByteArray("plus\n")
            << QByteArray(
                   "attachment; filename=\"my+file.tar.gz\"; filename*=UTF-8''my+file.tar.gz");
        QTest::newRow("§4.2 myfile@1.1.tar.gz")
            << QByteArray("mypackage/0.0.1/myfile@1.1.tar.gz") << QByteArray("myfile@1.1.tar.gz")
            << QByteArray("at\n")
            << QByteArray("attachment; filename=\"myfile%401.1.tar.gz\"; "
                          "filename*=UTF-8''myfile%401.1.tar.gz");
        QTest::newRow("§4.2 my~file.tar.gz")
            << QByteArray("mypackage/0.0.1/my~file.tar.gz") << QByteArray("my~file.tar.gz")
            << QByteArray("tilde\n")
            << QByteArray(
                   "attachment; filename=\"my~file.tar.gz\"; filename*=UTF-8''my~file.tar.gz");
    }

    void downloadByStoredNameHasDisposition()
    {
        QFETCH(QByteArray, rest);
        QFETCH(QByteArray, stored);
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, disposition);
        QCOMPARE(expectedDisposition(stored), disposition); // the helper agrees with §4.2
        const HttpReply reply = m_http->get(genericTarget(PrivateProject, rest), devPat());
        VERIFY_SUCCESSFUL_DOWNLOAD(reply, bytes, stored);
        SIM_COMPARE_HEADER(reply, "Content-Disposition", disposition);
    }

    // §4.2: the fixed headers of a local download.
    void downloadHasLengthRangesAndModificationHeaders()
    {
        const HttpReply reply =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/range.bin"), devPat());
        VERIFY_SUCCESSFUL_DOWNLOAD(reply, RangeBytes, "range.bin");
        SIM_COMPARE_HEADER(reply, "Content-Length", "100");
        SIM_COMPARE_HEADER(reply, "Accept-Ranges", "bytes");
        SIM_COMPARE_HEADER(reply, "Content-Transfer-Encoding", "binary");
        QVERIFY2(!reply.header("Last-Modified").isEmpty(), "Last-Modified missing");
    }

    // A generated (size-only) fixture file downloads with a matching checksum.
    void generatedFileDownloadsWithMatchingChecksum()
    {
        const HttpReply reply =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/generated.bin"), devPat());
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.body.size(), 100000);
        SIM_COMPARE_HEADER(reply, "X-Checksum-SHA256", sha256Hex(reply.body));
        // …and the package-files API agrees (§6.1).
        const HttpReply list =
            m_http->get(packagesTarget(PrivateProject, "package_name=mypackage"), devPat());
        SIM_COMPARE_STATUS(list, 200);
        QCOMPARE(list.jsonArray().size(), 1);
        const HttpReply files = m_http->get(
            packageFilesTarget(PrivateProject,
                               list.jsonArray().at(0).toObject().value(u"id"_s).toInteger(),
                               "per_page=100"),
            devPat());
        SIM_COMPARE_STATUS(files, 200);
        bool found = false;
        for (const QJsonValue &v : files.jsonArray()) {
            const QJsonObject file = v.toObject();
            if (file.value(u"file_name"_s).toString() == u"generated.bin"_s) {
                found = true;
                QCOMPARE(file.value(u"file_sha256"_s).toString().toLatin1(), sha256Hex(reply.body));
                QCOMPARE(file.value(u"size"_s).toInteger(), 100000);
            }
        }
        QVERIFY(found);
    }

    // §4.1 / §11.5 worth adding: the newest duplicate wins.
    void duplicateDownloadsNewestCopy()
    {
        const HttpReply reply =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/dup.txt"), devPat());
        VERIFY_SUCCESSFUL_DOWNLOAD(reply, "second copy\n", "dup.txt");
    }

    // §4.2 / §11.5 worth adding: a single range.
    void rangeRequestReturnsPartialContent()
    {
        const HttpReply reply =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/range.bin"),
                        devPat() + HttpHeaders{{"Range", "bytes=0-9"}});
        SIM_COMPARE_STATUS(reply, 206);
        QCOMPARE(reply.body, RangeBytes.left(10));
        SIM_COMPARE_HEADER(reply, "Content-Range", "bytes 0-9/100");
        SIM_COMPARE_HEADER(reply, "Content-Length", "10");

        const HttpReply tail =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/range.bin"),
                        devPat() + HttpHeaders{{"Range", "bytes=95-"}});
        SIM_COMPARE_STATUS(tail, 206);
        QCOMPARE(tail.body, RangeBytes.mid(95));
        SIM_COMPARE_HEADER(tail, "Content-Range", "bytes 95-99/100");
    }

    void unsatisfiableRangeIs416()
    {
        const HttpReply reply =
            m_http->get(genericTarget(PrivateProject, "mypackage/0.0.1/range.bin"),
                        devPat() + HttpHeaders{{"Range", "bytes=1000-2000"}});
        SIM_COMPARE_STATUS(reply, 416);
        SIM_COMPARE_HEADER(reply, "Content-Range", "bytes */100");
    }

    // §4.2 / §11.5 worth adding: HEAD answers the headers without a body.
    void headReturnsHeadersWithoutBody()
    {
        const HttpReply reply =
            m_http->head(genericTarget(PrivateProject, "mypackage/0.0.1/range.bin"), devPat());
        SIM_COMPARE_STATUS(reply, 200);
        QVERIFY(reply.body.isEmpty());
        SIM_COMPARE_HEADER(reply, "Content-Length", "100");
        SIM_COMPARE_HEADER(reply, "Content-Type", "application/octet-stream");
        SIM_COMPARE_HEADER(reply, "Content-Disposition", expectedDisposition("range.bin"));
        SIM_COMPARE_HEADER(reply, "X-Checksum-SHA256", sha256Hex(RangeBytes));
    }

    // §4.2: If-Modified-Since with the Last-Modified value → 304.
    void conditionalRequestIsHonoured()
    {
        const QByteArray target = genericTarget(PrivateProject, "mypackage/0.0.1/range.bin");
        const HttpReply first = m_http->get(target, devPat());
        SIM_COMPARE_STATUS(first, 200);
        const QByteArray lastModified = first.header("Last-Modified");
        QVERIFY(!lastModified.isEmpty());
        const HttpReply again =
            m_http->get(target, devPat() + HttpHeaders{{"If-Modified-Since", lastModified}});
        SIM_COMPARE_STATUS(again, 304);
        QVERIFY(again.body.isEmpty());
    }

    // §4.2 (Go's http.ServeContent, no ETag): If-None-Match: * matches the file → 304; any
    // other entity tag does not, and then If-Modified-Since is not consulted.
    void ifNoneMatchIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("ifNoneMatch");
        QTest::addColumn<bool>("withModifiedSince");
        QTest::addColumn<int>("status");
        QTest::newRow("*") << QByteArray("*") << false << 304;
        QTest::newRow("* with If-Modified-Since") << QByteArray("*") << true << 304;
        QTest::newRow("an entity tag") << QByteArray("\"abc\"") << false << 200;
        QTest::newRow("an entity tag, If-Modified-Since ignored")
            << QByteArray("\"abc\"") << true << 200;
    }

    void ifNoneMatchIsHonoured()
    {
        QFETCH(QByteArray, ifNoneMatch);
        QFETCH(bool, withModifiedSince);
        QFETCH(int, status);
        const QByteArray target = genericTarget(PrivateProject, "mypackage/0.0.1/range.bin");
        HttpHeaders headers = devPat() + HttpHeaders{{"If-None-Match", ifNoneMatch}};
        if (withModifiedSince)
            headers.insert(
                {"If-Modified-Since", m_http->get(target, devPat()).header("Last-Modified")});
        const HttpReply reply = m_http->get(target, headers);
        SIM_COMPARE_STATUS(reply, status);
        QCOMPARE(reply.body.isEmpty(), status == 304);
    }

    // §11.4 note / §4.1: a download sets last_downloaded_at.
    void downloadSetsLastDownloadedAt()
    {
        const HttpReply before =
            m_http->get(packagesTarget(PrivateProject, "package_name=never-downloaded"), devPat());
        SIM_COMPARE_STATUS(before, 200);
        QCOMPARE(before.jsonArray().size(), 1);
        const QJsonObject package = before.jsonArray().at(0).toObject();
        QVERIFY2(package.contains(u"last_downloaded_at"_s)
                     && package.value(u"last_downloaded_at"_s).isNull(),
                 qPrintable(compactJson(QJsonDocument(package))));
        SIM_COMPARE_STATUS(
            m_http->get(genericTarget(PrivateProject, "never-downloaded/1.0.0/file.bin"), devPat()),
            200);
        const HttpReply after =
            m_http->get(packagesTarget(PrivateProject, "package_name=never-downloaded"), devPat());
        const QString at =
            after.jsonArray().at(0).toObject().value(u"last_downloaded_at"_s).toString();
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s)
                     .match(at)
                     .hasMatch(),
                 qPrintable(at));
    }

    // §11.5 row 68 / §4.3: object storage with direct download.
    void objectStorageRedirectsToPresignedUrl()
    {
        auto sim = objectStorageSim();
        QVERIFY(sim);
        const Http http(sim->baseUrl());
        for (const QByteArray &file : {QByteArray("myfile.tar.gz"), QByteArray("my+file.tar.gz")}) {
            const HttpReply reply =
                http.get(genericTarget(PrivateProject, "mypackage/0.0.1/" + file), devPat());
            SIM_COMPARE_STATUS(reply, 302);
            QVERIFY2(!reply.hasHeader("X-Checksum-SHA256"), "no X-Checksum-SHA256 on a redirect");
            const QByteArray location = reply.header("Location");
            const QUrl url(QString::fromLatin1(location));
            QVERIFY2(url.isValid() && url.scheme() == u"http"_s, location.constData());
            QCOMPARE(url.host(), u"127.0.0.1"_s);
            QVERIFY2(url.port() != sim->port(), "the store is another origin");
            const QByteArray expected =
                "response-content-disposition=attachment%3B%20filename%3D%22"
                + QUrl::toPercentEncoding(QString::fromLatin1(file));
            QVERIFY2(location.contains(expected)
                         || location.contains(QByteArray(
                             "response-content-disposition=attachment%3B%20filename%3D%22" + file)),
                     qPrintable(u"Location %1 lacks %2"_s.arg(QString::fromLatin1(location),
                                                              QString::fromLatin1(expected))));
        }
        // HEAD is redirected too (simulator default 302).
        const HttpReply head = http.head(myfile(PrivateProject), devPat());
        SIM_COMPARE_STATUS(head, 302);
        QVERIFY(head.hasHeader("Location"));
        QCOMPARE(sim->stop(), 0);
    }

    // §4.3: the presigned URL serves the same bytes without credentials.
    void presignedUrlServesBytesWithoutCredentials()
    {
        auto sim = objectStorageSim();
        QVERIFY(sim);
        const Http http(sim->baseUrl());
        const HttpReply reply = http.get(myfile(PrivateProject), devPat());
        SIM_COMPARE_STATUS(reply, 302);
        const QUrl url(QString::fromLatin1(reply.header("Location")));
        const Http store(url);
        const HttpReply download =
            store.get(url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, PrivateBytes);
        QCOMPARE(sha256Hex(download.body), sha256Hex(PrivateBytes));
        QCOMPARE(sim->stop(), 0);
    }

    // §4.3 / §12.5: GitLab credentials sent to the store are refused and logged as a leak.
    void presignedUrlRefusesLeakedCredentials_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("§4.3 PRIVATE-TOKEN") << QByteArray("PRIVATE-TOKEN") << QByteArray("pat-dev");
        QTest::newRow("§4.3 JOB-TOKEN") << QByteArray("JOB-TOKEN") << QByteArray("job-dev-priv");
        QTest::newRow("§4.3 Deploy-Token") << QByteArray("Deploy-Token") << QByteArray("deploy-ro");
        QTest::newRow("§4.3 Authorization")
            << QByteArray("Authorization") << QByteArray("Bearer pat-dev");
        QTest::newRow("§12.5 Cookie")
            << QByteArray("Cookie") << QByteArray("_gitlab_session=s3cr3t");
    }

    void presignedUrlRefusesLeakedCredentials()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        auto sim = objectStorageSim();
        QVERIFY(sim);
        const Http http(sim->baseUrl());
        const HttpReply reply = http.get(myfile(PrivateProject), devPat());
        SIM_COMPARE_STATUS(reply, 302);
        const QUrl url(QString::fromLatin1(reply.header("Location")));
        const Http store(url);
        const HttpReply leaked =
            store.get(url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority), {{header, value}});
        SIM_COMPARE_STATUS(leaked, 400);
        QVERIFY(leaked.body != PrivateBytes);
        QCOMPARE(sim->stop(), 0);
        // README: a line starting `CREDENTIAL LEAK:` naming the header, never its value.
        const QByteArray log = sim->logContents();
        QByteArray leakLine;
        for (const QByteArray &line : log.split('\n')) {
            if (line.contains("CREDENTIAL LEAK:"))
                leakLine = line;
        }
        QVERIFY2(!leakLine.isEmpty(), log.right(2000).constData());
        QVERIFY2(leakLine.toLower().contains(header.toLower()), leakLine.constData());
        QVERIFY2(!log.contains(value), "the leaked credential's value is written to the log");
    }

    // §4.3: the store demands a valid query signature.
    void presignedUrlWithTamperedSignatureIsRefused()
    {
        auto sim = objectStorageSim();
        QVERIFY(sim);
        const Http http(sim->baseUrl());
        const HttpReply reply = http.get(myfile(PrivateProject), devPat());
        SIM_COMPARE_STATUS(reply, 302);
        const QUrl url(QString::fromLatin1(reply.header("Location")));
        QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QString signatureKey;
        for (const auto &[key, value] : items) {
            if (key.contains(u"signature"_s, Qt::CaseInsensitive))
                signatureKey = key;
        }
        QVERIFY2(!signatureKey.isEmpty(),
                 qPrintable(u"no signature parameter in "_s + url.toString()));
        QString signature = query.queryItemValue(signatureKey, QUrl::FullyEncoded);
        QVERIFY(!signature.isEmpty());
        signature[0] = signature[0] == u'0' ? u'1' : u'0';
        query.removeQueryItem(signatureKey);
        query.addQueryItem(signatureKey, signature);
        QUrl tampered = url;
        tampered.setQuery(query);
        const Http store(url);
        const HttpReply refused =
            store.get(tampered.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        QVERIFY2(refused.status >= 400 && refused.status < 500, qPrintable(refused.describe()));
        QVERIFY(refused.body != PrivateBytes);

        QCOMPARE(sim->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "TestDownload.moc"
