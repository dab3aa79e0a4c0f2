// The temporary files replay writes beside a file before it renames them
// over it: names of their own, short whatever the file's name, and those a
// killed replay left behind removed.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace replay {

/// How every temporary file of replay is named: `.replay-tmp-PID-XXXXXX`
/// (PID: the replay that made it; XXXXXX: random), at most 31 bytes, so a
/// temporary fits beside a file of any legal name (NAME_MAX).
inline constexpr std::string_view kTemporaryPrefix = ".replay-tmp-";

/// The PID in `name` if it is named as a temporary (kTemporaryPrefix,
/// the decimal PID without leading zeros, '-', six letters or digits, and
/// nothing else); 0 if it is not.
pid_t TemporaryPid(std::string_view name);

/// A temporary file, open for writing.
struct TemporaryFile {
  int fd = -1;       ///< -1: it could not be made (errno says why)
  std::string path;  ///< `dir` + its name
};

/// Makes a new temporary file in directory `dir` ("" for the current
/// directory, else ending in '/'), mode 0600, close-on-exec. First, once per
/// directory and process, removes the stale temporaries there
/// (RemoveStaleTemporaries).
TemporaryFile CreateTemporary(const std::string& dir);

/// Removes from `dir` the temporaries that replays killed before they could
/// remove them left behind: regular files owned by this user, named exactly
/// as kTemporaryPrefix says, whose PID is no running process. Nothing else
/// is touched. Returns how many it removed.
size_t RemoveStaleTemporaries(const std::string& dir);

}  // namespace replay
