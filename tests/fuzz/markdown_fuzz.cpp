// Markdown to doctest text: MarkdownToDoctest.
//
// Properties: line for line (as many "\n" as the document, so doctest's
// line numbers are the document's); every line kept as it is, kept with its
// block-quote markers (`>`) turned into spaces, or made empty;
// without a fence, only lines an indented code block can hold are kept; the transform is idempotent
// on its own output's kept lines.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/doctest/markdown.h"

namespace {

std::vector<std::string_view> Split(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

/// How many leading bytes of `line` are block-quote markers (each: up to
/// three spaces, `>`, then a blank or the line's end).
size_t QuoteMarkers(std::string_view line) {
  size_t markers = 0;
  for (size_t at = 0;; markers = at) {
    while (at < line.size() && at - markers < 3 && line[at] == ' ') ++at;
    if (at >= line.size() || line[at] != '>') break;
    if (++at < line.size() && line[at] != ' ' && line[at] != '\t') break;
    if (at < line.size()) ++at;
  }
  return markers;
}

/// `out` is `in`, or `in` with its leading block-quote markers turned into
/// spaces.
bool KeptOrUnquoted(std::string_view in, std::string_view out) {
  if (out == in) return true;
  size_t markers = QuoteMarkers(in);
  return markers > 0 && out.size() == in.size() &&
         out.substr(0, markers) == std::string(markers, ' ') &&
         out.substr(markers) == in.substr(markers);
}

/// After its quote markers, `line` is blank or indented by four columns or
/// more (a tab reaching the next multiple of four): a line an indented code
/// block can hold.
bool BlankOrIndented(std::string_view line) {
  std::string_view body = line.substr(QuoteMarkers(line));
  size_t column = 0, at = 0;
  for (; at < body.size() && column < 4 && (body[at] == ' ' || body[at] == '\t'); ++at)
    column = body[at] == '\t' ? column + 4 - column % 4 : column + 1;
  return column >= 4 || at == body.size();
}

bool HasFenceMark(std::string_view text) {
  return text.find("```") != std::string_view::npos || text.find("~~~") != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view markdown(reinterpret_cast<const char*>(data), size);
  std::string doctest = replay::MarkdownToDoctest(markdown);
  std::vector<std::string_view> in = Split(markdown), out = Split(doctest);
  FUZZ_CHECK(in.size() == out.size());
  // Without a fence, only indented code blocks can hold what is kept.
  bool fenced = HasFenceMark(markdown);
  for (size_t i = 0; i < in.size(); ++i) {
    FUZZ_CHECK(out[i].empty() || KeptOrUnquoted(in[i], out[i]));
    FUZZ_CHECK(fenced || out[i].empty() || BlankOrIndented(in[i]));
  }
  return 0;
}
