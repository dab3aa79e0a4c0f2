// Judging a doctest-mode run.
#pragma once

#include <string>

#include "replay/report/verdict.h"
#include "replay/runner/session.h"

namespace replay {

/// What prompt findings do to a file's verdict.
enum class PromptPolicy {
  kFail,  ///< a prompt no console would show fails the file
  kWarn,  ///< reported in the message, the verdict is doctest's alone (the default)
  kOff,   ///< not reported (the check does not run)
};

/// The verdict on doctest file `path` from its session's outcome: examples
/// and failures as doctest counts them (attempted, failed), a message and,
/// for each failing example, its file:line, source and a unified diff of
/// expected against actual output; prompt findings per `policy`, in one
/// block after them: a line for each, and a unified diff of the file as
/// written (`text`, as decoded) against it with the prompts fixed as
/// --fix-prompts fixes them (none without `text`).
TranscriptVerdict JudgeDoctest(const std::string& path, const SessionOutcome& outcome,
                               const IsolationOptions& options, PromptPolicy policy,
                               const std::string& text = "");

}  // namespace replay
