#include "replay/doctest/prompts.h"

#include <algorithm>
#include <optional>

#include "replay/text/lines.h"

namespace replay {

namespace {

bool StartsWithPrompt(std::string_view line) {
  size_t start = line.find_first_not_of(' ');
  return start != std::string_view::npos && line.substr(start, 3) == ">>>";
}

/// What the statement open at the end of the example at `line` needs.
std::string Open(int line, bool closed_by_empty_line, const std::string& where) {
  if (closed_by_empty_line)
    return "the block of the example at line " + std::to_string(line) +
           " needs an empty `...` line" + where;
  return "the statement of the example at line " + std::to_string(line) +
         " is not complete (a bracket, string or `\\` is open): the lines that continue it "
         "need `... ` in front";
}

std::string Source(const std::string& written, size_t indent) {
  return written.size() > indent + 4 ? written.substr(indent + 4) : std::string();
}

bool Blank(std::string_view text) { return text.find_first_not_of(' ') == std::string::npos; }

/// Whether the statement in `buffer` waits for more with an empty line
/// added: a bracket, string or backslash is open, not a block.
bool WaitsAfterEmptyLine(std::vector<std::string> buffer, const WaitsForMore& waits_for_more) {
  buffer.emplace_back();
  return waits_for_more(Join(buffer, "\n"));
}

/// `example` as a console prompts it (see FixPrompts); nullopt if it is.
std::optional<PromptFix> FixExample(const WrittenExample& example,
                                    const WaitsForMore& waits_for_more) {
  const size_t indent = static_cast<size_t>(example.indent);
  const std::string pad(indent, ' ');
  PromptFix fix{example.line, example.lines, {}};
  std::vector<std::string> buffer, last;  // the open statement; the one complete before
  bool more = false;
  for (size_t k = 0; k < example.lines.size(); ++k) {
    std::string written = example.lines[k];
    std::string source = Source(written, indent);
    if (k > 0 && !more && written.size() >= indent + 3 && written.compare(indent, 3, "...") == 0) {
      size_t start = source.find_first_not_of(' ');
      if (start == std::string::npos) continue;  // the console shows `>>> ` and nothing
      if (source[start] == '#') {
        // Joined to the last line of the statement before.
        for (auto line = fix.console.rbegin(); line != fix.console.rend(); ++line) {
          if (Blank(Source(*line, indent))) continue;
          *line += "  " + source.substr(start);
          break;
        }
        continue;
      }
      size_t blanks = 0;
      while (blanks < last.size() && Blank(last[last.size() - 1 - blanks])) ++blanks;
      std::vector<std::string> body(last.begin(), last.end() - static_cast<std::ptrdiff_t>(blanks));
      body.push_back(source);
      if (start > 0 && blanks > 0 && blanks <= fix.console.size() &&
          waits_for_more(Join(body, "\n"))) {
        // The empty lines ended a block this line continues: they go.
        fix.console.resize(fix.console.size() - blanks);
        buffer = std::move(body);
        fix.console.push_back(written);
        more = true;
        continue;
      }
      written.replace(indent, 3, ">>>");
    }
    fix.console.push_back(written);
    buffer.push_back(source);
    more = waits_for_more(Join(buffer, "\n"));
    if (!more) last = std::move(buffer), buffer.clear();
  }
  // A bracket open: the lines after the example continue it.
  for (size_t k = 0;
       more && k < example.after.size() && WaitsAfterEmptyLine(buffer, waits_for_more); ++k) {
    const std::string& line = example.after[k];
    if (Blank(line)) break;
    size_t start = std::min(indent, line.find_first_not_of(' '));
    bool prompt = line.compare(start, 3, ">>>") == 0;
    std::string source = prompt ? Source(line, start) : line.substr(start);
    fix.written.push_back(line);
    fix.console.push_back(pad + "..." + (source.empty() ? "" : " " + source));
    buffer.push_back(source);
    more = waits_for_more(Join(buffer, "\n"));
  }
  if (more && !WaitsAfterEmptyLine(buffer, waits_for_more)) fix.console.push_back(pad + "...");
  if (fix.console == fix.written) return std::nullopt;
  return fix;
}

}  // namespace

std::vector<PromptFix> FixPrompts(const std::vector<WrittenExample>& examples,
                                  const WaitsForMore& waits_for_more) {
  std::vector<PromptFix> fixes;
  int free_from = 0;  // the first line no fix before replaces
  for (const WrittenExample& example : examples) {
    std::optional<PromptFix> fix = FixExample(example, waits_for_more);
    if (!fix || fix->line < free_from) continue;
    free_from = fix->line + static_cast<int>(fix->written.size());
    fixes.push_back(std::move(*fix));
  }
  return fixes;
}

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
             ": " + Open(example_line, closed_by_empty_line, at_end ? "" : " before this");
    case PromptFindingKind::kPromptInOpenBlock:
      return "`>>> ` where a console still shows `... `: " +
             Open(example_line, closed_by_empty_line, "");
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
    finding.closed_by_empty_line = !WaitsAfterEmptyLine(buffer, waits_for_more);
    findings.push_back(std::move(finding));
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const PromptFinding& a, const PromptFinding& b) { return a.line < b.line; });
  return findings;
}

}  // namespace replay
