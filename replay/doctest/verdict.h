// Judging a doctest-mode run.
#pragma once

#include <string>

#include "replay/report/verdict.h"
#include "replay/runner/session.h"

namespace replay {

/// What prompt findings do to a file's verdict.
enum class PromptPolicy {
  kFail,  ///< a prompt no console would show fails the file (the default)
  kWarn,  ///< reported in the message, the verdict is doctest's alone
  kOff,   ///< not reported (the check does not run)
};

/// The verdict on doctest file `path` from its session's outcome: examples
/// and failures as doctest counts them (attempted, failed), a message and,
/// for each failing example, its file:line, source and a unified diff of
/// expected against actual output; prompt findings per `policy`.
TranscriptVerdict JudgeDoctest(const std::string& path, const SessionOutcome& outcome,
                               const IsolationOptions& options, PromptPolicy policy);

}  // namespace replay
