// Reading files, and writing them so that readers see the old or the new
// content, never a mix.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "replay/text/expected.h"

namespace replay {

/// Hands the pieces of a file's content, in order, to the writer it is given
/// (which returns false once writing failed); returns false if anything did.
using ContentProducer = std::function<bool(const std::function<bool(std::string_view)>& write)>;

/// How writing to a path goes.
enum class OutputKind {
  kStandardOutput,  ///< "-": this process's standard output
  kStream,          ///< a character device or a FIFO: written straight, never replaced
  kRegularFile,     ///< a regular file, or none yet: replaced atomically
};

/// Where writing to a path goes: symbolic links followed to what they name.
struct OutputTarget {
  OutputKind kind = OutputKind::kRegularFile;
  std::string path;  ///< with links resolved (kRegularFile, kStream)
};

/// What writing to `path` would do, checked before anything is written: a
/// directory, socket, block device, a FIFO without a reader, a link loop or
/// a missing parent directory is an error naming `path`.
Expected<OutputTarget> ResolveOutput(const std::string& path);

/// Writes the content to `path` as ResolveOutput says: to standard output,
/// straight to a device or FIFO, or to a temporary file in the directory of
/// the file a link names, renamed over it (readers see the old or the whole
/// new content; the permissions of an existing file are kept). The
/// temporary is named as CreateTemporary (temporary_files.h) says.
Expected<void> WriteFileAtomically(const std::string& path, const ContentProducer& produce);
Expected<void> WriteFileAtomically(const std::string& path, std::string_view content);

/// Which file a path named when it was read: its device and inode.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
};

/// The bytes of regular file `path` (a directory, FIFO or device is an
/// error, so that reading never blocks); `identity`, if given, gets the
/// file's device and inode. A file of more than `limit` bytes is an error
/// (`what_limits`: what sets the limit), and is not read.
Expected<std::string> ReadFile(const std::string& path, FileIdentity* identity = nullptr,
                               size_t limit = SIZE_MAX, const std::string& what_limits = "");

/// Writes all of `piece` to `fd` (retrying short writes and EINTR); on
/// failure returns false with errno set.
bool WriteAll(int fd, std::string_view piece);

}  // namespace replay
