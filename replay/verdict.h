// Verdicts: what a run found, as data for the reporters.
#pragma once

#include <string>
#include <vector>

namespace replay {

enum class Status { kPassed, kFailed, kError, kSkipped };

/// "passed", "failed", "error" or "skipped".
inline const char* StatusName(Status status) {
  switch (status) {
    case Status::kPassed:
      return "passed";
    case Status::kFailed:
      return "failed";
    case Status::kError:
      return "error";
    case Status::kSkipped:
      return "skipped";
  }
  return "error";
}

/// The verdict on one transcript file.
struct TranscriptVerdict {
  std::string path;  ///< as given, or as found under a given directory
  Status status = Status::kError;
  std::string mode = "console";
  int examples = 0;     ///< console mode: statements entered at the primary prompt
  int failures = 0;     ///< console mode: differing hunks
  std::string message;  ///< why it failed or errored, with file:line where known
  std::string diff;     ///< unified diff, expected against actual (no colour)
  double duration_s = 0;
  bool updated = false;  ///< rewritten by --update
};

/// The counts of one run.
struct RunSummary {
  size_t passed = 0, failed = 0, errors = 0, skipped = 0;
  double duration_s = 0;
  bool interrupted = false;

  void Add(Status status) {
    switch (status) {
      case Status::kPassed:
        ++passed;
        break;
      case Status::kFailed:
        ++failed;
        break;
      case Status::kError:
        ++errors;
        break;
      case Status::kSkipped:
        ++skipped;
        break;
    }
  }
  size_t total() const { return passed + failed + errors + skipped; }
};

}  // namespace replay
