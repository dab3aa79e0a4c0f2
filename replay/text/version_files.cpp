#include "replay/text/version_files.h"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace replay {

namespace fs = std::filesystem;

namespace {

/// "py313" -> "3.13"; empty if `tag` is no version tag.
std::string TagVersion(const std::string& tag) {
  if (tag.size() < 4 || tag.compare(0, 2, "py") != 0) return {};
  for (size_t i = 2; i < tag.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(tag[i]))) return {};
  }
  return tag.substr(2, 1) + "." + tag.substr(3);
}

}  // namespace

std::string VersionTag(std::string_view version) {
  size_t first = version.find('.');
  size_t second = version.find('.', first + 1);
  if (first == std::string_view::npos) return {};
  return "py" + std::string(version.substr(0, first)) +
         std::string(version.substr(first + 1, second == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : second - first - 1));
}

std::optional<std::string> VersionFileMismatch(const std::string& path, std::string_view version) {
  fs::path file(path);
  std::string stem = file.stem().string(), extension = file.extension().string();
  std::string tag = fs::path(stem).extension().string();
  if (!tag.empty()) tag.erase(0, 1);
  std::string running = VersionTag(version);
  if (std::string tagged = TagVersion(tag); !tagged.empty()) {
    if (tag == running) return std::nullopt;
    return "expected output for python " + tagged + " (this is " + std::string(version) + ")";
  }
  fs::path specific = file.parent_path() / (stem + "." + running + extension);
  std::error_code error;
  if (fs::exists(specific, error)) {
    return "python " + TagVersion(running) + " uses " + specific.filename().string();
  }
  return std::nullopt;
}

std::string VersionFileFor(const std::string& path, std::string_view version) {
  fs::path file(path);
  std::string stem = file.stem().string(), extension = file.extension().string();
  std::string running = VersionTag(version);
  if (fs::path(stem).extension().string() == "." + running) return path;
  return (file.parent_path() / (stem + "." + running + extension)).string();
}

}  // namespace replay
