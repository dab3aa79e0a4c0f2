#include "replay/options/option_kinds.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>

#include "replay/text/spelling.h"

namespace replay {

namespace fs = std::filesystem;

OptionResult Wrong(std::string message, size_t item) {
  return OptionError{item, std::move(message)};
}

/// `value` if it is one of `names`; else says what it may be.
OptionResult CheckChoice(const std::string& value, const std::vector<std::string>& names,
                         size_t item) {
  if (std::find(names.begin(), names.end(), value) != names.end()) return std::nullopt;
  std::string text = "'" + value + "' is not one of ";
  for (const std::string& name : names)
    text += (&name == &names.front() ? "'" : ", '") + name + "'";
  if (std::optional<std::string> meant = DidYouMean(value, names))
    text += " (did you mean '" + *meant + "'?)";
  return Wrong(text, item);
}

OptionSpec Flag(OptionSpec spec, bool RunOptions::*field) {
  spec.kind = OptionKind::kFlag;
  spec.set = [field](const std::vector<std::string>& values, const OptionOrigin&,
                     RunOptions& options) -> OptionResult {
    options.*field = values.back() == "true";
    return std::nullopt;
  };
  return spec;
}

OptionSpec Text(OptionSpec spec, std::string RunOptions::*field) {
  spec.set = [field](const std::vector<std::string>& values, const OptionOrigin&,
                     RunOptions& options) -> OptionResult {
    options.*field = values.back();
    return std::nullopt;
  };
  return spec;
}

OptionSpec Strings(OptionSpec spec, std::vector<std::string> RunOptions::*field) {
  spec.kind = OptionKind::kList;
  spec.set = [field](const std::vector<std::string>& values, const OptionOrigin&,
                     RunOptions& options) -> OptionResult {
    options.*field = values;
    return std::nullopt;
  };
  return spec;
}

/// `path` as the run names it: relative to `base_dir` (if any), then
/// relative to the current directory where it can be.
std::string Resolve(const std::string& path, const std::string& base_dir) {
  if (base_dir.empty()) return path;
  std::error_code error;
  fs::path absolute = (fs::path(base_dir) / path).lexically_normal();
  fs::path shown = fs::proximate(absolute, error);
  return error || shown.empty() ? absolute.string() : shown.string();
}

/// A setter of a file that must exist: `field` of the options.
OptionSpec ExistingFile(OptionSpec spec, std::string RunOptions::*field) {
  spec.set = [field](const std::vector<std::string>& values, const OptionOrigin& origin,
                     RunOptions& options) -> OptionResult {
    std::string path = Resolve(values.back(), origin.base_dir);
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return Wrong("no such file: " + path);
    options.*field = path;
    return std::nullopt;
  };
  return spec;
}

namespace {

std::optional<double> ParseSeconds(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

std::optional<int> ParseJobs(const std::string& text) {
  int jobs = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (error != std::errc() || end != text.data() + text.size() || jobs < 0 || jobs > kMaxJobs)
    return std::nullopt;
  return jobs;
}

}  // namespace

/// A byte count more than 0 (or also 0, if `zero_allowed`) into `field`.
OptionSpec Bytes(OptionSpec spec, size_t IsolationOptions::*field, bool zero_allowed) {
  spec.value_name = "BYTES";
  spec.set = [field, zero_allowed](const std::vector<std::string>& values, const OptionOrigin&,
                                   RunOptions& options) -> OptionResult {
    std::optional<size_t> bytes = ParseByteCount(values.back());
    if (!bytes || (*bytes == 0 && !zero_allowed)) {
      return Wrong(std::string("expected a number of bytes") +
                   (zero_allowed ? "" : " more than 0") +
                   " (such as 16M: K, M, G count 1024s), not '" + values.back() + "'");
    }
    options.isolation.*field = *bytes;
    return std::nullopt;
  };
  return spec;
}
OptionSpec Jobs(OptionSpec spec) {
  spec.set = [](const std::vector<std::string>& values, const OptionOrigin&,
                RunOptions& options) -> OptionResult {
    std::optional<int> jobs = ParseJobs(values.back());
    if (!jobs)
      return Wrong("expected a number of jobs from 0 (one per CPU) to " + std::to_string(kMaxJobs) +
                   ", not '" + values.back() + "'");
    options.isolation.jobs = *jobs;
    return std::nullopt;
  };
  return spec;
}

OptionSpec Seconds(OptionSpec spec) {
  spec.set = [](const std::vector<std::string>& values, const OptionOrigin&,
                RunOptions& options) -> OptionResult {
    std::optional<double> seconds = ParseSeconds(values.back());
    if (!seconds || !(*seconds > 0))
      return Wrong("expected a number of seconds more than 0, not '" + values.back() +
                   "' (a file always has a time limit; give a large one instead)");
    options.isolation.timeout_s = *seconds;
    return std::nullopt;
  };
  return spec;
}

std::optional<size_t> ParseByteCount(std::string_view text) {
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string unit(end, text.data() + text.size());
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!unit.empty() && unit.back() == 'B') unit.pop_back();
  const std::map<std::string, int> shifts = {{"", 0}, {"K", 10}, {"M", 20}, {"G", 30}};
  auto shift = shifts.find(unit);
  if (shift == shifts.end() || value > (SIZE_MAX >> shift->second)) return std::nullopt;
  return value << shift->second;
}

}  // namespace replay
