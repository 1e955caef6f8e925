// The fuzz corpus and every crash the fuzzer ever found, replayed through the fuzz target on
// every build (gcc included): a regression fails the suite, not only a clang fuzz run.
#include "TestSupport.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

TEST(FuzzCorpus, EveryInputReplays) {
    int replayed = 0;
    for (const char* folder : {"corpus", "crashes"}) {
        const QDir dir(QStringLiteral(DERMAPLAN_SOURCE_DIR "/tests/fuzz/") +
                       QString::fromLatin1(folder));
        for (const QFileInfo& file : dir.entryInfoList(QDir::Files)) {
            SCOPED_TRACE(file.filePath().toStdString());
            QFile f(file.filePath());
            ASSERT_TRUE(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            // The target aborts on any broken promise (errors with sessions, a failed round trip).
            EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.constData()),
                                             size_t(data.size())),
                      0);
            ++replayed;
        }
    }
    EXPECT_GE(replayed, 4);
}
