#include "replay/text/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "replay/text/temporary_files.h"

namespace replay {

namespace {

Diagnostic FileError(const std::string& path, const std::string& what, int error) {
  return Diagnostic{path, 0, 0, what + ": " + std::strerror(error)};
}

/// The permissions a replacement of `path` gets: those of the file it
/// replaces, or those a new file gets.
mode_t ReplacementMode(const std::string& path) {
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0) return existing.st_mode & 07777;
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

/// Replaces regular file `path` (or creates it) atomically.
Expected<void> ReplaceFile(const std::string& path, const ContentProducer& produce) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  TemporaryFile temporary = CreateTemporary(dir);
  int fd = temporary.fd;
  if (fd < 0) return FileError(path, "cannot create a temporary file beside it", errno);
  const char* name = temporary.path.c_str();
  fchmod(fd, ReplacementMode(path));
  int error = 0;
  bool written = produce([&](std::string_view piece) {
    if (WriteAll(fd, piece)) return true;
    error = errno;
    return false;
  });
  if (written && fsync(fd) != 0) error = errno, written = false;
  if (close(fd) != 0 && written) error = errno, written = false;
  if (!written) {
    unlink(name);
    return FileError(path, "cannot write", error != 0 ? error : EIO);
  }
  if (rename(name, path.c_str()) != 0) {
    error = errno;
    unlink(name);
    return FileError(path, "cannot replace", error);
  }
  return {};
}

/// Writes to an open descriptor (standard output, a device, a FIFO).
Expected<void> WriteStream(int fd, const std::string& path, const ContentProducer& produce) {
  int error = 0;
  bool written = produce([&](std::string_view piece) {
    if (WriteAll(fd, piece)) return true;
    error = errno;
    return false;
  });
  if (!written) return FileError(path, "cannot write", error != 0 ? error : EIO);
  return {};
}

/// `link`'s target, relative to the link's directory if it is relative.
std::string LinkTarget(const std::string& link, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target;
  size_t slash = link.rfind('/');
  return slash == std::string::npos ? target : link.substr(0, slash + 1) + target;
}

/// "N MiB", "N KiB" or "N bytes", whichever divides `bytes`.
std::string Size(size_t bytes) {
  if (bytes > 0 && bytes % (1024 * 1024) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes > 0 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

bool WriteAll(int fd, std::string_view piece) {
  while (!piece.empty()) {
    ssize_t n = write(fd, piece.data(), piece.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    piece.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

Expected<OutputTarget> ResolveOutput(const std::string& path) {
  if (path == "-") return OutputTarget{OutputKind::kStandardOutput, path};
  std::string resolved = path;
  for (int hops = 0;; ++hops) {
    struct stat info {};
    if (lstat(resolved.c_str(), &info) != 0) {
      if (errno != ENOENT) return FileError(path, "cannot write", errno);
      break;  // a new file (its directory is checked when it is written)
    }
    if (S_ISLNK(info.st_mode)) {
      if (hops >= 40) return FileError(path, "cannot write", ELOOP);
      std::vector<char> target(4096);
      ssize_t n = readlink(resolved.c_str(), target.data(), target.size());
      if (n < 0) return FileError(path, "cannot write", errno);
      resolved = LinkTarget(resolved, std::string(target.data(), static_cast<size_t>(n)));
      continue;
    }
    if (S_ISREG(info.st_mode)) break;
    if (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode)) {
      return OutputTarget{OutputKind::kStream, resolved};
    }
    return Diagnostic{path, 0, 0,
                      S_ISDIR(info.st_mode) ? "cannot write: is a directory"
                                            : "cannot write: not a regular file, device or FIFO"};
  }
  size_t slash = resolved.rfind('/');
  std::string dir = slash == std::string::npos ? "." : resolved.substr(0, slash + 1);
  struct stat info {};
  if (stat(dir.c_str(), &info) != 0) return FileError(path, "cannot write", errno);
  if (!S_ISDIR(info.st_mode)) return FileError(path, "cannot write", ENOTDIR);
  return OutputTarget{OutputKind::kRegularFile, resolved};
}

Expected<void> WriteFileAtomically(const std::string& path, const ContentProducer& produce) {
  Expected<OutputTarget> target = ResolveOutput(path);
  if (!target) return target.error();
  if (target->kind == OutputKind::kRegularFile) {
    Expected<void> replaced = ReplaceFile(target->path, produce);
    if (!replaced) return Diagnostic{path, 0, 0, replaced.error().message};
    return replaced;
  }
  if (target->kind == OutputKind::kStandardOutput) {
    std::fflush(stdout);
    return WriteStream(STDOUT_FILENO, path, produce);
  }
  // A FIFO without a reader would block: refuse it instead (ENXIO).
  int fd = open(target->path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return FileError(path, "cannot write", errno);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  Expected<void> written = WriteStream(fd, path, produce);
  close(fd);
  return written;
}

Expected<void> WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteFileAtomically(
      path, [&](const std::function<bool(std::string_view)>& write) { return write(content); });
}

Expected<std::string> ReadFile(const std::string& path, FileIdentity* identity, size_t limit,
                               const std::string& what_limits) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return FileError(path, "cannot read", errno);
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    int error = errno;
    close(fd);
    return FileError(path, "cannot read", error);
  }
  if (!S_ISREG(info.st_mode)) {
    close(fd);
    return Diagnostic{
        path, 0, 0,
        S_ISDIR(info.st_mode) ? "cannot read: is a directory" : "cannot read: not a regular file"};
  }
  if (identity != nullptr) *identity = FileIdentity{info.st_dev, info.st_ino};
  if (static_cast<size_t>(info.st_size) > limit) {
    close(fd);
    return Diagnostic{path, 0, 0,
                      "cannot read: the file has " + std::to_string(info.st_size) + " bytes" +
                          ", more than the limit of " + Size(limit) + " (" + what_limits + ")"};
  }
  std::string content;
  char buffer[65536];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      return FileError(path, "cannot read", error);
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
    if (content.size() > limit) {  // it grew while being read
      close(fd);
      return Diagnostic{path, 0, 0, "cannot read: the file grew past the limit of " + Size(limit)};
    }
  }
  close(fd);
  return content;
}

}  // namespace replay
