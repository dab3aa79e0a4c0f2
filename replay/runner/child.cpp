#include "replay/runner/child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "replay/runner/interrupt.h"

namespace replay {

namespace {

/// Descriptors no session is likely to close: for reading back its output,
/// and for its result.
constexpr int kOutputProbeFd = 1000;
constexpr int kResultFd = 1001;

/// Writes all of `data` to `fd`; false (errno set) if it cannot.
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

/// Writes the session's result to kResultFd, which must still be the
/// descriptor `before` describes: a session may close it, or open another
/// file there. Throws if the result cannot reach the parent.
void WriteResult(const struct stat& before, const std::string& result) {
  struct stat now {};
  if (fstat(kResultFd, &now) != 0 || now.st_dev != before.st_dev || now.st_ino != before.st_ino) {
    throw std::runtime_error("the session closed the descriptor its result goes to");
  }
  if (!WriteAll(kResultFd, result)) {
    throw std::runtime_error(std::string("cannot write the session's result: ") +
                             std::strerror(errno));
  }
}

/// In the child: its own process group, limits, the program's own signal
/// handlers (not the runner's), standard
/// input at EOF, fds 1 and 2 on `output_fd`, no other inherited descriptors
/// but the probe and result ones. Returns the descriptor to read output from.
int IsolateChild(const IsolationOptions& options, int output_fd, int result_fd) {
  setpgid(0, 0);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  // The output cap: a write past it raises SIGXFSZ, which ends the child.
  struct rlimit output_cap = {options.max_output, options.max_output};
  setrlimit(RLIMIT_FSIZE, &output_cap);
  RestoreSignalsInChild();
  signal(SIGPIPE, SIG_IGN);  // as python3 does: writes raise BrokenPipeError
  // Python ignores SIGXFSZ; here it is the output cap.
  signal(SIGXFSZ, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);

  int devnull = open("/dev/null", O_RDONLY);
  dup2(devnull, 0);
  dup2(output_fd, 1);
  dup2(output_fd, 2);
  int probe = fcntl(output_fd, F_DUPFD_CLOEXEC, kOutputProbeFd);
  if (probe < 0) probe = 1;
  dup3(result_fd, kResultFd, O_CLOEXEC);
  // Best effort: a descriptor left open is harmless to the session.
  syscall(SYS_close_range, 3U, static_cast<unsigned>(kOutputProbeFd - 1), 0U);
  return probe;
}

/// The session's output since the last call, read back through `probe`.
class OutputReader {
 public:
  explicit OutputReader(int probe) : probe_(probe) {}
  std::string operator()() {
    struct stat info {};
    if (fstat(probe_, &info) != 0) return {};
    size_t size = static_cast<size_t>(info.st_size);
    if (size < seen_) seen_ = 0;
    std::string text(size - seen_, '\0');
    ssize_t n = pread(probe_, text.data(), text.size(), static_cast<off_t>(seen_));
    text.resize(n > 0 ? static_cast<size_t>(n) : 0);
    seen_ = size;
    return text;
  }

 private:
  int probe_;
  size_t seen_ = 0;
};

}  // namespace

[[noreturn]] void ChildMain(const Session& session, int output_fd, int result_fd,
                            SharedState* shared, const IsolationOptions& options) {
  OutputReader reader(IsolateChild(options, output_fd, result_fd));
  struct stat result_file {};
  fstat(kResultFd, &result_file);
  try {
    SessionHooks hooks;
    hooks.take_output = [&reader]() { return reader(); };
    hooks.on_line = [shared](int line) { shared->line = line; };
    WriteResult(result_file, session.work(hooks));
    shared->finished = 1;
  } catch (const std::exception& error) {
    std::strncpy(shared->error, error.what(), sizeof shared->error - 1);
    shared->work_failed = 1;
  }
  // Leave at once: atexit handlers and non-daemon threads left by the
  // session must not delay the run.
  _exit(0);
}

}  // namespace replay
