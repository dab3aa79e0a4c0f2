#include "replay/doctest/prompts.h"

#include <algorithm>

#include "replay/text/lines.h"

namespace replay {

namespace {

bool StartsWithPrompt(std::string_view line) {
  size_t start = line.find_first_not_of(' ');
  return start != std::string_view::npos && line.substr(start, 3) == ">>>";
}

}  // namespace

const char* PromptFindingKindName(PromptFindingKind kind) {
  switch (kind) {
    case PromptFindingKind::kContinuationAfterComplete:
      return "continuation-after-complete";
    case PromptFindingKind::kUnclosedBlock:
      return "unclosed-block";
    case PromptFindingKind::kPromptInOpenBlock:
      return "prompt-in-open-block";
  }
  return "?";
}

std::string PromptFinding::Describe() const {
  switch (kind) {
    case PromptFindingKind::kContinuationAfterComplete:
      return "`... ` where a console shows `>>> `: the statement before it is complete";
    case PromptFindingKind::kUnclosedBlock:
      return std::string("a console still shows `... ` ") + (at_end ? "at the end" : "here") +
             ": the block of the example at line " + std::to_string(example_line) +
             " needs an empty `...` line" + (at_end ? "" : " before this");
    case PromptFindingKind::kPromptInOpenBlock:
      return "`>>> ` where a console still shows `... `: the block of the example at line " +
             std::to_string(example_line) + " needs an empty `...` line";
  }
  return {};
}

std::vector<PromptFinding> CheckPrompts(const std::vector<WrittenExample>& examples,
                                        const WaitsForMore& waits_for_more) {
  std::vector<PromptFinding> findings;
  for (const WrittenExample& example : examples) {
    const size_t indent = static_cast<size_t>(example.indent);
    std::vector<std::string> buffer;
    bool more = false;
    for (size_t k = 0; k < example.lines.size(); ++k) {
      const std::string& written = example.lines[k];
      std::string prompt = written.size() > indent ? written.substr(indent, 3) : std::string();
      if (k > 0 && prompt == "..." && !more) {
        PromptFinding finding;
        finding.kind = PromptFindingKind::kContinuationAfterComplete;
        finding.line = example.line + static_cast<int>(k);
        finding.example_line = example.line;
        finding.written = written;
        finding.console = written;
        finding.console.replace(indent, 3, ">>>");
        findings.push_back(std::move(finding));
      }
      buffer.push_back(written.size() > indent + 4 ? written.substr(indent + 4) : std::string());
      more = waits_for_more(Join(buffer, "\n"));
      if (!more) buffer.clear();
    }
    if (!more) continue;
    PromptFinding finding;
    finding.line = example.line + static_cast<int>(example.lines.size());
    finding.example_line = example.line;
    finding.at_end = !example.next.has_value();
    if (example.next) finding.written = *example.next;
    finding.kind = example.next && StartsWithPrompt(*example.next)
                       ? PromptFindingKind::kPromptInOpenBlock
                       : PromptFindingKind::kUnclosedBlock;
    finding.console = std::string(indent, ' ') + "...";
    findings.push_back(std::move(finding));
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const PromptFinding& a, const PromptFinding& b) { return a.line < b.line; });
  return findings;
}

}  // namespace replay
