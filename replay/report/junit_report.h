// The --junit report.
#pragma once

#include <string>
#include <vector>

#include "replay/report/verdict.h"

namespace replay {

/// The run as JUnit XML (the dialect GitHub Actions, GitLab and Jenkins
/// read), in pieces so that it can be written as verdicts arrive: the head
/// (one testsuite, with the counts), one testcase per transcript, the tail.
/// A testcase names the line its message names (`line`, when known); a
/// failure carries the diff; an error its message and the diff of the
/// output so far; notes (lines not run) are its `system-out`.
std::string JunitReportHead(const RunSummary& summary);
std::string JunitReportEntry(const TranscriptVerdict& verdict);
inline constexpr char kJunitReportTail[] = "  </testsuite>\n</testsuites>\n";

/// The whole report at once.
std::string JunitReport(const RunSummary& summary, const std::vector<TranscriptVerdict>& verdicts);

}  // namespace replay
