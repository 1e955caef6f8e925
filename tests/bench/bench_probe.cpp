// The benchmark's probe (scripts/bench.sh), a small C++ program so that what it measures is the
// program it starts, not a copy of a large parent: Linux keeps a process's peak memory across
// exec, and a child forked from Python starts at Python's.
//   bench_probe run PROGRAM [ARGS...]            ->  "SECONDS PEAK_KIB EXIT_CODE"
//   bench_probe window SETTLE_MS PROGRAM [ARGS...] ->  "SECONDS PEAK_KIB"
// `window`: the time until the program's first top-level window is mapped on the X display,
// and its peak memory once it has settled for SETTLE_MS after that. X11 through xcb directly:
// a loop around xdotool polls every half second, far coarser than what is measured.
#include <xcb/xcb.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

long peakKib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

pid_t start(char** argv) {
    const pid_t child = fork();
    if (child == 0) {
        // The program's own output is not what is measured: it goes nowhere.
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execvp(argv[0], argv);
        std::perror("bench_probe: exec");
        _exit(127);
    }
    return child;
}

int runOnce(char** argv) {
    const auto begin = std::chrono::steady_clock::now();
    const pid_t child = start(argv);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::printf("%.4f %ld %d\n", seconds, usage.ru_maxrss,
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}

int untilWindow(int settleMs, char** argv) {
    xcb_connection_t* x = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(x)) {
        std::fprintf(stderr, "bench_probe: no X display (run under xvfb-run)\n");
        return 1;
    }
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(x)).data->root;
    // Every window mapped as a child of the root is reported to us.
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(x, root, XCB_CW_EVENT_MASK, &mask);
    xcb_flush(x);

    const auto begin = std::chrono::steady_clock::now();
    const pid_t child = start(argv);
    double seconds = -1;
    while (xcb_generic_event_t* event = xcb_wait_for_event(x)) {
        const bool mapped = (event->response_type & 0x7f) == XCB_MAP_NOTIFY &&
                            !reinterpret_cast<xcb_map_notify_event_t*>(event)->override_redirect;
        std::free(event);
        if (mapped) {
            seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
            break;
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(settleMs));
    const long peak = peakKib(child);
    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);
    xcb_disconnect(x);
    if (seconds < 0)
        return 1;
    std::printf("%.4f %ld\n", seconds, peak);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], "run") == 0)
        return runOnce(argv + 2);
    if (argc >= 4 && std::strcmp(argv[1], "window") == 0)
        return untilWindow(std::atoi(argv[2]), argv + 3);
    std::fprintf(stderr, "usage: bench_probe run PROGRAM [ARGS...]\n"
                         "       bench_probe window SETTLE_MS PROGRAM [ARGS...]\n");
    return 2;
}
