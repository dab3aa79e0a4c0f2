#include "replay/runner/child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <string>

#include "replay/runner/interrupt.h"

namespace replay {

namespace {

/// Puts the session's result where the parent reads it, if it fits.
void PutResult(SharedState* shared, const std::string& result) {
  if (result.size() > shared->result_capacity) {
    shared->result_too_large = 1;
    return;
  }
  std::memcpy(shared->result(), result.data(), result.size());
  shared->result_size = result.size();
  shared->finished = 1;
}

/// In the child: its own process group, a subreaper (what the session
/// orphans stays below it) that dies with `parent`, limits, the program's
/// own signal handlers (not the runner's), standard input at EOF, fds 1 and
/// 2 on `output_fd`, and no other descriptor: a session sees none of the
/// runner's and can close any it likes.
void IsolateChild(const IsolationOptions& options, pid_t parent, int output_fd) {
  setpgid(0, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);  // the runner died before the line above
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
  if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0) {
    for (int fd = 3; fd < 65536; ++fd) close(fd);
  }
}

/// The session's output since the last call, read back through whichever of
/// fds 1 and 2 is still the output file (a session may close or redirect
/// one; if it moves both, the parent still reads the whole output at the
/// end).
class OutputReader {
 public:
  OutputReader() { fstat(1, &file_); }
  std::string operator()() {
    for (int fd : {1, 2}) {
      struct stat info {};
      if (fstat(fd, &info) != 0 || info.st_dev != file_.st_dev || info.st_ino != file_.st_ino) {
        continue;
      }
      size_t size = static_cast<size_t>(info.st_size);
      if (size < seen_) seen_ = 0;
      std::string text(size - seen_, '\0');
      ssize_t n = pread(fd, text.data(), text.size(), static_cast<off_t>(seen_));
      text.resize(n > 0 ? static_cast<size_t>(n) : 0);
      seen_ = size;
      return text;
    }
    return {};
  }

 private:
  struct stat file_ {};
  size_t seen_ = 0;
};

}  // namespace

std::string ReadOutput(int fd, size_t limit) {
  struct stat info {};
  if (fstat(fd, &info) != 0) return {};
  size_t size = std::min(static_cast<size_t>(info.st_size), limit);
  std::string data(size, '\0');
  size_t done = 0;
  while (done < size) {
    ssize_t n = pread(fd, data.data() + done, size - done, static_cast<off_t>(done));
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  data.resize(done);
  return data;
}

[[noreturn]] void ChildMain(const Session& session, pid_t parent, int output_fd,
                            SharedState* shared, const IsolationOptions& options) {
  IsolateChild(options, parent, output_fd);
  OutputReader reader;
  try {
    SessionHooks hooks;
    hooks.take_output = [&reader]() { return reader(); };
    hooks.on_line = [shared](int line) { shared->line = line; };
    PutResult(shared, session.work(hooks));
  } catch (const std::exception& error) {
    std::strncpy(shared->error, error.what(), sizeof shared->error - 1);
    shared->work_failed = 1;
  }
  // Leave at once: atexit handlers and non-daemon threads left by the
  // session must not delay the run.
  _exit(0);
}

}  // namespace replay
