#include "replay/text/discovery.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "replay/text/lines.h"

namespace replay {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const std::string& name, const std::vector<std::string>& extensions) {
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& extension) {
    return name.size() > extension.size() && EndsWith(name, extension);
  });
}

/// The wanted files under directory `path`, sorted.
Expected<std::vector<std::string>> Search(const std::string& path,
                                          const std::function<bool(const std::string&)>& wanted,
                                          const std::function<bool(const std::string&)>& enter) {
  std::vector<std::string> found;
  std::error_code error;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(path, options, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code kind_error;
    if (enter && it->is_directory(kind_error) && !enter(it->path().string())) {
      it.disable_recursion_pending();
      continue;
    }
    if (!wanted(it->path().string())) continue;
    found.push_back(it->path().string());
    if (it->is_directory(error)) it.disable_recursion_pending();
  }
  if (error) return Diagnostic{path, 0, 0, error.message()};
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

Expected<std::vector<std::string>> DiscoverFiles(const std::vector<std::string>& paths,
                                                 const std::vector<std::string>& extensions) {
  return DiscoverFiles(paths, [&](const std::string& path) {
    return HasExtension(fs::path(path).filename().string(), extensions);
  });
}

Expected<std::vector<std::string>> DiscoverFiles(
    const std::vector<std::string>& paths, const std::function<bool(const std::string&)>& wanted,
    const std::function<bool(const std::string&)>& enter) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::exists(fs::symlink_status(path, error))) {
      return Diagnostic{path, 0, 0, "no such file or directory"};
    }
    if (!fs::is_directory(fs::status(path, error))) {
      files.push_back(path);
      continue;
    }
    Expected<std::vector<std::string>> found = Search(path, wanted, enter);
    if (!found) return found.error();
    files.insert(files.end(), found->begin(), found->end());
  }
  return files;
}

bool SearchEnters(const std::string& path, const std::vector<std::string>& norecursedirs) {
  std::string name = fs::path(path).filename().string();
  if (name == "__pycache__") return false;
  for (const std::string& glob : norecursedirs)
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return false;
  std::error_code error;
  return !fs::exists(fs::path(path) / "pyvenv.cfg", error);
}

namespace {

/// Whether `directory` is `top` or below it: lexically, or as the file
/// system resolves both (symlinks).
bool IsWithin(const fs::path& directory, const fs::path& top) {
  auto within = [](const fs::path& inner, const fs::path& outer) {
    fs::path relative = inner.lexically_relative(outer);
    return !relative.empty() && *relative.begin() != "..";
  };
  std::error_code error;
  return within(directory, top) ||
         within(fs::weakly_canonical(directory, error), fs::weakly_canonical(top, error));
}

}  // namespace

std::optional<std::string> FindUpwards(const std::string& path, const std::string& name,
                                       const std::string& top) {
  std::error_code error;
  fs::path directory = fs::absolute(path, error).parent_path();
  fs::path stop = top.empty() ? fs::path() : fs::absolute(top, error).lexically_normal();
  if (!stop.empty() && !stop.has_filename()) stop = stop.parent_path();  // "a/b/" is "a/b"
  if (!stop.empty() && !IsWithin(directory.lexically_normal(), stop)) return std::nullopt;
  for (;;) {
    fs::path candidate = directory / name;
    if (fs::is_regular_file(candidate, error)) return candidate.string();
    if (directory == directory.root_path() || directory.empty()) return std::nullopt;
    if (!stop.empty() && !IsWithin(directory.parent_path().lexically_normal(), stop))
      return std::nullopt;
    directory = directory.parent_path();
  }
}

}  // namespace replay
