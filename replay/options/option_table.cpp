#include "replay/options/option_table.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>

#include "replay/text/selection.h"
#include "replay/text/spelling.h"

namespace replay {

namespace {

namespace fs = std::filesystem;

using Values = std::vector<std::string>;
using Result = std::optional<OptionError>;

Result Wrong(std::string message, size_t item = 0) { return OptionError{item, std::move(message)}; }

/// `value` if it is one of `names`; else says what it may be.
Result CheckChoice(const std::string& value, const Values& names, size_t item = 0) {
  if (std::find(names.begin(), names.end(), value) != names.end()) return std::nullopt;
  std::string text = "'" + value + "' is not one of ";
  for (const std::string& name : names)
    text += (&name == &names.front() ? "'" : ", '") + name + "'";
  if (std::optional<std::string> meant = DidYouMean(value, names))
    text += " (did you mean '" + *meant + "'?)";
  return Wrong(text, item);
}

/// A setter of an option whose value is one of `names`, each meaning a value
/// of T: `field` of the options.
template <typename T>
OptionSpec Choice(OptionSpec spec, std::vector<std::pair<std::string, T>> names,
                  T RunOptions::*field) {
  for (const auto& [name, value] : names) spec.choices.push_back(name);
  spec.set = [names, field, choices = spec.choices](const Values& values, const OptionOrigin&,
                                                    RunOptions& options) -> Result {
    if (Result wrong = CheckChoice(values.back(), choices)) return wrong;
    for (const auto& [name, value] : names)
      if (name == values.back()) options.*field = value;
    return std::nullopt;
  };
  return spec;
}

OptionSpec Flag(OptionSpec spec, bool RunOptions::*field) {
  spec.kind = OptionKind::kFlag;
  spec.set = [field](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
    options.*field = values.back() == "true";
    return std::nullopt;
  };
  return spec;
}

OptionSpec Text(OptionSpec spec, std::string RunOptions::*field) {
  spec.set = [field](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
    options.*field = values.back();
    return std::nullopt;
  };
  return spec;
}

OptionSpec Strings(OptionSpec spec, std::vector<std::string> RunOptions::*field) {
  spec.kind = OptionKind::kList;
  spec.set = [field](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
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
  spec.set = [field](const Values& values, const OptionOrigin& origin,
                     RunOptions& options) -> Result {
    std::string path = Resolve(values.back(), origin.base_dir);
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return Wrong("no such file: " + path);
    options.*field = path;
    return std::nullopt;
  };
  return spec;
}

std::optional<double> ParseSeconds(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

constexpr int kMaxJobs = 4096;

std::optional<int> ParseJobs(const std::string& text) {
  int jobs = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
  if (error != std::errc() || end != text.data() + text.size() || jobs < 0 || jobs > kMaxJobs)
    return std::nullopt;
  return jobs;
}

/// A byte count more than 0 (or also 0, if `zero_allowed`) into `field`.
OptionSpec Bytes(OptionSpec spec, size_t IsolationOptions::*field, bool zero_allowed) {
  spec.value_name = "BYTES";
  spec.set = [field, zero_allowed](const Values& values, const OptionOrigin&,
                                   RunOptions& options) -> Result {
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

std::vector<OptionSpec> MakeTable() {
  std::vector<OptionSpec> table;
  OptionSpec paths{"paths",
                   "",
                   "",
                   "paths",
                   OptionKind::kList,
                   true,
                   "PATH",
                   "Files and directories to check (default: paths of [tool.replay]); FILE:LINE: "
                   "the example at LINE of a doctest file"};
  paths.set = [](const Values& values, const OptionOrigin& origin, RunOptions& options) -> Result {
    options.paths.clear();
    for (size_t i = 0; i < values.size(); ++i) {
      auto [path, line] = SplitPathLine(values[i]);
      path = Resolve(path, origin.base_dir);
      std::error_code error;
      if (!fs::exists(fs::symlink_status(path, error)))
        return Wrong(values[i] + ": no such file or directory", i);
      options.paths.push_back({path, line});
    }
    return std::nullopt;
  };
  table.push_back(paths);
  table.push_back(ExistingFile({"config", "", "", "", OptionKind::kValue, false, "FILE",
                                "pyproject.toml to read [tool.replay] from (default: found as "
                                "pytest finds its rootdir)"},
                               &RunOptions::config));
  table.push_back(Flag({"last-failed", "", "lf", "", OptionKind::kFlag, false, "",
                        "Only the files that failed or errored last time (all if none did)"},
                       &RunOptions::last_failed));
  OptionSpec mode = Choice<std::string>(
      {"mode", "", "", "mode", OptionKind::kValue, false, "MODE",
       "How files are checked: auto (by extension: .txt, .rst, .md and .py doctest, others "
       "console; the default), console or doctest"},
      {{"auto", "auto"}, {"console", "console"}, {"doctest", "doctest"}}, &RunOptions::mode);
  mode.set = [set = mode.set](const Values& values, const OptionOrigin& origin,
                              RunOptions& options) -> Result {
    options.mode_globs.clear();  // every file in this mode
    return set(values, origin, options);
  };
  table.push_back(mode);
  OptionSpec modes{"",
                   "",
                   "",
                   "modes",
                   OptionKind::kTable,
                   false,
                   "GLOB = MODE",
                   "The mode of the files matching each glob (the most specific wins), as a "
                   "table [tool.replay.modes]"};
  modes.set = [](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
    options.mode_globs.clear();
    for (size_t i = 0; i + 1 < values.size(); i += 2) {
      if (Result wrong = CheckChoice(values[i + 1], {"console", "doctest"}, i + 1)) {
        wrong->message = "\"" + values[i] + "\": " + wrong->message;
        return wrong;
      }
      options.mode_globs.push_back({values[i], values[i + 1]});
    }
    // The most specific glob wins: the longest.
    std::stable_sort(
        options.mode_globs.begin(), options.mode_globs.end(),
        [](const ModeGlob& a, const ModeGlob& b) { return a.glob.size() > b.glob.size(); });
    return std::nullopt;
  };
  table.push_back(modes);
  table.push_back(Strings({"", "", "", "exclude", OptionKind::kList, false, "GLOB",
                           "Globs of paths (relative to the rootdir) left out of directory "
                           "searches; a glob ending in / matches directories"},
                          &RunOptions::exclude));
  OptionSpec option{"option",
                    "",
                    "",
                    "doctest-options",
                    OptionKind::kList,
                    false,
                    "FLAG",
                    "Doctest option flag for every example (e.g. ELLIPSIS); repeatable"};
  option.set = [](const Values& values, const OptionOrigin& origin, RunOptions& options) {
    options.option_flags = values;
    options.option_flags_origin = origin.name;
    return Result();
  };
  table.push_back(option);
  table.push_back(Choice<PromptPolicy>(
      {"prompts", "", "", "prompts", OptionKind::kValue, false, "POLICY",
       "Doctest prompts no console would show: fail (the default), warn, off"},
      {{"fail", PromptPolicy::kFail}, {"warn", PromptPolicy::kWarn}, {"off", PromptPolicy::kOff}},
      &RunOptions::prompts));
  OptionSpec ellipsis{"ellipsis",
                      "",
                      "",
                      "ellipsis",
                      OptionKind::kFlag,
                      false,
                      "",
                      "In console transcripts, \"...\" in expected output matches any text"};
  ellipsis.set = [](const Values& values, const OptionOrigin&, RunOptions& options) {
    options.placeholders.ellipsis = values.back() == "true";
    return Result();
  };
  table.push_back(ellipsis);
  table.push_back(Choice<ConsoleReference>(
      {"console", "", "", "console", OptionKind::kValue, false, "CONSOLE",
       "The console console transcripts were recorded with: interact (code.interact, the "
       "default) or python (the python3 REPL: __main__, <stdin>)"},
      {{"interact", ConsoleReference::kInteract}, {"python", ConsoleReference::kPython}},
      &RunOptions::console));
  OptionSpec jobs{
      "jobs",
      "j",
      "",
      "jobs",
      OptionKind::kValue,
      false,
      "N",
      "Files run at once, 0 to 4096 (default 0: one per CPU); verdicts and report order do not "
      "depend on it"};
  jobs.set = [](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
    std::optional<int> jobs = ParseJobs(values.back());
    if (!jobs)
      return Wrong("expected a number of jobs from 0 (one per CPU) to " + std::to_string(kMaxJobs) +
                   ", not '" + values.back() + "'");
    options.isolation.jobs = *jobs;
    return std::nullopt;
  };
  table.push_back(jobs);
  OptionSpec timeout{
      "timeout",
      "",
      "",
      "timeout",
      OptionKind::kValue,
      false,
      "SECONDS",
      "Seconds per file (default 60); past it the file is an error naming the line that was "
      "running"};
  timeout.set = [](const Values& values, const OptionOrigin&, RunOptions& options) -> Result {
    std::optional<double> seconds = ParseSeconds(values.back());
    if (!seconds || !(*seconds > 0))
      return Wrong("expected a number of seconds more than 0, not '" + values.back() +
                   "' (a file always has a time limit; give a large one instead)");
    options.isolation.timeout_s = *seconds;
    return std::nullopt;
  };
  table.push_back(timeout);
  table.push_back(
      Bytes({"max-output", "", "", "max-output", OptionKind::kValue, false, "",
             "Bytes of output per file (default 16M; suffixes K, M, G count 1024s); past it, an "
             "error"},
            &IsolationOptions::max_output, false));
  table.push_back(
      Bytes({"max-memory", "", "", "max-memory", OptionKind::kValue, false, "",
             "Bytes of resident memory per file (default 2G; 0: no limit; suffixes K, M, G); past "
             "it, an error"},
            &IsolationOptions::max_memory, true));
  table.push_back(Choice<ColorChoice>(
      {"color", "", "", "color", OptionKind::kValue, false, "WHEN",
       "Colour diffs: auto (the default): never if NO_COLOR is set and not empty, else always "
       "if FORCE_COLOR is set and not empty, else on a terminal unless TERM=dumb; always; never"},
      {{"auto", ColorChoice::kAuto},
       {"always", ColorChoice::kAlways},
       {"never", ColorChoice::kNever}},
      &RunOptions::color));
  table.push_back(Choice<AnnotationChoice>(
      {"annotations", "", "", "annotations", OptionKind::kValue, false, "KIND",
       "CI annotations: github (GitHub Actions ::error and ::warning lines for each failed or "
       "errored file and each note), none, or auto (the default: github if GITHUB_ACTIONS=true)"},
      {{"auto", AnnotationChoice::kAuto},
       {"github", AnnotationChoice::kGithub},
       {"none", AnnotationChoice::kNone}},
      &RunOptions::annotations));
  table.push_back(Text({"report-json", "", "", "", OptionKind::kValue, false, "FILE",
                        "Write a JSON report to FILE (- : standard output)"},
                       &RunOptions::report_json));
  table.push_back(Text({"junit", "", "", "", OptionKind::kValue, false, "FILE",
                        "Write JUnit XML to FILE (- : standard output)"},
                       &RunOptions::junit));
  table.push_back(
      Strings({"", "k", "", "", OptionKind::kList, false, "PATTERN",
               "Only the files whose path contains PATTERN or, if it has *, ? or [, whose "
               "path or a tail of it after a / matches it as a shell glob; "
               "repeatable (any)"},
              &RunOptions::select));
  table.push_back(ExistingFile({"setup", "", "", "setup", OptionKind::kValue, false, "FILE",
                                "Python code run in the namespace of every file before its first "
                                "input, its output not shown (as pytest's doctest_namespace); "
                                "default: the nearest replay_setup.py in the file's directory "
                                "or above; a setup that raises makes the file an error"},
                               &RunOptions::setup));
  table.push_back(Flag({"exitfirst", "x", "", "", OptionKind::kFlag, false, "",
                        "Start no file after the first failure or error (files already running "
                        "finish)"},
                       &RunOptions::exit_first));
  table.push_back(
      Text({"shard", "", "", "", OptionKind::kValue, false, "K/N",
            "Run shard K of N (1-based): the files whose position among the run's sorted "
            "paths is K-1 modulo N; default: Bazel's TEST_SHARD_INDEX"},
           &RunOptions::shard));
  table.push_back(Flag({"update", "", "", "", OptionKind::kFlag, false, "",
                        "Rewrite failing files to what the console shows (never a file that ended "
                        "in an error)"},
                       &RunOptions::update));
  table.push_back(Flag({"update-version", "", "", "", OptionKind::kFlag, false, "",
                        "As --update, but write to the file for the running Python "
                        "(name.pyXY.ext), leaving name.ext as it is"},
                       &RunOptions::update_version));
  return table;
}

}  // namespace

std::string OptionSpec::DisplayName() const {
  if (!name.empty()) return positional ? name : "--" + name;
  if (!short_name.empty()) return "-" + short_name;
  return config_key;
}

const std::vector<OptionSpec>& RunOptionTable() {
  static const std::vector<OptionSpec> table = MakeTable();
  return table;
}

bool AlsoForRecord(const OptionSpec& spec) {
  return spec.name == "timeout" || spec.name == "max-output" || spec.name == "max-memory";
}

const OptionSpec* OptionForConfigKey(const std::string& key) {
  for (const OptionSpec& spec : RunOptionTable())
    if (!key.empty() && spec.config_key == key) return &spec;
  return nullptr;
}

std::vector<std::string> ConfigKeys() {
  std::vector<std::string> keys;
  for (const OptionSpec& spec : RunOptionTable())
    if (!spec.config_key.empty()) keys.push_back(spec.config_key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::optional<std::string> ApplyCommandLine(const std::vector<OptionAssignment>& assignments,
                                            RunOptions& options) {
  for (const OptionAssignment& given : assignments) {
    const OptionSpec& spec = *given.option;
    if (given.values.empty() && spec.kind != OptionKind::kList) continue;
    OptionOrigin origin{spec.DisplayName(), ""};
    if (std::optional<OptionError> wrong = spec.set(given.values, origin, options)) {
      return spec.positional ? wrong->message : spec.DisplayName() + ": " + wrong->message;
    }
  }
  return std::nullopt;
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
