// What `replay run` prints for people.
#pragma once

#include <string>

#include "replay/report/verdict.h"
#include "replay/runner/progress.h"

namespace replay {

/// A failed or errored transcript: a headline naming the file and what went
/// wrong, its notes (`NOTE file:line: not tested: reason`), then the diff
/// (coloured if `color`); a skipped one: `SKIP file: reason` and its notes.
/// For a passed one, its notes and its message as a note, if any, else
/// nothing.
std::string RenderVerdict(const TranscriptVerdict& verdict, bool color);

/// "PASS file\n", the line -v prints for a passing file.
std::string PassedHeadline(const TranscriptVerdict& verdict, bool color);

/// "FILE:LINE" of a failed or errored file, as its headline names it
/// ("FILE" where it names no line), shown as its headline shows it.
std::string FailedEntry(const TranscriptVerdict& verdict);

/// "N passed, N failed, N errors, N skipped in S s".
std::string SummaryLine(const RunSummary& summary);

/// The live progress line: done/total, failures so far, the slowest running.
std::string ProgressLine(const RunProgress& progress, size_t failures, size_t width);

}  // namespace replay
