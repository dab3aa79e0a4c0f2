// Doctest mode: files are documentation (*.txt, *.rst, *.md) and modules of
// packages, their examples run by the linked Python's doctest and their
// prompts checked by the console core.
#pragma once

#include <string>
#include <vector>

#include "replay/doctest/verdict.h"
#include "replay/mode/mode.h"

namespace replay {

class DoctestMode : public Mode {
 public:
  /// `option_flags` (doctest's, by name) come from `origin` ("--option").
  DoctestMode(std::vector<std::string> option_flags, std::string origin, PromptPolicy prompts,
              IsolationOptions isolation)
      : option_flags_(std::move(option_flags)),
        origin_(std::move(origin)),
        prompts_(prompts),
        isolation_(isolation) {}

  std::string Name() const override { return "doctest"; }
  /// *.txt, *.rst, *.md and *.py.
  bool ClaimsByName(const std::string& path) const override;
  /// *.txt, *.rst, *.md, and *.py in a package (beside an __init__.py) but
  /// __main__.py.
  bool Searches(const std::string& path) const override;
  std::string SearchedFiles() const override { return "*.txt, *.rst, *.md"; }
  /// doctest, and json, in which the driver reports; readline, which
  /// doctest's runner imports as it starts (its pdb.Pdb); the `ast` types,
  /// which importing doctest creates anyway (it imports inspect, ast).
  Preload Preloads() const override { return {{"doctest", "json"}, {"readline"}, true}; }
  /// An option flag that is none of the linked doctest's, with the one meant.
  Expected<void> CheckOptions() const override;
  /// Sphinx directives and other example-like lines doctest does not run.
  std::vector<std::string> Notes(const ModeFile& file) const override;
  Session Prepare(const ModeFile& file) const override;
  TranscriptVerdict Judge(const ModeFile& file, const SessionOutcome& outcome) const override;
  /// The expected output of each failing example (`what.outputs`), the
  /// prompts as a console shows them (`what.prompts`); in a Python module's
  /// docstrings, only the outputs they read as written (UpdateDoctest).
  std::optional<std::string> Updated(const ModeFile& file, const SessionOutcome& outcome,
                                     const UpdateRequest& what) const override;
  /// --update-version of a Python module: an import takes the module itself.
  std::string UpdateRefused(const ModeFile& file, const UpdateRequest& what) const override;
  /// The docstring updates and prompt fixes of a Python module left out.
  std::vector<std::string> UpdateRefusals(const ModeFile& file, const SessionOutcome& outcome,
                                          const UpdateRequest& what) const override;

 private:
  std::vector<std::string> option_flags_;
  std::string origin_;
  PromptPolicy prompts_;
  IsolationOptions isolation_;
};

}  // namespace replay
