// "Stream, never buffer" (design.md): publishing a 2 GiB file keeps the client's peak resident
// memory flat. The file is sparse (QFile::resize), so it costs no disk on this side; the
// simulator stores the 2 GiB it receives in its own temporary data folder.
//
// Peak RSS is the kernel's VmHWM of this process (/proc/self/status), read before and after
// the upload; getrusage()'s ru_maxrss is reported beside it. The growth must stay below
// 100 MiB. Runs alone (RUN_SERIAL, label `memory`) so that other tests do not compete for the
// disk and the CPU.

#include "IntegrationSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Stevedore;
using namespace Stevedore::IntegrationTest;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kFileSize = 2048 * kMiB;
constexpr qint64 kAllowedGrowth = 100 * kMiB;
// SHA-256 of 2 GiB of zero bytes (`head -c 2147483648 /dev/zero | sha256sum`).
const QString kZerosSha256 = u"a7c744c13cc101ed66c29f672f92455547889cc586ce6d44fe76ae824958ea51"_s;

// VmHWM of this process in bytes, or -1.
qint64 peakResidentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0: readAll() reads to the end regardless.
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            return fields.size() >= 2 ? fields.at(1).toLongLong() * 1024 : -1;
        }
    }
    return -1;
}

qint64 maxRssBytes()
{
    rusage usage{};
    return getrusage(RUSAGE_SELF, &usage) == 0 ? qint64(usage.ru_maxrss) * 1024 : -1;
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / double(kMiB), 'f', 1) + u" MiB"_s;
}

} // namespace

class TestUploadMemory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadOf2GiBKeepsPeakMemoryFlat()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        stevedore::test::SimServer sim(stevedore::test::SimServer::Options().withDemo());
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto session =
            std::make_unique<Session>(sim.baseUrl(), CredentialKind::PersonalAccessToken, kPat);

        // Warm up: the first upload loads and initialises whatever the network stack needs,
        // so that only the big upload's own memory is measured.
        const QString small = dir.filePath(u"warm-up.bin"_s);
        QVERIFY(!writeFile(small, 256 * 1024, 31).isEmpty());
        VERIFY_OK(upload(*session->api, {kProject, u"big"_s, u"1.0.0"_s, u"warm-up.bin"_s}, small));

        const QString local = dir.filePath(u"two-gib.bin"_s);
        {
            QFile sparse(local);
            QVERIFY(sparse.open(QIODevice::WriteOnly));
            QVERIFY(sparse.resize(kFileSize));
        }
        QCOMPARE(QFileInfo(local).size(), kFileSize);

        const qint64 before = peakResidentBytes();
        QVERIFY(before > 0);
        UploadJob job(*session->api, {kProject, u"big"_s, u"1.0.0"_s, u"two-gib.bin"_s}, local,
                      false);
        qint64 mostSent = 0;
        connect(&job, &UploadJob::progress, this,
                [&](qint64 sent, qint64) { mostSent = std::max(mostSent, sent); });
        QElapsedTimer clock;
        clock.start();
        const auto uploaded = runUpload(job, 240000);
        const qint64 seconds = std::max<qint64>(1, clock.elapsed() / 1000);
        const qint64 after = peakResidentBytes();
        VERIFY_OK(uploaded);
        QCOMPARE(uploaded.value().size, kFileSize);
        QCOMPARE(uploaded.value().sha256, kZerosSha256);
        QCOMPARE(mostSent, kFileSize);

        qInfo().noquote() << u"2 GiB upload in %1 s (%2/s): peak RSS (VmHWM) %3 before, %4 after, "
                             u"growth %5; ru_maxrss %6"_s.arg(seconds)
                                 .arg(mib(kFileSize / seconds), mib(before), mib(after),
                                      mib(after - before), mib(maxRssBytes()));
        QVERIFY2(after - before < kAllowedGrowth,
                 qPrintable(u"peak RSS grew by %1 during the upload"_s.arg(mib(after - before))));

        session.reset();
        QCOMPARE(sim.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUploadMemory)
#include "TestUploadMemory.moc"
