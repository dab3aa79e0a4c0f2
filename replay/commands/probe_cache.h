// What interpreters said of themselves (AskPython), kept between runs so
// that `--python` does not start a probe process every time.
#pragma once

#include <optional>
#include <string>

#include "replay/commands/environment.h"

namespace replay {

/// What `program` said of itself last time, if it is an ELF executable that
/// has not changed since (its path and the device, inode, size and
/// modification time of the path and of the file its links lead to); a
/// script (pyenv's shims) is never cached. Kept in
/// $XDG_CACHE_HOME/replay/python-probes, else ~/.cache/replay/python-probes.
std::optional<UserPython> CachedPython(const std::string& program);

/// Keeps what `program` said of itself, for CachedPython. Failing to keep it
/// is no error: the next run asks again.
void RememberPython(const std::string& program, const UserPython& python);

}  // namespace replay
