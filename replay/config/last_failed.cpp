#include "replay/config/last_failed.h"

#include <filesystem>
#include <optional>
#include <sstream>
#include <system_error>

#include "replay/text/files.h"

namespace replay {

namespace fs = std::filesystem;

namespace {

/// The first of the cache directory and its files that is a symbolic link,
/// if any: replay neither reads nor writes through one, which could point
/// anywhere (a file of another user, a file of the project).
std::optional<fs::path> SymlinkInCache(const std::string& rootdir) {
  fs::path directory = fs::path(rootdir) / kLastFailedFile;
  directory = directory.parent_path();
  for (const fs::path& path : {directory, directory / "lastfailed", directory / ".gitignore"}) {
    std::error_code error;
    if (fs::is_symlink(fs::symlink_status(path, error))) return path;
  }
  return std::nullopt;
}

}  // namespace

std::set<std::string> ReadLastFailed(const std::string& rootdir) {
  std::set<std::string> failed;
  if (SymlinkInCache(rootdir)) return failed;
  Expected<std::string> text = ReadFile((fs::path(rootdir) / kLastFailedFile).string());
  if (!text) return failed;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) failed.insert(line);
  }
  return failed;
}

Expected<void> WriteLastFailed(const std::string& rootdir, const std::map<std::string, bool>& ran) {
  fs::path file = fs::path(rootdir) / kLastFailedFile;
  if (std::optional<fs::path> link = SymlinkInCache(rootdir)) {
    return Diagnostic{link->string(), 0, 0,
                      "is a symbolic link, which replay does not follow; remove it"};
  }
  std::error_code error;
  bool exists = fs::exists(file, error);
  std::set<std::string> failed = ReadLastFailed(rootdir);
  for (const auto& [path, did_fail] : ran) {
    if (did_fail) {
      failed.insert(path);
    } else {
      failed.erase(path);
    }
  }
  // Files that are gone are forgotten.
  for (auto it = failed.begin(); it != failed.end();) {
    it = fs::exists(fs::path(rootdir) / *it, error) ? std::next(it) : failed.erase(it);
  }
  if (!exists && failed.empty()) return {};
  fs::create_directories(file.parent_path(), error);
  if (error) return Diagnostic{file.parent_path().string(), 0, 0, error.message()};
  fs::path ignore = file.parent_path() / ".gitignore";
  if (!fs::exists(ignore, error)) {
    Expected<void> written = WriteFileAtomically(ignore.string(), "# created by replay\n*\n");
    if (!written) return written;
  }
  std::string text;
  for (const std::string& path : failed) text += path + "\n";
  return WriteFileAtomically(file.string(), text);
}

}  // namespace replay
