#include "replay/doctest/update.h"

#include <algorithm>
#include <vector>

#include "replay/text/lines.h"

namespace replay {

namespace {

struct Replacement {
  size_t first;  ///< 0-based line of the old expected output
  size_t count;  ///< its lines
  std::vector<std::string> lines;
};

/// The lines of `text`, each with its "\n" (the last may lack it).
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string_view> views = SplitLinesKeepEnds(text);
  return std::vector<std::string>(views.begin(), views.end());
}

/// The replacement of the expected output of `report`'s example in `lines`;
/// std::nullopt if the report asks for none or does not fit the text.
std::optional<Replacement> ReplacementFor(const ExampleReport& report,
                                          const std::vector<std::string>& lines) {
  if (!report.update) return std::nullopt;
  size_t example_line = static_cast<size_t>(std::max(0, report.line));
  size_t want_line = static_cast<size_t>(std::max(0, report.want_line));
  if (example_line == 0 || example_line > lines.size() || want_line == 0) return std::nullopt;
  const std::string& example = lines[example_line - 1];
  std::string indent = example.substr(0, example.find_first_not_of(" \t"));
  size_t count = static_cast<size_t>(std::count(report.want.begin(), report.want.end(), '\n'));
  Replacement replacement{want_line - 1, count, {}};
  for (std::string_view line : SplitLines(*report.update)) {
    replacement.lines.push_back((line.empty() ? "" : indent) + std::string(line) + "\n");
  }
  if (replacement.first + replacement.count > lines.size()) return std::nullopt;
  return replacement;
}

/// Applies `r` to `lines`; returns whether anything changed.
bool Apply(const Replacement& r, std::vector<std::string>& lines) {
  auto begin = lines.begin() + static_cast<std::ptrdiff_t>(r.first);
  auto end = begin + static_cast<std::ptrdiff_t>(r.count);
  if (std::equal(begin, end, r.lines.begin(), r.lines.end())) return false;
  // A last line without its newline keeps that shape.
  std::vector<std::string> fresh = r.lines;
  bool open_end = end == lines.end() && r.count > 0 && lines.back().back() != '\n';
  if (open_end && !fresh.empty()) fresh.back().pop_back();
  lines.erase(begin, end);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(r.first), fresh.begin(), fresh.end());
  return true;
}

}  // namespace

std::optional<std::string> UpdatedDoctestText(const std::string& text,
                                              const DoctestResult& result) {
  std::vector<std::string> lines = Lines(text);
  std::vector<Replacement> replacements;
  for (const ExampleReport& report : result.reports) {
    if (std::optional<Replacement> r = ReplacementFor(report, lines)) replacements.push_back(*r);
  }
  // From the bottom up, so that earlier line numbers stay valid.
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.first > b.first; });
  bool changed = false;
  for (const Replacement& r : replacements) changed = Apply(r, lines) || changed;
  if (!changed) return std::nullopt;
  std::string updated;
  for (const std::string& line : lines) updated += line;
  return updated;
}

}  // namespace replay
