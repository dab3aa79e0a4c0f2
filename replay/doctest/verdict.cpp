#include "replay/doctest/verdict.h"

#include <algorithm>
#include <string>
#include <vector>

#include "replay/doctest/result.h"
#include "replay/doctest/update.h"
#include "replay/text/lines.h"
#include "replay/text/source_excerpt.h"
#include "replay/text/unified_diff.h"

namespace replay {

namespace {

/// One item of a file's diff: a failing example or a prompt finding.
struct Entry {
  int line = 0;
  std::string head;  ///< "file:line: what"
  std::string text;
};

/// How many lines of the file a failing example shows before its own.
constexpr int kContextLines = 4;

/// The first of the entries of one kind, for the verdict's message.
struct First {
  int count = 0;
  int line = 0;
  std::string summary;
  void Add(int at, const std::string& what) {
    if (count++ == 0) line = at, summary = what;
  }
};

std::string LastLine(const std::string& text) {
  std::string_view body = text;
  while (EndsWith(body, "\n")) body.remove_suffix(1);
  std::vector<std::string_view> lines = SplitLines(body);
  return lines.empty() ? std::string() : std::string(lines.back());
}

/// The diff entry of a failing example: its file:line, the lines of the
/// file `text` before it and its source, numbered (its source as written if
/// `text` does not hold it), and a diff of expected against actual output
/// in file lines.
Entry ExampleEntry(const std::string& path, const std::string& text, const ExampleReport& report,
                   std::string& what) {
  std::string actual = report.got;
  std::string in_group = report.group.empty() ? "" : " in " + report.group;
  what = "failed example" + in_group;
  if (report.outcome == ExampleOutcome::kException) {
    actual += report.exception.value_or("");
    what = "unexpected exception" + in_group + ": " + LastLine(report.exception.value_or(""));
  }
  DiffOptions options;
  options.expected_label = path + " (expected)";
  options.actual_label = path + " (actual)";
  options.first_line = std::max(1, report.want_line);
  int last = report.line + static_cast<int>(SplitLines(report.written).size()) - 1;
  std::string source = SourceExcerpt(text, report.line - kContextLines, last);
  if (report.line < 1 || last > static_cast<int>(SplitLines(text).size())) source = report.written;
  return {report.line, Diagnostic{path, report.line, 0, what}.ToString() + "\n",
          source + UnifiedDiff(report.want, actual, options).text};
}

/// The file's prompt findings as one block: a line for each (file:line,
/// kind, what a console shows), then the fixes as a unified diff of the
/// file as written (`text`) against the file --fix-prompts writes.
std::string FindingsBlock(const std::string& path, const std::string& text,
                          const DoctestResult& result) {
  std::string block;
  for (const PromptFinding& f : result.findings)
    block +=
        Diagnostic{path, f.line, 0,
                   std::string("prompt [") + PromptFindingKindName(f.kind) + "]: " + f.Describe()}
            .ToString() +
        "\n";
  std::optional<std::string> fixed = UpdatedDoctestText(text, result, false, true);
  if (!fixed) return block;
  DiffOptions options;
  options.expected_label = path + " (as written)";
  options.actual_label = path + " (as a console prompts)";
  options.context = 2;
  return block + UnifiedDiff(text, *fixed, options).text;
}

/// The verdict on a file doctest ran: status, message and diff from its
/// failing examples and (per `policy`) its prompt findings.
void JudgeResult(const std::string& path, const std::string& text, const DoctestResult& result,
                 PromptPolicy policy, TranscriptVerdict& verdict) {
  verdict.examples = result.attempted;
  verdict.failures = result.failed;
  std::vector<Entry> entries;
  First failure, finding;
  std::string what;
  for (const ExampleReport& report : result.reports) {
    if (report.outcome == ExampleOutcome::kSuccess) continue;
    entries.push_back(ExampleEntry(path, text, report, what));
    failure.Add(report.line, what);
  }
  if (policy != PromptPolicy::kOff) {
    for (const PromptFinding& f : result.findings)
      finding.Add(f.line,
                  std::string("prompt [") + PromptFindingKindName(f.kind) + "]: " + f.Describe());
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.line < b.line; });
  for (const Entry& entry : entries) verdict.diff += entry.head + entry.text;
  // After the examples, in one block that reads as a diff.
  if (finding.count > 0) verdict.diff += FindingsBlock(path, text, result);

  std::string counts = result.failed > 0 ? std::to_string(result.failed) + " of " +
                                               Plural(result.attempted, "example") + " failed"
                                         : Plural(result.attempted, "example") + " passed";
  if (finding.count > 0) counts += ", " + Plural(finding.count, "prompt finding");
  verdict.status = Status::kPassed;
  if (result.attempted == 0 && result.failed == 0 && finding.count == 0) {
    verdict.status = Status::kSkipped;
    verdict.message = path + ": " + kNoExamples;
  } else if (result.failed > 0) {
    verdict.status = Status::kFailed;
    std::string headline = failure.summary.empty() ? "examples failed" : failure.summary;
    verdict.line = failure.line;
    verdict.message = Diagnostic{path, failure.line, 0, headline + " (" + counts + ")"}.ToString();
  } else if (finding.count > 0) {
    if (policy == PromptPolicy::kFail) verdict.status = Status::kFailed;
    std::string headline = (policy == PromptPolicy::kWarn ? "warning: " : "") + finding.summary;
    verdict.line = finding.line;
    verdict.message = Diagnostic{path, finding.line, 0, headline + " (" + counts + ")"}.ToString();
  }
}

}  // namespace

TranscriptVerdict JudgeDoctest(const std::string& path, const SessionOutcome& outcome,
                               const IsolationOptions& options, PromptPolicy policy,
                               const std::string& text) {
  TranscriptVerdict verdict;
  verdict.path = path;
  verdict.mode = "doctest";
  verdict.status = Status::kError;
  verdict.duration_s = outcome.duration_s;
  if (outcome.end != SessionOutcome::End::kFinished) {
    verdict.line = outcome.line;
    verdict.message = Diagnostic{path, outcome.line, 0, outcome.Describe(options)}.ToString();
    return verdict;
  }
  Expected<DoctestResult> result = DoctestResult::FromJson(outcome.result, path);
  if (!result) {
    verdict.message = result.error().ToString();
  } else if (result->refusal) {
    verdict.line = result->refusal->line;
    verdict.message =
        Diagnostic{path, result->refusal->line, 0, result->refusal->message}.ToString();
  } else {
    JudgeResult(path, text, *result, policy, verdict);
  }
  return verdict;
}

}  // namespace replay
