// Report files written as verdicts arrive.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "replay/text/expected.h"

namespace replay {

/// A report whose entries are written as they come, so that a run's memory
/// does not grow with its size: entries go to an anonymous temporary file
/// (std::tmpfile); Finish writes head, entries and tail to `path` with
/// WriteFileAtomically (readers see the old or the whole new report).
class ReportFile {
 public:
  /// `separator` goes between entries.
  ReportFile(std::string path, std::string separator);
  ~ReportFile();
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;

  void Add(std::string_view entry);
  /// Writes the report: `head`, the entries with separators, `tail`.
  Expected<void> Finish(std::string_view head, std::string_view tail);

 private:
  std::string path_;
  std::string separator_;
  std::FILE* entries_ = nullptr;
  bool first_ = true;
  std::string error_;  ///< why entries cannot be kept; empty if they can
};

}  // namespace replay
