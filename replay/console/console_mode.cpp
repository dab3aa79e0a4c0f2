#include "replay/console/console_mode.h"

#include "replay/console/session.h"
#include "replay/console/verdict.h"
#include "replay/text/lines.h"

namespace replay {

bool ConsoleMode::ClaimsByName(const std::string& path) const { return EndsWith(path, ".pycon"); }

std::string ConsoleMode::LineSelectionRefused() const {
  return "selecting an example by line is for doctest files: a console transcript is one session "
         "whose statements build on each other, so it runs as a whole (name the file alone)";
}

Session ConsoleMode::Prepare(const ModeFile& file) const {
  return ConsoleTranscriptSession(file.path, file.text.text, file.setup, placeholders_, reference_);
}

TranscriptVerdict ConsoleMode::Judge(const ModeFile& file, const SessionOutcome& outcome) const {
  return JudgeConsole(file.path, file.text.text, outcome, isolation_);
}

std::optional<std::string> ConsoleMode::Updated(const ModeFile& file, const SessionOutcome& outcome,
                                                const UpdateRequest& what) const {
  if (!what.outputs) return std::nullopt;
  return ComparableActual(file.text.text, outcome);
}

}  // namespace replay
