#include "OutputFile.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dermaplan::io {

Status writeAll(int fd, QByteArrayView bytes) {
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::plain(systemErrorText(n < 0 ? errno : ENOSPC));
        data += n;
        left -= n;
    }
    return success();
}

namespace {

// Closes on every path out; close(2)'s own error (a network file system reports a failed write
// there) is checked where it matters.
class Descriptor {
public:
    explicit Descriptor(int fd)
        : m_fd(fd) {}
    ~Descriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool close() {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

Status writeDirectly(const QString& path, const Producer& produce) {
    Descriptor fd(::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return Error::inFile(path, QStringLiteral("cannot write: %1").arg(systemErrorText(errno)));
    const auto sink = [&](QByteArrayView chunk) -> Status {
        if (auto written = writeAll(fd.get(), chunk); !written)
            return Error::inFile(path,
                                 QStringLiteral("cannot write: %1").arg(written.error().message));
        return success();
    };
    if (auto done = produce(sink); !done)
        return done;
    if (!fd.close())
        return Error::inFile(path, QStringLiteral("cannot write: %1").arg(systemErrorText(errno)));
    return success();
}

} // namespace

Status writeFileWhole(const QString& path, const Producer& produce) {
    // stat(2), not QFileInfo::isFile(), which says "file" for a device too: /dev/full must be
    // written to, never replaced.
    struct stat st {};
    const bool exists = ::stat(QFile::encodeName(path).constData(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return Error::inFile(path, QStringLiteral("is a folder; choose a file name"));
    if (exists && !S_ISREG(st.st_mode))
        return writeDirectly(path, produce);
    // Through a symbolic link, the file it points to is the one replaced.
    const QFileInfo info(exists ? QFileInfo(path).canonicalFilePath() : path);

    static QAtomicInt counter;
    const QString partial = info.absolutePath() + QStringLiteral("/.%1.partial-%2-%3")
                                                      .arg(info.fileName())
                                                      .arg(QCoreApplication::applicationPid())
                                                      .arg(counter.fetchAndAddRelaxed(1));
    const QByteArray partialName = QFile::encodeName(partial);
    Descriptor fd(::open(partialName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return Error::inFile(path, QStringLiteral("cannot write: %1").arg(systemErrorText(errno)));
    const auto failed = [&](int error) {
        ::unlink(partialName.constData());
        return Error::inFile(
            path,
            QStringLiteral("cannot write: %1; nothing was written").arg(systemErrorText(error)));
    };
    const auto sink = [&](QByteArrayView chunk) -> Status {
        if (auto done = writeAll(fd.get(), chunk); !done)
            return Error::inFile(
                path,
                QStringLiteral("cannot write: %1; nothing was written").arg(done.error().message));
        return success();
    };
    if (auto done = produce(sink); !done) {
        ::unlink(partialName.constData());
        return done;
    }
    // The data is on the disk before the name points to it: a power cut leaves the old file or
    // the new one, never an empty one.
    if (::fsync(fd.get()) != 0)
        return failed(errno);
    if (!fd.close())
        return failed(errno);
    if (::rename(partialName.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) !=
        0)
        return failed(errno);
    const Descriptor folder(
        ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY));
    if (folder.get() >= 0)
        ::fsync(folder.get());
    return success();
}

Status writeFileWhole(const QString& path, const QByteArray& bytes) {
    return writeFileWhole(path, [&bytes](const ByteSink& sink) { return sink(bytes); });
}

} // namespace dermaplan::io
