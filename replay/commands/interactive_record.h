// `replay record` at a terminal: a real console that writes its transcript.
#pragma once

#include <string>

namespace replay {

/// Runs an interactive console (line editing and history from the readline
/// module, as code.interact) and writes the session to `output` as it goes,
/// in the transcript format replay run reads: each prompt and line, then the
/// output. Ctrl-C and Ctrl-D behave as in code.interact; a statement during
/// which Ctrl-C was pressed (at one of its prompts or while it ran, whether
/// or not it caught the KeyboardInterrupt) is left out of the file with its
/// output, and so is the newline shown at Ctrl-D, so that the file replays as
/// recorded.
/// Python runs as `executable` (empty: the linked Python's executable).
/// Returns 0, 1 if the console itself failed, 2 if `output` cannot be
/// opened.
int RecordInteractively(const std::string& output, const std::string& executable);

}  // namespace replay
