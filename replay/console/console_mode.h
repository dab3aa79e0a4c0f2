// Console mode: files are console transcripts (*.pycon), replayed through
// the console core and compared byte for byte.
#pragma once

#include "replay/console/placeholders.h"
#include "replay/console/reference.h"
#include "replay/mode/mode.h"

namespace replay {

class ConsoleMode : public Mode {
 public:
  ConsoleMode(Placeholders placeholders, ConsoleReference reference, IsolationOptions isolation)
      : placeholders_(placeholders), reference_(reference), isolation_(isolation) {}

  std::string Name() const override { return "console"; }
  /// *.pycon.
  bool ClaimsByName(const std::string& path) const override;
  bool Searches(const std::string& path) const override { return ClaimsByName(path); }
  std::string SearchedFiles() const override { return "*.pycon"; }
  std::string LineSelectionRefused() const override;
  /// readline, which code.interact imports (the reference), and the `ast`
  /// types, which its first compile() creates before any input runs.
  Preload Preloads() const override { return {{}, {"readline"}, true}; }
  Session Prepare(const ModeFile& file) const override;
  TranscriptVerdict Judge(const ModeFile& file, const SessionOutcome& outcome) const override;
  /// The whole session as shown (outputs only: no prompt is fixed).
  std::optional<std::string> Updated(const ModeFile& file, const SessionOutcome& outcome,
                                     const UpdateRequest& what) const override;

 private:
  Placeholders placeholders_;
  ConsoleReference reference_;
  IsolationOptions isolation_;
};

}  // namespace replay
