#include "replay/text/temporary_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <set>
#include <vector>

namespace replay {

pid_t TemporaryPid(std::string_view name) {
  if (name.substr(0, kTemporaryPrefix.size()) != kTemporaryPrefix) return 0;
  name.remove_prefix(kTemporaryPrefix.size());
  size_t dash = name.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9 || name.size() != dash + 7) return 0;
  if (name[0] == '0') return 0;
  pid_t pid = 0;
  for (char c : name.substr(0, dash)) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  for (char c : name.substr(dash + 1)) {
    bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alphanumeric) return 0;
  }
  return pid;
}

size_t RemoveStaleTemporaries(const std::string& dir) {
  DIR* listing = opendir(dir.empty() ? "." : dir.c_str());
  if (listing == nullptr) return 0;
  std::vector<std::string> stale;
  while (dirent* entry = readdir(listing)) {
    pid_t pid = TemporaryPid(entry->d_name);
    if (pid <= 0 || pid == getpid()) continue;
    // A process that runs (or that this user may not signal) may still be
    // writing it.
    if (kill(pid, 0) == 0 || errno != ESRCH) continue;
    struct stat info {};
    if (fstatat(dirfd(listing), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(info.st_mode) || info.st_uid != geteuid()) continue;
    stale.push_back(entry->d_name);
  }
  size_t removed = 0;
  for (const std::string& name : stale) {
    if (unlinkat(dirfd(listing), name.c_str(), 0) == 0) ++removed;
  }
  closedir(listing);
  return removed;
}

TemporaryFile CreateTemporary(const std::string& dir) {
  static std::set<std::string> cleaned;  // the parent of a run is single-threaded
  if (cleaned.insert(dir).second) RemoveStaleTemporaries(dir);
  std::string name = dir + std::string(kTemporaryPrefix) + std::to_string(getpid()) + "-XXXXXX";
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  int fd = mkostemp(buffer.data(), O_CLOEXEC);
  if (fd < 0) return {};
  return TemporaryFile{fd, std::string(buffer.data())};
}

}  // namespace replay
