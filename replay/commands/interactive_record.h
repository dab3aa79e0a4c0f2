// `replay record` at a terminal: a real console that writes its transcript.
#pragma once

#include <string>

namespace replay {

/// Runs an interactive console (line editing and history from the readline
/// module, as code.interact) and writes the session to `output` as it goes,
/// in the transcript format replay run reads: each prompt and line, then the
/// output. Ctrl-C and Ctrl-D behave as in code.interact; a statement whose
/// input is interrupted by Ctrl-C at a prompt is left out of the file, and so
/// is the newline shown at Ctrl-D, so that the file replays as recorded (a
/// Ctrl-C while a statement runs is recorded with its KeyboardInterrupt).
/// Python runs as `executable` (empty: the linked Python's executable).
/// Returns 0, 1 if the console itself failed, 2 if `output` cannot be
/// opened.
int RecordInteractively(const std::string& output, const std::string& executable);

}  // namespace replay
