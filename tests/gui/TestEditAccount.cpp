// Editing a saved account in the window, with the real keychain: run-with-keyring.sh gives the
// test a private D-Bus session and gnome-keyring (never the user's own). File › Edit account…
// opens the account dialog filled in with the account and an empty token field; saving
// changes the account, reconnects it, and touches the keychain only as it must: a new token
// replaces the secret, an empty field keeps it, a new URL (part of the keychain key) moves it.

#include "../integration/TestCertificates.h"
#include "../keychain/KeychainTestSupport.h"
#include "AccountDialog.h"
#include "DemoData.h"
#include "MainWindow.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/AccountStore.h"
#include "account/KeychainSecretStore.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using stevedore::test::SimServer;
using namespace stevedore::test::demo;

namespace {

constexpr int kTimeout = 30000;

} // namespace

class TestEditAccount final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString root = qEnvironmentVariable("STEVEDORE_KEYRING_ROOT");
        QVERIFY2(!root.isEmpty(),
                 "run this test through tests/keychain/run-with-keyring.sh (ctest -R TestEdit)");
        QVERIFY2(qEnvironmentVariable("HOME").startsWith(root), "HOME is not the launcher's");
        QCoreApplication::setOrganizationName(u"StevedoreTests"_s);
        QCoreApplication::setApplicationName(u"TestEditAccount"_s);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir->filePath(u"settings"_s));
        QSettings().clear();
        m_accounts = std::make_unique<AccountStore>(
            std::make_unique<QSettings>(m_dir->filePath(u"accounts.ini"_s), QSettings::IniFormat));
        m_keychain = std::make_unique<KeychainSecretStore>();
        m_dialogs = std::make_unique<ScriptedDialogs>();
    }

    void cleanup()
    {
        m_window.reset();
        m_dialogs.reset();
        m_keychain.reset();
        m_accounts.reset();
        if (m_sim)
            QCOMPARE(m_sim.stop(), 0);
        m_sim.reset();
        m_dir.reset();
    }

    // A server whose certificate authority is not trusted yet: the account does not sign in
    // until the CA file is added to it, and its token stays as it was.
    void addingTheCaFileReconnectsAndKeepsTheToken()
    {
        Stevedore::IntegrationTest::TestCertificates certificates;
        const QString error = certificates.create(m_dir->path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_sim.start(SimServer::Options().withDemo().withArguments(
            {u"--tls-cert"_s, certificates.certificateFile(), u"--tls-key"_s,
             certificates.keyFile()})));
        const Account before = saveAccount(u"work"_s, m_sim->baseUrl(), kPat);
        openWindow(before.name);
        auto *warning = m_window->findChild<QLabel *>(u"warningLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(warning->text().contains(u"certificate"_s), kTimeout);

        AccountDialog *dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Edit account"_s);
        QCOMPARE(field(dialog, "urlEdit")->text(), m_sim->baseUrl().toString());
        QCOMPARE(field(dialog, "nameEdit")->text(), before.name);
        QVERIFY(field(dialog, "caFileEdit")->text().isEmpty());
        auto *token = field(dialog, "tokenEdit");
        QVERIFY(token->text().isEmpty());
        QCOMPARE(token->placeholderText(), u"unchanged — type to replace"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"kindCombo"_s)->currentData().toString(),
                 u"personal"_s);

        // The same rules as when adding: a failed test asks for a deliberate "Save anyway".
        auto *test = dialog->findChild<QPushButton *>(u"testButton"_s);
        auto *save = dialog->findChild<QPushButton *>(u"saveButton"_s);
        QSignalSpy tested(dialog, &AccountDialog::testFinished);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kTimeout);
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        QCOMPARE(save->text(), u"Save anyway"_s);

        // With the CA file, the stored token (the field is still empty) passes the test.
        QTest::keyClicks(field(dialog, "caFileEdit"), certificates.caFile());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, kTimeout);
        QCOMPARE(tested.at(1).at(0).toBool(), true);
        QCOMPARE(save->text(), u"Save"_s);
        saveAndWait(dialog);

        QCOMPARE(m_accounts->byId(before.id)->caBundlePath, certificates.caFile());
        QCOMPARE(m_window->session().active()->caBundlePath, certificates.caFile());
        QCOMPARE(m_window->session().apiFor(before.id)->client().account().caBundlePath,
                 certificates.caFile());
        QCOMPARE(readSecret(before.secretKey()).value(), kPat);
        // The window signs in with the changed account.
        auto *identity = m_window->findChild<QLabel *>(u"identityLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(identity->text().contains(u"(%1)"_s.arg(kUser)), kTimeout);
    }

    // A typed token replaces the secret; the connection uses it from then on, while one taken
    // before the change (as a running transfer holds it) keeps working with the old token.
    void aNewTokenReplacesTheSecret()
    {
        QVERIFY(m_sim.startDemo());
        const Account before = saveAccount(u"work"_s, m_sim->baseUrl(), kPat);
        openWindow(before.name);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session().api(), kTimeout);
        const std::shared_ptr<GitLabApi> held = m_window->session().apiFor(before.id);

        AccountDialog *dialog = openEditDialog();
        QVERIFY(dialog);
        QTest::keyClicks(field(dialog, "tokenEdit"), kReadApiPat);
        saveAndWait(dialog);

        QCOMPARE(readSecret(before.secretKey()).value(), kReadApiPat);
        QCOMPARE(m_accounts->byId(before.id)->baseUrl, before.baseUrl);
        const std::shared_ptr<GitLabApi> now = m_window->session().apiFor(before.id);
        QVERIFY(now && now != held);
        QCOMPARE(scopesOf(*now), QStringList{u"read_api"_s});
        QCOMPARE(scopesOf(*held), QStringList{u"api"_s});
    }

    // A new display name leaves the keychain entry where it is (its key is the URL and the
    // account id); a new URL moves the secret to the new key and removes the old entry.
    void aRenameKeepsTheSecretAndANewUrlMovesIt()
    {
        QVERIFY(m_sim.startDemo());
        const Account before = saveAccount(u"work"_s, m_sim->baseUrl(), kPat);
        const Account other = saveAccount(u"other"_s, m_sim->baseUrl(), kPat);
        openWindow(before.name);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session().api(), kTimeout);

        // Edit and Remove are also in the account switcher's right-click menu.
        auto *switcher = m_window->findChild<QComboBox *>(u"accountSwitcher"_s);
        QCOMPARE(switcher->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(
            switcher->actions().contains(m_window->findChild<QAction *>(u"actionEditAccount"_s)));
        QVERIFY(
            switcher->actions().contains(m_window->findChild<QAction *>(u"actionRemoveAccount"_s)));

        AccountDialog *dialog = openEditDialog();
        QVERIFY(dialog);
        auto *name = field(dialog, "nameEdit");
        auto *save = dialog->findChild<QPushButton *>(u"saveButton"_s);
        auto *problem = dialog->findChild<QLabel *>(u"nameProblem"_s);
        name->clear();
        QTest::keyClicks(name, other.name);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(other.name), qPrintable(problem->text()));
        QVERIFY(!save->isEnabled());
        name->clear();
        QTest::keyClicks(name, u"renamed"_s);
        QVERIFY(!problem->isVisible());
        saveAndWait(dialog);
        QCOMPARE(m_accounts->byId(before.id)->name, u"renamed"_s);
        QCOMPARE(readSecret(before.secretKey()).value(), kPat);

        QUrl moved = m_sim->baseUrl();
        moved.setHost(u"localhost"_s);
        dialog = openEditDialog();
        QVERIFY(dialog);
        auto *url = field(dialog, "urlEdit");
        url->clear();
        QTest::keyClicks(url, moved.toString());
        saveAndWait(dialog);

        const Account after = *m_accounts->byId(before.id);
        QCOMPARE(after.baseUrl, moved);
        QCOMPARE(after.name, u"renamed"_s);
        QVERIFY(after.secretKey() != before.secretKey());
        QCOMPARE(readSecret(after.secretKey()).value(), kPat);
        QVERIFY(isRemovedSoon(before.secretKey()));
        QCOMPARE(readSecret(other.secretKey()).value(), kPat); // the other account is untouched
        QCOMPARE(m_window->session().apiFor(before.id)->client().account().baseUrl, moved);
        QCOMPARE(m_dialogs->asked(ScriptedDialogs::Kind::Warning).size(), 0);
    }

private:
    Account saveAccount(const QString &name, const QUrl &url, const QString &token)
    {
        Account account = AccountStore::newAccount(name, url, CredentialKind::PersonalAccessToken);
        if (!m_accounts->save(account))
            qWarning("the account %s was not saved", qPrintable(name));
        const Result<Success> written =
            KeychainTest::await<Success>([&](QObject *context, Callback<Success> done) {
                m_keychain->write(account.secretKey(), token, context, std::move(done));
            });
        if (!written.ok())
            qWarning("the keychain refused the token: %s", qPrintable(written.error().message()));
        return account;
    }

    Result<QString> readSecret(const QString &key)
    {
        return KeychainTest::await<QString>([&](QObject *context, Callback<QString> done) {
            m_keychain->read(key, context, std::move(done));
        });
    }

    // The old entry is removed without waiting for the answer: give the keychain a moment.
    bool isRemovedSoon(const QString &key)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        while (SecretStore::problemOf(readSecret(key).error()) != SecretStore::Problem::NotFound) {
            if (elapsed.hasExpired(kTimeout))
                return false;
            QTest::qWait(100);
        }
        return true;
    }

    static QStringList scopesOf(GitLabApi &api)
    {
        QObject context;
        std::optional<Result<TokenInfo>> token;
        api.tokenInfo(&context, [&](Result<TokenInfo> info) { token = std::move(info); });
        if (!QTest::qWaitFor([&] { return token.has_value(); }, kTimeout) || !token->ok())
            return {u"(no answer)"_s};
        return token->value().scopes;
    }

    void openWindow(const QString &accountName)
    {
        LaunchOptions launch;
        launch.accountName = accountName;
        m_window = std::make_unique<MainWindow>(
            launch, MainWindow::Services{m_accounts.get(), m_keychain.get(), m_dialogs.get(),
                                         m_dir->filePath(u"queue.jsonl"_s), QProcessEnvironment()});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session().active(), kTimeout);
    }

    // Edit account… from the File menu; returns the dialog once the stored token is read.
    AccountDialog *openEditDialog()
    {
        m_window->findChild<QAction *>(u"actionEditAccount"_s)->trigger();
        AccountDialog *dialog = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    dialog = m_window->findChild<AccountDialog *>(u"accountDialog"_s);
                    return dialog && dialog->isVisible();
                },
                kTimeout))
            return nullptr;
        auto *test = dialog->findChild<QPushButton *>(u"testButton"_s);
        if (!dialog->isEditing() || !QTest::qWaitFor([&] { return test->isEnabled(); }, kTimeout))
            return nullptr;
        return dialog;
    }

    static QLineEdit *field(AccountDialog *dialog, const char *name)
    {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    }

    void saveAndWait(AccountDialog *dialog)
    {
        QSignalSpy updated(&m_window->session(), &AccountSession::updated);
        QSignalSpy failed(&m_window->session(), &AccountSession::updateFailed);
        auto *save = dialog->findChild<QPushButton *>(u"saveButton"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() + failed.count() > 0, kTimeout);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<AccountDialog *>(u"accountDialog"_s),
                                 kTimeout);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    ScopedSim m_sim;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<ScriptedDialogs> m_dialogs;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestEditAccount)
#include "TestEditAccount.moc"
