// Test helper for power loss (not process death): writes sessions through a SQLite VFS shim
// that remembers what each file held at its last sync, and at the Nth write "cuts the power" —
// every file goes back to its last synced content, unsynced files vanish — and exits on the
// spot. A SIGKILL cannot show a missing fsync (the OS cache survives it); this can. The shim
// follows SQLite's own crash tests in spirit: whatever was not synced is lost.
//
//   powerloss_writer DB AT_WRITE [--no-sync | --disk-full | --io-error]
// prints the uuid of each session whose commit returned. --no-sync turns SQLite's syncs off,
// to show that the test notices when acknowledged writes are not durable. --disk-full and
// --io-error cut nothing: from that write on, every write fails as a full disk or a failing one
// would, and the writer reports the error it got and stops.
#include "WriterLoop.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string>

namespace {

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
std::map<std::string, std::optional<std::string>> g_durable; // nullopt: not on the disk
long g_writes = 0;
long g_cutAt = -1;
int g_failWith = SQLITE_OK; // instead of a power cut: fail every write from g_cutAt on

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;
    char path[512];
};

std::optional<std::string> readWhole(const char* path) {
    const int fd = ::open(path, O_RDONLY);
    if (fd < 0)
        return std::nullopt;
    std::string out;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        out.append(buffer, size_t(n));
    ::close(fd);
    return out;
}

[[noreturn]] void powerCut() {
    for (const auto& [path, content] : g_durable) {
        if (!content) {
            ::unlink(path.c_str());
            continue;
        }
        const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CREAT, 0600);
        if (fd >= 0) {
            ssize_t written = ::write(fd, content->data(), content->size());
            (void)written;
            ::close(fd);
        }
        // The shared-memory index is never durable.
        ::unlink((path + "-shm").c_str());
    }
    std::fflush(stdout);
    ::_exit(0);
}

ShimFile* shim(sqlite3_file* f) {
    return reinterpret_cast<ShimFile*>(f);
}
sqlite3_file* real(sqlite3_file* f) {
    return shim(f)->real;
}

int xClose(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
    return real(f)->pMethods->xRead(real(f), p, n, o);
}
int xWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
    if (g_cutAt >= 0 && ++g_writes >= g_cutAt) {
        if (g_failWith != SQLITE_OK)
            return g_failWith;
        powerCut();
    }
    return real(f)->pMethods->xWrite(real(f), p, n, o);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return real(f)->pMethods->xTruncate(real(f), size);
}
int xSync(sqlite3_file* f, int flags) {
    const int rc = real(f)->pMethods->xSync(real(f), flags);
    if (rc == SQLITE_OK && shim(f)->path[0])
        g_durable[shim(f)->path] = readWhole(shim(f)->path);
    return rc;
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return real(f)->pMethods->xFileSize(real(f), size);
}
int xLock(sqlite3_file* f, int l) {
    return real(f)->pMethods->xLock(real(f), l);
}
int xUnlock(sqlite3_file* f, int l) {
    return real(f)->pMethods->xUnlock(real(f), l);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int xSectorSize(sqlite3_file* f) {
    return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** p) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, p);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    real(f)->pMethods->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
    return real(f)->pMethods->xFetch(real(f), o, n, p);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), o, p);
}

const sqlite3_io_methods g_methods = {3,
                                      xClose,
                                      xRead,
                                      xWrite,
                                      xTruncate,
                                      xSync,
                                      xFileSize,
                                      xLock,
                                      xUnlock,
                                      xCheckReservedLock,
                                      xFileControl,
                                      xSectorSize,
                                      xDeviceCharacteristics,
                                      xShmMap,
                                      xShmLock,
                                      xShmBarrier,
                                      xShmUnmap,
                                      xFetch,
                                      xUnfetch};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags) {
    ShimFile* f = shim(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->path[0] = 0;
    if (name && std::strlen(name) < sizeof f->path) {
        std::strcpy(f->path, name);
        if (!g_durable.count(name))
            g_durable[name] = readWhole(name); // what was there before we came is durable
    }
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    file->pMethods = rc == SQLITE_OK && f->real->pMethods ? &g_methods : nullptr;
    return rc;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    const int rc = g_real->xDelete(g_real, name, syncDir);
    if (rc == SQLITE_OK)
        g_durable[name] = std::nullopt;
    return rc;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = "powerloss";
    g_vfs.szOsFile = int(sizeof(ShimFile)) + g_real->szOsFile;
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = xDelete;
    sqlite3_vfs_register(&g_vfs, 1);

    auto db = dermaplan::Database::open(QString::fromLocal8Bit(argv[1]), QDate(2026, 11, 24));
    if (!db) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(db.error().toString()));
        return 1;
    }
    if (argc > 3 && std::strcmp(argv[3], "--no-sync") == 0) {
        QSqlQuery q((*db)->connection());
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    }
    if (argc > 3 && std::strcmp(argv[3], "--disk-full") == 0)
        g_failWith = SQLITE_FULL;
    if (argc > 3 && std::strcmp(argv[3], "--io-error") == 0)
        g_failWith = SQLITE_IOERR_WRITE;
    g_cutAt = std::atol(argv[2]);
    return writeSessionsUntilStopped(**db);
}
