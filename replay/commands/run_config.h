// `replay run`'s options completed by the project's `[tool.replay]`.
#pragma once

#include "replay/commands/run.h"
#include "replay/text/expected.h"

namespace replay {

/// `given` with what the configuration of its paths (FindProjectConfig)
/// sets for every option the command line did not give (`given.given`):
/// paths (relative to the rootdir) when none were given, mode, modes by
/// glob, doctest option flags, prompts, timeout, jobs, output and memory
/// limits, ellipsis, setup file; exclude globs always. Also sets rootdir and
/// config_file. An unreadable or malformed configuration is a Diagnostic.
Expected<RunOptions> ApplyProjectConfig(const RunOptions& given);

}  // namespace replay
