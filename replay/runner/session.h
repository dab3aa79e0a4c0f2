// What the isolated runner runs, and how each run ends: plain data, no Python.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace replay {

/// How a session reports to the runner while it works.
struct SessionHooks {
  /// Returns the text written to the session's output (every level: Python
  /// streams, file descriptors, child processes) since it was last called.
  std::function<std::string()> take_output;
  /// Called with the 1-based line of the file where the code that runs next
  /// starts (a statement, an example).
  std::function<void(int line)> on_line;
};

/// What a child runs: `work` is called in the child, which has a fresh view
/// of the parent's state, standard input at EOF and standard output and error
/// captured; what it returns reaches the parent as SessionOutcome::result.
struct Session {
  std::string name;  ///< shown in progress
  std::function<std::string(const SessionHooks& hooks)> work;
};

/// Python code a session runs in its namespace before its first input, its
/// output (to sys.stdout and sys.stderr) discarded: --setup FILE or a
/// replay_setup.py.
struct SetupFile {
  std::string path;  ///< empty: none
  std::string source;
};

/// How sessions run.
struct IsolationOptions {
  int jobs = 0;                          ///< at most this many at once; 0: one per CPU
  double timeout_s = 60;                 ///< per session
  size_t max_output = 16 * 1024 * 1024;  ///< bytes of output (and of result) per session
  /// Bytes of resident memory per session (its main process, checked about
  /// every 50 ms); 0: no limit.
  size_t max_memory = size_t{2} * 1024 * 1024 * 1024;
};

/// How a session ended.
struct SessionOutcome {
  enum class End {
    kFinished,     ///< the work ran to its end
    kTimedOut,     ///< killed after timeout_s
    kSignaled,     ///< the child died of a signal
    kExited,       ///< the child exited before the work ended (os._exit)
    kOutputLimit,  ///< the output passed max_output
    /// A file the session wrote passed max_output, which is also the file
    /// size limit (RLIMIT_FSIZE) of every file it writes; its output did not.
    kFileSizeLimit,
    kMemoryLimit,  ///< the resident memory passed max_memory
    kWorkFailed,   ///< the work itself failed (e.g. the console lost sys.ps1)
    kNotStarted,   ///< the runner could not start or watch the child
    kInterrupted,  ///< the run was interrupted while it ran
    /// A process of the session sent the runner signal `code` (which would
    /// have ended it); the runner ended the session.
    kSignaledRunner,
  };
  End end = End::kFinished;
  int line = 0;        ///< the file's line running when it ended (0: none)
  int code = 0;        ///< signal number or exit status
  std::string output;  ///< everything the session showed, up to max_output
  std::string error;   ///< kWorkFailed, kNotStarted: what failed
  std::string result;  ///< what the work returned (kFinished only)
  double duration_s = 0;

  /// One line saying why the session did not finish; empty if it did.
  std::string Describe(const IsolationOptions& options) const;
};

}  // namespace replay
