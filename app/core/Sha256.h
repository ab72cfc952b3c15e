#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

namespace Stevedore {

// Incremental SHA-256 over libcrypto (about three times faster than QCryptographicHash here).
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void reset();
    void add(const char *data, qint64 length);
    void add(const QByteArray &data) { add(data.constData(), data.size()); }
    QString hexDigest(); // lower-case, 64 characters; the hash restarts afterwards

    // 64 hexadecimal digits, in either case.
    static bool isHexDigest(const QString &text);
    // Hashes a whole file in bounded chunks; empty on a read error.
    static QString ofFile(const QString &path);

    // OpenSSL sets itself up (reads its configuration file) at its first use and keeps an error
    // state for the thread that did it, which is freed at exit only for the main thread: both
    // executables call this from main() before a worker thread hashes anything.
    static void setUpOpenSsl();

private:
    struct Deleter
    {
        void operator()(evp_md_ctx_st *context) const;
    };
    std::unique_ptr<evp_md_ctx_st, Deleter> m_context;
};

} // namespace Stevedore
