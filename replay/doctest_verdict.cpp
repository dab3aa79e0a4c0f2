#include "doctest_verdict.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unified_diff.h"

namespace replay {

namespace {

/// One item of a file's diff: a failing example or a prompt finding.
struct Entry {
  int line = 0;
  std::string text;
};

std::string At(const std::string& path, int line) {
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

std::string LastLine(const std::string& text) {
  size_t end = text.find_last_not_of('\n');
  if (end == std::string::npos) return {};
  size_t start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

std::string Plural(int count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

TranscriptVerdict Judge(const std::string& path, const SessionOutcome& outcome,
                        const IsolationOptions& options, PromptPolicy policy) {
  TranscriptVerdict verdict;
  verdict.path = path;
  verdict.mode = "doctest";
  verdict.status = Status::kError;
  verdict.duration_s = outcome.duration_s;
  if (outcome.end != SessionOutcome::End::kFinished) {
    verdict.message = At(path, outcome.line) + ": " + outcome.Describe(options);
    return verdict;
  }
  nlohmann::json result = nlohmann::json::parse(outcome.result, nullptr, false);
  if (result.is_discarded() || !result.is_object()) {
    verdict.message = path + ": doctest mode returned no readable result";
    return verdict;
  }
  if (result.contains("error")) {
    const nlohmann::json& error = result["error"];
    verdict.message = At(path, error.value("line", 0)) + ": " + error.value("message", "");
    return verdict;
  }

  verdict.examples = result.value("attempted", 0);
  verdict.failures = result.value("failed", 0);
  std::vector<Entry> entries;
  int first_failure = 0;
  std::string failure_summary;
  for (const nlohmann::json& report : result.value("reports", nlohmann::json::array())) {
    std::string outcome_name = report.value("outcome", "");
    if (outcome_name == "success") continue;
    int line = report.value("line", 0);
    std::string want = report.value("want", "");
    std::string actual = report.value("got", "");
    std::string what = "failed example";
    if (outcome_name == "exception") {
      std::string exception = report.value("exception", "");
      actual += exception;
      what = "unexpected exception: " + LastLine(exception);
    }
    DiffOptions diff_options;
    diff_options.expected_label = path + " (expected)";
    diff_options.actual_label = path + " (actual)";
    diff_options.first_line = std::max(1, report.value("want_line", 1));
    Entry entry;
    entry.line = line;
    entry.text = At(path, line) + ": " + what + "\n" + report.value("written", "") +
                 UnifiedDiff(want, actual, diff_options).text;
    entries.push_back(std::move(entry));
    if (first_failure == 0) {
      first_failure = line;
      failure_summary = what;
    }
  }

  int findings = 0;
  int first_finding = 0;
  std::string finding_summary;
  if (policy != PromptPolicy::kOff) {
    for (const nlohmann::json& finding : result.value("findings", nlohmann::json::array())) {
      int line = finding.value("line", 0);
      std::string kind = finding.value("kind", "");
      std::string description = finding.value("description", "");
      std::string written = finding.value("written", "");
      std::string console = finding.value("console", "");
      Entry entry;
      entry.line = line;
      entry.text = At(path, line) + ": prompt [" + kind + "]: " + description + "\n";
      if (kind == "continuation-after-complete") {
        entry.text += "-" + written + "\n+" + console + "\n";
      } else {
        entry.text += "+" + console + "\n";
        if (!finding.value("at_end", false)) entry.text += " " + written + "\n";
      }
      entries.push_back(std::move(entry));
      if (findings++ == 0) {
        first_finding = line;
        finding_summary = "prompt [" + kind + "]: " + description;
      }
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.line < b.line; });
  for (const Entry& entry : entries) verdict.diff += entry.text;

  std::string counts = verdict.failures > 0 ? std::to_string(verdict.failures) + " of " +
                                                  Plural(verdict.examples, "example") + " failed"
                                            : Plural(verdict.examples, "example") + " passed";
  if (findings > 0) counts += ", " + Plural(findings, "prompt finding");
  if (verdict.failures > 0) {
    verdict.status = Status::kFailed;
    verdict.message = At(path, first_failure) + ": " +
                      (failure_summary.empty() ? "examples failed" : failure_summary) + " (" +
                      counts + ")";
  } else if (findings > 0) {
    verdict.status = policy == PromptPolicy::kFail ? Status::kFailed : Status::kPassed;
    verdict.message = At(path, first_finding) + ": " +
                      (policy == PromptPolicy::kWarn ? "warning: " : "") + finding_summary + " (" +
                      counts + ")";
  } else {
    verdict.status = Status::kPassed;
  }
  return verdict;
}

}  // namespace

TranscriptVerdict JudgeDoctest(const std::string& path, const SessionOutcome& outcome,
                               const IsolationOptions& options, PromptPolicy policy) {
  try {
    return Judge(path, outcome, options, policy);
  } catch (const nlohmann::json::exception& error) {
    TranscriptVerdict verdict;
    verdict.path = path;
    verdict.mode = "doctest";
    verdict.status = Status::kError;
    verdict.message = path + ": doctest mode returned an unreadable result: " + error.what();
    verdict.duration_s = outcome.duration_s;
    return verdict;
  }
}

}  // namespace replay
