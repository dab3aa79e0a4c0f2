#include "replay/doctest/update.h"

#include <algorithm>
#include <vector>

#include "replay/doctest/docstring.h"
#include "replay/text/lines.h"

namespace replay {

namespace {

struct Replacement {
  size_t first;  ///< 0-based line of the old expected output
  size_t count;  ///< its lines
  std::vector<std::string> lines;
};

/// The lines of `text` as doctest counts them (universal newlines: "\r\n",
/// "\r" or "\n" end a line), each with its own line end (the last may
/// have none).
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      end = text.size();
    } else {
      end += text.compare(end, 2, "\r\n") == 0 ? 2 : 1;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

/// The line end of `line`: "\r\n", "\r", "\n" or none.
std::string_view LineEnd(std::string_view line) {
  if (EndsWith(line, "\r\n")) return line.substr(line.size() - 2);
  if (EndsWith(line, "\n") || EndsWith(line, "\r")) return line.substr(line.size() - 1);
  return {};
}

std::string_view WithoutLineEnd(std::string_view line) {
  return line.substr(0, line.size() - LineEnd(line).size());
}

/// Where the `>>>` of example line `line` starts: after markdown block-quote
/// markers (up to three spaces, `>`, an optional space or tab; repeated) and
/// whitespace.
size_t PromptColumn(std::string_view line) {
  size_t at = 0;
  for (;;) {
    size_t marker = at;
    while (marker < line.size() && marker - at < 3 && line[marker] == ' ') ++marker;
    if (marker >= line.size() || line[marker] != '>' || line.compare(marker, 3, ">>>") == 0) break;
    at = marker + 1;
    if (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  }
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at;
}

/// The replacement of the expected output of `report`'s example in `lines`;
/// std::nullopt if the
/// report asks for none or does not fit the text.
std::optional<Replacement> ReplacementFor(const ExampleReport& report,
                                          const std::vector<std::string>& lines) {
  if (!report.update) return std::nullopt;
  size_t example_line = static_cast<size_t>(std::max(0, report.line));
  size_t want_line = static_cast<size_t>(std::max(0, report.want_line));
  if (example_line == 0 || example_line > lines.size() || want_line == 0) return std::nullopt;
  // New lines get the example's margin: what stands before its `>>>` (its
  // indentation, and a markdown block quote's `> ` markers).
  const std::string& example = lines[example_line - 1];
  size_t prompt = PromptColumn(example);
  if (example.compare(prompt, 3, ">>>") != 0) return std::nullopt;
  std::string indent = example.substr(0, prompt);
  std::string empty_margin(RightStrip(indent));  // an empty line stays inside the quote
  size_t count = static_cast<size_t>(std::count(report.want.begin(), report.want.end(), '\n'));
  Replacement replacement{want_line - 1, count, {}};
  if (replacement.first + replacement.count > lines.size()) return std::nullopt;
  // New lines end as the old lines they replace do (the last of them, past
  // their number), or as the example's line if there were none.
  std::string end(LineEnd(count > 0 ? lines[replacement.first] : example));
  for (std::string_view line : SplitLines(*report.update)) {
    size_t k = replacement.lines.size();
    if (k < count) end = LineEnd(lines[replacement.first + k]);
    if (end.empty()) end = "\n";
    replacement.lines.push_back((line.empty() ? empty_margin : indent) + std::string(line) + end);
  }
  // The last new line ends as the last old one did, so that it meets the
  // line after it as before: a lone "\r" there followed by an empty "\n"
  // line would read as one "\r\n" line end and swallow that line.
  if (count > 0 && !replacement.lines.empty()) {
    std::string& last = replacement.lines.back();
    std::string_view old_end = LineEnd(lines[replacement.first + count - 1]);
    last = std::string(WithoutLineEnd(last)) + std::string(old_end.empty() ? "\n" : old_end);
  }
  return replacement;
}

size_t Spaces(std::string_view line) {
  size_t spaces = line.find_first_not_of(' ');
  return spaces == std::string_view::npos ? line.size() : spaces;
}

/// The replacement `fix` asks for in `lines`; std::nullopt if its lines are
/// no longer as it read them (or read them with tabs expanded).
std::optional<Replacement> ReplacementFor(const PromptFix& fix,
                                          const std::vector<std::string>& lines) {
  if (fix.line < 1 || fix.written.empty() || fix.console.empty()) return std::nullopt;
  Replacement replacement{static_cast<size_t>(fix.line - 1), fix.written.size(), {}};
  if (replacement.first + replacement.count > lines.size()) return std::nullopt;
  // The example's column: what stands before its `>>> ` in the file is kept.
  const std::string& first = fix.written.front();
  size_t indent = std::min(Spaces(first), Spaces(fix.console.front()));
  std::string_view head = WithoutLineEnd(lines[replacement.first]);
  if (!EndsWith(head, std::string_view(first).substr(indent))) return std::nullopt;
  std::string margin(head.substr(0, head.size() - (first.size() - indent)));
  for (size_t k = 0; k < fix.written.size(); ++k) {
    const std::string& written = fix.written[k];
    if (!EndsWith(WithoutLineEnd(lines[replacement.first + k]),
                  std::string_view(written).substr(std::min(indent, Spaces(written)))))
      return std::nullopt;
  }
  std::string end(LineEnd(lines[replacement.first]));
  for (size_t k = 0; k < fix.console.size(); ++k) {
    if (k < replacement.count && !LineEnd(lines[replacement.first + k]).empty())
      end = LineEnd(lines[replacement.first + k]);
    if (end.empty()) end = "\n";
    replacement.lines.push_back(margin + fix.console[k].substr(indent) + end);
  }
  // The last new line meets the line after it as the last old one did.
  std::string_view old_end = LineEnd(lines[replacement.first + replacement.count - 1]);
  std::string& last = replacement.lines.back();
  last = std::string(WithoutLineEnd(last)) + std::string(old_end.empty() ? "\n" : old_end);
  return replacement;
}

/// Applies `r` to `lines`; returns whether anything changed.
bool Apply(const Replacement& r, std::vector<std::string>& lines) {
  auto begin = lines.begin() + static_cast<std::ptrdiff_t>(r.first);
  auto end = begin + static_cast<std::ptrdiff_t>(r.count);
  auto same = [](const std::string& a, const std::string& b) {
    return WithoutLineEnd(a) == WithoutLineEnd(b);
  };
  if (std::equal(begin, end, r.lines.begin(), r.lines.end(), same)) return false;
  // A last line without its line end keeps that shape.
  std::vector<std::string> fresh = r.lines;
  bool open_end = end == lines.end() && r.count > 0 && LineEnd(lines.back()).empty();
  if (open_end && !fresh.empty()) {
    fresh.back().resize(WithoutLineEnd(fresh.back()).size());
  }
  // Output added after a last line without its line end starts a line of
  // its own, and the file keeps ending without one.
  if (r.first == lines.size() && r.first > 0 && LineEnd(lines.back()).empty() && !fresh.empty()) {
    lines.back() += fresh.back().substr(WithoutLineEnd(fresh.back()).size());
    fresh.back().resize(WithoutLineEnd(fresh.back()).size());
  }
  // Nothing left between a line ending in a lone "\r" and an empty "\n"
  // line: they would read as one line; the "\r" becomes "\r\n".
  if (fresh.empty() && r.first > 0 && end != lines.end() && LineEnd(lines[r.first - 1]) == "\r" &&
      (*end)[0] == '\n') {
    lines[r.first - 1] += "\n";
  }
  lines.erase(begin, end);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(r.first), fresh.begin(), fresh.end());
  return true;
}

/// Whether `r` changes `lines` (line ends aside).
bool Changes(const Replacement& r, const std::vector<std::string>& lines) {
  auto begin = lines.begin() + static_cast<std::ptrdiff_t>(r.first);
  return !std::equal(begin, begin + static_cast<std::ptrdiff_t>(r.count), r.lines.begin(),
                     r.lines.end(), [](const std::string& a, const std::string& b) {
                       return WithoutLineEnd(a) == WithoutLineEnd(b);
                     });
}

/// Why `report`'s update `r` of Python module `text` (as `lines`) is not
/// made (empty: it is); `r` std::nullopt: it did not fit the lines.
std::string DocstringRefusal(const std::string& text, const std::vector<std::string>& lines,
                             const ExampleReport& report, const std::optional<Replacement>& r) {
  size_t example_line = static_cast<size_t>(report.line - 1);
  if (!r) {
    bool prompt_inside = example_line < lines.size() &&
                         lines[example_line].find(">>>") != std::string::npos &&
                         PromptColumn(lines[example_line]) != lines[example_line].find(">>>");
    return prompt_inside ? "the example shares its line with the docstring's opening quotes" : "";
  }
  if (!Changes(*r, lines)) return {};
  std::vector<size_t> offsets{0};
  for (const std::string& line : lines) offsets.push_back(offsets.back() + line.size());
  DocstringOutput output;
  output.example = offsets[example_line] + PromptColumn(lines[example_line]);
  output.begin = offsets[r->first];
  output.end = offsets[r->first + r->count];
  output.want = report.want;
  std::vector<std::string> fresh;
  for (std::string_view line : SplitLines(*report.update)) fresh.emplace_back(line);
  return DocstringRewriteRefusal(text, output, fresh);
}

}  // namespace

DoctestUpdate UpdateDoctest(const std::string& text, const DoctestResult& result, bool outputs,
                            bool prompts, bool python) {
  DoctestUpdate update;
  std::vector<std::string> lines = Lines(text);
  std::vector<Replacement> replacements, fixes;
  for (const PromptFix& fix : prompts ? result.fixes : std::vector<PromptFix>{}) {
    if (python) {
      update.refused.push_back({"", fix.line, 0, "--fix-prompts does not rewrite docstrings"});
    } else if (std::optional<Replacement> r = ReplacementFor(fix, lines)) {
      fixes.push_back(*r);
    }
  }
  auto overlaps_a_fix = [&fixes](const Replacement& r) {
    return std::any_of(fixes.begin(), fixes.end(), [&r](const Replacement& fix) {
      return r.first < fix.first + fix.count && fix.first < r.first + std::max<size_t>(r.count, 1);
    });
  };
  for (const ExampleReport& report : outputs ? result.reports : std::vector<ExampleReport>{}) {
    std::optional<Replacement> r = ReplacementFor(report, lines);
    if (python && report.update) {
      if (std::string why = DocstringRefusal(text, lines, report, r); !why.empty()) {
        update.refused.push_back({"", report.line, 0, why});
        continue;
      }
    }
    if (r && !overlaps_a_fix(*r)) replacements.push_back(*r);
  }
  std::stable_sort(update.refused.begin(), update.refused.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  replacements.insert(replacements.end(), fixes.begin(), fixes.end());
  // From the bottom up, so that earlier line numbers stay valid.
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.first > b.first; });
  bool changed = false;
  for (const Replacement& r : replacements) changed = Apply(r, lines) || changed;
  if (!changed) return update;
  update.text.emplace();
  for (const std::string& line : lines) *update.text += line;
  return update;
}

std::optional<std::string> UpdatedDoctestText(const std::string& text, const DoctestResult& result,
                                              bool outputs, bool prompts) {
  return UpdateDoctest(text, result, outputs, prompts, false).text;
}

}  // namespace replay
