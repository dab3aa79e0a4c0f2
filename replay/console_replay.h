// Drives a console with the inputs of a console-mode transcript.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "interactive_console.h"
#include "output_placeholders.h"

namespace replay {

/// How a replay reports to the process that runs it.
struct ReplayHooks {
  /// Returns the text written to the session's output (every level: Python
  /// streams, file descriptors, child processes) since it was last called.
  std::function<std::string()> take_output;
  /// Called before each input with the 1-based transcript line where the
  /// statement being entered starts (the code that runs next).
  std::function<void(int line)> on_line;
};

/// A stretch of the session's output that matched the transcript's expected
/// output only through placeholders: the parent compares and updates with
/// `expected` in its place.
struct Substitution {
  size_t offset = 0;  ///< in the session's output
  size_t length = 0;
  std::string expected;
};

/// What a replay did.
struct ReplaySummary {
  int inputs = 0;                           ///< lines pushed into the console
  int statements = 0;                       ///< inputs given at the primary prompt (sys.ps1)
  std::vector<Substitution> substitutions;  ///< in order of offset
};

/// Replays console transcript `expected` through `console`, inside
/// code.InteractiveConsole.interact(banner='', exitmsg=''), so that the
/// session's output is the transcript the console actually shows.
///
/// Before each prompt, the text written since the last input is matched
/// against `expected` and skipped where it matches; then the next line that
/// starts with the prompt the console shows now (str(sys.ps1) or
/// str(sys.ps2)) is the input, and a line equal to that prompt without its
/// trailing whitespace is an empty input. A line that starts with the other
/// prompt (sys.ps2 where the console shows sys.ps1, or the reverse) is taken
/// as input too, but echoed with the prompt the console shows, so the wrong
/// prompt shows in the diff. Each input is echoed to
/// sys.stdout as a terminal shows it: the prompt as the transcript wrote it,
/// the line, a newline. The replay ends when the inputs run out, or when
/// SystemExit ends the session (whose message is then written as Python
/// writes it at exit).
///
/// Where the output since the last input differs from the transcript's text
/// up to the next prompt line, but matches it under `placeholders` (see
/// OutputMatches), it is skipped as matching and reported as a Substitution.
ReplaySummary ReplayConsoleTranscript(pycon::InteractiveConsole& console, std::string_view expected,
                                      const ReplayHooks& hooks,
                                      const Placeholders& placeholders = {});

/// `output` with the substitutions' expected text in place of what they
/// cover: the session as the transcript would have it.
std::string ApplySubstitutions(std::string_view output,
                               const std::vector<Substitution>& substitutions);

/// Replays plain input lines (one per line of `input`) the same way: what
/// `replay record` shows for them.
ReplaySummary ReplayInputLines(pycon::InteractiveConsole& console, std::string_view input,
                               const ReplayHooks& hooks);

}  // namespace replay
