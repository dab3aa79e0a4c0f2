// Where a run's configuration and cache live: the rootdir, found as pytest
// finds its own.
#pragma once

#include <string>
#include <vector>

#include "replay/config/project_config.h"
#include "replay/text/expected.h"

namespace replay {

/// The configuration of a run on `paths` (as given; none: the current
/// directory). With `config_file` (--config), that file's `[tool.replay]`
/// (none: an empty configuration), its directory the rootdir. Otherwise the
/// nearest `pyproject.toml` holding a `[tool.replay]` table in the common
/// ancestor directory of the paths (a file counts as its directory) or a
/// directory above it; its directory is the rootdir. With none, the
/// configuration is empty and the rootdir is the common ancestor. A
/// pyproject.toml that cannot be read or parsed on the way is an error.
Expected<ProjectConfig> FindProjectConfig(const std::vector<std::string>& paths,
                                          const std::string& config_file);

/// The deepest directory holding every path of `paths` (a file: its
/// directory), absolute and lexically normal; none: the current directory.
std::string CommonAncestorDirectory(const std::vector<std::string>& paths);

/// `path` relative to `rootdir` if it lies under it ("docs/a.md"), else
/// absolute; lexically, with no `.` or `..`.
std::string RelativeToRoot(const std::string& path, const std::string& rootdir);

}  // namespace replay
