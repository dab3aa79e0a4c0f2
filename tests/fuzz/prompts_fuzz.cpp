// The prompt check: CheckPrompts, with a fake console (WaitsForMore) that
// waits for more after a line ending in ':' or inside open brackets, until
// an empty line.
//
// Properties: findings are in the order of their lines; each names an
// example, a line inside it or the one just after it, and the line as
// written there; a continuation finding's console line is the written line
// with `>>>` for `...`; an open-block finding is on the line after the
// example, as written there, or at the end of the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/doctest/prompts.h"

namespace {

/// A toy console: more is wanted after a line ending in ':' (until an empty
/// line) or while brackets are open.
bool WaitsForMore(const std::string& source) {
  int depth = 0;
  for (char c : source) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
  }
  if (depth > 0) return true;
  size_t last_start = source.rfind('\n');
  std::string_view last =
      std::string_view(source).substr(last_start == std::string::npos ? 0 : last_start + 1);
  bool compound = source.find(":\n") != std::string::npos || (!last.empty() && last.back() == ':');
  return compound && !last.empty();
}

/// The examples of `text` as a doctest parser would find them: a line with
/// `>>>` after `indent` spaces starts one, the `...` lines after it belong to
/// it.
std::vector<replay::WrittenExample> Examples(std::string_view text) {
  std::vector<std::string> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<replay::WrittenExample> examples;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t indent = lines[i].find_first_not_of(' ');
    if (indent == std::string::npos || lines[i].compare(indent, 3, ">>>") != 0) continue;
    replay::WrittenExample example;
    example.line = static_cast<int>(i) + 1;
    example.indent = static_cast<int>(indent);
    example.lines.push_back(lines[i]);
    while (i + 1 < lines.size() && lines[i + 1].size() >= indent + 3 &&
           lines[i + 1].compare(0, indent, std::string(indent, ' ')) == 0 &&
           lines[i + 1].compare(indent, 3, "...") == 0) {
      example.lines.push_back(lines[++i]);
    }
    if (i + 1 < lines.size()) example.next = lines[i + 1];
    examples.push_back(std::move(example));
  }
  return examples;
}

const replay::WrittenExample* ExampleAt(const std::vector<replay::WrittenExample>& examples,
                                        int line) {
  for (const replay::WrittenExample& example : examples) {
    if (example.line == line) return &example;
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<replay::WrittenExample> examples = Examples(text);
  std::vector<replay::PromptFinding> findings = replay::CheckPrompts(examples, WaitsForMore);
  int previous = 0;
  for (const replay::PromptFinding& finding : findings) {
    FUZZ_CHECK(finding.line > previous);
    previous = finding.line;
    const replay::WrittenExample* example = ExampleAt(examples, finding.example_line);
    FUZZ_CHECK(example != nullptr);
    int last = example->line + static_cast<int>(example->lines.size());
    FUZZ_CHECK(finding.line > example->line && finding.line <= last);
    FUZZ_CHECK(!finding.Describe().empty());
    FUZZ_CHECK(std::string(replay::PromptFindingKindName(finding.kind)) != "?");
    if (finding.kind == replay::PromptFindingKind::kContinuationAfterComplete) {
      const std::string& written = example->lines[finding.line - example->line];
      FUZZ_CHECK(finding.written == written);
      std::string console = written;
      console.replace(example->indent, 3, ">>>");
      FUZZ_CHECK(finding.console == console);
    } else {
      FUZZ_CHECK(finding.line == last);
      FUZZ_CHECK(finding.at_end == !example->next.has_value());
      FUZZ_CHECK(finding.written == example->next.value_or(""));
      FUZZ_CHECK(finding.console == std::string(example->indent, ' ') + "...");
    }
  }
  return 0;
}
