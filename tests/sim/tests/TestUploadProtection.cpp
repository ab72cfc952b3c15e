// §11.3 — generic upload: package protection rules (rows 85–101), and the delete side of
// §3.9.

#include "SimTest.h"

#include <QObject>
#include <QTest>

#include <memory>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr int ProjectId = 20;

QJsonObject fixture(const QString &pushMinimum, const QString &deleteMinimum = u"owner"_s,
                    const QString &pattern = u"mypackage"_s)
{
    Fixture f;
    f.addUser(u"dev"_s).addUser(u"maint"_s).addUser(u"owner"_s).addUser(u"admin"_s, true);
    f.addPersonalToken(u"pat-dev"_s, u"dev"_s)
        .addPersonalToken(u"pat-maint"_s, u"maint"_s)
        .addPersonalToken(u"pat-owner"_s, u"owner"_s)
        .addPersonalToken(u"pat-admin"_s, u"admin"_s, {u"api"_s}, {{u"admin_mode"_s, true}});
    f.addDeployToken(u"deploy-rw"_s, u"grp/proj"_s,
                     {u"read_package_registry"_s, u"write_package_registry"_s});
    QJsonObject rule{{u"package_name_pattern"_s, pattern},
                     {u"minimum_access_level_for_push"_s, pushMinimum},
                     {u"minimum_access_level_for_delete"_s, deleteMinimum}};
    f.addProject(
        ProjectId, u"grp/proj"_s, u"private"_s,
        {{u"dev"_s, u"developer"_s}, {u"maint"_s, u"maintainer"_s}, {u"owner"_s, u"owner"_s}},
        {{u"protection_rules"_s, QJsonArray{rule}}});
    return f.toJson();
}

HttpHeaders credential(const QByteArray &who)
{
    if (who == "deploy rw")
        return Http::deployToken("deploy-rw");
    if (who == "developer PAT")
        return Http::privateToken("pat-dev");
    if (who == "maintainer PAT")
        return Http::privateToken("pat-maint");
    if (who == "owner PAT")
        return Http::privateToken("pat-owner");
    if (who == "admin PAT")
        return Http::privateToken("pat-admin");
    qFatal("unknown credential %s", who.constData());
}

} // namespace

class TestUploadProtection final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

private slots:
    void cleanup()
    {
        if (m_sim) {
            m_sim->reportIfFailed();
            if (m_sim->isRunning())
                QCOMPARE(m_sim->stop(), 0);
        }
        m_sim.reset();
    }

    void uploadFollowsProtectionRule_data()
    {
        QTest::addColumn<bool>("match");
        QTest::addColumn<QString>("pushMinimum");
        QTest::addColumn<QByteArray>("who");
        QTest::addColumn<int>("expected");
        const struct
        {
            int row;
            bool match;
            const char *minimum;
            const char *who;
            int expected;
        } rows[] = {
            {85, true, "maintainer", "deploy rw", 403},
            {86, true, "maintainer", "developer PAT", 403},
            {87, true, "maintainer", "maintainer PAT", 201},
            {88, true, "maintainer", "admin PAT", 201},
            {89, true, "owner", "deploy rw", 403},
            {90, true, "owner", "developer PAT", 403},
            {91, true, "owner", "owner PAT", 201},
            {92, true, "owner", "admin PAT", 201},
            {93, true, "admin", "deploy rw", 403},
            {94, true, "admin", "owner PAT", 403},
            {95, true, "admin", "admin PAT", 201},
            {96, false, "maintainer", "deploy rw", 201},
            {97, false, "maintainer", "developer PAT", 201},
            {98, false, "maintainer", "maintainer PAT", 201},
            {99, false, "admin", "deploy rw", 201},
            {100, false, "admin", "owner PAT", 201},
            {101, false, "admin", "admin PAT", 201},
        };
        for (const auto &r : rows) {
            QTest::addRow("11.3#%d %s, push %s, %s", r.row, r.match ? "match" : "no match",
                          r.minimum, r.who)
                << r.match << QString::fromLatin1(r.minimum) << QByteArray(r.who) << r.expected;
        }
    }

    void uploadFollowsProtectionRule()
    {
        QFETCH(bool, match);
        QFETCH(QString, pushMinimum);
        QFETCH(QByteArray, who);
        QFETCH(int, expected);
        m_sim = std::make_unique<SimServer>(SimServer::Options().withFixture(fixture(pushMinimum)));
        SIM_START(*m_sim);
        const Http http(m_sim->baseUrl());

        const QByteArray name = match ? "mypackage" : "other-mypackage";
        const HttpReply reply = http.put(genericTarget(ProjectId, name + "/0.0.1/myfile.tar.gz"),
                                         "protected bytes", credential(who));
        const HttpReply list = http.get(packagesTarget(ProjectId, "package_type=generic"),
                                        Http::privateToken("pat-owner"));
        SIM_COMPARE_STATUS(list, 200);
        if (expected == 403) {
            SIM_EXPECT_REPLY(reply, 403, BodyProtected);
            QCOMPARE(list.jsonArray().size(), 0);
            return;
        }
        SIM_EXPECT_REPLY(reply, 201, Body201);
        // +1 package, +1 file.
        QCOMPARE(list.jsonArray().size(), 1);
        const QJsonObject package = list.jsonArray().at(0).toObject();
        QCOMPARE(package.value(u"name"_s).toString(), QString::fromLatin1(name));
        const HttpReply files =
            http.get(packageFilesTarget(ProjectId, package.value(u"id"_s).toInteger()),
                     Http::privateToken("pat-owner"));
        SIM_COMPARE_STATUS(files, 200);
        QCOMPARE(files.jsonArray().size(), 1);
    }

    // §3.9: the wildcard `*` in a pattern.
    void wildcardPatternProtectsMatchingNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<int>("expected");
        QTest::newRow("§3.9 release-* matches release-cli") << QByteArray("release-cli") << 403;
        QTest::newRow("§3.9 release-* does not match my-release-cli")
            << QByteArray("my-release-cli") << 201;
    }

    void wildcardPatternProtectsMatchingNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(int, expected);
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture(u"maintainer"_s, u"owner"_s, u"release-*"_s)));
        SIM_START(*m_sim);
        const Http http(m_sim->baseUrl());
        const HttpReply reply = http.put(genericTarget(ProjectId, name + "/1.0.0/file.bin"), "x",
                                         Http::privateToken("pat-dev"));
        if (expected == 403)
            SIM_EXPECT_REPLY(reply, 403, BodyProtected);
        else
            SIM_EXPECT_REPLY(reply, 201, Body201);
    }

    // §3.9 / §5.4 / §6.2: a delete below `minimum_access_level_for_delete` is refused.
    void deleteBelowMinimumLevelIsDeletionProtected()
    {
        m_sim = std::make_unique<SimServer>(
            SimServer::Options().withFixture(fixture(u"maintainer"_s, u"owner"_s)));
        SIM_START(*m_sim);
        const Http http(m_sim->baseUrl());
        SIM_COMPARE_STATUS(http.put(genericTarget(ProjectId, "mypackage/0.0.1/myfile.tar.gz"), "x",
                                    Http::privateToken("pat-owner")),
                           201);
        const HttpReply list = http.get(packagesTarget(ProjectId), Http::privateToken("pat-owner"));
        SIM_COMPARE_STATUS(list, 200);
        QCOMPARE(list.jsonArray().size(), 1);
        const qint64 packageId = list.jsonArray().at(0).toObject().value(u"id"_s).toInteger();
        const QByteArray packageTarget =
            "/api/v4/projects/20/packages/" + QByteArray::number(packageId);

        const HttpReply files =
            http.get(packageFilesTarget(ProjectId, packageId), Http::privateToken("pat-owner"));
        SIM_COMPARE_STATUS(files, 200);
        const qint64 fileId = files.jsonArray().at(0).toObject().value(u"id"_s).toInteger();

        const char deletionProtected[] =
            R"({"message":"403 Forbidden - Package is deletion protected."})";
        SIM_EXPECT_REPLY(http.del(packageTarget + "/package_files/" + QByteArray::number(fileId),
                                  Http::privateToken("pat-maint")),
                         403, deletionProtected);
        SIM_EXPECT_REPLY(http.del(packageTarget, Http::privateToken("pat-maint")), 403,
                         deletionProtected);
        const HttpReply ownerDelete = http.del(packageTarget, Http::privateToken("pat-owner"));
        SIM_COMPARE_STATUS(ownerDelete, 204);
        QVERIFY(ownerDelete.body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUploadProtection)
#include "TestUploadProtection.moc"
