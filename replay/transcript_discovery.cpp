#include "transcript_discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace replay {

namespace fs = std::filesystem;

Discovery DiscoverTranscripts(const std::vector<std::string>& paths,
                              const std::vector<std::string>& extensions) {
  Discovery result;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (!fs::exists(fs::symlink_status(path, error))) {
      result.errors.push_back(path + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      result.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(path, options, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      std::string name = it->path().filename().string();
      bool matches = std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
        return name.size() > ext.size() &&
               name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
      });
      if (!matches) continue;
      found.push_back(it->path().string());
      if (it->is_directory(error)) it.disable_recursion_pending();
    }
    if (error) result.errors.push_back(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

}  // namespace replay
