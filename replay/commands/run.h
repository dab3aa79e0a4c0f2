// `replay run`: replay transcripts and report what differs.
#pragma once

#include <string>
#include <vector>

#include "replay/config/project_config.h"
#include "replay/console/placeholders.h"
#include "replay/console/session.h"
#include "replay/doctest/session.h"
#include "replay/doctest/verdict.h"
#include "replay/runner/session.h"

namespace replay {

/// --mode: how files are checked.
enum class ModeChoice {
  kAuto,     ///< console mode for *.pycon, doctest mode for *.txt, *.rst, *.md
             ///< (directories are searched for *.pycon)
  kConsole,  ///< every file a console transcript (directories: *.pycon)
  kDoctest,  ///< every file a doctest file (directories: *.txt, *.rst, *.md)
};

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

struct RunOptions {
  /// Files and directories; none: `paths` of [tool.replay], else a usage
  /// error. A file may end in `:LINE` (doctest files: the example there).
  std::vector<std::string> paths;
  ModeChoice mode = ModeChoice::kAuto;
  DoctestOptions doctest;                      ///< --option FLAG
  PromptPolicy prompts = PromptPolicy::kFail;  ///< doctest prompt findings
  IsolationOptions isolation;                  ///< -j, --timeout, --max-output
  ColorChoice color = ColorChoice::kAuto;
  AnnotationChoice annotations = AnnotationChoice::kAuto;
  std::vector<std::string> select;  ///< -k PATTERN: files matching any (none: all)
  std::string shard;                ///< --shard K/N; empty: Bazel's TEST_*SHARD* or all
  bool exit_first = false;          ///< -x: start no file after the first failure
  std::string setup;                ///< --setup FILE; empty: the nearest kSetupFileName, if any
  std::string report_json;          ///< write the JSON report here
  std::string junit;                ///< write JUnit XML here
  /// Rewrite each failed transcript to what the console showed (never one
  /// that ended in an error); passing files are not touched.
  bool update = false;
  Placeholders placeholders;  ///< --ellipsis
  /// --console: the console console transcripts were recorded with.
  ConsoleReference console = ConsoleReference::kInteract;
  std::string python;  ///< executable to run as (ChoosePython; empty: the linked one)
  /// -v: first say which interpreter runs, and with what prefix.
  bool verbose = false;
  /// --update-version: --update, writing the version-specific file of the
  /// running Python (`name.py313.pycon`) rather than the file that ran.
  bool update_version = false;
  bool last_failed = false;  ///< --last-failed: only the files that failed last time
  std::string config;        ///< --config FILE; empty: found as FindProjectConfig says
  /// The long names of the options the command line gave (`--timeout`):
  /// the configuration sets only the others.
  std::vector<std::string> given;

  // From the configuration (ApplyProjectConfig).
  std::string rootdir;                           ///< where the configuration and .replay_cache are
  std::string config_file;                       ///< the pyproject.toml read; empty: none
  std::vector<std::string> exclude;              ///< globs left out of directory searches
  std::vector<ModeGlob> mode_globs;              ///< modes by glob, most specific first
  std::string option_flags_origin = "--option";  ///< where the doctest option flags come from
};

/// Runs the transcripts under `options.paths`, prints failures and a
/// summary, writes the requested reports. Returns the exit status: 0 all
/// passed (or skipped), 1 any failed or errored, 2 usage error,
/// kExitNothingSelected if no file was selected, 130 interrupted.
int RunCommand(const RunOptions& options);

/// The setup file a file's run looks for in its directory and above.
inline constexpr char kSetupFileName[] = "replay_setup.py";

/// The exit status of a run that selected no file (pytest's "no tests
/// collected").
inline constexpr int kExitNothingSelected = 5;

}  // namespace replay
