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
  /// The lines after those up to the first empty one (`next` first): what a
  /// console takes as the rest of a statement they leave open in a bracket.
  std::vector<std::string> after;
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
  /// Not kContinuationAfterComplete: an empty line ends the open statement
  /// (a block); false: a bracket, string or `\` is open, and the lines that
  /// continue it need `... ` in front.
  bool closed_by_empty_line = true;
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

/// An example rewritten as a console prompts it: lines [line, line +
/// written.size()) of the text become `console`.
struct PromptFix {
  int line = 0;                      ///< 1-based first line replaced (the `>>> ` line)
  std::vector<std::string> written;  ///< the lines replaced, as written
  std::vector<std::string> console;  ///< the lines a console shows, valid doctest
};

/// The fix of each example with findings, in the order of their lines, none
/// overlapping another. A `... ` line after a complete statement: dropped if
/// empty; a comment joined to the statement's last line (`>>> # ...` would
/// be no example to doctest, and an option directive there an error); a
/// line that continues a body after empty `...` lines: those lines dropped
/// (they ended the block); else `>>> `. A block open after the last line:
/// an empty `...` line; a bracket open: `... ` in front of the lines after
/// it (`after`) until the statement is complete.
std::vector<PromptFix> FixPrompts(const std::vector<WrittenExample>& examples,
                                  const WaitsForMore& waits_for_more);

}  // namespace replay
