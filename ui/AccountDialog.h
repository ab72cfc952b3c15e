#pragma once

#include "account/AccountValidator.h"
#include "core/Account.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Stevedore {

class Dialogs;

// Adds or edits an account: URL, token kind, token, user name (HTTP Basic only), CA file,
// project (needed to check deploy and CI job tokens), display name. "Test connection" runs
// AccountValidator in the background and shows who the token belongs to, its scopes and
// expiry, or what to do about the error; an untrusted certificate offers "Trust this CA
// file…". Save is enabled once there is a usable URL and a token (and a user name for Basic).
//
// In edit mode (editAccount()) the token field starts empty, meaning "keep the stored token";
// Test connection then uses the stored one (setStoredSecret()). A display name that another
// account has already is refused with a message, when adding and when editing.
//
// objectNames: urlEdit, kindCombo, tokenEdit, usernameEdit, caFileEdit, caBrowseButton,
// projectEdit, projectHint, nameEdit, nameProblem, testButton, busyLabel, resultLabel,
// warningLabel, fingerprintLabel, trustCaButton, keychainBanner, buttonBox, saveButton.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    explicit AccountDialog(Dialogs &dialogs, QWidget *parent = nullptr);
    ~AccountDialog() override;

    // Fills the form from `account` (its id is kept), e.g. the server of --url when adding.
    void setAccount(const Account &account);
    void setSecret(const QString &secret);
    // Edit mode: titled "Edit account", filled from `account`, the token field empty.
    void editAccount(const Account &account);
    bool isEditing() const { return m_editing; }
    // Edit mode: the token stored now, for Test connection while none is typed. Never shown.
    void setStoredSecret(const QString &secret);
    // The names of the other accounts: the display name must differ from each.
    void setTakenNames(const QStringList &names);

    // The account as entered: a fresh id for a new account; the URL normalised; the name
    // defaults to the host (with the port when it is not the scheme's default).
    Account account() const;
    QString secret() const; // trimmed; in edit mode, empty keeps the stored token

    // Shows the banner above the form (empty hides it): no keychain, the token will be kept
    // for this session only.
    void setKeychainWarning(const QString &message);

    bool isTesting() const { return m_testContext != nullptr; }
    // The last finished test of the current fields; reset when a field the test used changes.
    const std::optional<ValidationReport> &lastReport() const { return m_report; }
    // The SHA-256 fingerprint of the untrusted certificate of the last test, if any.
    QString untrustedFingerprint() const { return m_fingerprint; }

public Q_SLOTS:
    void testConnection();
    void accept() override; // only with a complete form

Q_SIGNALS:
    void testFinished(bool ok);

private:
    QUrl enteredUrl() const;
    QString defaultName() const;
    QString testSecret() const;
    bool nameIsTaken() const;
    void updateKind();
    void updateNamePlaceholder();
    void updateState();
    void invalidateTest();
    void showReport(const ValidationReport &report);
    void cleanPastedToken(const QString &text);
    void browseCaFile();
    void trustCaFile();
    QString chooseCaFile(const QString &caption);

    Dialogs &m_dialogs;
    QString m_accountId;
    bool m_persistent = true;
    bool m_editing = false;
    QString m_storedSecret;
    QStringList m_takenNames;

    QLabel *m_keychainBanner = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QLineEdit *m_project = nullptr;
    QLabel *m_projectHint = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_busy = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_fingerprintLabel = nullptr;
    QPushButton *m_trustCa = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;

    QString m_tokenBefore;           // the token text before the last edit, to recognise pastes
    QPointer<QObject> m_testContext; // alive while a test runs; deleting it cancels the test
    std::optional<ValidationReport> m_report;
    QString m_fingerprint;
};

} // namespace Stevedore
