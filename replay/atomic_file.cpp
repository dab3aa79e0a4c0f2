#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace replay {

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteFileAtomically(
      path, [&](const std::function<bool(std::string_view)>& write) { return write(content); });
}

std::string WriteFileAtomically(
    const std::string& path,
    const std::function<bool(const std::function<bool(std::string_view)>&)>& produce) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = (slash == std::string::npos ? "" : dir) + "." + base + ".tmp-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  struct stat existing {};
  mode_t mode = 0644;
  if (stat(path.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  fchmod(fd, mode);
  int write_errno = 0;
  auto write_piece = [&](std::string_view piece) {
    while (!piece.empty()) {
      ssize_t n = write(fd, piece.data(), piece.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        write_errno = errno;
        return false;
      }
      piece.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  };
  bool written = produce(write_piece);
  if (!written || fsync(fd) != 0 || close(fd) != 0) {
    std::string error = std::strerror(write_errno != 0 ? write_errno : errno);
    if (!written) close(fd);
    unlink(name.data());
    return "cannot write " + path + ": " + error;
  }
  if (rename(name.data(), path.c_str()) != 0) {
    std::string error = std::strerror(errno);
    unlink(name.data());
    return "cannot replace " + path + ": " + error;
  }
  return {};
}

bool ReadFile(const std::string& path, std::string& content, std::string& error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat info {};
  if (fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    error = S_ISDIR(info.st_mode) ? "is a directory" : std::strerror(errno);
    close(fd);
    return false;
  }
  if (!S_ISREG(info.st_mode)) {
    error = "not a regular file";
    close(fd);
    return false;
  }
  content.clear();
  char buffer[65536];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

}  // namespace replay
