// The --junit report.
#pragma once

#include <string>

#include "verdict.h"

namespace replay {

/// The run as JUnit XML (the dialect GitHub Actions, GitLab and Jenkins
/// read): one testsuite, one testcase per transcript; a failure carries the
/// diff, an error its message and the diff of the output so far.
std::string JunitReport(const RunVerdicts& run);

}  // namespace replay
