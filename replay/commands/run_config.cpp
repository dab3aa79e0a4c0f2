#include "replay/commands/run_config.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "replay/config/rootdir.h"
#include "replay/text/selection.h"

namespace replay {

namespace {

namespace fs = std::filesystem;

/// `path` of the configuration (relative to the rootdir) as the run names
/// it: relative to the current directory where it can be.
std::string FromRoot(const std::string& rootdir, const std::string& path) {
  std::error_code error;
  fs::path absolute = (fs::path(rootdir) / path).lexically_normal();
  fs::path shown = fs::proximate(absolute, error);
  return error || shown.empty() ? absolute.string() : shown.string();
}

/// The positional paths without a `:LINE` suffix, for finding the rootdir.
std::vector<std::string> PathsOnly(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) files.push_back(SplitPathLine(path).first);
  return files;
}

bool Given(const RunOptions& given, const char* option) {
  return std::find(given.given.begin(), given.given.end(), option) != given.given.end();
}

/// `out = *value` unless there is no value or the command line gave `option`.
template <typename T>
void Set(const RunOptions& given, const char* option, const std::optional<T>& value, T& out) {
  if (value && !Given(given, option)) out = *value;
}

ModeChoice ModeNamed(const std::string& name) {
  if (name == "console") return ModeChoice::kConsole;
  if (name == "doctest") return ModeChoice::kDoctest;
  return ModeChoice::kAuto;
}

PromptPolicy PolicyNamed(const std::string& name) {
  if (name == "warn") return PromptPolicy::kWarn;
  if (name == "off") return PromptPolicy::kOff;
  return PromptPolicy::kFail;
}

}  // namespace

Expected<RunOptions> ApplyProjectConfig(const RunOptions& given) {
  Expected<ProjectConfig> found = FindProjectConfig(PathsOnly(given.paths), given.config);
  if (!found) return found.error();
  const ProjectConfig& config = *found;
  RunOptions options = given;
  options.rootdir = config.rootdir;
  options.config_file = config.file;
  options.exclude = config.exclude;
  if (options.paths.empty() && config.paths) {
    for (const std::string& path : *config.paths) {
      options.paths.push_back(FromRoot(config.rootdir, path));
      std::error_code error;
      if (!fs::exists(fs::symlink_status(options.paths.back(), error))) {
        return Diagnostic{config.file, config.lines.at("paths"), 0,
                          "[tool.replay] paths: " + path + ": no such file or directory"};
      }
    }
  }
  if (config.mode) Set(given, "--mode", std::optional(ModeNamed(*config.mode)), options.mode);
  if (!Given(given, "--mode")) options.mode_globs = config.modes;
  Set(given, "--option", config.doctest_options, options.doctest.option_flags);
  if (config.prompts)
    Set(given, "--prompts", std::optional(PolicyNamed(*config.prompts)), options.prompts);
  Set(given, "--timeout", config.timeout, options.isolation.timeout_s);
  Set(given, "--jobs", config.jobs, options.isolation.jobs);
  Set(given, "--max-output", config.max_output, options.isolation.max_output);
  Set(given, "--max-memory", config.max_memory, options.isolation.max_memory);
  Set(given, "--ellipsis", config.ellipsis, options.placeholders.ellipsis);
  if (config.setup && !Given(given, "--setup")) {
    options.setup = FromRoot(config.rootdir, *config.setup);
    std::error_code error;
    if (!fs::is_regular_file(options.setup, error)) {
      return Diagnostic{config.file, config.lines.at("setup"), 0,
                        "[tool.replay] setup: no such file: " + options.setup};
    }
  }
  if (config.doctest_options && !Given(given, "--option")) {
    options.option_flags_origin = config.file + ":" +
                                  std::to_string(config.lines.at("doctest-options")) +
                                  ": [tool.replay] doctest-options";
  }
  return options;
}

}  // namespace replay
