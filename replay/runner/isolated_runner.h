// Runs sessions each in a forked child, at most `jobs` at a time.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <optional>

#include "replay/runner/progress.h"
#include "replay/runner/session.h"

namespace replay {

/// The sessions of a run, as the runner asks for them and hands back how
/// they ended.
class SessionQueue {
 public:
  virtual ~SessionQueue() = default;
  /// How many sessions the run has.
  virtual size_t size() const = 0;
  /// Session `index` (asked once, in order), or std::nullopt if there is
  /// nothing to run for it (the queue has dealt with it).
  virtual std::optional<Session> Prepare(size_t index) = 0;
  /// How session `index` ended; called as each ends, in any order.
  virtual void Finish(size_t index, SessionOutcome outcome) = 0;
  /// The state of the run, when it changes (at most a few times a second).
  virtual void Progress(const RunProgress&) {}
};

/// Makes a child process: returns what fork() returns. The parent's
/// interpreter (if any) decides how: pycon::PythonSession::Fork.
using ForkFunction = std::function<pid_t()>;

enum class RunEnd { kCompleted, kInterrupted };

/// Runs the sessions of `queue`, each in its own child process made by
/// `fork` (empty: plain fork()) from this one, which must have no other
/// threads: no session sees another's state. Each child runs in its own
/// process group, with standard input at EOF and standard output and error
/// captured together, and dies with this process. When a session ends, its
/// group is killed and so is every process it started, wherever it went (a
/// new session, a daemon's double fork): this process is a child subreaper
/// during the run. A child that cannot be started or watched ends
/// as kNotStarted. Stops early, killing its children, once `interrupt_fd`
/// (-1: none) becomes readable.
RunEnd RunIsolated(SessionQueue& queue, const IsolationOptions& options, int interrupt_fd,
                   const ForkFunction& fork = {});

}  // namespace replay

namespace replay {

/// Runs one session as RunIsolated does; its outcome, or std::nullopt if
/// `interrupt_fd` became readable first (the child is then gone).
std::optional<SessionOutcome> RunIsolatedOnce(Session session, const IsolationOptions& options,
                                              int interrupt_fd, const ForkFunction& fork = {});

}  // namespace replay
