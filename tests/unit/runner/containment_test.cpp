// What a session starts dies with it; what it closes cannot hide its
// result; it sees none of the runner's descriptors.
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "replay/runner/descendants.h"
#include "replay/runner/isolated_runner.h"

using replay::IsolationOptions;
using replay::Session;
using replay::SessionHooks;
using replay::SessionOutcome;
using End = replay::SessionOutcome::End;

namespace {

IsolationOptions Options(double timeout_s) {
  IsolationOptions options;
  options.timeout_s = timeout_s;
  options.jobs = 1;
  return options;
}

SessionOutcome RunOne(std::function<std::string(const SessionHooks&)> work,
                      const IsolationOptions& options) {
  std::optional<SessionOutcome> outcome =
      replay::RunIsolatedOnce(Session{"one", std::move(work)}, options, -1);
  REQUIRE(outcome);
  return *outcome;
}

/// In a session: starts a process that sleeps in a session of its own
/// (setsid, as start_new_session=True does) and a daemon (fork, setsid,
/// fork: its parent exits at once); returns their pids, "A B".
std::string StartEscapees() {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {};
  pid_t own_session = fork();
  if (own_session == 0) {
    setsid();
    execlp("sleep", "sleep", "300", static_cast<char*>(nullptr));
    _exit(127);
  }
  pid_t middle = fork();
  if (middle == 0) {
    setsid();
    pid_t daemon = fork();
    if (daemon == 0) {
      execlp("sleep", "sleep", "300", static_cast<char*>(nullptr));
      _exit(127);
    }
    std::string pid = std::to_string(daemon);
    ssize_t ignored = write(pipe_fds[1], pid.data(), pid.size());
    (void)ignored;
    _exit(0);
  }
  waitpid(middle, nullptr, 0);
  char daemon[32] = {};
  ssize_t n = read(pipe_fds[0], daemon, sizeof daemon - 1);
  if (n <= 0) return {};
  return std::to_string(own_session) + " " + daemon;
}

/// Whether `pid` is a process that has not ended (a zombie has).
bool Alive(pid_t pid) {
  if (kill(pid, 0) != 0) return false;
  std::string path = "/proc/" + std::to_string(pid) + "/stat";
  std::FILE* file = std::fopen(path.c_str(), "re");
  if (file == nullptr) return false;
  char text[512] = {};
  size_t n = std::fread(text, 1, sizeof text - 1, file);
  std::fclose(file);
  std::string stat(text, n);
  size_t end = stat.rfind(')');
  return end != std::string::npos && end + 2 < stat.size() && stat[end + 2] != 'Z';
}

std::vector<pid_t> Pids(const std::string& text) {
  std::vector<pid_t> pids;
  size_t space = text.find(' ');
  if (space == std::string::npos) return pids;
  pids.push_back(static_cast<pid_t>(std::atoi(text.substr(0, space).c_str())));
  pids.push_back(static_cast<pid_t>(std::atoi(text.substr(space + 1).c_str())));
  return pids;
}

}  // namespace

// Were left running: only the session's process group was killed.
TEST_CASE("processes a session starts in new sessions and daemons die when it ends") {
  SECTION("the session finishes") {
    SessionOutcome outcome =
        RunOne([](const SessionHooks&) { return StartEscapees(); }, Options(10));
    REQUIRE(outcome.end == End::kFinished);
    std::vector<pid_t> pids = Pids(outcome.result);
    REQUIRE(pids.size() == 2);
    for (pid_t pid : pids) CHECK_FALSE(Alive(pid));
  }
  SECTION("the session times out") {
    SessionOutcome outcome = RunOne(
        [](const SessionHooks&) {
          std::string pids = StartEscapees();
          ssize_t ignored = write(1, pids.data(), pids.size());
          (void)ignored;
          pause();
          return std::string();
        },
        Options(1));
    REQUIRE(outcome.end == End::kTimedOut);
    std::vector<pid_t> pids = Pids(outcome.output);
    REQUIRE(pids.size() == 2);
    for (pid_t pid : pids) CHECK_FALSE(Alive(pid));
  }
  CHECK(replay::ChildrenOf(getpid()).empty());
}

// The runner finds orphans among its children: those a thread other than
// the main one started count too (the kernel lists children per thread),
// and those that have exited (zombies) until they are reaped.
TEST_CASE("ChildrenOf lists zombies and the children of every thread") {
  pid_t zombie = fork();
  if (zombie == 0) _exit(0);
  REQUIRE(zombie > 0);
  siginfo_t info{};
  REQUIRE(waitid(P_PID, static_cast<id_t>(zombie), &info, WEXITED | WNOWAIT) == 0);
  int started[2], done[2];
  REQUIRE(pipe(started) == 0);
  REQUIRE(pipe(done) == 0);
  std::thread thread([&] {
    pid_t child = fork();
    if (child == 0) {
      pause();
      _exit(0);
    }
    ssize_t ignored = write(started[1], &child, sizeof child);
    char byte = 0;
    ignored = read(done[0], &byte, 1);  // alive until the check is made
    (void)ignored;
  });
  pid_t from_thread = -1;
  REQUIRE(read(started[0], &from_thread, sizeof from_thread) == sizeof from_thread);
  std::set<pid_t> children = replay::ChildrenOf(getpid());
  REQUIRE(write(done[1], "x", 1) == 1);
  thread.join();
  CHECK(children == std::set<pid_t>{zombie, from_thread});
  kill(from_thread, SIGKILL);
  waitpid(from_thread, nullptr, 0);
  waitpid(zombie, nullptr, 0);
  for (int fd : {started[0], started[1], done[0], done[1]}) close(fd);
}

// Were fds 1000 and 1001, the runner's.
TEST_CASE("a session sees no descriptor but 0, 1 and 2") {
  SessionOutcome outcome = RunOne(
      [](const SessionHooks&) {
        std::string open;
        DIR* fds = opendir("/proc/self/fd");
        int own = dirfd(fds);
        while (dirent* entry = readdir(fds)) {
          if (entry->d_name[0] == '.' || std::atoi(entry->d_name) == own) continue;
          open += std::string(open.empty() ? "" : " ") + entry->d_name;
        }
        closedir(fds);
        return open;
      },
      Options(10));
  REQUIRE(outcome.end == End::kFinished);
  CHECK(outcome.result == "0 1 2");
}

// Every session was an ERROR: fd 1001 could not be made under the limit.
TEST_CASE("sessions run with the descriptor limit at 16") {
  struct rlimit before {};
  getrlimit(RLIMIT_NOFILE, &before);
  struct rlimit low = {16, before.rlim_max};
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  SessionOutcome outcome =
      RunOne([](const SessionHooks&) { return std::string("done"); }, Options(10));
  setrlimit(RLIMIT_NOFILE, &before);
  CHECK(outcome.end == End::kFinished);
  CHECK(outcome.result == "done");
}
