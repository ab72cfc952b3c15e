// MemorySecretStore (session-only tokens), and how keychain failures become errors people can
// act on (KeychainSecretStore::errorOf, SecretStore::problemOf) — without a keychain.

#include "account/KeychainSecretStore.h"
#include "account/MemorySecretStore.h"

#include <QTest>
#include <qt6keychain/keychain.h>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

// Runs one operation and waits for its callback, which must not run inside the call.
template<typename T, typename Operation> Result<T> await(Operation operation)
{
    std::optional<Result<T>> result;
    bool returned = false;
    bool calledInside = false;
    QObject context;
    operation(&context, [&](Result<T> value) {
        calledInside = !returned;
        result = std::move(value);
    });
    returned = true;
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        return ApiError(ApiError::Kind::Timeout, u"no callback"_s);
    if (calledInside)
        return ApiError(ApiError::Kind::Protocol, u"the callback ran inside the call"_s);
    return *result;
}

} // namespace

class TestSecretStores final : public QObject
{
    Q_OBJECT

private:
    MemorySecretStore m_store;

    Result<QString> read(const QString &key)
    {
        return await<QString>([&](QObject *c, Callback<QString> d) { m_store.read(key, c, d); });
    }
    Result<Success> write(const QString &key, const QString &secret)
    {
        return await<Success>(
            [&](QObject *c, Callback<Success> d) { m_store.write(key, secret, c, d); });
    }
    Result<Success> remove(const QString &key)
    {
        return await<Success>([&](QObject *c, Callback<Success> d) { m_store.remove(key, c, d); });
    }

private Q_SLOTS:
    void memoryRoundTrip()
    {
        QVERIFY(write(u"k"_s, u"first"_s).ok());
        QCOMPARE(read(u"k"_s).value(), u"first"_s);
        QVERIFY(write(u"k"_s, u"second"_s).ok());
        QCOMPARE(read(u"k"_s).value(), u"second"_s);
        QVERIFY(m_store.contains(u"k"_s));
        QVERIFY(remove(u"k"_s).ok());
        QVERIFY(!m_store.contains(u"k"_s));

        const Result<QString> gone = read(u"k"_s);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind(), ApiError::Kind::Local);
        QCOMPARE(SecretStore::problemOf(gone.error()), SecretStore::Problem::NotFound);
        QCOMPARE(gone.error().message(), SecretStore::notFoundError().message());
    }

    void memoryKeysDoNotCollide()
    {
        const QString unicode = QString(2048, QChar(0x00FC)) + QString(2048, QChar(0x6771));
        QVERIFY(write(u"https://a#1"_s, u"one"_s).ok());
        QVERIFY(write(u"https://a#1-2"_s, unicode).ok());
        QCOMPARE(read(u"https://a#1"_s).value(), u"one"_s);
        QCOMPARE(read(u"https://a#1-2"_s).value(), unicode);
        QVERIFY(remove(u"https://a#1"_s).ok());
        QCOMPARE(read(u"https://a#1-2"_s).value(), unicode);
    }

    void memoryRemovingAnUnknownKeySucceeds() { QVERIFY(remove(u"never"_s).ok()); }

    void memoryWriteIsVisibleAtOnce()
    {
        // The value is stored when write() returns; only the callback waits for the loop.
        bool written = false;
        m_store.write(u"now"_s, u"v"_s, this, [&](Result<Success>) { written = true; });
        QVERIFY(!written);
        QVERIFY(m_store.contains(u"now"_s));
        QTRY_VERIFY(written);
    }

    void memoryCallbackDroppedWithItsContext()
    {
        bool called = false;
        {
            QObject context;
            m_store.read(u"x"_s, &context, [&](Result<QString>) { called = true; });
        }
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void memoryNullContextMeansTheStore()
    {
        bool called = false;
        m_store.remove(u"x"_s, nullptr, [&](Result<Success>) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void keychainErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("mentions");

        const int unavailable = int(SecretStore::Problem::Unavailable);
        QTest::newRow("no backend")
            << int(QKeychain::NoBackendAvailable) << u"No keychain service available"_s
            << unavailable << u"No keychain is available"_s;
        QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << u""_s << unavailable
                                         << u"start gnome-keyring or KWallet"_s;
        QTest::newRow("libsecret, bus socket missing")
            << int(QKeychain::OtherError) << u"Could not connect: No such file or directory"_s
            << unavailable << u"No keychain is available"_s;
        QTest::newRow("libsecret, no bus, no display")
            << int(QKeychain::OtherError) << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s
            << unavailable << u"No keychain is available"_s;
        QTest::newRow("no secret service on the bus")
            << int(QKeychain::OtherError)
            << u"GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name "
               "org.freedesktop.secrets was not provided by any .service files"_s
            << unavailable << u"No keychain is available"_s;
        QTest::newRow("kwallet, no bus")
            << int(QKeychain::OtherError)
            << u"Could not open wallet: org.freedesktop.DBus.Error.NoServer; D-Bus is not running"_s
            << unavailable << u"No keychain is available"_s;
        QTest::newRow("access denied") << int(QKeychain::AccessDenied) << u"locked"_s
                                       << int(SecretStore::Problem::Denied) << u"Unlock it"_s;
        QTest::newRow("denied by user")
            << int(QKeychain::AccessDeniedByUser) << u""_s << int(SecretStore::Problem::Denied)
            << u"allow Stevedore"_s;
        QTest::newRow("not found")
            << int(QKeychain::EntryNotFound) << u"Entry not found"_s
            << int(SecretStore::Problem::NotFound) << u"Enter the token again"_s;
        QTest::newRow("could not delete")
            << int(QKeychain::CouldNotDeleteEntry) << u"busy"_s << int(SecretStore::Problem::Other)
            << u"Remove the Stevedore entry by hand"_s;
        QTest::newRow("other") << int(QKeychain::OtherError)
                               << u"Object does not exist at path /collection/login"_s
                               << int(SecretStore::Problem::Other)
                               << u"The keychain reported an error: Object does not exist"_s;
    }

    void keychainErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, detail);
        QFETCH(int, problem);
        QFETCH(QString, mentions);
        const ApiError error = KeychainSecretStore::errorOf(code, detail);
        QCOMPARE(error.kind(), ApiError::Kind::Local);
        QCOMPARE(int(SecretStore::problemOf(error)), problem);
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
        // A prefix added by a caller does not hide the problem.
        QCOMPARE(int(SecretStore::problemOf(error.withContext(u"Saving the token"_s))), problem);
        QVERIFY(!KeychainSecretStore::errorOf(QKeychain::NoError, {}).isError());
    }

    void problemOfOtherErrors()
    {
        QCOMPARE(SecretStore::problemOf(ApiError()), SecretStore::Problem::None);
        QCOMPARE(SecretStore::problemOf(ApiError(ApiError::Kind::Network, u"offline"_s)),
                 SecretStore::Problem::Other);
        QCOMPARE(SecretStore::problemOf(ApiError(ApiError::Kind::Local, u"disk full"_s)),
                 SecretStore::Problem::Other);
        QCOMPARE(SecretStore::unavailableError().message(),
                 u"No keychain is available (no Secret Service is running); start gnome-keyring "
                 "or KWallet to store tokens."_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "TestSecretStores.moc"
