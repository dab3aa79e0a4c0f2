// Runs console sessions each in a forked child of the initialised interpreter.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "console_replay.h"
#include "run_progress.h"

namespace replay {

/// What a child runs: `work` is called in the child, which has a fresh view
/// of the interpreter, standard input at EOF and standard output and error
/// captured; what it returns reaches the parent as SessionOutcome::result.
/// It reports progress through the hooks (ReplayHooks::take_output reads the
/// captured output back).
struct Session {
  std::string name;  ///< shown in progress
  std::function<std::string(const ReplayHooks& hooks)> work;
};

/// How sessions run.
struct IsolationOptions {
  int jobs = 0;                          ///< at most this many at once; 0: one per CPU
  double timeout_s = 60;                 ///< per session
  size_t max_output = 16 * 1024 * 1024;  ///< bytes of output (and of result) per session
};

/// How a session ended.
struct SessionOutcome {
  enum class End {
    kFinished,      ///< the work ran to its end
    kTimedOut,      ///< killed after timeout_s
    kSignaled,      ///< the child died of a signal
    kExited,        ///< the child exited before the work ended (os._exit)
    kOutputLimit,   ///< the output passed max_output
    kConsoleError,  ///< the work itself failed (e.g. the console lost sys.ps1)
  };
  End end = End::kFinished;
  int line = 0;        ///< the transcript line running when it ended (0: none)
  int code = 0;        ///< signal number or exit status
  std::string output;  ///< everything the session showed, up to max_output
  std::string error;   ///< kConsoleError: what failed
  std::string result;  ///< what the work returned (kFinished only)
  double duration_s = 0;

  /// One line saying why the session did not finish; empty if it did.
  std::string Describe(const IsolationOptions& options) const;
};

/// Runs `count` sessions, each in its own child process forked from this one
/// (which must hold an initialised interpreter and no other threads), so no
/// session sees another's state and none pays an interpreter start-up.
/// `prepare(i)` gives session i (std::nullopt: nothing to run); `finish(i,
/// outcome)` is called as each ends, in any order. `progress` (may be empty)
/// is called as things change. Stops early, killing its children, when
/// `interrupted` becomes true (then returns false).
bool RunIsolated(size_t count, const std::function<std::optional<Session>(size_t)>& prepare,
                 const std::function<void(size_t, SessionOutcome&&)>& finish,
                 const IsolationOptions& options,
                 const std::function<void(const RunProgress&)>& progress,
                 const volatile int* interrupted);

/// A file descriptor that becomes readable when RunIsolated should stop
/// (SIGINT or SIGTERM arrived); installs the handlers. Sets *flag too.
int InstallInterruptHandlers(volatile int* flag);

}  // namespace replay
