// The --report-json report.
#pragma once

#include <string>

#include "verdict.h"

namespace replay {

/// The run as JSON: {"summary": {total, passed, failed, errors, skipped,
/// duration_s, interrupted}, "transcripts": [{path, status, mode, examples,
/// failures, message, diff, duration_s, updated}]} (schema in README.md).
std::string JsonReport(const RunVerdicts& run);

}  // namespace replay
