// What `replay run` is asked to do: plain data, filled from the option table
// (replay/options/option_table.h) by the command line and [tool.replay].
#pragma once

#include <string>
#include <vector>

#include "replay/console/placeholders.h"
#include "replay/console/reference.h"
#include "replay/doctest/verdict.h"
#include "replay/runner/session.h"

namespace replay {

/// --color.
enum class ColorChoice {
  kAuto,  ///< if FORCE_COLOR is set (not empty), or on a terminal unless
          ///< TERM=dumb; never if NO_COLOR is set (not empty)
  kAlways,
  kNever,
};

/// --annotations.
enum class AnnotationChoice {
  kAuto,    ///< GitHub's if GITHUB_ACTIONS=true
  kGithub,  ///< GitHub Actions workflow commands
  kNone,
};

/// A path argument: a file or directory, and for `FILE:LINE` the line of
/// the one example to check.
struct PathArgument {
  std::string path;
  int line = 0;  ///< 0: the whole file (or directory)
  bool operator==(const PathArgument& other) const {
    return path == other.path && line == other.line;
  }
};

/// Files matching a glob, checked in a mode: an entry of `[tool.replay.modes]`.
struct ModeGlob {
  std::string glob;  ///< as -k reads a glob: the whole path or a tail after a `/`
  std::string mode;  ///< a mode's name ("console", "doctest")
};

/// The default of --mode: each file by its extension.
inline constexpr char kAutoMode[] = "auto";

struct RunOptions {
  /// Files and directories; none: `paths` of [tool.replay], else a usage
  /// error.
  std::vector<PathArgument> paths;
  std::string mode = kAutoMode;                  ///< --mode: "auto" or a mode's name
  std::vector<ModeGlob> mode_globs;              ///< [tool.replay.modes], most specific first
  std::vector<std::string> option_flags;         ///< --option FLAG: doctest option flags
  std::string option_flags_origin = "--option";  ///< where they come from, for errors
  PromptPolicy prompts = PromptPolicy::kWarn;    ///< doctest prompt findings
  IsolationOptions isolation;                    ///< -j, --timeout, --max-output, --max-memory
  ColorChoice color = ColorChoice::kAuto;
  AnnotationChoice annotations = AnnotationChoice::kAuto;
  std::vector<std::string> select;   ///< -k PATTERN: files matching any (none: all)
  std::vector<std::string> exclude;  ///< globs left out of directory searches
  std::string shard;                 ///< --shard K/N; empty: Bazel's TEST_*SHARD* or all
  bool exit_first = false;           ///< -x: start no file after the first failure
  bool verbose = false;              ///< -v (global): list passing files and files without examples
  std::string setup;                 ///< --setup FILE; empty: the nearest kSetupFileName
  std::string report_json;           ///< write the JSON report here
  std::string junit;                 ///< write JUnit XML here
  /// Names (globs) of directories a directory search does not enter:
  /// pytest's default `norecursedirs`, with `_build` (a Sphinx build tree,
  /// whose `_sources` copies the documents as `*.txt`) and `*.egg-info`.
  std::vector<std::string> norecursedirs = {"*.egg",  ".*",           "build",     "CVS",
                                            "dist",   "node_modules", "venv",      "{arch}",
                                            "_darcs", "_build",       "*.egg-info"};
  /// Rewrite each failed transcript to what the console showed (never one
  /// that ended in an error); passing files are not touched.
  bool update = false;
  /// --update-version: --update, writing the version-specific file of the
  /// running Python (`name.py313.pycon`) rather than the file that ran.
  bool update_version = false;
  /// --fix-prompts: rewrite each doctest file's prompts no console would
  /// show to those it shows (passing files too).
  bool fix_prompts = false;
  Placeholders placeholders;                               ///< --ellipsis
  ConsoleReference console = ConsoleReference::kInteract;  ///< --console
  bool last_failed = false;  ///< --last-failed: only the files that failed last time
  /// --sandbox: the run re-executes itself under bubblewrap (docs/sandbox.md).
  bool sandbox = false;
  bool collect_only = false;  ///< --collect-only: list the files of the run, run none
  std::string config;         ///< --config FILE; empty: found as FindProjectConfig says

  // Set by the command line (global options) and the configuration.
  std::string python;       ///< executable to run as (ChoosePython; empty: the linked one)
  std::string rootdir;      ///< where the configuration and .replay_cache are
  std::string config_file;  ///< the pyproject.toml read; empty: none
  /// The file pytest reads its configuration from for these paths (its
  /// doctest_optionflags are the default of option_flags); empty: none.
  std::string pytest_config_file;
};

/// The setup file a file's run looks for in its directory and above.
inline constexpr char kSetupFileName[] = "replay_setup.py";

}  // namespace replay
