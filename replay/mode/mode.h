// A mode: one way of checking files (console transcripts, doctest files...).
// `replay run` plans, runs and reports through this interface alone, so that
// a mode is added without touching the run command.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "replay/report/verdict.h"
#include "replay/runner/session.h"
#include "replay/text/expected.h"
#include "replay/text/files.h"
#include "replay/text/transcript_text.h"

namespace replay {

/// A file of the run, as its mode gets it.
struct ModeFile {
  std::string path;
  int line = 0;  ///< FILE:LINE: the example at this line only; 0: all
  TranscriptText text;
  SetupFile setup;        ///< --setup or the nearest replay_setup.py; empty path: none
  FileIdentity identity;  ///< the file `path` named when it was read
};

/// Modules the interpreter imports before forking, so that no child loads
/// them again; only what the mode's reference imports anyway.
struct Preload {
  std::vector<std::string> modules;     ///< a missing one is an error
  std::vector<std::string> if_present;  ///< imported if they can be
  /// The mode's reference compiles (builtins.compile) before any user code
  /// runs, so the `ast` types may be created before forking
  /// (pycon::SessionOptions::create_ast_types).
  bool ast_types = false;
};

/// The modules every one of `preloads` has: what a run of files of several
/// modes may preload without showing one mode's modules to another's files;
/// the `ast` types if every one of them creates them.
Preload CommonPreload(const std::vector<Preload>& preloads);

/// What a rewrite of a file is asked to change.
struct UpdateRequest {
  bool outputs = false;       ///< --update of a failed file: the outputs its session showed
  bool prompts = false;       ///< --fix-prompts: the prompts no console would show
  bool version_file = false;  ///< --update-version: written to the running Python's file
};

/// How one kind of file is selected, run in the child, judged and updated.
class Mode {
 public:
  virtual ~Mode() = default;

  /// The name --mode and [tool.replay.modes] give it, and reports show.
  virtual std::string Name() const = 0;
  /// Whether --mode auto checks the file named `path` in this mode.
  virtual bool ClaimsByName(const std::string& path) const = 0;
  /// Whether a directory search for files of this mode takes `path`.
  virtual bool Searches(const std::string& path) const = 0;
  /// What a directory search takes, for messages: "*.pycon".
  virtual std::string SearchedFiles() const = 0;
  /// Why FILE:LINE cannot select one example of a file of this mode; empty:
  /// it can.
  virtual std::string LineSelectionRefused() const { return {}; }
  /// What the interpreter preloads for files of this mode.
  virtual Preload Preloads() const = 0;
  /// Checks the mode's options where only the running interpreter can tell
  /// (a name the linked Python does not know): a usage error if wrong.
  virtual Expected<void> CheckOptions() const { return {}; }

  /// Lines of `file` that look like examples but will not run, each
  /// "file:line: not tested: why" (reported whatever the verdict).
  virtual std::vector<std::string> Notes(const ModeFile& file) const {
    (void)file;
    return {};
  }
  /// The session checking `file`, run in a forked child.
  virtual Session Prepare(const ModeFile& file) const = 0;
  /// The verdict on `file` from how its session ended.
  virtual TranscriptVerdict Judge(const ModeFile& file, const SessionOutcome& outcome) const = 0;
  /// Why --update cannot rewrite `file` at all as `what` asks; empty: it can.
  virtual std::string UpdateRefused(const ModeFile& file, const UpdateRequest& what) const {
    (void)file, (void)what;
    return {};
  }
  /// --update (`what.outputs`: `file` failed): the text of `file` with what
  /// its session showed; --fix-prompts (`what.prompts`): with its prompts as
  /// a console shows them (doctest mode). nullopt if there is nothing to write.
  virtual std::optional<std::string> Updated(const ModeFile& file, const SessionOutcome& outcome,
                                             const UpdateRequest& what) const = 0;
  /// The changes of Updated left out, each "file:line: why" (an example
  /// --update cannot rewrite faithfully).
  virtual std::vector<std::string> UpdateRefusals(const ModeFile& file,
                                                  const SessionOutcome& outcome,
                                                  const UpdateRequest& what) const {
    (void)file, (void)outcome, (void)what;
    return {};
  }
};

/// The modes of a run, the first being the default of a directory search.
using Modes = std::vector<std::unique_ptr<Mode>>;

}  // namespace replay
