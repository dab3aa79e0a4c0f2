// `replay run`: check files and report what differs.
#pragma once

#include <string>
#include <vector>

#include "replay/options/option_table.h"
#include "replay/report/exit_status.h"

namespace replay {

/// A `replay run` as the command line asked for it.
struct RunRequest {
  std::vector<OptionAssignment> command_line;  ///< the run's options, as given
  std::string python;    ///< executable to run as (ChoosePython; empty: the linked one)
  bool verbose = false;  ///< -v: first say which interpreter runs, the rootdir, the configuration;
                         ///< list passing files and files without examples
};

/// Plans the run (ConfigureRun, PlanRun), runs each file in its own child
/// (RunIsolated), prints failures and a summary, writes the requested
/// reports. A usage or configuration error is printed and ends the run
/// before anything runs.
ExitStatus RunCommand(const RunRequest& request);

}  // namespace replay
