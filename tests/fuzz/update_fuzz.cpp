// Doctest --update: UpdatedDoctestText on a text and failing reports
// derived from it (examples at its lines, expected output spanning the lines
// after them, new output from the input).
//
// Properties: the text, read as doctest reads lines (universal newlines),
// becomes the old lines with each rewritten stretch replaced by the new
// output, indented as its example, and nothing else changed: every line
// outside those stretches keeps its bytes and its line end (only a last line
// that had none may gain "\n" when output is added after it); no change
// gives std::nullopt.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/doctest/update.h"

namespace {

/// `text`'s lines as doctest counts them, each with its line end: a line
/// ends at "\n", or at a "\r" not followed by "\n" (written apart from
/// update.cpp's splitter, as the model it is checked against).
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < text.size(); ++i) {
    lines.back() += text[i];
    bool ends =
        text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    if (ends) lines.emplace_back();
  }
  if (lines.back().empty()) lines.pop_back();
  return lines;
}

bool EndsWith(const std::string& text, const char* end) {
  return text.size() >= std::strlen(end) &&
         text.compare(text.size() - std::strlen(end), std::string::npos, end) == 0;
}

std::string WithoutEnd(const std::string& line) {
  return line.substr(0, line.find_first_of("\r\n"));
}

/// The lines of output `text` ("\n"-separated, the last "\n" optional).
std::vector<std::string> OutputLines(std::string_view text) {
  std::vector<std::string> lines;
  for (const std::string& line : Lines(text)) lines.push_back(WithoutEnd(line));
  return lines;
}

struct Stretch {
  size_t first, count;  // 0-based line, number of lines replaced
  std::vector<std::string> fresh;
};

/// Failing reports on `lines`, from the input: one after the other, never
/// overlapping, as doctest's examples are, each on a line that is an
/// example's first (`>>>` after its indentation: one is put there where the
/// line has none); `stretches` says what each should become.
replay::DoctestResult Reports(fuzz::Bytes& bytes, std::vector<std::string>& lines,
                              std::vector<Stretch>& stretches) {
  replay::DoctestResult result;
  size_t next = 0;  // first line free for an example
  while (!bytes.empty() && next < lines.size()) {
    size_t example = next + bytes.Byte() % 4;
    size_t count = bytes.Byte() % 4;
    if (example >= lines.size() || example + 1 + count > lines.size()) break;
    std::string update(bytes.Until('\0'));
    update.erase(std::remove(update.begin(), update.end(), '\r'), update.end());
    // The session writes a blank line of output as doctest does.
    std::string blank_free;
    for (const std::string& line : OutputLines(update)) {
      blank_free += (line.empty() ? "<BLANKLINE>" : line) + "\n";
    }
    if (!update.empty() && update.back() != '\n') blank_free.pop_back();
    update = blank_free;
    size_t margin = std::min(lines[example].find_first_not_of(" \t"), lines[example].size());
    if (lines[example].compare(margin, 3, ">>>") != 0) lines[example].insert(margin, ">>> ");
    replay::ExampleReport report;
    report.line = static_cast<int>(example) + 1;
    report.want_line = report.line + 1;
    for (size_t k = 0; k < count; ++k) report.want += WithoutEnd(lines[example + 1 + k]) + "\n";
    report.outcome = replay::ExampleOutcome::kFailure;
    report.update = update;
    result.reports.push_back(report);
    std::string indent = lines[example].substr(0, lines[example].find_first_not_of(" \t"));
    indent = WithoutEnd(indent);
    Stretch stretch{example + 1, count, {}};
    for (const std::string& line : OutputLines(update)) {
      stretch.fresh.push_back(indent + line);
    }
    stretches.push_back(stretch);
    next = example + 1 + count;
  }
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  std::string text(bytes.Until('\0'));
  std::vector<std::string> lines = Lines(text);
  std::vector<Stretch> stretches;
  replay::DoctestResult result = Reports(bytes, lines, stretches);
  text.clear();
  for (const std::string& line : lines) text += line;
  std::optional<std::string> updated = replay::UpdatedDoctestText(text, result);
  // The model: old lines outside the stretches as they are (bytes and
  // ends), each stretch's new lines in its place.
  std::vector<std::string> want;            // line contents
  std::vector<std::optional<size_t>> kept;  // the old line, if kept
  size_t at = 0;
  auto keep_until = [&](size_t end) {
    for (; at < end; ++at) {
      want.push_back(WithoutEnd(lines[at]));
      kept.push_back(at);
    }
  };
  for (const Stretch& s : stretches) {
    keep_until(s.first);
    for (const std::string& line : s.fresh) {
      want.push_back(line);
      kept.push_back(std::nullopt);
    }
    at = s.first + s.count;
  }
  keep_until(lines.size());
  std::vector<std::string> old_content;
  for (const std::string& line : lines) old_content.push_back(WithoutEnd(line));
  if (!updated) {
    FUZZ_CHECK(want == old_content);
    return 0;
  }
  std::vector<std::string> got = Lines(*updated);
  FUZZ_CHECK(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    FUZZ_CHECK(WithoutEnd(got[i]) == want[i]);
    if (!kept[i]) continue;
    const std::string& line = lines[*kept[i]];
    bool open_last = *kept[i] + 1 == lines.size() && WithoutEnd(line) == line;
    // Only a last line without a line end gains "\n" (output added after
    // it), and a lone "\r" becomes "\r\n" only before an empty "\n" line
    // that would otherwise join it.
    bool gains_newline = i + 1 < got.size() && got[i] == line + "\n" &&
                         (open_last || (EndsWith(line, "\r") && got[i + 1] == "\n"));
    FUZZ_CHECK(got[i] == line || gains_newline);
  }
  return 0;
}
