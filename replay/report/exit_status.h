// The exit status of a replay command, named once.
#pragma once

namespace replay {

/// What a command's exit status says (pytest's numbers where pytest has one).
enum class ExitStatus : int {
  kPassed = 0,           ///< every file passed or was skipped
  kFailed = 1,           ///< a file failed or errored
  kUsageOrIo = 2,        ///< a usage error, or input or output that failed
  kNothingSelected = 5,  ///< no file was selected (pytest's "no tests collected")
  kInterrupted = 130,    ///< interrupted (SIGINT, SIGTERM)
};

/// The number the process exits with.
inline int ExitCode(ExitStatus status) { return static_cast<int>(status); }

}  // namespace replay
