#include "replay/config/rootdir.h"

#include <filesystem>
#include <system_error>

#include "replay/text/files.h"

namespace replay {

namespace fs = std::filesystem;

namespace {

fs::path Absolute(const std::string& path) {
  std::error_code error;
  return fs::absolute(path, error).lexically_normal();
}

/// The deepest directory holding every path (a file: its directory).
fs::path CommonAncestor(const std::vector<std::string>& paths) {
  std::error_code error;
  std::optional<fs::path> common;
  for (const std::string& given : paths) {
    fs::path path = Absolute(given);
    if (!fs::is_directory(path, error)) path = path.parent_path();
    if (!common) {
      common = path;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = path.begin();
         a != common->end() && b != path.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  if (!common) return Absolute(".");
  std::string text = common->string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

/// The `[tool.replay]` of the pyproject.toml at `file`, if it has one.
Expected<std::optional<ProjectConfig>> ReadConfig(const fs::path& file) {
  Expected<std::string> text = ReadFile(file.string());
  if (!text) return text.error();
  Expected<std::optional<ProjectConfig>> config = ParseProjectConfig(*text, file.string());
  if (config && *config) (*config)->rootdir = file.parent_path().string();
  return config;
}

}  // namespace

Expected<ProjectConfig> FindProjectConfig(const std::vector<std::string>& paths,
                                          const std::string& config_file) {
  if (!config_file.empty()) {
    fs::path file = Absolute(config_file);
    Expected<std::optional<ProjectConfig>> config = ReadConfig(file);
    if (!config) return config.error();
    ProjectConfig found = *config ? std::move(**config) : ProjectConfig{};
    found.file = file.string();
    found.rootdir = file.parent_path().string();
    return found;
  }
  fs::path ancestor = CommonAncestor(paths);
  std::error_code error;
  for (fs::path directory = ancestor;; directory = directory.parent_path()) {
    fs::path candidate = directory / "pyproject.toml";
    if (fs::is_regular_file(candidate, error)) {
      Expected<std::optional<ProjectConfig>> config = ReadConfig(candidate);
      if (!config) return config.error();
      if (*config) return std::move(**config);
    }
    if (directory == directory.root_path() || directory.empty()) break;
  }
  ProjectConfig none;
  none.rootdir = ancestor.string();
  return none;
}

std::string CommonAncestorDirectory(const std::vector<std::string>& paths) {
  return CommonAncestor(paths).string();
}

std::string RelativeToRoot(const std::string& path, const std::string& rootdir) {
  fs::path absolute = Absolute(path);
  fs::path relative = absolute.lexically_relative(rootdir);
  if (relative.empty() || *relative.begin() == "..") return absolute.string();
  return relative.string();
}

}  // namespace replay
