// `replay run`: replay transcripts and report what differs.
#pragma once

#include <string>
#include <vector>

#include "replay/console/placeholders.h"
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
  std::string python;         ///< executable to run as (ChoosePython; empty: the linked one)
  /// -v: first say which interpreter runs, and with what prefix.
  bool verbose = false;
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
