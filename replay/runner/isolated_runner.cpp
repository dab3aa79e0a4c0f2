#include "replay/runner/isolated_runner.h"

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "replay/runner/child.h"
#include "replay/runner/descendants.h"
#include "replay/runner/interrupt.h"

namespace replay {

namespace {

using Clock = std::chrono::steady_clock;
using End = SessionOutcome::End;

/// How often progress is reported, and memory checked when it is limited.
constexpr std::chrono::milliseconds kProgressInterval(250);
constexpr std::chrono::milliseconds kMemoryInterval(50);

/// A running child, as the parent sees it.
struct Child {
  size_t index = 0;
  std::string name;
  pid_t pid = -1;
  int pidfd = -1;
  int output_fd = -1;
  SharedState* shared = nullptr;
  size_t shared_size = 0;
  Clock::time_point start;
  int sent_signal = 0;  ///< a signal the session sent the runner
};

void CloseChild(Child& child) {
  if (child.pidfd >= 0) close(child.pidfd);
  if (child.output_fd >= 0) close(child.output_fd);
  if (child.shared != nullptr) munmap(child.shared, child.shared_size);
}

/// Kills what is left of the child's process group, then reaps the child:
/// in this order, so that the pid cannot have been reused by then.
int KillAndReap(const Child& child) {
  kill(-child.pid, SIGKILL);
  kill(child.pid, SIGKILL);
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

/// Why the runner ended a child before it exited.
enum class Stopped { kNo, kTimedOut, kOverMemory, kInterrupted, kSentSignal };

SessionOutcome Collect(const Child& child, int wait_status, Stopped stopped,
                       const IsolationOptions& options) {
  SessionOutcome outcome;
  outcome.duration_s = std::chrono::duration<double>(Clock::now() - child.start).count();
  outcome.line = child.shared->line;
  outcome.output = ReadOutput(child.output_fd, options.max_output);
  if (stopped == Stopped::kInterrupted) {
    outcome.end = End::kInterrupted;
  } else if (stopped == Stopped::kTimedOut) {
    outcome.end = End::kTimedOut;
  } else if (stopped == Stopped::kOverMemory) {
    outcome.end = End::kMemoryLimit;
  } else if (stopped == Stopped::kSentSignal) {
    outcome.end = End::kSignaledRunner;
    outcome.code = child.sent_signal;
  } else if (WIFSIGNALED(wait_status)) {
    outcome.code = WTERMSIG(wait_status);
    bool full = outcome.output.size() >= options.max_output;  // SIGXFSZ: the output or a file
    outcome.end = outcome.code != SIGXFSZ ? End::kSignaled
                  : full                  ? End::kOutputLimit
                                          : End::kFileSizeLimit;
  } else if (child.shared->result_too_large) {
    outcome.end = End::kOutputLimit;
  } else if (child.shared->work_failed) {
    outcome.end = End::kWorkFailed;
    outcome.error = child.shared->error;
  } else if (!child.shared->finished || WEXITSTATUS(wait_status) != 0) {
    outcome.end = End::kExited;
    outcome.code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  } else {
    size_t size = std::min(child.shared->result_size, child.shared->result_capacity);
    outcome.result.assign(child.shared->result(), size);
  }
  return outcome;
}

SessionOutcome NotStarted(const std::string& what, int error) {
  SessionOutcome outcome;
  outcome.end = End::kNotStarted;
  outcome.error = what + ": " + std::strerror(error);
  return outcome;
}

/// One run of RunIsolated.
class Runner {
 public:
  Runner(SessionQueue& queue, const IsolationOptions& options, int interrupt_fd,
         const ForkFunction& fork)
      : queue_(queue), options_(options), interrupt_fd_(interrupt_fd), fork_(fork) {
    long cpus = options.jobs > 0 ? options.jobs : std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
    jobs_ = static_cast<size_t>(cpus);
    timeout_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(options.timeout_s));
  }

  RunEnd Run() {
    while (next_ < queue_.size() || !running_.empty()) {
      if (TakeInterrupt()) break;
      while (running_.size() < jobs_ && next_ < queue_.size()) Launch(next_++);
      if (!running_.empty()) WaitAndReap();
    }
    bool interrupted = !running_.empty() || next_ < queue_.size();
    StopAll(interrupted);
    return interrupted ? RunEnd::kInterrupted : RunEnd::kCompleted;
  }

  /// No child outlives the run, whatever happens (a throwing queue too).
  ~Runner() { StopAll(); }
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

 private:
  /// Ends every child; after an interrupt, each ends as kInterrupted.
  void StopAll(bool interrupted = false) {
    for (Child& child : running_) {
      int status = KillAndReap(child);
      if (interrupted)
        queue_.Finish(child.index, Collect(child, status, Stopped::kInterrupted, options_));
      CloseChild(child);
    }
    running_.clear();
    KillOrphans(not_ours_);
  }

  /// Whether a signal interrupted the run (now or before); one that a
  /// session sent ends that session instead, even if it has exited since.
  bool TakeInterrupt() {
    for (ReceivedSignal signal : TakeSignals(interrupt_fd_)) {
      auto sender = std::find_if(running_.begin(), running_.end(),
                                 [&](const Child& c) { return StartedBy(signal.sender, c.pid); });
      if (sender == running_.end())
        interrupted_ = true;
      else
        sender->sent_signal = signal.number;
    }
    return interrupted_;
  }

  /// Kills what ended sessions left: children neither running nor ours.
  void KillOrphansOfEndedSessions() {
    std::set<pid_t> keep = not_ours_;
    for (const Child& child : running_) keep.insert(child.pid);
    KillOrphans(keep);
  }

  void Launch(size_t index) {
    std::optional<Session> session = queue_.Prepare(index);
    if (!session) {
      ++done_;
      return;
    }
    Child child;
    child.index = index;
    child.name = session->name;
    std::optional<SessionOutcome> failure = Start(*session, child);
    if (failure) {
      CloseChild(child);
      ++done_;
      queue_.Finish(index, std::move(*failure));
      return;
    }
    running_.push_back(child);
  }

  /// Starts `session` in a new child; what failed if it could not.
  std::optional<SessionOutcome> Start(const Session& session, Child& child) {
    child.output_fd = memfd_create("replay-session", MFD_CLOEXEC);
    if (child.output_fd < 0) return NotStarted("memfd_create", errno);
    // Pages of the result are allocated only as the child writes them.
    child.shared_size = sizeof(SharedState) + options_.max_output;
    void* shared = mmap(nullptr, child.shared_size, PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (shared == MAP_FAILED) return NotStarted("mmap", errno);
    child.shared = new (shared) SharedState{};
    child.shared->result_capacity = options_.max_output;
    std::fflush(nullptr);
    child.start = Clock::now();
    pid_t parent = getpid();
    child.pid = fork_ ? fork_() : fork();
    if (child.pid < 0) return NotStarted("fork", errno);
    if (child.pid == 0) ChildMain(session, parent, child.output_fd, child.shared, options_);
    setpgid(child.pid, child.pid);
    child.pidfd = static_cast<int>(syscall(SYS_pidfd_open, child.pid, 0));
    if (child.pidfd < 0) {
      int error = errno;
      KillAndReap(child);
      return NotStarted("cannot watch the child: pidfd_open", error);
    }
    return std::nullopt;
  }

  /// Waits until a child exits, one times out, progress is due or an
  /// interrupt arrives; then reaps what ended.
  void WaitAndReap() {
    auto now = Clock::now();
    auto deadline = now + (options_.max_memory > 0 ? kMemoryInterval : kProgressInterval);
    for (const Child& child : running_)
      deadline = std::min(deadline, child.sent_signal ? now : child.start + timeout_);
    int wait_ms = static_cast<int>(std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1));
    std::vector<pollfd> fds;
    for (const Child& child : running_) fds.push_back({child.pidfd, POLLIN, 0});
    if (interrupt_fd_ >= 0) fds.push_back({interrupt_fd_, POLLIN, 0});
    int ready = poll(fds.data(), fds.size(), wait_ms);
    TakeInterrupt();  // before reaping: a sender may have exited since
    now = Clock::now();
    std::vector<Child> still_running;
    for (size_t k = 0; k < running_.size(); ++k) {
      Child& child = running_[k];
      bool exited = ready > 0 && (fds[k].revents & POLLIN);
      Stopped stopped = exited && !child.sent_signal ? Stopped::kNo : Stop(child, now);
      if (!exited && stopped == Stopped::kNo) {
        still_running.push_back(child);
        continue;
      }
      SessionOutcome outcome = Collect(child, KillAndReap(child), stopped, options_);
      CloseChild(child);
      ++done_;
      queue_.Finish(child.index, std::move(outcome));
    }
    bool any_ended = still_running.size() < running_.size();
    running_.swap(still_running);
    if (any_ended) KillOrphansOfEndedSessions();
    if (now - last_progress_ >= kProgressInterval || ready > 0) {
      last_progress_ = now;
      ReportProgress();
    }
  }

  /// Whether a running child must be stopped: past its time or its memory.
  Stopped Stop(const Child& child, Clock::time_point now) const {
    if (child.sent_signal != 0) return Stopped::kSentSignal;
    if (now - child.start >= timeout_) return Stopped::kTimedOut;
    if (options_.max_memory > 0 && ResidentBytes(child.pid) > options_.max_memory)
      return Stopped::kOverMemory;
    return Stopped::kNo;
  }

  void ReportProgress() {
    RunProgress state{done_, queue_.size(), running_.size(), {}, 0};
    for (const Child& child : running_) {
      double elapsed = std::chrono::duration<double>(Clock::now() - child.start).count();
      if (elapsed >= state.slowest_elapsed_s) {
        state.slowest_elapsed_s = elapsed;
        state.slowest_running = child.name;
      }
    }
    queue_.Progress(state);
  }

  // First, so that it outlasts the destructor's KillOrphans.
  ChildSubreaper subreaper_;
  std::set<pid_t> not_ours_ = ChildrenOf(getpid());
  SessionQueue& queue_;
  const IsolationOptions& options_;
  int interrupt_fd_;
  const ForkFunction& fork_;
  size_t jobs_ = 1;
  Clock::duration timeout_;
  std::vector<Child> running_;
  size_t next_ = 0, done_ = 0;
  Clock::time_point last_progress_;
  bool interrupted_ = false;
};

}  // namespace

RunEnd RunIsolated(SessionQueue& queue, const IsolationOptions& options, int interrupt_fd,
                   const ForkFunction& fork) {
  return Runner(queue, options, interrupt_fd, fork).Run();
}

}  // namespace replay
