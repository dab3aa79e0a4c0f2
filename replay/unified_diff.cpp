#include "unified_diff.h"

#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

namespace replay {

namespace {

constexpr char kNoNewline[] = "\n\\ No newline at end of file";

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(std::string(text.substr(start)) + kNoNewline);
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
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

}  // namespace

Diff UnifiedDiff(std::string_view expected, std::string_view actual, const DiffOptions& options) {
  Diff result;
  if (expected == actual) return result;
  std::vector<std::string> a = SplitLines(expected), b = SplitLines(actual);
  dtl::Diff<std::string> diff(a, b);
  diff.compose();
  std::vector<Step> steps;
  const auto sequence = diff.getSes().getSequence();
  for (const auto& [line, info] : sequence) {
    Edit edit = info.type == dtl::SES_ADD      ? Edit::kAdd
                : info.type == dtl::SES_DELETE ? Edit::kDelete
                                               : Edit::kCommon;
    steps.push_back({edit, &line});
  }
  // Within each run of changes, removed lines first, then added ones.
  for (size_t i = 0; i < steps.size();) {
    size_t end = i;
    while (end < steps.size() && steps[end].edit != Edit::kCommon) ++end;
    std::stable_partition(steps.begin() + i, steps.begin() + end,
                          [](const Step& step) { return step.edit == Edit::kDelete; });
    i = end == i ? i + 1 : end;
  }

  const char* red = options.color ? "\x1b[31m" : "";
  const char* green = options.color ? "\x1b[32m" : "";
  const char* cyan = options.color ? "\x1b[36m" : "";
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  result.text = std::string(bold) + "--- " + options.expected_label + "\n+++ " +
                options.actual_label + reset + "\n";

  const size_t context = static_cast<size_t>(options.context);
  size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].edit == Edit::kCommon) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines
    // after the last change that is no more than 2*context lines away.
    size_t begin = i >= context ? i - context : 0;
    while (begin < i && steps[begin].edit != Edit::kCommon) ++begin;
    size_t end = i;
    size_t last_change = i;
    for (size_t k = i; k < steps.size(); ++k) {
      if (steps[k].edit != Edit::kCommon) {
        last_change = k;
      } else if (k - last_change > 2 * context) {
        break;
      }
    }
    end = std::min(steps.size(), last_change + 1 + context);
    size_t a_first = static_cast<size_t>(options.first_line);
    size_t b_first = a_first;
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
      switch (step.edit) {
        case Edit::kCommon:
          body += " " + *step.line + "\n";
          break;
        case Edit::kDelete:
          body += std::string(red) + "-" + *step.line + reset + "\n";
          break;
        case Edit::kAdd:
          body += std::string(green) + "+" + *step.line + reset + "\n";
          break;
      }
    }
    result.text += std::string(cyan) + "@@ -" + Range(a_first, a_count) + " +" +
                   Range(b_first, b_count) + " @@" + reset + "\n" + body;
    ++result.hunks;
    i = end;
  }
  return result;
}

}  // namespace replay
