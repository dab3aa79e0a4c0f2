#include "replay/text/version_files.h"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace replay {

namespace fs = std::filesystem;

namespace {

/// Whether `tag` looks like a version tag: "py" and two digits or more.
bool LooksLikeTag(const std::string& tag) {
  if (tag.size() < 4 || tag.compare(0, 2, "py") != 0) return false;
  for (size_t i = 2; i < tag.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(tag[i]))) return false;
  }
  return true;
}

/// "py313" -> "3.13"; empty if `tag` names no version: a major of 1 to 9,
/// a minor of one or two digits without a leading zero.
std::string TagVersion(const std::string& tag) {
  if (!LooksLikeTag(tag) || tag.size() > 5 || tag[2] == '0') return {};
  if (tag.size() == 5 && tag[3] == '0') return {};
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

Expected<std::optional<std::string>> VersionFileMismatch(const std::string& path,
                                                         std::string_view version) {
  fs::path file(path);
  std::string stem = file.stem().string(), extension = file.extension().string();
  std::string tag = fs::path(stem).extension().string();
  if (!tag.empty()) tag.erase(0, 1);
  std::string running = VersionTag(version);
  if (std::string tagged = TagVersion(tag); !tagged.empty()) {
    if (tag == running) return std::optional<std::string>();
    return std::optional<std::string>("expected output for python " + tagged + " (this is " +
                                      std::string(version) + ")");
  }
  if (LooksLikeTag(tag)) {
    return Diagnostic{path, 0, 0,
                      "'" + tag +
                          "' names no Python version: a version file is named "
                          "stem.pyXY.ext (py38, py313)"};
  }
  fs::path specific = file.parent_path() / (stem + "." + running + extension);
  std::error_code error;
  if (fs::exists(specific, error)) {
    return std::optional<std::string>("python " + TagVersion(running) + " uses " +
                                      specific.filename().string());
  }
  return std::optional<std::string>();
}

std::string VersionFileFor(const std::string& path, std::string_view version) {
  fs::path file(path);
  std::string stem = file.stem().string(), extension = file.extension().string();
  std::string running = VersionTag(version);
  if (fs::path(stem).extension().string() == "." + running) return path;
  return (file.parent_path() / (stem + "." + running + extension)).string();
}

}  // namespace replay
