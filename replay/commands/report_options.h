// How a run is reported, from its options and the terminal it runs at.
#pragma once

#include "replay/commands/run_plan.h"
#include "replay/options/run_options.h"
#include "replay/report/run_reporter.h"
#include "replay/text/expected.h"

namespace replay {

/// Colour (--color, NO_COLOR, FORCE_COLOR, TERM, a terminal), the progress
/// line (standard error a terminal, TERM not dumb) and its width, report
/// files, CI annotations (--annotations, GITHUB_ACTIONS).
ReportOptions ReportOptionsFor(const RunOptions& options);

/// Checks, before anything runs, that every report file can be written and
/// is none of the files of `plan`, the configuration, the setup file, the
/// --last-failed cache or another report (compared as files, through
/// symlinks and hard links), nor an existing file one of `modes` claims by
/// its name (`--junit a.pycon b.pycon`, the report's name forgotten);
/// whether one of them goes to standard output (the verdicts then go to
/// standard error, so that the report stays readable).
Expected<bool> CheckReportPaths(const RunOptions& options, const Plan& plan, const Modes& modes);

}  // namespace replay
