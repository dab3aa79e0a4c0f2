#include "doctest_update.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

namespace replay {

namespace {

/// The lines of `text`, each with its "\n" (the last may lack it).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

struct Replacement {
  size_t first;  ///< 0-based line of the old expected output
  size_t count;  ///< its lines
  std::vector<std::string> lines;
};

}  // namespace

std::optional<std::string> UpdatedDoctestText(const std::string& text, const std::string& result) {
  nlohmann::json json = nlohmann::json::parse(result, nullptr, false);
  if (!json.is_object() || !json.contains("reports")) return std::nullopt;
  std::vector<std::string> lines = Lines(text);
  std::vector<Replacement> replacements;
  for (const auto& report : json["reports"]) {
    if (!report.contains("update") || !report["update"].is_string()) continue;
    size_t example_line = report.value("line", 0);
    size_t want_line = report.value("want_line", 0);
    if (example_line == 0 || example_line > lines.size() || want_line == 0) continue;
    const std::string& example = lines[example_line - 1];
    std::string indent = example.substr(0, example.find_first_not_of(" \t"));
    std::string want = report.value("want", "");
    Replacement replacement{
        want_line - 1, static_cast<size_t>(std::count(want.begin(), want.end(), '\n')), {}};
    for (const std::string& line : Lines(report["update"].get<std::string>())) {
      std::string body = line.back() == '\n' ? line.substr(0, line.size() - 1) : line;
      replacement.lines.push_back((body.empty() ? "" : indent) + body + "\n");
    }
    if (replacement.first + replacement.count > lines.size()) continue;
    replacements.push_back(std::move(replacement));
  }
  // From the bottom up, so that earlier line numbers stay valid.
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.first > b.first; });
  bool changed = false;
  for (const Replacement& r : replacements) {
    auto begin = lines.begin() + static_cast<std::ptrdiff_t>(r.first);
    auto end = begin + static_cast<std::ptrdiff_t>(r.count);
    if (std::equal(begin, end, r.lines.begin(), r.lines.end())) continue;
    // A last line without its newline keeps that shape.
    std::vector<std::string> fresh = r.lines;
    bool open_end = end == lines.end() && r.count > 0 && lines.back().back() != '\n';
    if (open_end && !fresh.empty()) fresh.back().pop_back();
    lines.erase(begin, end);
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(r.first), fresh.begin(), fresh.end());
    changed = true;
  }
  if (!changed) return std::nullopt;
  std::string updated;
  for (const std::string& line : lines) updated += line;
  return updated;
}

}  // namespace replay
