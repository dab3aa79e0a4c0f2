#include "replay/text/selection.h"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

namespace replay {

bool MatchesAny(std::string_view path, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  std::string text(path);
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    if (pattern.find_first_of("*?[") == std::string::npos)
      return text.find(pattern) != std::string::npos;
    for (size_t start = 0; start != std::string::npos;
         start = text.find('/', start) == std::string::npos ? std::string::npos
                                                            : text.find('/', start) + 1) {
      if (fnmatch(pattern.c_str(), text.c_str() + start, 0) == 0) return true;
    }
    return false;
  });
}

std::pair<std::string, int> SplitPathLine(const std::string& given) {
  size_t colon = given.rfind(':');
  if (colon == std::string::npos || colon + 1 == given.size() || colon + 7 < given.size())
    return {given, 0};
  bool digits = std::all_of(given.begin() + colon + 1, given.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
  std::error_code error;
  if (!digits || std::filesystem::exists(given, error)) return {given, 0};
  return {given.substr(0, colon), std::stoi(given.substr(colon + 1))};
}

bool MatchesPathGlob(const std::string& relative, const std::string& glob) {
  bool directories_only = !glob.empty() && glob.back() == '/';
  std::string pattern = directories_only ? glob.substr(0, glob.size() - 1) : glob;
  if (pattern.empty()) return false;
  // Every start: the beginning and each place after a `/`; every end: each
  // `/` (a directory) and, unless only directories count, the end.
  for (size_t start = 0; start < relative.size();) {
    for (size_t end = relative.find('/', start);; end = relative.find('/', end + 1)) {
      bool at_end = end == std::string::npos;
      if (!at_end || !directories_only) {
        std::string part = relative.substr(start, at_end ? std::string::npos : end - start);
        if (fnmatch(pattern.c_str(), part.c_str(), 0) == 0) return true;
      }
      if (at_end) break;
    }
    size_t slash = relative.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

namespace {

std::optional<size_t> ParseCount(std::string_view text) {
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

Expected<Shard> ParseShard(std::string_view text) {
  size_t slash = text.find('/');
  std::optional<size_t> k, n;
  if (slash != std::string_view::npos) {
    k = ParseCount(text.substr(0, slash));
    n = ParseCount(text.substr(slash + 1));
  }
  if (!k || !n || *k < 1 || *k > *n) {
    return Diagnostic{"--shard", 0, 0,
                      "expected K/N with 1 <= K <= N (e.g. 2/4), not '" + std::string(text) + "'"};
  }
  return Shard{*k - 1, *n};
}

std::vector<std::string> FilesInShard(const std::vector<std::string>& files, Shard shard) {
  std::vector<std::string> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> selected;
  for (const std::string& file : files) {
    size_t position = std::lower_bound(sorted.begin(), sorted.end(), file) - sorted.begin();
    if (position % shard.count == shard.index) selected.push_back(file);
  }
  return selected;
}

}  // namespace replay
