// Incremental SHA-256 over OpenSSL's EVP interface.
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <openssl/evp.h>

namespace sim {

class Sha256 final
{
public:
    Sha256()
        : m_ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free)
    {
        EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
    }

    void add(const char *data, size_t length) { EVP_DigestUpdate(m_ctx.get(), data, length); }

    QString hexDigest()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_ctx.get(), digest, &length);
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_ctx;
};

} // namespace sim
