#include "replay/runner/isolated_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "temp_dir.h"

using replay::IsolationOptions;
using replay::RunEnd;
using replay::RunProgress;
using replay::Session;
using replay::SessionHooks;
using replay::SessionOutcome;
using End = replay::SessionOutcome::End;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

/// Options for sessions that end at once or are meant to be stopped: a short
/// timeout keeps a broken runner from hanging the tests.
IsolationOptions Options(double timeout_s = 2, int jobs = 1) {
  IsolationOptions options;
  options.timeout_s = timeout_s;
  options.jobs = jobs;
  return options;
}

/// Writes `text` to `fd` as a session would, bypassing any buffer.
void Write(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<size_t>(n));
  }
}

using Work = std::function<std::string(const SessionHooks&)>;

/// How session `work` ends when run alone, without interruption.
SessionOutcome RunOne(Work work, const IsolationOptions& options = Options()) {
  std::optional<SessionOutcome> outcome =
      replay::RunIsolatedOnce(Session{"one", std::move(work)}, options, -1);
  REQUIRE(outcome);
  return *outcome;
}

/// Sessions to run, and what the runner told about them.
class RecordingQueue : public replay::SessionQueue {
 public:
  explicit RecordingQueue(std::vector<Session> sessions) : sessions_(std::move(sessions)) {}

  size_t size() const override { return sessions_.size(); }
  std::optional<Session> Prepare(size_t index) override {
    prepared.push_back(index);
    if (skipped.count(index) > 0) return std::nullopt;
    return sessions_[index];
  }
  void Finish(size_t index, SessionOutcome outcome) override {
    finished.push_back(index);
    outcomes[index] = std::move(outcome);
  }
  void Progress(const RunProgress& progress) override {
    this->progress.push_back(progress);
    if (on_progress) on_progress(progress);
  }

  std::set<size_t> skipped;  ///< Prepare gives nothing for these
  std::function<void(const RunProgress&)> on_progress;
  std::vector<size_t> prepared;
  std::vector<size_t> finished;
  std::map<size_t, SessionOutcome> outcomes;
  std::vector<RunProgress> progress;

 private:
  std::vector<Session> sessions_;
};

long long MonotonicNanoseconds() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000000000LL + now.tv_nsec;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a finished session hands back its result and its output, both streams in order") {
  SessionOutcome outcome = RunOne([](const SessionHooks&) {
    Write(1, "out 1\n");
    Write(2, "err 1\n");
    Write(1, "out 2\n");
    return std::string("the result");
  });
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.result == "the result");
  CHECK(outcome.output == "out 1\nerr 1\nout 2\n");
  CHECK(outcome.line == 0);
  CHECK(outcome.error.empty());
  CHECK(outcome.duration_s >= 0);
  CHECK(outcome.Describe(Options()).empty());
}

TEST_CASE("a session reads end of file from its standard input") {
  SessionOutcome outcome = RunOne([](const SessionHooks&) {
    char byte = 0;
    ssize_t n = read(0, &byte, 1);
    return std::to_string(n);
  });
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.result == "0");
}

TEST_CASE("the output of processes a session starts is captured too") {
  SessionOutcome outcome = RunOne([](const SessionHooks&) {
    Write(1, "parent\n");
    pid_t grandchild = fork();
    if (grandchild == 0) {
      Write(2, "grandchild\n");
      _exit(0);
    }
    waitpid(grandchild, nullptr, 0);
    return std::string("done");
  });
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.output == "parent\ngrandchild\n");
}

TEST_CASE("take_output returns only the output written since it was last called") {
  SessionOutcome outcome = RunOne([](const SessionHooks& hooks) {
    Write(1, "a\n");
    std::string first = hooks.take_output();
    Write(1, "b\n");
    Write(2, "c\n");
    std::string second = hooks.take_output();
    std::string third = hooks.take_output();
    return first + "|" + second + "|" + third;
  });
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.result == "a\n|b\nc\n|");
  CHECK(outcome.output == "a\nb\nc\n");
}

TEST_CASE("a session that hangs past the timeout ends as timed out at the line it reported") {
  IsolationOptions options = Options(0.5);
  auto start = Clock::now();
  SessionOutcome outcome = RunOne(
      [](const SessionHooks& hooks) {
        hooks.on_line(3);
        Write(1, "before\n");
        hooks.on_line(7);
        sleep(30);
        return std::string("never");
      },
      options);
  CHECK(SecondsSince(start) < 5);
  CHECK(outcome.end == End::kTimedOut);
  CHECK(outcome.line == 7);
  CHECK(outcome.output == "before\n");
  CHECK(outcome.result.empty());
  CHECK(outcome.duration_s >= 0.5);
  CHECK(outcome.Describe(options) == "timed out after 0.5 s at line 7");
}

TEST_CASE("a session that dies of a signal ends as signaled with the signal number") {
  SECTION("a segmentation fault") {
    SessionOutcome outcome = RunOne([](const SessionHooks& hooks) {
      hooks.on_line(2);
      Write(1, "last words\n");
      signal(SIGSEGV, SIG_DFL);  // not the test framework's handler
      raise(SIGSEGV);
      return std::string("never");
    });
    CHECK(outcome.end == End::kSignaled);
    CHECK(outcome.code == SIGSEGV);
    CHECK(outcome.line == 2);
    CHECK(outcome.output == "last words\n");
    CHECK(outcome.Describe(Options()) == "killed by SIGSEGV (Segmentation fault) at line 2");
  }
  SECTION("abort()") {
    SessionOutcome outcome = RunOne([](const SessionHooks&) -> std::string {
      signal(SIGABRT, SIG_DFL);
      std::abort();
    });
    CHECK(outcome.end == End::kSignaled);
    CHECK(outcome.code == SIGABRT);
    CHECK(outcome.Describe(Options()) == "killed by SIGABRT (Aborted)");
  }
}

TEST_CASE("a session whose process exits before its work ends ends as exited with the status") {
  SECTION("a failure status") {
    SessionOutcome outcome = RunOne([](const SessionHooks& hooks) -> std::string {
      hooks.on_line(4);
      Write(1, "bye\n");
      _exit(3);
    });
    CHECK(outcome.end == End::kExited);
    CHECK(outcome.code == 3);
    CHECK(outcome.line == 4);
    CHECK(outcome.output == "bye\n");
    CHECK(outcome.Describe(Options()) ==
          "the process exited with status 3 at line 4 before the transcript ended");
  }
  SECTION("status 0 is still an early exit") {
    SessionOutcome outcome = RunOne([](const SessionHooks&) -> std::string { _exit(0); });
    CHECK(outcome.end == End::kExited);
    CHECK(outcome.code == 0);
  }
}

TEST_CASE("a session whose output passes max_output ends at the limit, output bounded") {
  IsolationOptions options = Options();
  options.max_output = 64 * 1024;
  SessionOutcome outcome = RunOne(
      [](const SessionHooks& hooks) {
        hooks.on_line(9);
        std::string chunk(16 * 1024, 'x');
        for (int k = 0; k < 64; ++k) Write(1, chunk);
        return std::string("never");
      },
      options);
  CHECK(outcome.end == End::kOutputLimit);
  CHECK(outcome.line == 9);
  CHECK(outcome.output.size() <= options.max_output);
  CHECK(outcome.output.size() > 0);
  CHECK(outcome.Describe(options) == "output exceeded the limit of 64 KiB at line 9");
}

TEST_CASE("a session that writes a file larger than max_output ends at the file size limit") {
  replay_test::TempDir dir("fsize");
  std::string path = (dir.path / "data.bin").string();
  IsolationOptions options = Options();
  options.max_output = 64 * 1024;
  SessionOutcome outcome = RunOne(
      [path](const SessionHooks& hooks) {
        Write(1, "writing\n");
        hooks.on_line(4);
        int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) throw std::runtime_error("cannot open " + path);
        Write(fd, std::string(256 * 1024, 'd'));
        return std::string("never");
      },
      options);
  CHECK(outcome.end == End::kFileSizeLimit);
  CHECK(outcome.output == "writing\n");
  CHECK(outcome.Describe(options) ==
        "a file it wrote reached the file size limit of 64 KiB (RLIMIT_FSIZE, which --max-output "
        "sets) at line 4");
}

// LIMIT: the output cap is RLIMIT_FSIZE, which limits every file the
// session writes, not its output: a session that writes a file larger than
// max_output (its output staying small) ends at the file size limit, and is
// told so (above), rather than writing it.
TEST_CASE("a session may write a file larger than max_output; only its output is capped",
          "[!mayfail]") {
  replay_test::TempDir dir("runner");
  std::string path = (dir.path / "data.bin").string();
  IsolationOptions options = Options();
  options.max_output = 64 * 1024;
  SessionOutcome outcome = RunOne(
      [path](const SessionHooks&) {
        int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) throw std::runtime_error("cannot open " + path);
        Write(fd, std::string(256 * 1024, 'd'));
        close(fd);
        Write(1, "wrote it\n");
        return std::string("ok");
      },
      options);
  CHECK(outcome.Describe(options).empty());
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.output == "wrote it\n");
}

TEST_CASE("a result larger than max_output ends the session at the limit too") {
  IsolationOptions options = Options();
  options.max_output = 64 * 1024;
  SessionOutcome outcome =
      RunOne([](const SessionHooks&) { return std::string(256 * 1024, 'r'); }, options);
  CHECK(outcome.end == End::kOutputLimit);
  CHECK(outcome.result.empty());
}

TEST_CASE("a session whose resident memory passes max_memory ends at the limit") {
  IsolationOptions options = Options(2);
  options.max_memory = 32 * 1024 * 1024;
  SessionOutcome outcome = RunOne(
      [](const SessionHooks&) {
        std::vector<std::string> blocks;
        for (int k = 0; k < 16; ++k) {
          blocks.emplace_back(16 * 1024 * 1024, 'm');  // touched: resident
          usleep(20000);
        }
        sleep(30);
        return std::to_string(blocks.size());
      },
      options);
  CHECK(outcome.end == End::kMemoryLimit);
  CHECK(outcome.Describe(options) == "memory limit of 32 MiB exceeded");
}

TEST_CASE("a session whose work throws ends as work failed with the error's text") {
  SessionOutcome outcome = RunOne([](const SessionHooks& hooks) -> std::string {
    hooks.on_line(5);
    Write(1, "partial\n");
    throw std::runtime_error("lost sys.ps1");
  });
  CHECK(outcome.end == End::kWorkFailed);
  CHECK(outcome.error == "lost sys.ps1");
  CHECK(outcome.line == 5);
  CHECK(outcome.output == "partial\n");
  CHECK(outcome.Describe(Options()) == "the console failed at line 5: lost sys.ps1");
}

TEST_CASE("a session that cannot be forked is not started, and the run goes on") {
  RecordingQueue queue({
      Session{"first", [](const SessionHooks&) { return std::string("first"); }},
      Session{"second", [](const SessionHooks&) { return std::string("second"); }},
      Session{"third", [](const SessionHooks&) { return std::string("third"); }},
  });
  int forks = 0;
  replay::ForkFunction failing_once = [&forks]() -> pid_t {
    if (forks++ == 1) {
      errno = EAGAIN;
      return -1;
    }
    return fork();
  };
  CHECK(replay::RunIsolated(queue, Options(), -1, failing_once) == RunEnd::kCompleted);
  REQUIRE(queue.outcomes.size() == 3);
  const SessionOutcome& failed = queue.outcomes.at(1);
  CHECK(failed.end == End::kNotStarted);
  CHECK(failed.error.find("fork") != std::string::npos);
  CHECK(failed.error == std::string("fork: ") + std::strerror(EAGAIN));
  CHECK(failed.Describe(Options()) == "could not run: " + failed.error);
  CHECK(queue.outcomes.at(0).end == End::kFinished);
  CHECK(queue.outcomes.at(0).result == "first");
  CHECK(queue.outcomes.at(2).end == End::kFinished);
  CHECK(queue.outcomes.at(2).result == "third");
}

TEST_CASE("a process started by a session does not outlive it") {
  SessionOutcome outcome = RunOne([](const SessionHooks&) {
    pid_t grandchild = fork();
    if (grandchild == 0) {
      sleep(30);
      _exit(0);
    }
    return std::to_string(grandchild);
  });
  REQUIRE(outcome.end == End::kFinished);
  pid_t grandchild = std::atoi(outcome.result.c_str());
  REQUIRE(grandchild > 0);
  // The runner (a subreaper during the run) killed and reaped it: gone.
  errno = 0;
  CHECK(kill(grandchild, 0) == -1);
  CHECK(errno == ESRCH);
}

TEST_CASE("with jobs=2, four sessions run two at a time and each is finished once") {
  std::vector<Session> sessions;
  for (int k = 0; k < 4; ++k) {
    sessions.push_back(Session{"s" + std::to_string(k), [k](const SessionHooks&) {
                                 long long start = MonotonicNanoseconds();
                                 usleep(300000);
                                 long long end = MonotonicNanoseconds();
                                 return std::to_string(k) + " " + std::to_string(start) + " " +
                                        std::to_string(end);
                               }});
  }
  RecordingQueue queue(std::move(sessions));
  CHECK(replay::RunIsolated(queue, Options(2, 2), -1) == RunEnd::kCompleted);
  std::vector<size_t> finished = queue.finished;
  std::sort(finished.begin(), finished.end());
  CHECK(finished == std::vector<size_t>{0, 1, 2, 3});
  CHECK(queue.prepared == std::vector<size_t>{0, 1, 2, 3});
  // How many sessions ran at once, from the times they report.
  std::vector<std::pair<long long, int>> events;
  for (const auto& [index, outcome] : queue.outcomes) {
    REQUIRE(outcome.end == End::kFinished);
    int k = -1;
    long long start = 0, end = 0;
    REQUIRE(std::sscanf(outcome.result.c_str(), "%d %lld %lld", &k, &start, &end) == 3);
    CHECK(static_cast<size_t>(k) == index);
    events.emplace_back(start, +1);
    events.emplace_back(end, -1);
  }
  std::sort(events.begin(), events.end());
  int running = 0, most = 0;
  for (const auto& event : events) most = std::max(most, running += event.second);
  CHECK(most == 2);
  for (const RunProgress& progress : queue.progress) {
    CHECK(progress.running <= 2);
    CHECK(progress.total == 4);
  }
}

TEST_CASE("an interrupt stops the run at once and kills its children") {
  int interrupt[2];
  REQUIRE(pipe(interrupt) == 0);
  std::vector<Session> sessions;
  for (int k = 0; k < 3; ++k) {
    sessions.push_back(Session{"sleeper", [](const SessionHooks&) {
                                 sleep(30);
                                 return std::string("never");
                               }});
  }
  RecordingQueue queue(std::move(sessions));
  queue.on_progress = [&interrupt](const RunProgress& progress) {
    if (progress.running == 2) Write(interrupt[1], "x");
  };
  std::vector<pid_t> children;
  replay::ForkFunction recording_fork = [&children]() {
    pid_t pid = fork();
    if (pid > 0) children.push_back(pid);
    return pid;
  };
  auto start = Clock::now();
  RunEnd end = replay::RunIsolated(queue, Options(2, 2), interrupt[0], recording_fork);
  double elapsed = SecondsSince(start);
  close(interrupt[0]);
  close(interrupt[1]);
  CHECK(end == RunEnd::kInterrupted);
  CHECK(elapsed < 1.5);
  CHECK(children.size() == 2);
  for (pid_t child : children) {
    errno = 0;
    bool gone = kill(child, 0) == -1 && errno == ESRCH;
    CHECK(gone);
    if (!gone) {  // a broken runner's child: do not leave it behind
      kill(child, SIGKILL);
      waitpid(child, nullptr, 0);
    }
  }
}

TEST_CASE("RunIsolatedOnce gives nothing when interrupted before the session ends") {
  int interrupt[2];
  REQUIRE(pipe(interrupt) == 0);
  Write(interrupt[1], "x");
  auto start = Clock::now();
  std::optional<SessionOutcome> outcome =
      replay::RunIsolatedOnce(Session{"sleeper",
                                      [](const SessionHooks&) {
                                        sleep(30);
                                        return std::string("never");
                                      }},
                              Options(2), interrupt[0]);
  CHECK(SecondsSince(start) < 1.5);
  CHECK_FALSE(outcome);
  close(interrupt[0]);
  close(interrupt[1]);
}

TEST_CASE("a session Prepare gives nothing for is skipped; the others run") {
  std::vector<Session> sessions;
  for (int k = 0; k < 3; ++k) {
    sessions.push_back(
        Session{"s", [k](const SessionHooks&) { return "ran " + std::to_string(k); }});
  }
  RecordingQueue queue(std::move(sessions));
  queue.skipped = {1};
  CHECK(replay::RunIsolated(queue, Options(), -1) == RunEnd::kCompleted);
  CHECK(queue.prepared == std::vector<size_t>{0, 1, 2});
  std::vector<size_t> finished = queue.finished;
  std::sort(finished.begin(), finished.end());
  CHECK(finished == std::vector<size_t>{0, 2});
  CHECK(queue.outcomes.at(0).result == "ran 0");
  CHECK(queue.outcomes.at(2).result == "ran 2");
}

TEST_CASE("SessionOutcome::Describe says why each kind of end did not finish") {
  IsolationOptions options;
  options.timeout_s = 1.5;
  options.max_output = 16 * 1024 * 1024;
  options.max_memory = size_t{2} * 1024 * 1024 * 1024;
  auto describe = [&options](End end, int line, int code = 0, std::string error = {}) {
    SessionOutcome outcome;
    outcome.end = end;
    outcome.line = line;
    outcome.code = code;
    outcome.error = std::move(error);
    return outcome.Describe(options);
  };
  CHECK(describe(End::kFinished, 3).empty());
  CHECK(describe(End::kTimedOut, 3) == "timed out after 1.5 s at line 3");
  CHECK(describe(End::kTimedOut, 0) == "timed out after 1.5 s");
  CHECK(describe(End::kSignaled, 0, SIGKILL) == "killed by SIGKILL (Killed)");
  CHECK(describe(End::kSignaled, 12, SIGSEGV) ==
        "killed by SIGSEGV (Segmentation fault) at line 12");
  CHECK(describe(End::kExited, 4, 3) ==
        "the process exited with status 3 at line 4 before the transcript ended");
  CHECK(describe(End::kExited, 0, 0) ==
        "the process exited with status 0 before the transcript ended");
  CHECK(describe(End::kOutputLimit, 2) == "output exceeded the limit of 16 MiB at line 2");
  CHECK(describe(End::kMemoryLimit, 0) == "memory limit of 2048 MiB exceeded");
  CHECK(describe(End::kMemoryLimit, 8) == "memory limit of 2048 MiB exceeded at line 8");
  CHECK(describe(End::kWorkFailed, 5, 0, "lost sys.ps1") ==
        "the console failed at line 5: lost sys.ps1");
  CHECK(describe(End::kWorkFailed, 0, 0, "lost sys.ps1") == "the console failed: lost sys.ps1");
  CHECK(describe(End::kNotStarted, 7, 0, "fork: Resource temporarily unavailable") ==
        "could not run: fork: Resource temporarily unavailable");
}

TEST_CASE("Describe names limits in MiB, KiB or bytes, whichever divides them") {
  SessionOutcome outcome;
  outcome.end = End::kOutputLimit;
  IsolationOptions options;
  options.max_output = 64 * 1024;
  CHECK(outcome.Describe(options) == "output exceeded the limit of 64 KiB");
  options.max_output = 1000;
  CHECK(outcome.Describe(options) == "output exceeded the limit of 1000 bytes");
  options.max_output = 3 * 1024 * 1024;
  CHECK(outcome.Describe(options) == "output exceeded the limit of 3 MiB");
}

namespace {

void CountSignal(int) {}

/// A SIGALRM handler installed without SA_RESTART and a timer firing it
/// every `interval_us`, for the life of this object: every blocking call of
/// the runner meets EINTR over and over.
class SignalStorm {
 public:
  explicit SignalStorm(long interval_us) {
    struct sigaction action {};
    action.sa_handler = CountSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: interrupted calls fail with EINTR
    sigaction(SIGALRM, &action, &old_action_);
    itimerval timer{{0, interval_us}, {0, interval_us}};
    setitimer(ITIMER_REAL, &timer, nullptr);
  }
  ~SignalStorm() {
    itimerval off{};
    setitimer(ITIMER_REAL, &off, nullptr);
    sigaction(SIGALRM, &old_action_, nullptr);
  }

 private:
  struct sigaction old_action_ {};
};

}  // namespace

TEST_CASE("an EINTR storm during a run changes no session's outcome") {
  std::string big(200000, 'x');
  RecordingQueue queue({
      Session{"output",
              [&big](const SessionHooks&) {
                Write(1, big);
                return std::string("done");
              }},
      Session{"slow",
              [](const SessionHooks&) {
                usleep(300000);
                return std::string("slow");
              }},
      Session{"exits", [](const SessionHooks&) -> std::string { _exit(3); }},
      Session{"hangs",
              [](const SessionHooks&) -> std::string {
                while (true) pause();
              }},
  });
  {
    SignalStorm storm(500);
    CHECK(replay::RunIsolated(queue, Options(1, 2), -1) == RunEnd::kCompleted);
  }
  REQUIRE(queue.outcomes.size() == 4);
  CHECK(queue.outcomes.at(0).end == End::kFinished);
  CHECK(queue.outcomes.at(0).result == "done");
  CHECK(queue.outcomes.at(0).output == big);
  CHECK(queue.outcomes.at(1).end == End::kFinished);
  CHECK(queue.outcomes.at(1).result == "slow");
  CHECK(queue.outcomes.at(2).end == End::kExited);
  CHECK(queue.outcomes.at(3).end == End::kTimedOut);
}

// Was kWorkFailed ("the session closed the descriptor its result goes
// to"): the result went through fd 1001, which a session may close.
TEST_CASE("a session that closes every descriptor but 0-2 still gives its result and output") {
  SessionOutcome outcome = RunOne([](const SessionHooks& hooks) {
    for (int fd = 3; fd < 65536; ++fd) close(fd);
    Write(1, "shown\n");
    return hooks.take_output() + "a result";
  });
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.result == "shown\na result");
  CHECK(outcome.output == "shown\n");
}
