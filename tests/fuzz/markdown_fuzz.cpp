// Markdown to doctest text: MarkdownToDoctest.
//
// Properties: line for line (as many "\n" as the document, so doctest's
// line numbers are the document's); every line kept as it is or made empty;
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

bool HasFenceMark(std::string_view text) {
  return text.find("```") != std::string_view::npos || text.find("~~~") != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view markdown(reinterpret_cast<const char*>(data), size);
  std::string doctest = replay::MarkdownToDoctest(markdown);
  std::vector<std::string_view> in = Split(markdown), out = Split(doctest);
  FUZZ_CHECK(in.size() == out.size());
  for (size_t i = 0; i < in.size(); ++i) FUZZ_CHECK(out[i].empty() || out[i] == in[i]);
  // Without a fence there is no block, so nothing is kept.
  if (!HasFenceMark(markdown)) FUZZ_CHECK(doctest == std::string(in.size() - 1, '\n'));
  return 0;
}
