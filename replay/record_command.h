// `replay record`: make a transcript from input lines.
#pragma once

#include <string>

namespace replay {

struct RecordOptions {
  std::string input;   ///< file of input lines; empty or "-": standard input
  std::string output;  ///< transcript file; empty: standard output
  double timeout_s = 60;
  size_t max_output = 16 * 1024 * 1024;
  std::string python_executable;
};

/// Pushes each input line through a fresh console and writes the transcript
/// it shows. Returns 0, 1 if the session did not finish (the partial
/// transcript is still written), or 2 for unreadable input.
int RecordCommand(const RecordOptions& options);

}  // namespace replay
