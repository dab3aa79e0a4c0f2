#include "replay/text/unified_diff.h"

#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

#include "replay/text/lines.h"

namespace replay {

namespace {

constexpr char kNoNewline[] = "\n\\ No newline at end of file";

/// The lines diffed: a last line without its newline says so, as diff does.
std::vector<std::string> DiffLines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : SplitLinesKeepEnds(text)) {
    lines.push_back(EndsWith(line, "\n") ? std::string(line.substr(0, line.size() - 1))
                                         : std::string(line) + kNoNewline);
  }
  return lines;
}

enum class Edit { kCommon, kDelete, kAdd };

struct Step {
  Edit edit;
  const std::string* line;
};

std::string Range(size_t first, size_t count) {
  // Unified diff convention: an empty range names the line before it.
  if (count == 0) return std::to_string(first == 0 ? 0 : first - 1) + ",0";
  if (count == 1) return std::to_string(first);
  return std::to_string(first) + "," + std::to_string(count);
}

/// The edit script of `a` into `b`, with removed lines before added ones
/// within each run of changes. Steps point into `sequence`.
std::vector<Step> EditScript(const std::vector<std::pair<std::string, dtl::elemInfo>>& sequence) {
  std::vector<Step> steps;
  for (const auto& [line, info] : sequence) {
    Edit edit = info.type == dtl::SES_ADD      ? Edit::kAdd
                : info.type == dtl::SES_DELETE ? Edit::kDelete
                                               : Edit::kCommon;
    steps.push_back({edit, &line});
  }
  for (size_t i = 0; i < steps.size();) {
    size_t end = i;
    while (end < steps.size() && steps[end].edit != Edit::kCommon) ++end;
    std::stable_partition(steps.begin() + i, steps.begin() + end,
                          [](const Step& step) { return step.edit == Edit::kDelete; });
    i = end == i ? i + 1 : end;
  }
  return steps;
}

/// The end of the hunk whose first change is step `i`: `context` lines after
/// the last change that is no more than 2 * `context` lines from the one
/// before it.
size_t HunkEnd(const std::vector<Step>& steps, size_t i, size_t context) {
  size_t last_change = i;
  for (size_t k = i; k < steps.size(); ++k) {
    if (steps[k].edit != Edit::kCommon) {
      last_change = k;
    } else if (k - last_change > 2 * context) {
      break;
    }
  }
  return std::min(steps.size(), last_change + 1 + context);
}

/// The hunk of steps [begin, end), its header numbered from `first_line`.
std::string Hunk(const std::vector<Step>& steps, size_t begin, size_t end, size_t first_line) {
  size_t a_first = first_line, b_first = first_line;
  for (size_t k = 0; k < begin; ++k) {
    if (steps[k].edit != Edit::kAdd) ++a_first;
    if (steps[k].edit != Edit::kDelete) ++b_first;
  }
  size_t a_count = 0, b_count = 0;
  std::string body;
  for (size_t k = begin; k < end; ++k) {
    const Step& step = steps[k];
    if (step.edit != Edit::kAdd) ++a_count;
    if (step.edit != Edit::kDelete) ++b_count;
    char mark = step.edit == Edit::kCommon ? ' ' : step.edit == Edit::kDelete ? '-' : '+';
    body += mark + *step.line + "\n";
  }
  return "@@ -" + Range(a_first, a_count) + " +" + Range(b_first, b_count) + " @@\n" + body;
}

}  // namespace

Diff UnifiedDiff(std::string_view expected, std::string_view actual, const DiffOptions& options) {
  Diff result;
  if (expected == actual) return result;
  std::vector<std::string> a = DiffLines(expected), b = DiffLines(actual);
  dtl::Diff<std::string> diff(a, b);
  diff.compose();
  const auto sequence = diff.getSes().getSequence();
  std::vector<Step> steps = EditScript(sequence);
  result.text = "--- " + options.expected_label + "\n+++ " + options.actual_label + "\n";
  const size_t context = static_cast<size_t>(options.context);
  for (size_t i = 0; i < steps.size();) {
    if (steps[i].edit == Edit::kCommon) {
      ++i;
      continue;
    }
    size_t begin = i >= context ? i - context : 0;
    while (begin < i && steps[begin].edit != Edit::kCommon) ++begin;
    size_t end = HunkEnd(steps, i, context);
    result.text += Hunk(steps, begin, end, static_cast<size_t>(options.first_line));
    ++result.hunks;
    i = end;
  }
  return result;
}

}  // namespace replay
