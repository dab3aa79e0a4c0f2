// `replay run`'s options: defaults, then the project's `[tool.replay]`, then
// the command line.
#pragma once

#include <vector>

#include "replay/options/option_table.h"
#include "replay/text/expected.h"

namespace replay {

/// The options of a run given `command_line`: the defaults, overridden by
/// the doctest_optionflags of pytest's configuration for its paths
/// (FindPytestOptionFlags), overridden by what the configuration of its
/// paths (FindProjectConfig; --config) sets, overridden by the command line. Also sets rootdir and
/// config_file, and junit from Bazel's XML_OUTPUT_FILE if not given. A value refused, an unreadable
/// or malformed configuration, or no path to run at all is a Diagnostic.
Expected<RunOptions> ConfigureRun(const std::vector<OptionAssignment>& command_line);

}  // namespace replay
