#include "AccountDialog.h"

#include "Dialogs.h"
#include "StatusColours.h"
#include "account/AccountStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

bool isLineBreakOrTab(QChar ch)
{
    return ch == QLatin1Char('\n') || ch == QLatin1Char('\r') || ch == QLatin1Char('\t')
           || ch == QChar(QChar::LineSeparator) || ch == QChar(QChar::ParagraphSeparator);
}

// "AB:CD:…" (32 bytes) as ApiCall writes a certificate's SHA-256 fingerprint into a TLS error.
QString fingerprintIn(const QString &message)
{
    static const QRegularExpression expression(
        QStringLiteral("[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31}"));
    const QRegularExpressionMatch match = expression.match(message);
    return match.hasMatch() ? match.captured(0).toUpper() : QString();
}

CredentialKind kindFromCombo(const QComboBox *combo)
{
    return credentialKindFromId(combo->currentData().toString())
        .value_or(CredentialKind::PersonalAccessToken);
}

QLabel *makeNote(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The account works, but something deserves attention.
    label->setStyleSheet(StatusColours::noteBoxStyle(label->palette()));
    label->hide();
    return label;
}

} // namespace

AccountDialog::AccountDialog(Dialogs &dialogs, QWidget *parent)
    : QDialog(parent)
    , m_dialogs(dialogs)
    , m_accountId(newAccountId())
{
    setWindowTitle(tr("Add account"));

    m_keychainBanner = makeNote(QStringLiteral("keychainBanner"), this);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("https://gitlab.example.com"));
    m_url->setClearButtonEnabled(true);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    const QString personal = credentialKindId(CredentialKind::PersonalAccessToken);
    m_kind->addItem(tr("Personal access token"), personal);
    m_kind->addItem(tr("Project access token"), personal);
    m_kind->addItem(tr("Group access token"), personal);
    m_kind->addItem(tr("Deploy token"), credentialKindId(CredentialKind::DeployToken));
    m_kind->addItem(tr("CI job token"), credentialKindId(CredentialKind::JobToken));
    m_kind->addItem(tr("HTTP Basic (user name and token)"),
                    credentialKindId(CredentialKind::BasicAuth));
    m_kind->addItem(tr("OAuth token"), credentialKindId(CredentialKind::OAuthToken));

    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setToolTip(tr("Pasted tokens are cleaned of surrounding spaces and line breaks."));

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("Only for HTTP Basic"));

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("Optional: PEM file of your GitLab's certificate authority"));
    m_caFile->setClearButtonEnabled(true);
    m_caBrowse = new QPushButton(tr("&Browse…"), this);
    m_caBrowse->setObjectName(QStringLiteral("caBrowseButton"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_caBrowse);

    m_project = new QLineEdit(this);
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_project->setPlaceholderText(tr("group/project or its numeric id"));
    m_projectHint = new QLabel(this);
    m_projectHint->setObjectName(QStringLiteral("projectHint"));
    m_projectHint->setWordWrap(true);
    m_projectHint->setTextFormat(Qt::PlainText);
    m_projectHint->setEnabled(false); // greyed: an explanation, not a value

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_nameProblem = new QLabel(this);
    m_nameProblem->setObjectName(QStringLiteral("nameProblem"));
    m_nameProblem->setWordWrap(true);
    m_nameProblem->setTextFormat(Qt::PlainText);
    m_nameProblem->setStyleSheet(
        StatusColours::labelStyle(StatusColours::Meaning::Error, m_nameProblem->palette()));
    m_nameProblem->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("GitLab &URL:"), m_url);
    form->addRow(tr("Token &kind:"), m_kind);
    form->addRow(tr("&Token:"), m_token);
    m_usernameLabel = new QLabel(tr("User na&me:"), this);
    m_usernameLabel->setBuddy(m_username);
    form->addRow(m_usernameLabel, m_username);
    auto *caLabel = new QLabel(tr("C&A file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(QString(), m_projectHint);
    form->addRow(tr("&Display name:"), m_name);
    form->addRow(QString(), m_nameProblem);

    m_test = new QPushButton(tr("Test co&nnection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAutoDefault(false);
    m_busy = new QLabel(tr("Testing the connection…"), this);
    m_busy->setObjectName(QStringLiteral("busyLabel"));
    m_busy->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy, 1);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    m_warning = makeNote(QStringLiteral("warningLabel"), this);

    m_fingerprintLabel = new QLabel(this);
    m_fingerprintLabel->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprintLabel->setWordWrap(true);
    m_fingerprintLabel->setTextFormat(Qt::PlainText);
    m_fingerprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprintLabel->hide();
    m_trustCa = new QPushButton(tr("T&rust this CA file…"), this);
    m_trustCa->setObjectName(QStringLiteral("trustCaButton"));
    m_trustCa->setAutoDefault(false);
    m_trustCa->setToolTip(tr("Choose the PEM file of the certificate authority that signed this "
                             "server's certificate, and test again with it."));
    m_trustCa->hide();
    auto *trustRow = new QHBoxLayout;
    trustRow->addWidget(m_trustCa);
    trustRow->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keychainBanner);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_result);
    layout->addWidget(m_warning);
    layout->addWidget(m_fingerprintLabel);
    layout->addLayout(trustRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setMinimumWidth(520);
    resize(600, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_caBrowse, &QPushButton::clicked, this, &AccountDialog::browseCaFile);
    connect(m_trustCa, &QPushButton::clicked, this, &AccountDialog::trustCaFile);
    connect(m_token, &QLineEdit::textEdited, this, &AccountDialog::cleanPastedToken);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKind();
        invalidateTest();
    });
    for (QLineEdit *edit : {m_url, m_token, m_username, m_caFile, m_project})
        connect(edit, &QLineEdit::textChanged, this, &AccountDialog::invalidateTest);
    connect(m_url, &QLineEdit::textChanged, this, &AccountDialog::updateNamePlaceholder);
    connect(m_name, &QLineEdit::textChanged, this, &AccountDialog::updateState);

    updateKind();
    updateNamePlaceholder();
    updateState();
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::accept()
{
    if (m_save->isEnabled())
        QDialog::accept();
}

void AccountDialog::updateNamePlaceholder()
{
    const QString name = defaultName();
    m_name->setPlaceholderText(name.isEmpty() ? tr("Defaults to the server's host name") : name);
}

void AccountDialog::setAccount(const Account &account)
{
    m_accountId = account.id.isEmpty() ? newAccountId() : account.id;
    m_persistent = account.persistent;
    m_url->setText(account.baseUrl.toString());
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(credentialKindId(account.kind))));
    m_username->setText(account.username);
    m_caFile->setText(account.caBundlePath);
    m_project->setText(account.defaultProject);
    m_name->setText(account.name == defaultName() ? QString() : account.name);
    updateState();
}

void AccountDialog::setSecret(const QString &secret)
{
    m_token->setText(secret.trimmed());
    m_tokenBefore = m_token->text();
}

void AccountDialog::editAccount(const Account &account)
{
    m_editing = true;
    setWindowTitle(tr("Edit account"));
    setAccount(account);
    setSecret({});
    updateKind();
}

void AccountDialog::setStoredSecret(const QString &secret)
{
    m_storedSecret = secret;
    updateState();
}

void AccountDialog::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
    updateState();
}

QString AccountDialog::testSecret() const
{
    const QString typed = secret();
    return typed.isEmpty() && m_editing ? m_storedSecret : typed;
}

bool AccountDialog::nameIsTaken() const
{
    return m_takenNames.contains(account().name);
}

QUrl AccountDialog::enteredUrl() const
{
    QString text = m_url->text().trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    return normalizedBaseUrl(QUrl(text, QUrl::StrictMode));
}

QString AccountDialog::defaultName() const
{
    const QUrl url = enteredUrl();
    return url.isEmpty() ? QString() : serverName(url);
}

Account AccountDialog::account() const
{
    Account account;
    account.id = m_accountId;
    const QString name = m_name->text().trimmed();
    account.name = name.isEmpty() ? defaultName() : name;
    account.baseUrl = enteredUrl();
    account.kind = kindFromCombo(m_kind);
    if (account.kind == CredentialKind::BasicAuth)
        account.username = m_username->text().trimmed();
    account.caBundlePath = m_caFile->text().trimmed();
    account.defaultProject = m_project->text().trimmed();
    account.persistent = m_persistent;
    return account;
}

QString AccountDialog::secret() const
{
    return m_token->text().trimmed();
}

void AccountDialog::setKeychainWarning(const QString &message)
{
    m_keychainBanner->setText(message);
    m_keychainBanner->setVisible(!message.isEmpty());
}

void AccountDialog::cleanPastedToken(const QString &text)
{
    // Find what this edit inserted: the part between the unchanged beginning and end.
    const QString before = m_tokenBefore;
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < text.size() && before.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < text.size() - prefix
           && before.at(before.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    const QString inserted = text.mid(prefix, text.size() - prefix - suffix);

    // One typed character is left alone (a Basic password may hold spaces); a paste loses the
    // spaces around it and every line break and tab.
    const bool pasted =
        inserted.size() > 1 || (inserted.size() == 1 && isLineBreakOrTab(inserted.front()));
    if (pasted) {
        QString cleaned;
        cleaned.reserve(inserted.size());
        for (const QChar ch : inserted) {
            if (!isLineBreakOrTab(ch))
                cleaned.append(ch);
        }
        cleaned = cleaned.trimmed();
        if (cleaned != inserted) {
            const QString result = text.left(prefix) + cleaned + text.right(suffix);
            m_tokenBefore = result;
            m_token->setText(result);
            m_token->setCursorPosition(int(prefix + cleaned.size()));
            return;
        }
    }
    m_tokenBefore = text;
}

void AccountDialog::updateKind()
{
    const CredentialKind kind = kindFromCombo(m_kind);
    const bool basic = kind == CredentialKind::BasicAuth;
    m_username->setEnabled(basic);
    m_usernameLabel->setEnabled(basic);
    m_username->setPlaceholderText(basic ? tr("Your GitLab user name") : tr("Only for HTTP Basic"));

    switch (kind) {
    case CredentialKind::PersonalAccessToken:
        m_token->setPlaceholderText(tr("glpat-…"));
        break;
    case CredentialKind::DeployToken:
        m_token->setPlaceholderText(tr("gldt-…"));
        break;
    case CredentialKind::JobToken:
        m_token->setPlaceholderText(tr("The value of CI_JOB_TOKEN"));
        break;
    case CredentialKind::BasicAuth:
        m_token->setPlaceholderText(tr("Password or personal access token"));
        break;
    case CredentialKind::OAuthToken:
        m_token->setPlaceholderText(tr("OAuth access token"));
        break;
    }
    if (m_editing)
        m_token->setPlaceholderText(tr("unchanged — type to replace"));

    if (kind == CredentialKind::DeployToken) {
        m_projectHint->setText(
            tr("Required for deploy tokens: GitLab cannot tell who a deploy token belongs to, so "
               "the connection is tested against the project it was created for."));
    } else if (kind == CredentialKind::JobToken) {
        m_projectHint->setText(
            tr("Required for CI job tokens: GitLab cannot tell who a job token belongs to, so the "
               "connection is tested against a project the job may use (e.g. CI_PROJECT_PATH)."));
    } else {
        m_projectHint->setText(tr("Optional: the project to open first."));
    }
    updateState();
}

void AccountDialog::updateState()
{
    const bool basic = kindFromCombo(m_kind) == CredentialKind::BasicAuth;
    const bool taken = nameIsTaken();
    m_nameProblem->setText(taken ? tr("Another account is named %1 already: choose another "
                                      "display name.")
                                       .arg(account().name)
                                 : QString());
    m_nameProblem->setVisible(taken);
    const bool complete = !enteredUrl().isEmpty() && (m_editing || !secret().isEmpty())
                          && (!basic || !m_username->text().trimmed().isEmpty()) && !taken;
    m_save->setEnabled(complete);
    m_test->setEnabled(complete && !testSecret().isEmpty() && !isTesting());
}

void AccountDialog::invalidateTest()
{
    if (m_testContext)
        delete m_testContext.data(); // cancels the validation; its callback never runs
    m_testContext = nullptr;
    m_report.reset();
    m_fingerprint.clear();
    m_busy->hide();
    m_result->hide();
    m_warning->hide();
    m_fingerprintLabel->hide();
    m_trustCa->hide();
    m_save->setText(tr("Save"));
    m_save->setAutoDefault(true);
    m_save->setDefault(true);
    updateState();
}

void AccountDialog::testConnection()
{
    if (isTesting())
        return;
    invalidateTest();
    if (!m_test->isEnabled())
        return;

    auto *context = new QObject(this);
    m_testContext = context;
    m_busy->show();
    updateState();
    AccountValidator::validate(account(), testSecret(), m_project->text().trimmed(), context,
                               [this, context](const ValidationReport &report) {
                                   context->deleteLater();
                                   m_testContext = nullptr;
                                   m_busy->hide();
                                   showReport(report);
                                   updateState();
                                   Q_EMIT testFinished(report.ok());
                               });
}

void AccountDialog::showReport(const ValidationReport &report)
{
    m_report = report;
    QStringList lines;
    if (report.ok()) {
        m_result->setStyleSheet(
            StatusColours::labelStyle(StatusColours::Meaning::Success, palette()));
        lines << tr("✓ The connection works.");
        if (report.user) {
            lines << (report.user->name.isEmpty()
                          ? tr("Signed in as @%1.").arg(report.user->username)
                          : tr("Signed in as %1 (@%2).")
                                .arg(report.user->name, report.user->username));
        }
        if (report.token) {
            lines << tr("Scopes: %1.")
                         .arg(report.token->scopes.isEmpty()
                                  ? tr("none")
                                  : report.token->scopes.join(QLatin1String(", ")));
            lines << (report.token->expiresAt
                          ? tr("Expires on %1.")
                                .arg(QLocale().toString(*report.token->expiresAt,
                                                        QLocale::LongFormat))
                          : tr("Does not expire."));
        }
        const CredentialKind kind = kindFromCombo(m_kind);
        if (kind == CredentialKind::DeployToken || kind == CredentialKind::JobToken) {
            lines << tr("Checked against project %1.").arg(m_project->text().trimmed());
        }
    } else {
        m_result->setStyleSheet(
            StatusColours::labelStyle(StatusColours::Meaning::Error, palette()));
        lines << tr("✗ %1").arg(report.error.message());
        // Saving stays possible (the person decides), but only by a deliberate click: Enter
        // no longer saves.
        m_save->setText(tr("Save anyway"));
        m_save->setDefault(false);
        m_save->setAutoDefault(false);
    }
    m_result->setText(lines.join(QLatin1Char('\n')));
    m_result->show();

    m_warning->setText(report.warnings.join(QLatin1Char('\n')));
    m_warning->setVisible(!report.warnings.isEmpty());

    m_fingerprint = report.error.kind() == ApiError::Kind::Tls
                        ? fingerprintIn(report.error.message())
                        : QString();
    if (!m_fingerprint.isEmpty()) {
        m_fingerprintLabel->setText(
            tr("The server's certificate is not trusted. Its SHA-256 fingerprint is:\n%1\nCompare "
               "it with the one your GitLab administrator publishes before trusting the "
               "certificate authority that signed it.")
                .arg(m_fingerprint));
    }
    m_fingerprintLabel->setVisible(!m_fingerprint.isEmpty());
    m_trustCa->setVisible(report.error.kind() == ApiError::Kind::Tls);
}

QString AccountDialog::chooseCaFile(const QString &caption)
{
    const QString current = m_caFile->text().trimmed();
    const QString dir = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    return m_dialogs.openFile(this, caption, dir,
                              tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
}

void AccountDialog::browseCaFile()
{
    const QString path = chooseCaFile(tr("Choose a CA file"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void AccountDialog::trustCaFile()
{
    const QString path = chooseCaFile(tr("Trust a CA file"));
    if (path.isEmpty())
        return;
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty()) {
        m_dialogs.warning(this, tr("Not a CA file"),
                          tr("%1 holds no PEM certificate. Choose the PEM file of the certificate "
                             "authority that signed your GitLab's certificate.")
                              .arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_caFile->setText(path);
    testConnection();
}

} // namespace Stevedore
