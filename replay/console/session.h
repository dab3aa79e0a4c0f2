// Console mode in the child: a console core fed a transcript's inputs.
#pragma once

#include <string>
#include <string_view>

#include "replay/console/placeholders.h"
#include "replay/console/reference.h"
#include "replay/console/result.h"
#include "replay/console/transcript_inputs.h"
#include "replay/runner/session.h"

namespace pycon {
class InteractiveConsole;
}  // namespace pycon

namespace replay {

/// Runs `console` inside code.InteractiveConsole.interact(banner='',
/// exitmsg='') with its inputs from `inputs` (see TranscriptInputs), so that
/// the session's output is the transcript the console actually shows, as
/// the README's reference defines it: '' first on sys.path; each prompt
/// written as input() writes it (to the current sys.stdout, flushed), and
/// the input found after what it showed echoed with its newline to fd 1, as
/// a terminal echoes it. With `reference` kPython, as the python3 REPL's line
/// reader does it instead: each prompt written to fd 1 itself, nothing
/// flushed (the console's loop flushes after each statement). Ends when
/// the inputs run out (the last prompt is then no part of the transcript),
/// or when SystemExit ends the session (whose message is then written as
/// Python writes it at exit). Throws pycon::PythonError if the console
/// itself fails (as code.py would raise).
ConsoleResult ReplayConsole(pycon::InteractiveConsole& console, InputSource& inputs,
                            const SessionHooks& hooks,
                            ConsoleReference reference = ConsoleReference::kInteract);

/// A console core that shows what `reference` shows: its namespace and the
/// file name of its tracebacks.
pycon::InteractiveConsole MakeConsole(ConsoleReference reference);

/// A session replaying console transcript `text` in a console of
/// `reference`; its result is a ConsoleResult (ToJson).
/// `setup` (if any) runs in the console's namespace first.
Session ConsoleTranscriptSession(std::string name, std::string text, SetupFile setup,
                                 const Placeholders& placeholders,
                                 ConsoleReference reference = ConsoleReference::kInteract);

/// A session pushing every line of `text` into a console (replay record).
Session InputLinesSession(std::string name, std::string text);

}  // namespace replay
