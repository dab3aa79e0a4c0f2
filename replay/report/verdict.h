// Verdicts: what a run found, as data for the reporters.
#pragma once

#include <string>
#include <vector>

namespace replay {

enum class Status { kPassed, kFailed, kError, kSkipped, kInterrupted };

/// "passed", "failed", "error", "skipped" or "interrupted" (an interrupt
/// ended its session: no verdict).
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
    case Status::kInterrupted:
      return "interrupted";
  }
  return "error";
}

/// The reason of a file skipped because it holds nothing to check.
inline constexpr char kNoExamples[] = "no examples";

/// The verdict on one transcript file.
struct TranscriptVerdict {
  std::string path;  ///< as given, or as found under a given directory
  Status status = Status::kError;
  std::string mode = "console";  ///< the name of the mode that checked it
  int examples = 0;     ///< console: statements entered at the primary prompt; doctest: attempted
  int failures = 0;     ///< console: differing hunks; doctest: failed examples
  std::string message;  ///< why it failed, errored or was skipped, with file:line where known
  /// Lines that look like examples but were not run, each
  /// "file:line: not tested: reason" (reported whatever the status).
  std::vector<std::string> notes;
  int line = 0;      ///< the line the message names; 0: none (the file as a whole)
  std::string diff;  ///< unified diff, expected against actual (no colour)
  double duration_s = 0;
  bool updated = false;            ///< rewritten by --update
  std::string updated_path;        ///< the file written, if not `path` (--update-version)
  std::string updated_in_place;    ///< "in place: why" if --update did not replace the file
  std::string not_updated;         ///< why --update left the file as it was (empty: it did not try)
  bool update_unwritable = false;  ///< --update could not write the file (an I/O error)
  /// The changes --update left out of the file, each "file:line: why".
  std::vector<std::string> examples_not_updated;
};

/// The counts of one run.
struct RunSummary {
  size_t passed = 0, failed = 0, errors = 0, skipped = 0;
  size_t interrupted_files = 0;  ///< running when the run was interrupted
  size_t not_run = 0;            ///< not started when the run was interrupted
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
      case Status::kInterrupted:
        ++interrupted_files;
        break;
    }
  }
  size_t total() const { return passed + failed + errors + skipped + interrupted_files; }
};

}  // namespace replay
