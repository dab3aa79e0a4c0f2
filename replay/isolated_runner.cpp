#include "isolated_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "python_session.h"

namespace replay {

namespace {

using Clock = std::chrono::steady_clock;

/// What a child tells its parent, through memory they share.
struct SharedState {
  volatile int line;
  volatile int finished;
  volatile int console_error;
  char error[2048];
};

/// A descriptor no transcript is likely to close, for reading back output.
constexpr int kOutputProbeFd = 1000;

std::string ReadAll(int fd, size_t limit) {
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

[[noreturn]] void ChildMain(const Session& session, int output_fd, int result_fd,
                            SharedState* shared, const IsolationOptions& options) {
  setpgid(0, 0);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  // The output cap: a write past it raises SIGXFSZ, which ends the child.
  struct rlimit output_cap = {options.max_output, options.max_output};
  setrlimit(RLIMIT_FSIZE, &output_cap);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGPIPE, SIG_IGN);  // as python3 does: writes raise BrokenPipeError
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);

  int devnull = open("/dev/null", O_RDONLY);
  dup2(devnull, 0);
  dup2(output_fd, 1);
  dup2(output_fd, 2);
  fcntl(output_fd, F_DUPFD_CLOEXEC, kOutputProbeFd);
  int probe = fcntl(kOutputProbeFd, F_GETFD) >= 0 ? kOutputProbeFd : 1;
  result_fd = fcntl(result_fd, F_DUPFD_CLOEXEC, kOutputProbeFd + 1);
  syscall(SYS_close_range, 3U, static_cast<unsigned>(kOutputProbeFd - 1), 0U);

  size_t seen = 0;
  try {
    ReplayHooks hooks;
    hooks.take_output = [&]() {
      struct stat info {};
      if (fstat(probe, &info) != 0) return std::string();
      size_t size = static_cast<size_t>(info.st_size);
      if (size < seen) seen = 0;
      std::string text(size - seen, '\0');
      ssize_t n = pread(probe, text.data(), text.size(), static_cast<off_t>(seen));
      text.resize(n > 0 ? static_cast<size_t>(n) : 0);
      seen = size;
      return text;
    };
    hooks.on_line = [&](int line) { shared->line = line; };
    std::string result = session.work(hooks);
    for (size_t done = 0; done < result.size();) {
      ssize_t n = write(result_fd, result.data() + done, result.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    shared->finished = 1;
  } catch (const std::exception& error) {
    std::strncpy(shared->error, error.what(), sizeof shared->error - 1);
    shared->console_error = 1;
  }
  // Leave at once: atexit handlers and non-daemon threads left by the
  // transcript must not delay the run.
  _exit(0);
}

struct Child {
  size_t index = 0;
  std::string name;
  pid_t pid = -1;
  int pidfd = -1;
  int output_fd = -1;
  int result_fd = -1;
  SharedState* shared = nullptr;
  Clock::time_point start;
};

void KillGroup(pid_t pid) {
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
}

SessionOutcome Collect(Child& child, int wait_status, bool timed_out,
                       const IsolationOptions& options) {
  SessionOutcome outcome;
  outcome.duration_s = std::chrono::duration<double>(Clock::now() - child.start).count();
  outcome.line = child.shared->line;
  outcome.output = ReadAll(child.output_fd, options.max_output);
  if (timed_out) {
    outcome.end = SessionOutcome::End::kTimedOut;
  } else if (WIFSIGNALED(wait_status)) {
    outcome.code = WTERMSIG(wait_status);
    outcome.end = outcome.code == SIGXFSZ ? SessionOutcome::End::kOutputLimit
                                          : SessionOutcome::End::kSignaled;
  } else if (child.shared->console_error) {
    outcome.end = SessionOutcome::End::kConsoleError;
    outcome.error = child.shared->error;
  } else if (!child.shared->finished || WEXITSTATUS(wait_status) != 0) {
    outcome.end = SessionOutcome::End::kExited;
    outcome.code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  } else {
    outcome.result = ReadAll(child.result_fd, options.max_output);
  }
  return outcome;
}

void Release(Child& child) {
  KillGroup(child.pid);  // whatever the transcript left running
  if (child.pidfd >= 0) close(child.pidfd);
  if (child.output_fd >= 0) close(child.output_fd);
  if (child.result_fd >= 0) close(child.result_fd);
  if (child.shared != nullptr) munmap(child.shared, sizeof(SharedState));
}

int InterruptPipe[2] = {-1, -1};
volatile int* InterruptFlag = nullptr;

void OnInterrupt(int) {
  if (InterruptFlag != nullptr) *InterruptFlag = 1;
  if (InterruptPipe[1] >= 0) {
    char byte = 1;
    ssize_t ignored = write(InterruptPipe[1], &byte, 1);
    (void)ignored;
  }
}

std::string SignalName(int signal_number) {
  const char* abbrev = sigabbrev_np(signal_number);
  const char* description = strsignal(signal_number);
  std::string name =
      abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  if (description != nullptr) name += std::string(" (") + description + ")";
  return name;
}

std::string FormatSeconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

std::string FormatBytes(size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string SessionOutcome::Describe(const IsolationOptions& options) const {
  std::string at = line > 0 ? " at line " + std::to_string(line) : "";
  switch (end) {
    case End::kFinished:
      return {};
    case End::kTimedOut:
      return "timed out after " + FormatSeconds(options.timeout_s) + " s" + at;
    case End::kSignaled:
      return "killed by " + SignalName(code) + at;
    case End::kExited:
      return "the process exited with status " + std::to_string(code) + at +
             " before the transcript ended";
    case End::kOutputLimit:
      return "output exceeded the limit of " + FormatBytes(options.max_output) + at;
    case End::kConsoleError:
      return "the console failed" + at + ": " + error;
  }
  return {};
}

int InstallInterruptHandlers(volatile int* flag) {
  if (InterruptPipe[0] < 0 && pipe2(InterruptPipe, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  InterruptFlag = flag;
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return InterruptPipe[0];
}

bool RunIsolated(size_t count, const std::function<std::optional<Session>(size_t)>& prepare,
                 const std::function<void(size_t, SessionOutcome&&)>& finish,
                 const IsolationOptions& options,
                 const std::function<void(const RunProgress&)>& progress,
                 const volatile int* interrupted) {
  size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs)
                                 : static_cast<size_t>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  std::vector<Child> running;
  size_t next = 0, done = 0;
  const auto timeout =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeout_s));

  auto report = [&]() {
    if (!progress) return;
    RunProgress state{done, count, running.size(), {}, 0};
    for (const Child& child : running) {
      double elapsed = std::chrono::duration<double>(Clock::now() - child.start).count();
      if (elapsed >= state.slowest_elapsed_s) {
        state.slowest_elapsed_s = elapsed;
        state.slowest_running = child.name;
      }
    }
    progress(state);
  };

  auto launch = [&](size_t index) {
    std::optional<Session> session = prepare(index);
    if (!session) {
      ++done;
      return;
    }
    Child child;
    child.index = index;
    child.name = session->name;
    child.output_fd = memfd_create("replay-session", MFD_CLOEXEC);
    child.result_fd = memfd_create("replay-result", MFD_CLOEXEC);
    void* shared = mmap(nullptr, sizeof(SharedState), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (child.output_fd < 0 || child.result_fd < 0 || shared == MAP_FAILED) {
      throw std::runtime_error(std::string("cannot set up a session: ") + std::strerror(errno));
    }
    child.shared = new (shared) SharedState{};
    std::fflush(nullptr);
    child.start = Clock::now();
    child.pid = pycon::PythonSession::Fork();
    if (child.pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (child.pid == 0) {
      ChildMain(*session, child.output_fd, child.result_fd, child.shared, options);
    }
    setpgid(child.pid, child.pid);
    child.pidfd = static_cast<int>(syscall(SYS_pidfd_open, child.pid, 0));
    running.push_back(child);
  };

  bool completed = true;
  while (next < count || !running.empty()) {
    if (interrupted != nullptr && *interrupted) {
      completed = false;
      break;
    }
    while (running.size() < jobs && next < count) launch(next++);
    if (running.empty()) continue;

    auto now = Clock::now();
    auto deadline = now + std::chrono::milliseconds(progress ? 250 : 60000);
    for (const Child& child : running) deadline = std::min(deadline, child.start + timeout);
    int wait_ms = static_cast<int>(std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1));
    std::vector<pollfd> fds;
    for (const Child& child : running) fds.push_back({child.pidfd, POLLIN, 0});
    if (InterruptPipe[0] >= 0) fds.push_back({InterruptPipe[0], POLLIN, 0});
    int ready = poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");

    now = Clock::now();
    std::vector<Child> still_running;
    for (size_t k = 0; k < running.size(); ++k) {
      Child& child = running[k];
      bool exited = ready > 0 && (fds[k].revents & POLLIN);
      bool timed_out = !exited && now - child.start >= timeout;
      if (!exited && !timed_out) {
        still_running.push_back(child);
        continue;
      }
      if (timed_out) KillGroup(child.pid);
      int status = 0;
      waitpid(child.pid, &status, 0);
      SessionOutcome outcome = Collect(child, status, timed_out, options);
      Release(child);
      ++done;
      finish(child.index, std::move(outcome));
    }
    running.swap(still_running);
    report();
  }
  for (Child& child : running) {
    KillGroup(child.pid);
    waitpid(child.pid, nullptr, 0);
    Release(child);
  }
  return completed;
}

}  // namespace replay
