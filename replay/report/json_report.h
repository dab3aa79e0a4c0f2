// The --report-json report.
#pragma once

#include <string>
#include <vector>

#include "replay/report/verdict.h"

namespace replay {

/// The JSON report, in pieces so that it can be written as verdicts arrive:
/// JsonReportHead(summary), then the entries joined by kJsonEntrySeparator,
/// then kJsonReportTail. The whole: {"summary": {total, passed, failed,
/// errors, skipped, duration_s, interrupted}, "transcripts": [{path, status,
/// mode, examples, failures, message, diff, duration_s, updated, not_updated,
/// notes}]} (schema in
/// README.md).
std::string JsonReportHead(const RunSummary& summary);
std::string JsonReportEntry(const TranscriptVerdict& verdict);
inline constexpr char kJsonEntrySeparator[] = ",\n";
inline constexpr char kJsonReportTail[] = "\n  ]\n}\n";

/// The whole report at once.
std::string JsonReport(const RunSummary& summary, const std::vector<TranscriptVerdict>& verdicts);

}  // namespace replay
