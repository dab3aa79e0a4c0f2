// Which files a run covers.
#pragma once

#include <string>
#include <vector>

namespace replay {

struct Discovery {
  std::vector<std::string> files;   ///< in order: each argument's files, sorted within directories
  std::vector<std::string> errors;  ///< usage errors: arguments that do not exist
};

/// Expands command-line paths: a file (or anything that is not a directory)
/// is taken as it is; a directory is searched recursively for names ending
/// in one of `extensions` (matching entries that are not regular files are
/// included too, so that they are reported). A path that does not exist is
/// an error. Paths are kept as given or as found under the given directory.
Discovery DiscoverTranscripts(const std::vector<std::string>& paths,
                              const std::vector<std::string>& extensions);

}  // namespace replay
