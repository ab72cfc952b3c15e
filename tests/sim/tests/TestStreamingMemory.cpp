// The simulator streams uploads: a 1 GiB body (generated on the fly, never held in
// memory, sent with httplib's content-provider client API) leaves its peak RSS under
// 100 MiB, and the stored SHA-256 is the one computed while generating.

#include "SimTest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTest>

#include <array>
#include <cstring>
#include <httplib.h>
#include <memory>
#include <openssl/evp.h>

using namespace stevedore::test;
using namespace stevedore::test::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr std::size_t TotalSize = std::size_t(1) << 30; // 1 GiB
constexpr std::size_t ChunkSize = 256 * 1024;
constexpr qint64 RssLimit = 100LL * 1024 * 1024;

// Deterministic bytes: a 256 KiB block of splitmix64 output, made once, with each chunk
// stamped with its offset so that no two chunks are equal.
class Generator final
{
public:
    Generator()
        : m_block(ChunkSize)
    {
        std::uint64_t state = 0x5eed;
        for (std::size_t i = 0; i + sizeof(std::uint64_t) <= m_block.size();
             i += sizeof(std::uint64_t)) {
            std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            z ^= z >> 31;
            std::memcpy(m_block.data() + i, &z, sizeof z);
        }
    }

    // The bytes at [offset, offset + size), size ≤ ChunkSize, offset a multiple of it.
    void fill(std::size_t offset, char *out, std::size_t size)
    {
        std::memcpy(out, m_block.data(), size);
        const std::uint64_t stamp = offset;
        std::memcpy(out, &stamp, std::min(size, sizeof stamp));
    }

private:
    std::vector<char> m_block;
};

// SHA-256 with OpenSSL's libcrypto (Qt's own is about 3x slower, design.md).
class Sha256 final
{
public:
    Sha256()
        : m_ctx(EVP_MD_CTX_new())
    {
        EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
    }
    ~Sha256() { EVP_MD_CTX_free(m_ctx); }
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void add(const char *data, std::size_t size) { EVP_DigestUpdate(m_ctx, data, size); }
    QByteArray hex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_ctx, digest, &length);
        return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length))
            .toHex();
    }

private:
    EVP_MD_CTX *m_ctx;
};

} // namespace

class TestStreamingMemory final : public QObject
{
    Q_OBJECT

private slots:
    void oneGibUploadKeepsSimulatorMemoryFlat()
    {
        Fixture f;
        f.addUser(u"dev"_s).addPersonalToken(u"pat-dev"_s, u"dev"_s);
        f.addProject(1, u"grp/proj"_s, u"private"_s, {{u"dev"_s, u"developer"_s}});
        SimServer sim(SimServer::Options().withFixture(f.toJson()));
        SIM_START(sim);

        httplib::Client client(sim.baseUrl().toString().toStdString());
        client.set_url_encode(false);
        client.set_compress(false);
        client.set_decompress(false);
        client.set_keep_alive(false);
        client.set_read_timeout(std::chrono::seconds(120));
        client.set_write_timeout(std::chrono::seconds(120));

        Generator generator;
        Sha256 hash;
        std::vector<char> buffer(ChunkSize);
        qint64 peak = 0;
        std::size_t lastSample = 0;
        httplib::ContentProvider provider = [&](std::size_t offset, std::size_t length,
                                                httplib::DataSink &sink) {
            const std::size_t n = std::min(length, ChunkSize);
            generator.fill(offset, buffer.data(), n);
            hash.add(buffer.data(), n);
            if (offset - lastSample >= 64 * 1024 * 1024) { // sample while the body flows, too
                lastSample = offset;
                peak = qMax(peak, sim.peakResidentBytes());
            }
            return sink.write(buffer.data(), n);
        };

        QElapsedTimer timer;
        timer.start();
        const httplib::Headers headers{{"PRIVATE-TOKEN", "pat-dev"},
                                       {"Accept-Encoding", "identity"}};
        const httplib::Result result =
            client.Put("/api/v4/projects/1/packages/generic/big/1.0.0/big.bin?select=package_file",
                       headers, TotalSize, provider, "application/octet-stream");
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(result, httplib::to_string(result.error()).c_str());
        QVERIFY2(result->status == 200, result->body.c_str());

        peak = qMax(peak, sim.peakResidentBytes());
        QVERIFY2(peak > 0, "VmHWM not readable from /proc");
        qInfo().noquote() << u"1 GiB upload in %1 ms; gitlab-sim peak RSS %2 MiB"_s.arg(elapsed)
                                 .arg(peak / (1024.0 * 1024.0), 0, 'f', 1);
        QVERIFY2(peak < RssLimit,
                 qPrintable(u"gitlab-sim peak RSS %1 MiB ≥ 100 MiB"_s.arg(peak / (1024 * 1024))));

        const QJsonObject record =
            QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object();
        QCOMPARE(record.value(u"size"_s).toInteger(), qint64(TotalSize));
        QCOMPARE(record.value(u"file_sha256"_s).toString().toLatin1(), hash.hex());
        QCOMPARE(sim.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStreamingMemory)
#include "TestStreamingMemory.moc"
