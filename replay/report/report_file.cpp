#include "replay/report/report_file.h"

#include <cerrno>
#include <cstring>

#include "replay/text/files.h"

namespace replay {

ReportFile::ReportFile(std::string path, std::string separator)
    : path_(std::move(path)), separator_(std::move(separator)) {
  entries_ = std::tmpfile();
  if (entries_ == nullptr)
    error_ = "cannot create a temporary file: " + std::string(std::strerror(errno));
}

ReportFile::~ReportFile() {
  if (entries_ != nullptr) std::fclose(entries_);
}

void ReportFile::Add(std::string_view entry) {
  if (entries_ == nullptr) return;
  if (!first_) std::fwrite(separator_.data(), 1, separator_.size(), entries_);
  if (std::fwrite(entry.data(), 1, entry.size(), entries_) != entry.size() && error_.empty()) {
    error_ = "cannot keep the entries in a temporary file: " + std::string(std::strerror(errno));
  }
  first_ = false;
}

Expected<void> ReportFile::Finish(std::string_view head, std::string_view tail) {
  if (!error_.empty()) return Diagnostic{path_, 0, 0, error_};
  if (std::ferror(entries_) || std::fflush(entries_) != 0) {
    return Diagnostic{
        path_, 0, 0,
        "cannot keep the entries in a temporary file: " + std::string(std::strerror(errno))};
  }
  std::rewind(entries_);
  return WriteFileAtomically(path_, [&](const std::function<bool(std::string_view)>& write) {
    if (!write(head)) return false;
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, entries_)) > 0) {
      if (!write(std::string_view(buffer, n))) return false;
    }
    return write(tail);
  });
}

}  // namespace replay
