// Which files a run covers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// Expands command-line paths: a file (or anything that is not a directory)
/// is taken as it is; a directory is searched recursively for names ending
/// in one of `extensions` (matching entries that are not regular files are
/// included too, so that they are reported). Files come in the order of the
/// arguments, sorted within each directory, kept as given or as found under
/// the given directory. A path that does not exist is an error.
Expected<std::vector<std::string>> DiscoverFiles(const std::vector<std::string>& paths,
                                                 const std::vector<std::string>& extensions);

/// As above, a directory's entries taken when `wanted(path)` holds (`path`
/// as found: the directory given, `/`, the path below it), and the
/// directories below a directory given entered only when `enter(path)`
/// holds (none: all).
Expected<std::vector<std::string>> DiscoverFiles(
    const std::vector<std::string>& paths, const std::function<bool(const std::string&)>& wanted,
    const std::function<bool(const std::string&)>& enter = nullptr);

/// Whether a directory search enters directory `path`: not if its name
/// matches a glob of `norecursedirs` (fnmatch), is `__pycache__`, or it holds
/// a `pyvenv.cfg` (a virtual environment), as pytest decides.
bool SearchEnters(const std::string& path, const std::vector<std::string>& norecursedirs);

/// The file named `name` in the directory of file `path` or the nearest
/// directory above it that has one, up to `top` (empty: the root); none if
/// no such directory has one, or if `path` is not below `top`.
std::optional<std::string> FindUpwards(const std::string& path, const std::string& name,
                                       const std::string& top = {});

}  // namespace replay
