#include "replay/commands/probe_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace replay {

namespace {

/// Where AskPython keeps what interpreters said of themselves:
/// $XDG_CACHE_HOME/replay/python-probes, else ~/.cache/replay/python-probes; empty if
/// neither is known.
std::filesystem::path ProbeCachePath() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "replay" / "python-probes";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home == '/')
    return std::filesystem::path(home) / ".cache" / "replay" / "python-probes";
  return {};
}

/// `program` as exec finds it: itself if it names a path (made absolute, as
/// sys.executable is), else the first executable of that name on PATH; empty
/// if none.
std::string ProgramPath(const std::string& program) {
  std::error_code error;
  if (program.find('/') != std::string::npos)
    return std::filesystem::absolute(program, error).lexically_normal().string();
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  for (std::size_t start = 0; start <= dirs.size();) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
    if (access(candidate.c_str(), X_OK) == 0 && std::filesystem::is_regular_file(candidate, error))
      return std::filesystem::absolute(candidate, error).lexically_normal().string();
    start = end + 1;
  }
  return {};
}

/// The key of what `program` says in the probe cache: its path and the
/// identity (device, inode, size, modification time) of that path and of
/// the file it leads to, links followed. Empty, so never cached, unless the
/// program is an ELF executable: a script (pyenv's shims) may run another
/// Python tomorrow without changing itself.
std::string ProbeKey(const std::string& program) {
  std::string path = ProgramPath(program);
  if (path.empty() || path.find_first_of("\t\n") != std::string::npos) return {};
  struct stat link {};
  struct stat target {};
  if (lstat(path.c_str(), &link) != 0 || stat(path.c_str(), &target) != 0) return {};
  char magic[4] = {};
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  ssize_t got = read(fd, magic, sizeof magic);
  close(fd);
  if (got != 4 || std::memcmp(magic,
                              "\x7f"
                              "ELF",
                              4) != 0)
    return {};
  std::string key = path;
  for (const struct stat* s : {&link, &target}) {
    key += ' ' + std::to_string(s->st_dev) + ':' + std::to_string(s->st_ino) + ':' +
           std::to_string(s->st_size) + ':' + std::to_string(s->st_mtim.tv_sec) + '.' +
           std::to_string(s->st_mtim.tv_nsec);
  }
  return key;
}

/// The tab-separated fields of `line`.
std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> fields;
  for (std::size_t start = 0;;) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

/// What the probe cache holds for `key` (lines "KEY\tEXECUTABLE\tVERSION\t
/// STDLIB\tBUILD"; a line of another shape, as an older replay wrote, is
/// passed over).
std::optional<UserPython> CachedProbe(const std::filesystem::path& cache, const std::string& key) {
  std::ifstream file(cache);
  for (std::string line; std::getline(file, line);) {
    std::vector<std::string> fields = Fields(line);
    if (fields.size() != 5 || fields[0] != key) continue;
    return UserPython{fields[1], fields[2], fields[3], fields[4]};
  }
  return std::nullopt;
}

/// Adds what `key`'s program said to the probe cache, with one write (a
/// concurrent replay's line is not cut into); a cache grown past 64 KiB is
/// started again. Failing to cache is no error: the next run asks again.
void CacheProbe(const std::filesystem::path& cache, const std::string& key,
                const UserPython& python) {
  for (const std::string* field :
       {&python.executable, &python.version, &python.stdlib, &python.build})
    if (field->find_first_of("\t\n") != std::string::npos) return;
  std::error_code error;
  std::filesystem::create_directories(cache.parent_path(), error);
  int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC;
  if (std::filesystem::file_size(cache, error) > 64 * 1024 && !error) flags |= O_TRUNC;
  int fd = open(cache.c_str(), flags, 0644);
  if (fd < 0) return;
  std::string line = key + '\t' + python.executable + '\t' + python.version + '\t' + python.stdlib +
                     '\t' + python.build + '\n';
  ssize_t written = write(fd, line.data(), line.size());
  (void)written;
  close(fd);
}

}  // namespace

std::optional<UserPython> CachedPython(const std::string& program) {
  std::filesystem::path cache = ProbeCachePath();
  std::string key = cache.empty() ? std::string() : ProbeKey(program);
  if (key.empty()) return std::nullopt;
  return CachedProbe(cache, key);
}

void RememberPython(const std::string& program, const UserPython& python) {
  std::filesystem::path cache = ProbeCachePath();
  std::string key = cache.empty() ? std::string() : ProbeKey(program);
  if (!key.empty()) CacheProbe(cache, key, python);
}

}  // namespace replay
