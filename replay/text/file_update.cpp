#include "replay/text/file_update.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "replay/text/temporary_files.h"

namespace replay {

namespace {

Diagnostic FileError(const std::string& path, const std::string& what, int error) {
  return Diagnostic{path, 0, 0, what + ": " + std::strerror(error)};
}

std::string Octal(mode_t mode) {
  char text[16];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

/// Fails (errno set) if `size` bytes cannot fit in the file `fd`, before
/// anything is written: past the file size limit (RLIMIT_FSIZE), or more
/// than the disk can reserve.
bool Fits(int fd, off_t current, size_t size) {
  struct rlimit limit {};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      size > limit.rlim_cur) {
    errno = EFBIG;
    return false;
  }
  if (static_cast<off_t>(size) <= current) return true;
  int error = fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(size));
  // A file system that cannot reserve space is written as it is.
  return error == 0 || errno == EOPNOTSUPP || errno == ENOSYS;
}

/// Rewrites the existing file `path` through its own inode.
Expected<void> WriteInPlace(const std::string& path, std::string_view content) {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return FileError(path, "cannot write", errno);
  struct stat info {};
  bool written = fstat(fd, &info) == 0 && Fits(fd, info.st_size, content.size());
  if (written) {
    written = lseek(fd, 0, SEEK_SET) == 0 && WriteAll(fd, content) &&
              ftruncate(fd, static_cast<off_t>(content.size())) == 0 && fsync(fd) == 0;
  }
  int error = errno;
  if (close(fd) != 0 && written) error = errno, written = false;
  if (!written) return FileError(path, "cannot write", error != 0 ? error : EIO);
  return {};
}

/// Replaces file `path`, described by `existing`, with a temporary given
/// its owner, group and mode; `in_place` is set instead (nothing written)
/// if the temporary cannot be given its owner and group.
Expected<void> Replace(const std::string& path, const struct stat& existing,
                       std::string_view content, bool& in_place) {
  size_t slash = path.rfind('/');
  TemporaryFile temporary =
      CreateTemporary(slash == std::string::npos ? "" : path.substr(0, slash + 1));
  if (temporary.fd < 0) return FileError(path, "cannot create a temporary file beside it", errno);
  struct stat made {};
  in_place = fstat(temporary.fd, &made) != 0 ||
             ((made.st_uid != existing.st_uid || made.st_gid != existing.st_gid) &&
              fchown(temporary.fd, existing.st_uid, existing.st_gid) != 0);
  if (in_place) {
    close(temporary.fd);
    unlink(temporary.path.c_str());
    return {};
  }
  // After fchown, which clears the set-user-ID and set-group-ID bits.
  bool written = fchmod(temporary.fd, existing.st_mode & 07777) == 0 &&
                 WriteAll(temporary.fd, content) && fsync(temporary.fd) == 0;
  int error = errno;
  if (close(temporary.fd) != 0 && written) error = errno, written = false;
  if (written && rename(temporary.path.c_str(), path.c_str()) == 0) return {};
  if (written) error = errno;
  unlink(temporary.path.c_str());
  return FileError(path, written ? "cannot replace" : "cannot write", error != 0 ? error : EIO);
}

}  // namespace

std::string UnwritableReason(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return {};
  if ((info.st_mode & 0222) == 0) return "read-only (mode " + Octal(info.st_mode) + ")";
  if (access(path.c_str(), W_OK) != 0) return std::string("not writable: ") + std::strerror(errno);
  return {};
}

std::string UpdateRefusal(const std::string& path, const FileIdentity& read) {
  struct stat now {};
  if (stat(path.c_str(), &now) != 0) {
    if (errno == ENOENT) return "deleted during the run";
    return std::string("cannot read: ") + std::strerror(errno);
  }
  if (now.st_dev != read.device || now.st_ino != read.inode)
    return "replaced by another file during the run";
  return UnwritableReason(path);
}

Expected<std::string> UpdateFile(const std::string& path, std::string_view content) {
  Expected<OutputTarget> target = ResolveOutput(path);
  if (!target) return target.error();
  struct stat existing {};
  if (target->kind != OutputKind::kRegularFile || stat(target->path.c_str(), &existing) != 0) {
    Expected<void> written = WriteFileAtomically(path, content);
    if (!written) return written.error();
    return std::string();
  }
  std::string why;
  bool in_place = existing.st_nlink > 1;
  if (in_place) {
    why = std::to_string(existing.st_nlink) + " hard links";
  } else {
    Expected<void> replaced = Replace(target->path, existing, content, in_place);
    if (!replaced) return Diagnostic{path, 0, 0, replaced.error().message};
    if (!in_place) return std::string();
    why = "owner and group " + std::to_string(existing.st_uid) + ":" +
          std::to_string(existing.st_gid) + ", which this user cannot give a new file";
  }
  Expected<void> written = WriteInPlace(target->path, content);
  if (!written) return Diagnostic{path, 0, 0, written.error().message};
  return "in place: " + why;
}

}  // namespace replay
