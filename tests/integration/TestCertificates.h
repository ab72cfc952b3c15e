#pragma once

// A certificate authority and a server certificate for 127.0.0.1, made at test time with the
// openssl command-line tool in a temporary folder.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Stevedore::IntegrationTest {

class TestCertificates final
{
public:
    // Creates ca.pem/ca.key and server.pem/server.key (SAN IP:127.0.0.1) in `dir`, the server
    // certificate signed by the CA. `prefix` names the files so that several sets can share a
    // folder. Returns an error text, empty on success.
    QString create(const QString &dir, const QString &prefix = {})
    {
        m_dir = dir;
        m_prefix = prefix;
        const QStringList ec{
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        QString error = openssl(
            QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
            + QStringList{
                QStringLiteral("-keyout"), name(QStringLiteral("ca.key")), QStringLiteral("-out"),
                name(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=Stevedore Test CA ") + prefix,
                QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
        if (!error.isEmpty())
            return error;
        error = openssl(QStringList{QStringLiteral("req")} + ec
                        + QStringList{QStringLiteral("-keyout"), name(QStringLiteral("server.key")),
                                      QStringLiteral("-out"), name(QStringLiteral("server.csr")),
                                      QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        if (!error.isEmpty())
            return error;
        QFile ext(path(QStringLiteral("server.ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return ext.errorString();
        ext.write("subjectAltName=IP:127.0.0.1\n"
                  "basicConstraints=critical,CA:FALSE\n"
                  "keyUsage=critical,digitalSignature,keyEncipherment\n"
                  "extendedKeyUsage=serverAuth\n");
        ext.close();
        error = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         name(QStringLiteral("server.csr")), QStringLiteral("-CA"),
                         name(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"),
                         name(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
                         QStringLiteral("-out"), name(QStringLiteral("server.pem")),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                         name(QStringLiteral("server.ext"))});
        if (!error.isEmpty())
            return error;
        // "sha256 Fingerprint=AB:CD:…" (the label's case differs between OpenSSL versions).
        QString output;
        error = openssl({QStringLiteral("x509"), QStringLiteral("-in"),
                         name(QStringLiteral("server.pem")), QStringLiteral("-noout"),
                         QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
                        &output);
        if (!error.isEmpty())
            return error;
        m_fingerprint = output.section(QLatin1Char('='), 1).trimmed().toUpper();
        if (m_fingerprint.size() != 32 * 3 - 1)
            return QStringLiteral("unexpected fingerprint output: ") + output;
        return {};
    }

    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString certificateFile() const { return path(QStringLiteral("server.pem")); }
    QString keyFile() const { return path(QStringLiteral("server.key")); }
    // The server certificate's SHA-256 fingerprint as `openssl x509 -fingerprint` prints it:
    // upper-case hex pairs separated by ':'.
    QString fingerprint() const { return m_fingerprint; }

private:
    QString name(const QString &file) const { return m_prefix + file; }
    QString path(const QString &file) const { return QDir(m_dir).filePath(name(file)); }

    QString openssl(const QStringList &arguments, QString *output = nullptr) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            return QStringLiteral("openssl %1 failed: %2 %3")
                .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()),
                     process.errorString());
        }
        if (output)
            *output = QString::fromLocal8Bit(process.readAll());
        return {};
    }

    QString m_dir;
    QString m_prefix;
    QString m_fingerprint;
};

} // namespace Stevedore::IntegrationTest
