// `replay run`: replay transcripts and report what differs.
#pragma once

#include <string>
#include <vector>

namespace replay {

struct RunOptions {
  std::vector<std::string> paths;
  /// auto: console mode for *.pycon, doctest mode for *.txt, *.rst, *.md
  /// (directories are searched for *.pycon); console or doctest: every file
  /// in that mode (directories searched for that mode's extensions).
  std::string mode = "auto";
  std::vector<std::string> doctest_options;  ///< --option FLAG
  std::string prompts = "fail";              ///< doctest prompt findings: fail, warn, off
  int jobs = 0;                              ///< 0: one per CPU
  double timeout_s = 60;
  size_t max_output = 16 * 1024 * 1024;  ///< bytes per transcript
  std::string color = "auto";            ///< auto, always, never
  std::string report_json;               ///< write the JSON report here
  std::string junit;                     ///< write JUnit XML here
  std::string python_executable;         ///< the embedded Python's own executable
  /// Rewrite each failed transcript to what the console showed (never one
  /// that ended in an error); passing files are not touched.
  bool update = false;
  /// "..." in expected console output matches any text.
  bool ellipsis = false;
};

/// Runs the transcripts under `options.paths`, prints failures and a
/// summary, writes the requested reports. Returns the exit status: 0 all
/// passed, 1 any failed or errored, 2 usage error, 130 interrupted.
int RunCommand(const RunOptions& options);

}  // namespace replay
