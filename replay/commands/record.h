// `replay record`: make a transcript from input lines.
#pragma once

#include <string>

#include "replay/runner/session.h"

namespace replay {

struct RecordOptions {
  std::string input;   ///< file of input lines; empty or "-": standard input
  std::string output;  ///< transcript file; empty: standard output
  IsolationOptions isolation;
  std::string python;  ///< executable to run as (ChoosePython; empty: the linked one)
};

/// Pushes each input line through a fresh console and writes the transcript
/// it shows; at a terminal, with no input file, records an interactive
/// session into `output` instead (RecordInteractively). Returns 0, 1 if the
/// session did not finish (the partial transcript is still written), 2 for
/// unreadable input or an output that cannot be written, 130 if
/// interrupted.
int RecordCommand(const RecordOptions& options);

}  // namespace replay
