// Doctest mode's prompt check: are an example's prompts those a console shows?
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace replay {

/// An example as written: doctest found it, this is how its lines read.
struct WrittenExample {
  int line = 0;                     ///< 1-based line of its `>>> ` line
  int indent = 0;                   ///< columns before its prompts
  std::vector<std::string> lines;   ///< its `>>> ` line and the `... ` lines after it
  std::optional<std::string> next;  ///< the line after those; none at the end of the text
};

/// What kind of prompt no console would show.
enum class PromptFindingKind {
  /// A `... ` line where a console shows `>>> `: the statement before it is
  /// already complete (run, or a syntax error), so the console asks for a
  /// new one.
  kContinuationAfterComplete,
  /// A compound statement whose block is still open after the example's last
  /// line, followed by its output, text or the end of the file: a console
  /// shows `... ` there and runs nothing until an empty `...` line.
  kUnclosedBlock,
  /// The same open block followed at once by the next example's `>>> `: a
  /// console still shows `... ` there.
  kPromptInOpenBlock,
};

/// "continuation-after-complete", "unclosed-block" or "prompt-in-open-block".
const char* PromptFindingKindName(PromptFindingKind kind);

/// One prompt that differs from what a console shows.
struct PromptFinding {
  PromptFindingKind kind = PromptFindingKind::kContinuationAfterComplete;
  int line = 0;          ///< 1-based line where the console shows something else
  int example_line = 0;  ///< 1-based `>>> ` line of the example
  bool at_end = false;   ///< `line` is past the end of the text
  std::string written;   ///< that line as written (empty at the end)
  std::string console;   ///< kContinuationAfterComplete: the line as a console shows it;
                         ///< otherwise the `...` line a console shows before `written`
  /// One line saying what is wrong and what a console shows instead.
  std::string Describe() const;
};

/// Whether a console that was given the lines of `source` (joined by "\n")
/// waits for more input, i.e. shows `... ` next.
using WaitsForMore = std::function<bool(const std::string& source)>;

/// Checks each example against a console fed its lines as written (what
/// follows `>>> ` or `... ` and a space, as doctest reads them): each `... `
/// line where the console shows `>>> ` (the console then takes the line as
/// a new statement), and a block still open after the last line. Findings
/// are in the order of their lines.
std::vector<PromptFinding> CheckPrompts(const std::vector<WrittenExample>& examples,
                                        const WaitsForMore& waits_for_more);

}  // namespace replay
