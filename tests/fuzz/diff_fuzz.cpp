// Unified diffs: UnifiedDiff of two texts cut from the input at a NUL byte.
//
// Properties: empty exactly when the texts are equal; the hunk count is the
// number of `@@` headers; applying the diff to the expected text gives the
// actual text, byte for byte ("\ No newline at end of file" included); each
// hunk header's line numbers and counts agree with its body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/text/unified_diff.h"

namespace {

constexpr std::string_view kNoNewline = "\\ No newline at end of file";

/// `text`'s lines, each with its "\n" if it has one.
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

/// "N" or "N,C" after `at` in a hunk header: the first line and the count.
std::pair<long, long> Range(const std::string& header, size_t at) {
  char* end = nullptr;
  long first = std::strtol(header.c_str() + at, &end, 10);
  long count = *end == ',' ? std::strtol(end + 1, nullptr, 10) : 1;
  return {first, count};
}

/// The diff's body lines (after the two label lines), applied to
/// `expected`: what the diff says the actual text is.
std::string Apply(const std::vector<std::string>& diff, std::string_view expected) {
  std::vector<std::string> old_lines = Lines(expected);
  std::string result;
  size_t copied = 0;  // lines of `expected` dealt with
  for (size_t i = 2; i < diff.size();) {
    const std::string& header = diff[i];
    FUZZ_CHECK(header.rfind("@@ -", 0) == 0);
    auto [a_first, a_count] = Range(header, 4);
    auto [b_first, b_count] = Range(header, header.find(" +") + 2);
    size_t start = a_count == 0 ? static_cast<size_t>(a_first) : static_cast<size_t>(a_first - 1);
    FUZZ_CHECK(start >= copied && start <= old_lines.size());
    for (; copied < start; ++copied) result += old_lines[copied];
    long seen_a = 0, seen_b = 0;
    for (++i; i < diff.size() && diff[i].rfind("@@ ", 0) != 0; ++i) {
      std::string body = diff[i].substr(1);
      bool open = i + 1 < diff.size() && diff[i + 1].rfind(kNoNewline, 0) == 0;
      std::string line = body.substr(0, body.size() - 1) + (open ? "" : "\n");
      char mark = diff[i][0];
      FUZZ_CHECK(mark == ' ' || mark == '-' || mark == '+');
      if (mark != '+') {
        FUZZ_CHECK(copied < old_lines.size() && old_lines[copied] == line);
        ++copied;
        ++seen_a;
      }
      if (mark != '-') {
        result += line;
        ++seen_b;
      }
      if (open) ++i;
    }
    FUZZ_CHECK(seen_a == a_count && seen_b == b_count);
    (void)b_first;
  }
  for (; copied < old_lines.size(); ++copied) result += old_lines[copied];
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  int context = bytes.Byte() % 5;
  std::string expected(bytes.Until('\0')), actual(bytes.Rest());
  replay::DiffOptions options;
  options.context = context;
  replay::Diff diff = replay::UnifiedDiff(expected, actual, options);
  FUZZ_CHECK(diff.text.empty() == (expected == actual));
  if (diff.text.empty()) return 0;
  std::vector<std::string> lines = Lines(diff.text);
  FUZZ_CHECK(lines.size() >= 3 && lines[0] == "--- expected\n" && lines[1] == "+++ actual\n");
  int headers = 0;
  for (const std::string& line : lines) headers += line.rfind("@@ ", 0) == 0 ? 1 : 0;
  FUZZ_CHECK(headers == diff.hunks);
  FUZZ_CHECK(Apply(lines, expected) == actual);
  return 0;
}
