// Doctest --update in a Python module: UpdateDoctest on a module with one
// docstring (its indentation, prefix and quotes, string literals and
// comments before it from the input) and a failing report of its example,
// the new output from the input.
//
// Properties: where the docstring reads the new lines as written, the text
// is the old one with the expected output's lines replaced by the new lines
// at the example's indentation, every byte before and after them unchanged,
// and nothing is refused; otherwise (an f-string or bytes literal, a
// backslash in a docstring that is not raw, the closing quotes not after a
// backslash, a carriage return or null byte, the old output not as doctest read it, the
// example on the opening quotes' line, the output on the closing quotes'
// line) the text is left as it is and the example's line is refused, once.
// New output that is the old leaves the text as it is, refusing nothing
// (but for an example on the opening quotes' line, which is always refused);
// a new line's last "\r" before a "\n" line end reads as part of it. The old
// expected lines are ones doctest reads as expected output (not blank, not
// a prompt).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/doctest/update.h"

namespace {

/// `text` without the bytes that would end or escape a docstring written by
/// the model (so that its lines are as doctest reads them).
std::string Plain(std::string_view text, char quote) {
  std::string plain;
  for (char c : text) {
    if (c != quote && c != '\\' && c != '\r' && c != '\n' && c != '#') plain += c;
  }
  return plain;
}

/// Tabs expanded to columns of 8 (doctest's reading of a docstring).
std::string Expanded(std::string_view line) {
  std::string expanded;
  for (char c : line)
    expanded += c == '\t' ? std::string(8 - expanded.size() % 8, ' ') : std::string(1, c);
  return expanded;
}

/// Whether `quote` stands in `line` after an even number of backslashes.
bool Closes(const std::string& line, const std::string& quote) {
  for (size_t at = line.find(quote); at != std::string::npos; at = line.find(quote, at + 1)) {
    size_t backslashes = 0;
    while (backslashes < at && line[at - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return true;
  }
  return false;
}

size_t EndsWithCr(const std::string& line) { return !line.empty() && line.back() == '\r'; }

std::vector<std::string> NewLines(std::string_view update) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < update.size()) {
    size_t end = update.find('\n', start);
    if (end == std::string_view::npos) end = update.size();
    lines.emplace_back(update.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

const char* const kHeaders[] = {
    "a = '\"\"\"'\n",
    "b = \"'''\"  # a comment with ''' and \"\"\"\n",
    "c = r'\\''\n",
    "d = \"\\\\\" + '\\''\n",
    "# \"\"\" not a string\n",
    "e = f\"{1}\" + b'x'\n",
};
const char* const kMargins[] = {"", "  ", "    ", "\t", " \t", "        "};
const char* const kPrefixes[] = {"", "u", "r", "R", "f", "rF", "b", "Rb", "U"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  uint8_t flags = bytes.Byte();
  const std::string quote(3, flags & 1 ? '\'' : '"');
  const std::string margin = kMargins[bytes.Byte() % 6];
  const std::string prefix = kPrefixes[bytes.Byte() % 9];
  const std::string end = flags & 2 ? "\r\n" : "\n";
  const bool opening = flags & 4, closing = flags & 8, altered = flags & 16;
  size_t count = bytes.Byte() % 4;
  std::string text;
  uint8_t headers = bytes.Byte();
  for (size_t k = 0; k < 6; ++k) {
    if (headers & (1u << k)) text += kHeaders[k];
  }
  text += "x = 1" + Plain(Plain(bytes.Until('\0'), '\''), '"') + end;  // no quotes at all
  text += "def f():" + end;
  text += margin + prefix + quote + (opening ? "" : Plain(bytes.Until('\0'), quote[0]) + end);
  int example_line = 0;
  for (char c : text) example_line += c == '\n';
  ++example_line;
  text += (opening ? "" : margin) + ">>> f()" + end;
  const size_t begin = text.size();
  std::vector<std::string> old;  // the expected output's lines, as written
  std::string want;
  for (size_t k = 0; k < count; ++k) {
    // A line doctest takes as expected output: not blank, not a prompt
    // (either would end the output before it, which no report can hold).
    std::string content = Plain(bytes.Until('\0'), quote[0]);
    std::string_view rest(content);
    rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(" \t")));
    if (rest.empty() || rest.substr(0, 3) == ">>>") content.insert(0, "o");
    std::string line = margin + content;
    want += Expanded(line).substr(Expanded(margin).size()) + "\n";
    if (closing && k + 1 == count) line += quote;
    old.push_back(line);
    text += line + end;
  }
  const size_t after = text.size();
  if (!(closing && count > 0)) text += margin + quote + end;
  text += "y = 2" + end;
  if (altered && !want.empty()) want.insert(0, "Z");  // as many lines, one differs

  std::string update(bytes.Rest());
  replay::DoctestResult result;
  replay::ExampleReport report;
  report.line = example_line;
  report.want_line = example_line + 1;
  report.want = want;
  report.outcome = replay::ExampleOutcome::kFailure;
  report.update = update;
  result.reports.push_back(report);
  replay::DoctestUpdate updated = replay::UpdateDoctest(text, result, true, false, true);

  std::vector<std::string> fresh;  // the new lines as the model writes them
  std::vector<std::string> seen;   // as the lines read them: "\r" + "\n" is a line end
  std::string block;
  bool raw = prefix.find_first_of("rR") != std::string::npos;
  bool faithful = !opening && !(closing && count > 0) && !(altered && count > 0) &&
                  prefix.find_first_of("fFbB") == std::string::npos;
  for (const std::string& line : NewLines(update)) {
    fresh.push_back(line.empty() ? "" : margin + line);
    seen.push_back(
        fresh.back().substr(0, fresh.back().size() - (end == "\n" && EndsWithCr(fresh.back()))));
    block += fresh.back() + end;
    if (line.find_first_of(std::string("\r\0", 2)) != std::string::npos ||
        (!raw && line.find('\\') != std::string::npos) || Closes(line, quote))
      faithful = false;
  }
  if (opening) {
    FUZZ_CHECK(!updated.text);
    FUZZ_CHECK(updated.refused.size() == 1 && updated.refused[0].line == example_line);
  } else if (seen == old) {
    FUZZ_CHECK(!updated.text && updated.refused.empty());
  } else if (!faithful) {
    FUZZ_CHECK(!updated.text);
    FUZZ_CHECK(updated.refused.size() == 1 && updated.refused[0].line == example_line);
  } else {
    FUZZ_CHECK(updated.refused.empty());
    FUZZ_CHECK(updated.text && *updated.text == text.substr(0, begin) + block + text.substr(after));
  }
  return 0;
}
