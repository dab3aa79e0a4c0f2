#include "replay/console/verdict.h"

#include <algorithm>
#include <cstdlib>

#include "replay/console/authoring_hints.h"
#include "replay/console/result.h"
#include "replay/text/unified_diff.h"

namespace replay {

namespace {

/// Lines and bytes of `actual` beyond the expected length that a diff
/// shows: a flood must not make the diff (or its computation) unbounded.
constexpr size_t kExtraLinesShown = 200;
constexpr size_t kExtraBytesShown = 16 * 1024;

int FirstDifferingLine(const std::string& expected, const std::string& actual) {
  auto mismatch = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
  return 1 + static_cast<int>(std::count(expected.begin(), mismatch.first, '\n'));
}

/// `diff` cut to at most `limit` bytes (at a line end), said so: a long
/// expected text must not make the log or the report unbounded either.
Diff Capped(Diff diff, size_t limit) {
  if (diff.text.size() <= limit) return diff;
  size_t cut = diff.text.rfind('\n', limit);
  cut = cut == std::string::npos ? 0 : cut + 1;
  std::string rest = std::to_string(diff.text.size() - cut);
  diff.text.resize(cut);
  diff.text += "[... " + rest + " more bytes of the diff not shown (--max-output)]\n";
  return diff;
}

Diff BoundedDiff(const std::string& path, const std::string& expected, const std::string& actual,
                 size_t max_bytes) {
  size_t expected_lines = std::count(expected.begin(), expected.end(), '\n') + 1;
  size_t limit = expected_lines + kExtraLinesShown;
  size_t cut = 0;
  size_t byte_limit = expected.size() + kExtraBytesShown;
  for (size_t lines = 0; cut < actual.size() && lines < limit && cut < byte_limit; ++cut) {
    if (actual[cut] == '\n') ++lines;
  }
  DiffOptions options;
  options.expected_label = path + " (expected)";
  options.actual_label = path + " (actual)";
  if (cut >= actual.size()) return Capped(UnifiedDiff(expected, actual, options), max_bytes);
  Diff diff = Capped(UnifiedDiff(expected, actual.substr(0, cut), options), max_bytes);
  diff.text +=
      "[... " + std::to_string(actual.size() - cut) + " more bytes of actual output not shown]\n";
  return diff;
}

}  // namespace

std::string ComparableActual(const std::string& expected, const SessionOutcome& outcome) {
  Expected<ConsoleResult> result = ConsoleResult::FromJson(outcome.result, "");
  std::string actual =
      result ? ApplySubstitutions(outcome.output, result->substitutions) : outcome.output;
  // A file may leave out its final newline (the one code.interact writes at
  // the end of input): the actual text then leaves it out too, so that the
  // verdict, the diff and --update agree with the file's own ending.
  if (!expected.empty() && expected.back() != '\n' && !actual.empty() && actual.back() == '\n')
    actual.pop_back();
  return actual;
}

TranscriptVerdict JudgeConsole(const std::string& path, const std::string& expected,
                               const SessionOutcome& outcome, const IsolationOptions& options) {
  TranscriptVerdict verdict;
  verdict.path = path;
  verdict.mode = "console";
  verdict.duration_s = outcome.duration_s;
  std::string actual = ComparableActual(expected, outcome);
  if (outcome.end != SessionOutcome::End::kFinished) {
    verdict.status = Status::kError;
    verdict.line = outcome.line;
    verdict.message = Diagnostic{path, outcome.line, 0, outcome.Describe(options)}.ToString();
    verdict.diff = BoundedDiff(path, expected, actual, options.max_output).text;
    return verdict;
  }
  Expected<ConsoleResult> result = ConsoleResult::FromJson(outcome.result, path);
  if (!result) {
    verdict.status = Status::kError;
    verdict.message = result.error().ToString();
    return verdict;
  }
  verdict.examples = result->statements;
  if (actual == expected) {
    // A transcript that enters nothing checks nothing: visible, not "passed".
    verdict.status = result->statements == 0 ? Status::kSkipped : Status::kPassed;
    if (result->statements == 0) verdict.message = path + ": " + kNoExamples;
    return verdict;
  }
  Diff diff = BoundedDiff(path, expected, actual, options.max_output);
  verdict.status = Status::kFailed;
  verdict.failures = diff.hunks;
  verdict.diff = diff.text;
  verdict.line = FirstDifferingLine(expected, actual);
  std::string what = "the console shows something else from this line on";
  if (std::string cause = LikelyCause(expected, actual, verdict.line); !cause.empty()) {
    what += " (likely: " + cause + ")";
    if (IsInvisibleDifference(cause)) verdict.diff = ShowInvisible(verdict.diff);
  }
  verdict.message = Diagnostic{path, verdict.line, 0, what}.ToString();
  return verdict;
}

}  // namespace replay
