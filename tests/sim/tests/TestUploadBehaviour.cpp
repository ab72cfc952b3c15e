// §11.2 — generic upload: behaviour, validation, duplicates, size limit, traversal probes
// (rows 39–64, 66–75, 77, 79, 81–84; the [WH] and [int] rows need Workhorse or internal
// events and are not tests here), plus the "Worth adding" list at the end of §11.5.
//
// Every data row starts a fresh simulator from the same fixture, so effects such as
// "+1 package" are counted from a known state.

#include "SimTest.h"

#include <QObject>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 10;
constexpr int JobPipelineId = 777;

QStringList allValidationMessages()
{
    QStringList all;
    for (const QString &param :
         {u"package_name"_s, u"package_version"_s, u"path"_s, u"file_name"_s})
        all << param + u" is invalid"_s << param + u" should be a valid file path"_s;
    return all;
}

Fixture baseFixture(bool duplicatesAllowed = true, const QString &regex = QString())
{
    Fixture f;
    f.addUser(u"dev"_s).addUser(u"maint"_s);
    f.addPersonalToken(u"pat-dev"_s, u"dev"_s).addPersonalToken(u"pat-maint"_s, u"maint"_s);
    f.addNamespace(u"grp"_s, duplicatesAllowed, regex);
    f.addProject(ProjectId, u"grp/proj"_s, u"private"_s,
                 {{u"dev"_s, u"developer"_s}, {u"maint"_s, u"maintainer"_s}});
    f.addDeployToken(u"deploy-wo"_s, u"grp/proj"_s, {u"write_package_registry"_s});
    f.addDeployToken(u"deploy-rw"_s, u"grp/proj"_s,
                     {u"read_package_registry"_s, u"write_package_registry"_s});
    f.addJobToken(u"job-dev"_s, u"dev"_s, u"grp/proj"_s, 888, JobPipelineId);
    return f;
}

HttpHeaders credentialHeaders(const QByteArray &credential)
{
    if (credential == "pat")
        return Http::privateToken("pat-dev");
    if (credential == "basic")
        return Http::basic("dev", "pat-dev");
    if (credential == "deploy-wo")
        return Http::deployToken("deploy-wo");
    if (credential == "job")
        return Http::jobToken("job-dev");
    if (credential == "none")
        return {};
    qFatal("unknown credential %s", credential.constData());
}

const HttpHeaders &maintainer()
{
    static const HttpHeaders headers = Http::privateToken("pat-maint");
    return headers;
}

} // namespace

#define START_SIM(...)                                                                             \
    do {                                                                                           \
        startSim(__VA_ARGS__);                                                                     \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestUploadBehaviour final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<Http> m_http;

    void startSim(const Fixture &fixture, const QStringList &extraArguments = {})
    {
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture.toJson()).withArguments(extraArguments));
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_http = std::make_unique<Http>(m_sim->baseUrl());
    }

    // The generic packages of the project (as the maintainer), with an extra query.
    QJsonArray packages(const QByteArray &extraQuery = {})
    {
        QByteArray query = "package_type=generic";
        if (!extraQuery.isEmpty())
            query += '&' + extraQuery;
        const HttpReply reply = m_http->get(packagesTarget(ProjectId, query), maintainer());
        if (reply.status != 200)
            qWarning().noquote() << "listing packages failed:" << reply.describe();
        return reply.jsonArray();
    }

    QJsonArray packageFiles(qint64 packageId)
    {
        const HttpReply reply = m_http->get(packageFilesTarget(ProjectId, packageId), maintainer());
        if (reply.status != 200)
            qWarning().noquote() << "listing package files failed:" << reply.describe();
        return reply.jsonArray();
    }

private slots:
    void cleanup()
    {
        if (m_sim) {
            m_sim->reportIfFailed();
            if (m_sim->isRunning())
                QCOMPARE(m_sim->stop(), 0);
        }
        m_http.reset();
        m_sim.reset();
    }

    // Rows 39–42, 45, 47–53, 57–60: 201, +1 package, +1 file, the bytes download again.
    void successfulUploadCreatesPackageAndFile_data()
    {
        QTest::addColumn<QByteArray>("credential");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("storedFileName");
        QTest::addColumn<QByteArray>("downloadTarget");
        QTest::addColumn<bool>("buildInfo");

        const QByteArray body = "generic package bytes\n";
        const QByteArray std = "mypackage/0.0.1/myfile.tar.gz";
        auto plain = [&](const char *tag, const QByteArray &credential) {
            QTest::newRow(tag) << credential << std << body << u"mypackage"_s << u"0.0.1"_s
                               << u"default"_s << u"myfile.tar.gz"_s << std
                               << (credential == "job");
        };
        plain("11.2#39 PAT", "pat");
        plain("11.2#40 basic", "basic");
        plain("11.2#41 deploy wo", "deploy-wo");
        plain("11.2#42 job (build info)", "job");
        QTest::newRow("11.2#45 status=hidden")
            << QByteArray("pat") << QByteArray(std + "?status=hidden") << body << u"mypackage"_s
            << u"0.0.1"_s << u"hidden"_s << u"myfile.tar.gz"_s << std << false;
        QTest::newRow("§3.2 status=default")
            << QByteArray("pat") << QByteArray(std + "?status=default") << body << u"mypackage"_s
            << u"0.0.1"_s << u"default"_s << u"myfile.tar.gz"_s << std << false;

        const struct
        {
            int row;
            const char *version;
        } versions[] = {{47, "1.3.350-20201230123456"},
                        {48, "1.2.3"},
                        {49, "1.2.3g"},
                        {50, "1.2"},
                        {51, "1.2.bananas"},
                        {52, "v1.2.4-build"},
                        {53, "d50d836eb3de6177ce6c7a5482f27f9c2c84b672"}};
        for (const auto &v : versions) {
            const QByteArray target = "mypackage/" + QByteArray(v.version) + "/myfile.tar.gz";
            QTest::addRow("11.2#%d version %s", v.row, v.version)
                << QByteArray("pat") << target << body << u"mypackage"_s
                << QString::fromLatin1(v.version) << u"default"_s << u"myfile.tar.gz"_s << target
                << false;
        }

        const QByteArray pathTarget = "mypackage/0.0.1/path/to/myfile.tar.gz";
        QTest::newRow("11.2#57 path as segments")
            << QByteArray("pat") << pathTarget << body << u"mypackage"_s << u"0.0.1"_s
            << u"default"_s << u"path%2Fto%2Fmyfile.tar.gz"_s << pathTarget << false;
        QTest::newRow("11.2#57 path as ?path=")
            << QByteArray("pat") << QByteArray(std + "?path=path%2Fto") << body << u"mypackage"_s
            << u"0.0.1"_s << u"default"_s << u"path%2Fto%2Fmyfile.tar.gz"_s << pathTarget << false;
        QTest::newRow("§3.1 path dir with my+file~1.tgz")
            << QByteArray("pat") << QByteArray("mypackage/0.0.1/dir/my+file~1.tgz") << body
            << u"mypackage"_s << u"0.0.1"_s << u"default"_s << u"dir%2Fmy%2Bfile%7E1.tgz"_s
            << QByteArray("mypackage/0.0.1/dir/my+file~1.tgz") << false;

        const struct
        {
            int row;
            const char *file;
        } files[] = {{58, "my+file.tar.gz"}, {59, "my~file.tar.gz"}, {60, "myfile@1.1.tar.gz"}};
        for (const auto &f : files) {
            const QByteArray target = "mypackage/0.0.1/" + QByteArray(f.file);
            QTest::addRow("11.2#%d file %s", f.row, f.file)
                << QByteArray("pat") << target << body << u"mypackage"_s << u"0.0.1"_s
                << u"default"_s << QString::fromLatin1(f.file) << target << false;
        }
        QTest::newRow("§3.1 empty body is a zero-byte file")
            << QByteArray("pat") << std << QByteArray() << u"mypackage"_s << u"0.0.1"_s
            << u"default"_s << u"myfile.tar.gz"_s << std << false;
    }

    void successfulUploadCreatesPackageAndFile()
    {
        QFETCH(QByteArray, credential);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(QString, status);
        QFETCH(QString, storedFileName);
        QFETCH(QByteArray, downloadTarget);
        QFETCH(bool, buildInfo);
        START_SIM(baseFixture());

        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, target), body, credentialHeaders(credential));
        SIM_EXPECT_REPLY(reply, 201, Body201);
        SIM_VERIFY_SECURITY_HEADERS(reply);

        const bool hidden = status == u"hidden"_s;
        const QJsonArray listed = packages(hidden ? "status=hidden" : "");
        QCOMPARE(listed.size(), 1);
        const QJsonObject package = listed.at(0).toObject();
        QCOMPARE(package.value(u"name"_s).toString(), name);
        QCOMPARE(package.value(u"version"_s).toString(), version);
        QCOMPARE(package.value(u"status"_s).toString(), status);
        QCOMPARE(package.value(u"package_type"_s).toString(), u"generic"_s);
        if (buildInfo) {
            // §5.2: `pipeline` only with build info; #42: it is the job's pipeline.
            QVERIFY2(package.value(u"pipeline"_s).isObject(),
                     qPrintable(compactJson(QJsonDocument(package))));
            QCOMPARE(package.value(u"pipeline"_s).toObject().value(u"id"_s).toInt(), JobPipelineId);
        } else {
            QVERIFY2(!package.contains(u"pipeline"_s),
                     qPrintable(compactJson(QJsonDocument(package))));
        }

        if (hidden) {
            QCOMPARE(packages().size(), 0); // hidden packages leave the default list
        } else {
            const QJsonArray files = packageFiles(package.value(u"id"_s).toInteger());
            QCOMPARE(files.size(), 1);
            const QJsonObject file = files.at(0).toObject();
            QCOMPARE(file.value(u"file_name"_s).toString(), storedFileName);
            QCOMPARE(file.value(u"size"_s).toInteger(), body.size());
            QCOMPARE(file.value(u"file_sha256"_s).toString().toLatin1(), sha256Hex(body));
            QVERIFY(file.value(u"file_md5"_s).isNull());
            QVERIFY(file.value(u"file_sha1"_s).isNull());
            QCOMPARE(file.value(u"package_id"_s).toInteger(), package.value(u"id"_s).toInteger());
        }

        const HttpReply download =
            m_http->get(genericTarget(ProjectId, downloadTarget), maintainer());
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, body);
    }

    // Row 43: `select=package_file` answers 200 with the file record.
    void uploadWithSelectPackageFileReturnsRecord_data()
    {
        QTest::addColumn<QByteArray>("credential");
        QTest::newRow("11.2#43 select=package_file PAT") << QByteArray("pat");
        QTest::newRow("11.2#43 select=package_file basic") << QByteArray("basic");
        QTest::newRow("11.2#43 select=package_file deploy wo") << QByteArray("deploy-wo");
        QTest::newRow("11.2#43 select=package_file job") << QByteArray("job");
    }

    void uploadWithSelectPackageFileReturnsRecord()
    {
        QFETCH(QByteArray, credential);
        START_SIM(baseFixture());
        const QByteArray body = "select=package_file body " + credential;
        const HttpReply reply = m_http->put(
            genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz?select=package_file"), body,
            credentialHeaders(credential));
        SIM_COMPARE_STATUS(reply, 200);
        QCOMPARE(mediaType(reply.header("Content-Type")), QByteArray("application/json"));
        const QJsonObject record = reply.jsonObject();
        QVERIFY2(record.contains(u"id"_s), qPrintable(reply.describe()));
        QCOMPARE(record.value(u"file_name"_s).toString(), u"myfile.tar.gz"_s);
        QCOMPARE(record.value(u"size"_s).toInteger(), body.size());
        QCOMPARE(record.value(u"file_sha256"_s).toString().toLatin1(), sha256Hex(body));
        QVERIFY(record.contains(u"file_md5"_s) && record.value(u"file_md5"_s).isNull());
        QVERIFY(record.contains(u"file_sha1"_s) && record.value(u"file_sha1"_s).isNull());
        // §3.8: the record's keys follow the DB columns (16.x docs example).
        for (const QString &key :
             {u"package_id"_s, u"created_at"_s, u"updated_at"_s, u"file_store"_s, u"file"_s,
              u"verification_state"_s, u"new_file_path"_s})
            QVERIFY2(record.contains(key),
                     qPrintable(u"missing key "_s + key + u" in "_s + reply.describe()));

        const QJsonArray listed = packages();
        QCOMPARE(listed.size(), 1);
        const qint64 packageId = listed.at(0).toObject().value(u"id"_s).toInteger();
        QCOMPARE(record.value(u"package_id"_s).toInteger(), packageId);
        const QJsonArray files = packageFiles(packageId);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(u"id"_s).toInteger(),
                 record.value(u"id"_s).toInteger());
    }

    // Rows 44, 46, 54–56, 61–64, 81–84 and §3.2/§3.3 probes: 400, nothing created.
    void invalidUploadIsRejected_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("exactBody"); // empty: any allowed validation messages
        QTest::addColumn<QStringList>("allowed");

        const QStringList any = allValidationMessages();
        auto exact = [](const char *tag, const QByteArray &target, const QByteArray &error) {
            QTest::newRow(tag) << target << QByteArray(R"({"error":")" + error + R"("})")
                               << QStringList();
        };
        exact("11.2#44 select=invalid_value", "mypackage/0.0.1/myfile.tar.gz?select=invalid_value",
              "select does not have a valid value");
        exact("11.2#46 status=processing", "mypackage/0.0.1/myfile.tar.gz?status=processing",
              "status does not have a valid value");
        exact("11.2#54 version ..1.2.3", "mypackage/..1.2.3/myfile.tar.gz",
              "package_version is invalid");
        QTest::newRow("11.2#55 version 1.2.3-4/../../ raw")
            << QByteArray("mypackage/1.2.3-4/../../myfile.tar.gz") << QByteArray() << any;
        exact("11.2#55 version 1.2.3-4/../../ encoded",
              "mypackage/1.2.3-4%2F..%2F..%2F/myfile.tar.gz", "package_version is invalid");
        exact("11.2#56 version %2e%2e%2f1.2.3", "mypackage/%2e%2e%2f1.2.3/myfile.tar.gz",
              "package_version is invalid");
        exact("11.2#61 file myfile1.1.tar.gz@", "mypackage/0.0.1/myfile1.1.tar.gz@",
              "file_name is invalid");
        exact("11.2#62 file @myfile1.1.tar.gz", "mypackage/0.0.1/@myfile1.1.tar.gz",
              "file_name is invalid");
        exact("11.2#63 file myfile.tar.gz~", "mypackage/0.0.1/myfile.tar.gz~",
              "file_name is invalid");
        exact("11.2#64 file ~myfile.tar.gz", "mypackage/0.0.1/~myfile.tar.gz",
              "file_name is invalid");
        QTest::newRow("11.2#81 package_name my-package/../")
            << QByteArray("my-package/../0.0.1/myfile.tar.gz") << QByteArray() << any;
        QTest::newRow("11.2#82 package_name my-package%2f%2e%2e%2f")
            << QByteArray("my-package%2f%2e%2e%2f/0.0.1/myfile.tar.gz") << QByteArray()
            << QStringList{u"package_name is invalid"_s,
                           u"package_name should be a valid file path"_s};
        QTest::newRow("11.2#83 file_name ../.ssh%2fauthorized_keys")
            << QByteArray("mypackage/0.0.1/../.ssh%2fauthorized_keys") << QByteArray() << any;
        QTest::newRow("11.2#84 file_name %2e%2e%2f.ssh%2fauthorized_keys")
            << QByteArray("mypackage/0.0.1/%2e%2e%2f.ssh%2fauthorized_keys") << QByteArray()
            << QStringList{u"file_name is invalid"_s, u"file_name should be a valid file path"_s};
        exact("§3.3 file_name %2e%2e", "mypackage/0.0.1/%2e%2e",
              "file_name should be a valid file path");
        exact("§3.3 package_name %2e%2e", "%2e%2e/0.0.1/myfile.tar.gz",
              "package_name should be a valid file path");
        exact("§3.3 path ../../etc", "mypackage/0.0.1/..%2F..%2Fetc/myfile.tar.gz",
              "path should be a valid file path");
        exact("§3.3 double-encoded path", "mypackage/0.0.1/a%25252e/myfile.tar.gz",
              "path should be a valid file path");
        exact("§3.3 absolute path param", "mypackage/0.0.1/myfile.tar.gz?path=%2Fetc",
              "path should be a valid file path");
        exact("§3.2 package_name with a space", "my%20package/0.0.1/myfile.tar.gz",
              "package_name is invalid");
        exact("§3.2 two invalid params in declaration order", "bad%20name/0.0.1/~bad",
              "package_name is invalid, file_name is invalid");
    }

    void invalidUploadIsRejected()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, exactBody);
        QFETCH(QStringList, allowed);
        START_SIM(baseFixture());

        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, target), "bytes", Http::privateToken("pat-dev"));
        if (exactBody.isEmpty()) {
            const QString problem = validationProblem(reply, allowed);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        } else {
            SIM_EXPECT_REPLY(reply, 400, exactBody);
        }
        QCOMPARE(packages().size(), 0);
        QCOMPARE(packages("status=hidden").size(), 0);
    }

    // Row 77.
    void uploadWithoutAuthenticationIsUnauthorized()
    {
        START_SIM(baseFixture());
        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz"), "bytes");
        SIM_EXPECT_PACKAGES_401(reply);
        QCOMPARE(packages().size(), 0);
    }

    // §3.4: authentication comes before validation on PUT.
    void anonymousInvalidUploadIsUnauthorized()
    {
        START_SIM(baseFixture());
        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, "mypackage/0.0.1/~myfile.tar.gz"), "bytes");
        SIM_EXPECT_PACKAGES_401(reply);
    }

    // §11.5 worth adding / §3.4: validation comes before the project lookup.
    void authenticatedInvalidUploadToMissingProjectIsBadRequest_data()
    {
        QTest::addColumn<QByteArray>("project");
        QTest::newRow("§11.5+ numeric id") << QByteArray("99999");
        QTest::newRow("§11.5+ encoded path") << QByteArray("nosuch%2Fproject");
    }

    void authenticatedInvalidUploadToMissingProjectIsBadRequest()
    {
        QFETCH(QByteArray, project);
        START_SIM(baseFixture());
        const HttpReply bad = m_http->put(genericTarget(project, "mypackage/0.0.1/~myfile.tar.gz"),
                                          "bytes", Http::privateToken("pat-dev"));
        SIM_EXPECT_REPLY(bad, 400, R"({"error":"file_name is invalid"})");
        // …while a valid upload there is a missing project (§2.6).
        const HttpReply good = m_http->put(genericTarget(project, "mypackage/0.0.1/myfile.tar.gz"),
                                           "bytes", Http::privateToken("pat-dev"));
        SIM_EXPECT_REPLY(good, 404, Body404Generic);
    }

    // Rows 66–74 (§3.7): a second `myfile.tar.gz` into `mypackage/1.2.3`.
    void duplicateUploadFollowsNamespaceSettings_data()
    {
        QTest::addColumn<bool>("duplicatesAllowed");
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QByteArray>("fileName");
        QTest::addColumn<int>("expected");
        const QByteArray same = "myfile.tar.gz";
        QTest::newRow("11.2#66 default settings") << true << QString() << same << 201;
        QTest::newRow("11.2#67 duplicates off, regex ''") << false << QString() << same << 400;
        QTest::newRow("11.2#68 duplicates off, regex matches name")
            << false << u".*age.*"_s << same << 201;
        QTest::newRow("11.2#69 duplicates off, regex matches version")
            << false << u".*2.3.*"_s << same << 201;
        QTest::newRow("11.2#70 duplicates off, regex .*zzz.*")
            << false << u".*zzz.*"_s << same << 400;
        QTest::newRow("11.2#71 duplicates on, regex ''") << true << QString() << same << 201;
        QTest::newRow("11.2#72 duplicates on, regex matches name")
            << true << u".*age.*"_s << same << 400;
        QTest::newRow("11.2#73 duplicates on, regex matches version")
            << true << u".*2.3.*"_s << same << 400;
        QTest::newRow("11.2#74 duplicates on, regex .*zzz.*")
            << true << u".*zzz.*"_s << same << 201;
        QTest::newRow("§3.7 regex is anchored (age does not match mypackage)")
            << false << u"age"_s << same << 400;
        QTest::newRow("§3.7 duplicates off, another file name is no duplicate")
            << false << QString() << QByteArray("other.tar.gz") << 201;
    }

    void duplicateUploadFollowsNamespaceSettings()
    {
        QFETCH(bool, duplicatesAllowed);
        QFETCH(QString, regex);
        QFETCH(QByteArray, fileName);
        QFETCH(int, expected);
        Fixture fixture = baseFixture(duplicatesAllowed, regex);
        fixture.addPackage(u"grp/proj"_s, u"mypackage"_s, u"1.2.3"_s,
                           {Fixture::file(u"myfile.tar.gz"_s, "first copy\n")});
        START_SIM(fixture);

        const QJsonArray before = packages();
        QCOMPARE(before.size(), 1);
        const qint64 packageId = before.at(0).toObject().value(u"id"_s).toInteger();

        const HttpReply reply = m_http->put(genericTarget(ProjectId, "mypackage/1.2.3/" + fileName),
                                            "second copy\n", Http::privateToken("pat-dev"));
        if (expected == 201)
            SIM_EXPECT_REPLY(reply, 201, Body201);
        else
            SIM_EXPECT_REPLY(reply, 400, BodyDuplicate);

        const QJsonArray after = packages();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).toObject().value(u"id"_s).toInteger(), packageId);
        QCOMPARE(packageFiles(packageId).size(), expected == 201 ? 2 : 1);
    }

    // Row 75 (§3.7, §5.4): after a delete the package is pending destruction, and the same
    // name+version creates a new package.
    void uploadAfterPackageDeletionCreatesNewPackage()
    {
        Fixture fixture = baseFixture();
        fixture.addPackage(u"grp/proj"_s, u"mypackage"_s, u"0.0.1"_s,
                           {Fixture::file(u"myfile.tar.gz"_s, "old\n")});
        START_SIM(fixture);
        const QJsonArray before = packages();
        QCOMPARE(before.size(), 1);
        const qint64 oldId = before.at(0).toObject().value(u"id"_s).toInteger();
        SIM_COMPARE_STATUS(
            m_http->del("/api/v4/projects/10/packages/" + QByteArray::number(oldId), maintainer()),
            204);

        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz"), "new\n",
                        Http::privateToken("pat-dev"));
        SIM_EXPECT_REPLY(reply, 201, Body201);
        const QJsonArray after = packages();
        QCOMPARE(after.size(), 1);
        const qint64 newId = after.at(0).toObject().value(u"id"_s).toInteger();
        QVERIFY2(newId != oldId, "a new package id");
        const QJsonArray files = packageFiles(newId);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(u"file_sha256"_s).toString().toLatin1(),
                 sha256Hex("new\n"));
    }

    // Row 79 and §3.5 (worth adding): `size >= limit` is rejected; 0 means unlimited.
    void fileSizeLimit_data()
    {
        QTest::addColumn<QString>("limit"); // empty: the default (5 GiB)
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("expected");
        QTest::newRow("11.2#79 limit+1 is too large") << u"100"_s << 101 << 400;
        QTest::newRow("§3.5 exactly at the limit is too large") << u"100"_s << 100 << 400;
        QTest::newRow("§3.5 one byte below the limit is accepted") << u"100"_s << 99 << 201;
        QTest::newRow("§3.5 limit 0 accepts 3 MiB") << u"0"_s << 3 * 1024 * 1024 << 201;
        QTest::newRow("§3.5 default limit accepts 3 MiB") << QString() << 3 * 1024 * 1024 << 201;
    }

    void fileSizeLimit()
    {
        QFETCH(QString, limit);
        QFETCH(int, size);
        QFETCH(int, expected);
        START_SIM(baseFixture(),
                  limit.isEmpty() ? QStringList() : QStringList{u"--max-file-size"_s, limit});
        const QByteArray body(size, 'x');
        const HttpReply reply =
            m_http->put(genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz"), body,
                        Http::privateToken("pat-dev"));
        if (expected == 400) {
            SIM_EXPECT_REPLY(reply, 400, BodyTooLarge);
            QCOMPARE(packages().size(), 0);
        } else {
            SIM_EXPECT_REPLY(reply, 201, Body201);
            const QJsonArray listed = packages();
            QCOMPARE(listed.size(), 1);
            const QJsonArray files =
                packageFiles(listed.at(0).toObject().value(u"id"_s).toInteger());
            QCOMPARE(files.size(), 1);
            QCOMPARE(files.at(0).toObject().value(u"size"_s).toInteger(), size);
        }
    }

    // §11.5 worth adding / §3.7 / §4.1: the newest copy of a duplicate downloads.
    void duplicateUploadDownloadsNewestCopy()
    {
        START_SIM(baseFixture());
        const QByteArray target = genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz");
        SIM_COMPARE_STATUS(m_http->put(target, "first copy", Http::privateToken("pat-dev")), 201);
        SIM_COMPARE_STATUS(m_http->put(target, "second copy", Http::privateToken("pat-dev")), 201);
        const HttpReply download = m_http->get(target, Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, QByteArray("second copy"));
        QCOMPARE(download.header("X-Checksum-SHA256"), sha256Hex("second copy"));
        const QJsonArray listed = packages();
        QCOMPARE(listed.size(), 1);
        const QJsonArray files = packageFiles(listed.at(0).toObject().value(u"id"_s).toInteger());
        QCOMPARE(files.size(), 2);
        QCOMPARE(column(files, u"file_name"_s),
                 (QStringList{u"myfile.tar.gz"_s, u"myfile.tar.gz"_s}));
    }

    // §11.5 worth adding / §5.1: hidden packages are absent from the default list, listed
    // with status=hidden, and download.
    void hiddenPackageIsListedOnlyWithStatusHiddenAndDownloads()
    {
        START_SIM(baseFixture());
        const QByteArray target = genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz");
        SIM_COMPARE_STATUS(
            m_http->put(target + "?status=hidden", "hidden bytes", Http::privateToken("pat-dev")),
            201);
        QCOMPARE(packages().size(), 0);
        const QJsonArray hidden = packages("status=hidden");
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(hidden.at(0).toObject().value(u"status"_s).toString(), u"hidden"_s);
        const HttpReply download = m_http->get(target, Http::privateToken("pat-dev"));
        SIM_COMPARE_STATUS(download, 200);
        QCOMPARE(download.body, QByteArray("hidden bytes"));
    }

    // §3.6 step 4: a given status overwrites the existing package's status; none keeps it.
    void statusParameterOverwritesExistingPackageStatus()
    {
        START_SIM(baseFixture());
        const QByteArray target = genericTarget(ProjectId, "mypackage/0.0.1/");
        const HttpHeaders pat = Http::privateToken("pat-dev");
        SIM_COMPARE_STATUS(m_http->put(target + "a.txt?status=hidden", "a", pat), 201);
        SIM_COMPARE_STATUS(m_http->put(target + "b.txt", "b", pat), 201);
        QCOMPARE(packages("status=hidden").size(), 1); // no status: unchanged
        SIM_COMPARE_STATUS(m_http->put(target + "c.txt?status=default", "c", pat), 201);
        QCOMPARE(packages("status=hidden").size(), 0);
        const QJsonArray listed = packages();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(u"status"_s).toString(), u"default"_s);
        QCOMPARE(packageFiles(listed.at(0).toObject().value(u"id"_s).toInteger()).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestUploadBehaviour)
#include "TestUploadBehaviour.moc"
