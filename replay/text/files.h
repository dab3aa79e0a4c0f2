// Reading files, and writing them so that readers see the old or the new
// content, never a mix.
#pragma once

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
/// new content; the permissions of an existing file are kept).
Expected<void> WriteFileAtomically(const std::string& path, const ContentProducer& produce);
Expected<void> WriteFileAtomically(const std::string& path, std::string_view content);

/// The bytes of regular file `path` (a directory, FIFO or device is an
/// error, so that reading never blocks).
Expected<std::string> ReadFile(const std::string& path);

}  // namespace replay
