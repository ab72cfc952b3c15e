// AccountDialog against a real gitlab-sim --demo: the connection test runs in the background
// and shows the identity, scopes and expiry, the actionable error, the warnings; an untrusted
// TLS certificate offers its fingerprint and "Trust this CA file…".

#include "AccountDialog.h"
#include "DemoData.h"
#include "ScriptedDialogs.h"
#include "SimServer.h"
#include "account/AccountStore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using Stevedore::GuiTest::ScriptedDialogs;
using stevedore::test::ScopedSim;
using stevedore::test::SimServer;
using namespace stevedore::test::demo;

namespace {

constexpr int kTimeoutMs = 30000;

// Runs `openssl args…` in `dir`; returns an error text, empty on success.
QString openssl(const QString &dir, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAll()) + process.errorString();
        return u"openssl %1 failed: %2"_s.arg(args.join(u' '), output);
    }
    return {};
}

// The dialog's widgets, found the way a test of the window would find them.
struct Form
{
    explicit Form(AccountDialog &dialog)
        : url(dialog.findChild<QLineEdit *>(u"urlEdit"_s))
        , kind(dialog.findChild<QComboBox *>(u"kindCombo"_s))
        , token(dialog.findChild<QLineEdit *>(u"tokenEdit"_s))
        , username(dialog.findChild<QLineEdit *>(u"usernameEdit"_s))
        , caFile(dialog.findChild<QLineEdit *>(u"caFileEdit"_s))
        , caBrowse(dialog.findChild<QPushButton *>(u"caBrowseButton"_s))
        , project(dialog.findChild<QLineEdit *>(u"projectEdit"_s))
        , projectHint(dialog.findChild<QLabel *>(u"projectHint"_s))
        , name(dialog.findChild<QLineEdit *>(u"nameEdit"_s))
        , test(dialog.findChild<QPushButton *>(u"testButton"_s))
        , busy(dialog.findChild<QLabel *>(u"busyLabel"_s))
        , result(dialog.findChild<QLabel *>(u"resultLabel"_s))
        , warning(dialog.findChild<QLabel *>(u"warningLabel"_s))
        , fingerprint(dialog.findChild<QLabel *>(u"fingerprintLabel"_s))
        , trustCa(dialog.findChild<QPushButton *>(u"trustCaButton"_s))
        , banner(dialog.findChild<QLabel *>(u"keychainBanner"_s))
        , save(dialog.findChild<QPushButton *>(u"saveButton"_s))
    {
    }

    bool complete() const
    {
        return url && kind && token && username && caFile && caBrowse && project && projectHint
               && name && test && busy && result && warning && fingerprint && trustCa && banner
               && save;
    }

    void selectKind(CredentialKind wanted, const QString &label = {})
    {
        for (int i = 0; i < kind->count(); ++i) {
            if (kind->itemData(i).toString() == credentialKindId(wanted)
                && (label.isEmpty() || kind->itemText(i).contains(label))) {
                kind->setCurrentIndex(i);
                return;
            }
        }
    }

    QLineEdit *url;
    QComboBox *kind;
    QLineEdit *token;
    QLineEdit *username;
    QLineEdit *caFile;
    QPushButton *caBrowse;
    QLineEdit *project;
    QLabel *projectHint;
    QLineEdit *name;
    QPushButton *test;
    QLabel *busy;
    QLabel *result;
    QLabel *warning;
    QLabel *fingerprint;
    QPushButton *trustCa;
    QLabel *banner;
    QPushButton *save;
};

} // namespace

class TestAccountDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void saveNeedsUrlAndToken();
    void usernameOnlyForBasic();
    void accountAndSecretFromTheFields();
    void pastedTokenIsTrimmed();
    void keychainBannerShowsAndHides();
    void browseFillsCaFile();
    void personalTokenShowsUserScopesAndExpiry();
    void wrongTokenShowsTheActionableError();
    void readApiTokenShowsWarning();
    void deployTokenCheckedAgainstProject();
    void editingCancelsARunningTest();
    void untrustedCertificateOffersTrustingTheCaFile();
    void editModeKeepsTheStoredTokenUnlessOneIsTyped();
    void aDisplayNameTakenByAnotherAccountIsRefused();

private:
    // Shows a dialog with the URL and token typed in.
    std::unique_ptr<AccountDialog> openDialog(const QUrl &url, const QString &token);
    // Clicks "Test connection" and waits for the result.
    bool runTest(AccountDialog &dialog, Form &form);

    ScopedSim m_sim;
    ScriptedDialogs m_dialogs;
};

void TestAccountDialog::initTestCase()
{
    QVERIFY(m_sim.startDemo());
}

void TestAccountDialog::cleanup()
{
    m_sim.reportIfFailed();
    m_dialogs.clear();
}

void TestAccountDialog::cleanupTestCase()
{
    if (m_sim && m_sim->isRunning())
        QCOMPARE(m_sim->stop(), 0);
}

std::unique_ptr<AccountDialog> TestAccountDialog::openDialog(const QUrl &url, const QString &token)
{
    auto dialog = std::make_unique<AccountDialog>(m_dialogs);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    Form form(*dialog);
    if (!form.complete())
        return nullptr;
    if (!url.isEmpty())
        QTest::keyClicks(form.url, url.toString());
    if (!token.isEmpty())
        QTest::keyClicks(form.token, token);
    return dialog;
}

bool TestAccountDialog::runTest(AccountDialog &dialog, Form &form)
{
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);
    if (!form.test->isEnabled())
        return false;
    QTest::mouseClick(form.test, Qt::LeftButton);
    // Asynchronous: the click returns at once with the test running.
    if (!dialog.isTesting() || form.test->isEnabled() || !form.busy->isVisible()
        || form.result->isVisible())
        return false;
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs))
        return false;
    return !dialog.isTesting() && form.test->isEnabled() && !form.busy->isVisible()
           && form.result->isVisible();
}

void TestAccountDialog::saveNeedsUrlAndToken()
{
    const auto dialog = openDialog({}, {});
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(!form.save->isEnabled());
    QVERIFY(!form.test->isEnabled());

    QTest::keyClicks(form.url, m_sim->baseUrl().toString());
    QVERIFY(!form.save->isEnabled());
    QTest::keyClicks(form.token, kPat);
    QVERIFY(form.save->isEnabled());
    QVERIFY(form.test->isEnabled());

    form.url->clear();
    QVERIFY(!form.save->isEnabled());
    QTest::keyClicks(form.url, u"ftp://example.com"_s); // not http(s)
    QVERIFY(!form.save->isEnabled());
    form.url->clear();
    QTest::keyClicks(form.url, u"gitlab.example.com"_s); // https:// is assumed
    QVERIFY(form.save->isEnabled());
    QCOMPARE(dialog->account().baseUrl, QUrl(u"https://gitlab.example.com"_s));

    // Enter accepts only a complete form.
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    form.token->clear();
    QTest::keyClick(form.token, Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);
    QTest::keyClicks(form.token, kPat);
    QTest::mouseClick(form.save, Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

void TestAccountDialog::usernameOnlyForBasic()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(!form.username->isEnabled());
    QVERIFY(form.projectHint->text().contains(u"Optional"_s));

    form.selectKind(CredentialKind::BasicAuth);
    QVERIFY(form.username->isEnabled());
    QVERIFY(!form.save->isEnabled()); // Basic needs the user name
    QTest::keyClicks(form.username, kUser);
    QVERIFY(form.save->isEnabled());
    QCOMPARE(dialog->account().username, kUser);

    form.selectKind(CredentialKind::DeployToken);
    QVERIFY(!form.username->isEnabled());
    QVERIFY(dialog->account().username.isEmpty());
    QVERIFY(form.projectHint->text().contains(u"Required"_s));
}

void TestAccountDialog::accountAndSecretFromTheFields()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    form.selectKind(CredentialKind::PersonalAccessToken, u"Group"_s);
    QTest::keyClicks(form.project, kProject);

    Account account = dialog->account();
    QVERIFY(!account.id.isEmpty());
    QCOMPARE(account.baseUrl, m_sim->baseUrl());
    QCOMPARE(account.kind, CredentialKind::PersonalAccessToken);
    QCOMPARE(account.defaultProject, kProject);
    QVERIFY(account.persistent);
    // The name defaults to the host (with its port, which is not the scheme's default).
    const QString host = u"127.0.0.1:%1"_s.arg(m_sim->port());
    QCOMPARE(account.name, host);
    QCOMPARE(form.name->placeholderText(), host);
    QCOMPARE(dialog->secret(), kPat);

    QTest::keyClicks(form.name, u"Demo server"_s);
    QCOMPARE(dialog->account().name, u"Demo server"_s);

    // Editing keeps the id.
    AccountDialog edit(m_dialogs);
    Account existing = account;
    existing.id = u"fixed-id"_s;
    existing.kind = CredentialKind::JobToken;
    edit.setAccount(existing);
    QCOMPARE(edit.account().id, u"fixed-id"_s);
    QCOMPARE(edit.account().kind, CredentialKind::JobToken);
    QCOMPARE(edit.account().name, host);
}

void TestAccountDialog::pastedTokenIsTrimmed()
{
    const auto dialog = openDialog(m_sim->baseUrl(), {});
    QVERIFY(dialog);
    Form form(*dialog);
    QCOMPARE(form.token->echoMode(), QLineEdit::Password);

    QApplication::clipboard()->setText(u"  glpat-demo-api \r\n"_s);
    if (QApplication::clipboard()->text() != u"  glpat-demo-api \r\n"_s)
        QSKIP("This platform has no clipboard");
    form.token->setFocus();
    QTest::keySequence(form.token, QKeySequence::Paste);
    QCOMPARE(form.token->text(), kPat);

    // Typing a single space is left alone (a Basic password may hold one).
    form.token->clear();
    QTest::keyClicks(form.token, u"pass word"_s);
    QCOMPARE(form.token->text(), u"pass word"_s);
}

void TestAccountDialog::keychainBannerShowsAndHides()
{
    const auto dialog = openDialog({}, {});
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(!form.banner->isVisible());
    dialog->setKeychainWarning(u"No keychain: the token is kept for this session only."_s);
    QVERIFY(form.banner->isVisible());
    QCOMPARE(form.banner->text(), u"No keychain: the token is kept for this session only."_s);
    dialog->setKeychainWarning({});
    QVERIFY(!form.banner->isVisible());
}

void TestAccountDialog::browseFillsCaFile()
{
    const auto dialog = openDialog({}, {});
    QVERIFY(dialog);
    Form form(*dialog);
    m_dialogs.answerFile(u"/etc/ssl/corp-ca.pem"_s);
    QTest::mouseClick(form.caBrowse, Qt::LeftButton);
    QCOMPARE(m_dialogs.asked(ScriptedDialogs::Kind::OpenFile).size(), 1);
    QCOMPARE(form.caFile->text(), u"/etc/ssl/corp-ca.pem"_s);
    QCOMPARE(dialog->account().caBundlePath, u"/etc/ssl/corp-ca.pem"_s);

    // Cancelling the file dialog keeps the field.
    QTest::mouseClick(form.caBrowse, Qt::LeftButton);
    QCOMPARE(form.caFile->text(), u"/etc/ssl/corp-ca.pem"_s);
}

void TestAccountDialog::personalTokenShowsUserScopesAndExpiry()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(runTest(*dialog, form));

    QVERIFY(dialog->lastReport() && dialog->lastReport()->ok());
    const QString text = form.result->text();
    QVERIFY2(text.contains(u"@demo"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Scopes: api."_s), qPrintable(text));
    QVERIFY2(text.contains(u"Expires on"_s), qPrintable(text));
    QVERIFY(!form.warning->isVisible());
    QVERIFY(!form.fingerprint->isVisible());
    QVERIFY(!form.trustCa->isVisible());
    QCOMPARE(m_dialogs.asked().size(), 0);
}

void TestAccountDialog::wrongTokenShowsTheActionableError()
{
    const auto dialog = openDialog(m_sim->baseUrl(), u"glpat-wrong"_s);
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(runTest(*dialog, form));

    QVERIFY(dialog->lastReport() && !dialog->lastReport()->ok());
    const QString text = form.result->text();
    QVERIFY2(text.contains(u"GitLab did not accept the token (HTTP 401). Check that it is typed "
                           "correctly"_s),
             qPrintable(text));
    QVERIFY(!form.trustCa->isVisible());
    QVERIFY(form.save->isEnabled()); // saving stays possible: the person decides …
    QCOMPARE(form.save->text(), u"Save anyway"_s);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(form.token, Qt::Key_Return); // … but not by pressing Enter
    QCOMPARE(accepted.count(), 0);
    QTest::mouseClick(form.save, Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

void TestAccountDialog::readApiTokenShowsWarning()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kReadApiPat);
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(runTest(*dialog, form));

    QVERIFY(dialog->lastReport() && dialog->lastReport()->ok());
    QVERIFY2(form.result->text().contains(u"Scopes: read_api."_s), qPrintable(form.result->text()));
    QVERIFY(form.warning->isVisible());
    QVERIFY2(form.warning->text().contains(u"read_api"_s), qPrintable(form.warning->text()));
    QVERIFY2(form.warning->text().contains(u"publishing"_s), qPrintable(form.warning->text()));
}

void TestAccountDialog::deployTokenCheckedAgainstProject()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kDeployRw);
    QVERIFY(dialog);
    Form form(*dialog);
    form.selectKind(CredentialKind::DeployToken);
    QCOMPARE(dialog->account().kind, CredentialKind::DeployToken);

    // Without a project the check cannot run, and says so.
    QVERIFY(runTest(*dialog, form));
    QVERIFY(!dialog->lastReport()->ok());
    QVERIFY2(form.result->text().contains(u"project"_s), qPrintable(form.result->text()));

    QTest::keyClicks(form.project, kProject);
    QVERIFY(!form.result->isVisible()); // an edit clears the stale result
    QVERIFY(runTest(*dialog, form));
    QVERIFY2(dialog->lastReport()->ok(), qPrintable(form.result->text()));
    QVERIFY2(form.result->text().contains(kProject), qPrintable(form.result->text()));
    QCOMPARE(dialog->account().defaultProject, kProject);
}

void TestAccountDialog::editingCancelsARunningTest()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    QSignalSpy finished(dialog.get(), &AccountDialog::testFinished);
    QTest::mouseClick(form.test, Qt::LeftButton);
    QVERIFY(dialog->isTesting());
    QTest::keyClick(form.token, Qt::Key_Backspace);
    QVERIFY(!dialog->isTesting());
    QVERIFY(!form.busy->isVisible());
    QVERIFY(form.test->isEnabled());
    QTest::qWait(500);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!form.result->isVisible());
}

void TestAccountDialog::untrustedCertificateOffersTrustingTheCaFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString d = dir.path();
    const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                         u"-nodes"_s};
    QString error =
        openssl(d, QStringList{u"req"_s, u"-x509"_s} + ec
                       + QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s,
                                     u"2"_s, u"-subj"_s, u"/CN=Stevedore GUI Test CA"_s,
                                     u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                     u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s});
    if (error.contains(u"failed to start"_s) || error.contains(u"No such file"_s))
        QSKIP("the openssl command is not available");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = openssl(d, QStringList{u"req"_s} + ec
                           + QStringList{u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s,
                                         u"-subj"_s, u"/CN=127.0.0.1"_s});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile ext(QDir(d).filePath(u"server.ext"_s));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
              "basicConstraints=critical,CA:FALSE\n"
              "keyUsage=critical,digitalSignature,keyEncipherment\n"
              "extendedKeyUsage=serverAuth\n");
    ext.close();
    error = openssl(d, {u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                        u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s,
                        u"-days"_s, u"2"_s, u"-extfile"_s, u"server.ext"_s});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString caFile = QDir(d).filePath(u"ca.pem"_s);
    const QString notPem = QDir(d).filePath(u"server.ext"_s);

    SimServer tls(SimServer::Options().withDemo().withArguments(
        {u"--tls-cert"_s, QDir(d).filePath(u"server.pem"_s), u"--tls-key"_s,
         QDir(d).filePath(u"server.key"_s)}));
    QVERIFY2(tls.start(), qPrintable(tls.errorString()));
    QCOMPARE(tls.baseUrl().scheme(), u"https"_s);

    const auto dialog = openDialog(tls.baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    QVERIFY(runTest(*dialog, form));
    QVERIFY(!dialog->lastReport()->ok());
    QCOMPARE(dialog->lastReport()->error.kind(), ApiError::Kind::Tls);

    // The fingerprint shown is the server certificate's.
    QVERIFY(form.fingerprint->isVisible());
    QVERIFY(form.trustCa->isVisible());
    QProcess fingerprint;
    fingerprint.start(u"openssl"_s, {u"x509"_s, u"-in"_s, QDir(d).filePath(u"server.pem"_s),
                                     u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
    QVERIFY(fingerprint.waitForFinished(30000));
    const QString expected =
        QString::fromLatin1(fingerprint.readAllStandardOutput()).section(u'=', 1).trimmed();
    QCOMPARE(dialog->untrustedFingerprint(), expected);
    QVERIFY(form.fingerprint->text().contains(expected));

    // A file without a certificate is refused with a warning, and nothing is re-tested.
    m_dialogs.answerFile(notPem);
    QTest::mouseClick(form.trustCa, Qt::LeftButton);
    QCOMPARE(m_dialogs.asked(ScriptedDialogs::Kind::Warning).size(), 1);
    QVERIFY(form.caFile->text().isEmpty());
    QVERIFY(!dialog->isTesting());

    // Trusting the CA file tests again, with it.
    QSignalSpy finished(dialog.get(), &AccountDialog::testFinished);
    m_dialogs.answerFile(caFile);
    QTest::mouseClick(form.trustCa, Qt::LeftButton);
    QCOMPARE(m_dialogs.asked(ScriptedDialogs::Kind::OpenFile).size(), 2);
    QCOMPARE(m_dialogs.unanswered(), 0);
    QCOMPARE(form.caFile->text(), caFile);
    QVERIFY(dialog->isTesting());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QVERIFY2(dialog->lastReport()->ok(), qPrintable(form.result->text()));
    QVERIFY(form.result->text().contains(u"@demo"_s));
    QVERIFY(!form.fingerprint->isVisible());
    QVERIFY(!form.trustCa->isVisible());
    QCOMPARE(dialog->account().caBundlePath, caFile);

    dialog->close();
    QCOMPARE(tls.stop(), 0);
}

void TestAccountDialog::editModeKeepsTheStoredTokenUnlessOneIsTyped()
{
    AccountDialog dialog(m_dialogs);
    Form form(dialog);
    Account existing =
        AccountStore::newAccount(u"work"_s, m_sim->baseUrl(), CredentialKind::BasicAuth);
    existing.username = kUser;
    existing.caBundlePath = u"/etc/ssl/work-ca.pem"_s;
    existing.defaultProject = kProject;
    dialog.editAccount(existing);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.windowTitle(), u"Edit account"_s);
    QVERIFY(dialog.isEditing());
    QCOMPARE(form.url->text(), m_sim->baseUrl().toString());
    QCOMPARE(form.kind->currentData().toString(), u"basic"_s);
    QCOMPARE(form.username->text(), kUser);
    QCOMPARE(form.caFile->text(), existing.caBundlePath);
    QCOMPARE(form.project->text(), kProject);
    QCOMPARE(form.name->text(), u"work"_s);
    QVERIFY(form.token->text().isEmpty());
    QCOMPARE(form.token->placeholderText(), u"unchanged — type to replace"_s);
    form.selectKind(CredentialKind::PersonalAccessToken);
    QCOMPARE(form.token->placeholderText(), u"unchanged — type to replace"_s);
    QCOMPARE(dialog.account(), [&] {
        Account expected = existing;
        expected.kind = CredentialKind::PersonalAccessToken;
        expected.username.clear(); // only Basic keeps one
        return expected;
    }());

    // Saving needs no token; testing needs the stored one until a token is typed.
    QVERIFY(form.save->isEnabled());
    QVERIFY(!form.test->isEnabled());
    dialog.setStoredSecret(kPat);
    form.caFile->clear();
    QVERIFY(runTest(dialog, form));
    QVERIFY2(dialog.lastReport()->ok(), qPrintable(form.result->text()));
    QVERIFY(form.result->text().contains(u"@demo"_s));
    QVERIFY(dialog.secret().isEmpty()); // the stored token is never handed out as typed

    // A typed token is tested and saved instead, by the same rules as when adding.
    QTest::keyClicks(form.token, u"glpat-wrong"_s);
    QCOMPARE(dialog.secret(), u"glpat-wrong"_s);
    QVERIFY(runTest(dialog, form));
    QVERIFY(!dialog.lastReport()->ok());
    QCOMPARE(form.save->text(), u"Save anyway"_s);
    QVERIFY(!form.save->isDefault());
}

void TestAccountDialog::aDisplayNameTakenByAnotherAccountIsRefused()
{
    const auto dialog = openDialog(m_sim->baseUrl(), kPat);
    QVERIFY(dialog);
    Form form(*dialog);
    auto *problem = dialog->findChild<QLabel *>(u"nameProblem"_s);
    QVERIFY(problem);
    const QString host = u"127.0.0.1:%1"_s.arg(m_sim->port());
    QVERIFY(form.save->isEnabled());

    // The default name (the host) is taken: a second account on the same server needs a name.
    dialog->setTakenNames({u"work"_s, host});
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(host), qPrintable(problem->text()));
    QVERIFY(!form.save->isEnabled());
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::keyClick(form.token, Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);

    QTest::keyClicks(form.name, u"work"_s);
    QVERIFY(problem->text().contains(u"work"_s));
    QVERIFY(!form.save->isEnabled());
    QTest::keyClicks(form.name, u" two"_s);
    QVERIFY(!problem->isVisible());
    QVERIFY(form.save->isEnabled());
    QTest::keyClick(form.token, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
}

QTEST_MAIN(TestAccountDialog)
#include "TestAccountDialog.moc"
