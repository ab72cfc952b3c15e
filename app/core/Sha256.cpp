#include "core/Sha256.h"

#include <QFile>
#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace Stevedore {

void Sha256::Deleter::operator()(evp_md_ctx_st *context) const
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    reset();
}

Sha256::~Sha256() = default;

bool Sha256::isHexDigest(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-fA-F]{64}\\z"));
    return hex.match(text).hasMatch();
}

void Sha256::reset()
{
    EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr);
}

void Sha256::add(const char *data, qint64 length)
{
    EVP_DigestUpdate(m_context.get(), data, size_t(length));
}

QString Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context.get(), digest, &length);
    reset();
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

void Sha256::setUpOpenSsl()
{
    OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, nullptr);
}

QString Sha256::ofFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    while (true) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0)
            return {};
        if (got == 0)
            break;
        hash.add(chunk.constData(), got);
    }
    return hash.hexDigest();
}

} // namespace Stevedore
