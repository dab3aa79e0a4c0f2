// Console-mode sessions: what runs in the child, and what it reports.
#pragma once

#include <string>

#include "console_replay.h"
#include "isolated_runner.h"

namespace replay {

/// A session replaying console transcript `text` (ReplayConsoleTranscript);
/// its result is the replay's summary, encoded for DecodeConsoleResult.
Session ConsoleTranscriptSession(std::string name, std::string text,
                                 const Placeholders& placeholders);

/// A session pushing every line of `text` into a console (replay record).
Session InputLinesSession(std::string name, std::string text);

/// The summary a console session's result carries (empty if unreadable).
ReplaySummary DecodeConsoleResult(const std::string& result);

}  // namespace replay
