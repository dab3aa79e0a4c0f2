// The files of a `replay run`, in order, each with its mode.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "replay/mode/mode.h"
#include "replay/options/run_options.h"
#include "replay/text/expected.h"

namespace replay {

/// A file of the run and how it is checked.
struct PlannedFile {
  std::string path;      ///< as given, or as found under a given directory
  std::string relative;  ///< relative to the rootdir (RelativeToRoot)
  const Mode* mode = nullptr;
  int line = 0;  ///< FILE:LINE: the example at this line only; 0: all
};

/// The files of a run, and how many there were before -k and the shard.
struct Plan {
  std::vector<PlannedFile> files;
  size_t found = 0;         ///< by discovery
  size_t matched = 0;       ///< by -k (and --last-failed)
  size_t excluded = 0;      ///< by exclude of [tool.replay]
  std::string last_failed;  ///< what --last-failed did, for the user
  /// The directories given in which the search found no file (after
  /// exclude): each must be reported, and the run does not pass.
  std::vector<std::string> empty_directories;
};

/// The files of the run on `options.paths`: a file given is taken as it is,
/// a directory searched for the files of its mode; each file's mode is the
/// most specific glob of [tool.replay.modes] that matches, else --mode, else
/// the first of `modes` that claims it by name, else the first of `modes`.
/// Then -k, --last-failed and the shard (--shard or Bazel's) select. A
/// FILE:LINE its mode cannot select, a directory with a line, an unknown
/// mode or a wrong shard is a Diagnostic.
Expected<Plan> PlanRun(const RunOptions& options, const Modes& modes);

/// Why a run selected no file, for its message.
std::string NothingSelected(const RunOptions& options, const Modes& modes, const Plan& plan);

/// Why directory `directory` of the run gave no file, and the --mode that
/// would search it for the files it holds (if another mode would find some).
std::string NothingIn(const RunOptions& options, const Modes& modes, const std::string& directory);

/// The modules to preload for the files of `plan`: those every mode of
/// them preloads.
Preload PreloadFor(const Plan& plan);

}  // namespace replay
