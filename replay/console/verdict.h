// Judging a console-mode replay against its transcript.
#pragma once

#include <string>

#include "replay/report/verdict.h"
#include "replay/runner/session.h"

namespace replay {

/// The verdict on console transcript `path` whose text is `expected`, given
/// how its replay ended. Passed if the session finished and showed exactly
/// `expected` (a missing final newline in the file is accepted); failed with
/// a diff if it showed something else (naming the likely cause when it is a
/// known authoring mistake, see LikelyCause); error, naming the line and the
/// reason, with a diff of the output so far, if it did not finish.
TranscriptVerdict JudgeConsole(const std::string& path, const std::string& expected,
                               const SessionOutcome& outcome, const IsolationOptions& options);

/// What the session showed, as the comparison with `expected` sees it: the
/// placeholder matches reported by the session in place, and a final
/// newline dropped where the file has none. This is also what --update
/// writes.
std::string ComparableActual(const std::string& expected, const SessionOutcome& outcome);

}  // namespace replay
