// What a doctest session reports from its child to the parent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/doctest/prompts.h"
#include "replay/text/expected.h"

namespace replay {

/// How doctest judged one example.
enum class ExampleOutcome { kSuccess, kFailure, kException };

/// One example doctest reported on (replay/doctest/driver.py records them).
struct ExampleReport {
  int line = 0;         ///< 1-based line of its `>>> `
  int want_line = 0;    ///< 1-based line of its expected output
  std::string source;   ///< the code, as doctest runs it
  std::string written;  ///< its prompt lines as written (unindented)
  std::string want;     ///< expected output
  std::string got;      ///< actual output (bounded)
  ExampleOutcome outcome = ExampleOutcome::kSuccess;
  std::optional<std::string> exception;  ///< kException: the traceback
  std::optional<std::string> update;     ///< failing: the expected output --update writes
  /// Files run as Sphinx's doctest builder runs them: the test as Sphinx
  /// names it ("default", "g1 (setup code)"); otherwise empty.
  std::string group;
};

/// A file doctest refused (its parser's ValueError, an unknown option flag).
struct DoctestRefusal {
  int line = 0;  ///< 0: not known
  std::string message;
};

/// What a doctest session found.
struct DoctestResult {
  std::optional<DoctestRefusal> refusal;  ///< set: nothing ran
  int attempted = 0;                      ///< doctest's TestResults
  int failed = 0;
  std::vector<ExampleReport> reports;   ///< in the order the examples ran
  std::vector<PromptFinding> findings;  ///< in the order of their lines
  std::vector<PromptFix> fixes;         ///< what the findings ask for, in the order of their lines

  std::string ToJson() const;
  /// The result ToJson wrote (or the driver, which writes the same keys
  /// but findings); a Diagnostic naming `source` if unreadable.
  static Expected<DoctestResult> FromJson(std::string_view json, std::string_view source);
};

}  // namespace replay
