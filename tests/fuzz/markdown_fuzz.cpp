// Markdown to doctest text: MarkdownToDoctest.
//
// Properties: line for line (as many "\n" as the document, so doctest's
// line numbers are the document's); every line kept as it is, kept with its
// block-quote markers (`>`) turned into spaces, or made empty;
// a line with `>>>` outside any fence never kept unless a fence could hold
// it; the transform is idempotent on its own output's kept lines.
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

/// `out` is `in`, or `in` with its leading block-quote markers (each: up to
/// three spaces, `>`, then a blank or the line's end) turned into spaces.
bool KeptOrUnquoted(std::string_view in, std::string_view out) {
  if (out == in) return true;
  size_t markers = 0;
  for (size_t at = 0;; markers = at) {
    while (at < in.size() && at - markers < 3 && in[at] == ' ') ++at;
    if (at >= in.size() || in[at] != '>') break;
    if (++at < in.size() && in[at] != ' ' && in[at] != '\t') break;
    if (at < in.size()) ++at;
  }
  return markers > 0 && out.size() == in.size() &&
         out.substr(0, markers) == std::string(markers, ' ') &&
         out.substr(markers) == in.substr(markers);
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
  for (size_t i = 0; i < in.size(); ++i)
    FUZZ_CHECK(out[i].empty() || KeptOrUnquoted(in[i], out[i]));
  // Without a fence there is no block, so nothing is kept.
  if (!HasFenceMark(markdown)) FUZZ_CHECK(doctest == std::string(in.size() - 1, '\n'));
  return 0;
}
