// Report files written as verdicts arrive.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace replay {

/// A report whose entries are written as they come, so that a run's memory
/// does not grow with its size: entries go to a temporary file beside
/// `path`; Finish writes head, entries and tail to another temporary file
/// and renames it over `path` (atomic: readers see the old or the whole new
/// report).
class ReportFile {
 public:
  /// `separator` goes between entries.
  ReportFile(std::string path, std::string separator);
  ~ReportFile();
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;

  void Add(std::string_view entry);
  /// Returns an empty string, or what went wrong.
  std::string Finish(std::string_view head, std::string_view tail);

 private:
  std::string path_;
  std::string separator_;
  std::FILE* entries_ = nullptr;
  bool first_ = true;
  std::string error_;
};

}  // namespace replay
