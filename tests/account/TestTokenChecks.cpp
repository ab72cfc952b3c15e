// AccountValidator's verdict on a token's scopes and expiry date (the part that needs no
// server; tests/integration/TestAccountValidation checks the whole against gitlab-sim).

#include "account/AccountValidator.h"

#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

class TestTokenChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data()
    {
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QString>("expiresAt"); // empty: never
        QTest::addColumn<bool>("active");
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<QString>("errorMentions");

        const int none = int(ApiError::Kind::None);
        const int auth = int(ApiError::Kind::Auth);
        const QString readApiWarning =
            u"This token has read_api only: browsing and downloading work, publishing and "
            "deleting need the api scope."_s;
        // "Today" is 2026-03-10 in every row.
        QTest::newRow("api, no expiry")
            << QStringList{u"api"_s} << QString() << true << QStringList{} << none << QString();
        QTest::newRow("api and read_api") << QStringList{u"read_api"_s, u"api"_s} << u"2027-01-01"_s
                                          << true << QStringList{} << none << QString();
        QTest::newRow("read_api only") << QStringList{u"read_api"_s} << u"2027-01-01"_s << true
                                       << QStringList{readApiWarning} << none << QString();
        QTest::newRow("read_api and read_user")
            << QStringList{u"read_user"_s, u"read_api"_s} << QString() << true
            << QStringList{readApiWarning} << none << QString();
        QTest::newRow("expires in 8 days") << QStringList{u"api"_s} << u"2026-03-18"_s << true
                                           << QStringList{} << none << QString();
        QTest::newRow("expires in 7 days")
            << QStringList{u"api"_s} << u"2026-03-17"_s << true
            << QStringList{u"This token expires on 2026-03-17 (in 7 days)."_s} << none << QString();
        QTest::newRow("expires in 5 days")
            << QStringList{u"api"_s} << u"2026-03-15"_s << true
            << QStringList{u"This token expires on 2026-03-15 (in 5 days)."_s} << none << QString();
        QTest::newRow("expires tomorrow")
            << QStringList{u"api"_s} << u"2026-03-11"_s << true
            << QStringList{u"This token expires on 2026-03-11 (in 1 day)."_s} << none << QString();
        QTest::newRow("expires today, still valid")
            << QStringList{u"api"_s} << u"2026-03-10"_s << true
            << QStringList{u"This token expires on 2026-03-10 (today)."_s} << none << QString();
        QTest::newRow("read_api and expiring")
            << QStringList{u"read_api"_s} << u"2026-03-12"_s << true
            << QStringList{readApiWarning, u"This token expires on 2026-03-12 (in 2 days)."_s}
            << none << QString();
        QTest::newRow("expired yesterday")
            << QStringList{u"api"_s} << u"2026-03-09"_s << true << QStringList{} << auth
            << u"The token expired on 2026-03-09."_s;
        QTest::newRow("inactive") << QStringList{u"api"_s} << QString() << false << QStringList{}
                                  << auth << u"no longer active"_s;
        QTest::newRow("read_user only")
            << QStringList{u"read_user"_s} << QString() << true << QStringList{}
            << int(ApiError::Kind::Scope) << u"neither the api nor the read_api scope"_s;
        QTest::newRow("scopes unknown")
            << QStringList{} << QString() << true << QStringList{} << none << QString();
    }

    void verdict()
    {
        QFETCH(QStringList, scopes);
        QFETCH(QString, expiresAt);
        QFETCH(bool, active);
        QFETCH(QStringList, warnings);
        QFETCH(int, errorKind);
        QFETCH(QString, errorMentions);

        TokenInfo token;
        token.name = u"laptop"_s;
        token.scopes = scopes;
        token.active = active;
        if (!expiresAt.isEmpty())
            token.expiresAt = QDate::fromString(expiresAt, Qt::ISODate);
        const QDate today(2026, 3, 10);

        const ApiError error = AccountValidator::tokenError(token, today);
        QCOMPARE(int(error.kind()), errorKind);
        QVERIFY2(error.message().contains(errorMentions), qPrintable(error.message()));
        if (!error.isError())
            QCOMPARE(AccountValidator::tokenWarnings(token, today), warnings);
    }
};

QTEST_GUILESS_MAIN(TestTokenChecks)
#include "TestTokenChecks.moc"
