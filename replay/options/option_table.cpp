#include "replay/options/option_table.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "replay/options/option_kinds.h"
#include "replay/text/selection.h"

namespace replay {

namespace {

namespace fs = std::filesystem;

using Values = std::vector<std::string>;
using Result = OptionResult;

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
      if (line == 0 && path != values[i])  // FILE:0, FILE:00...
        return Wrong(values[i] + ": lines are numbered from 1", i);
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
  table.push_back(Strings({"", "", "", "norecursedirs", OptionKind::kList, false, "GLOB",
                           "Names (fnmatch globs) of directories a directory search does not "
                           "enter, as pytest's norecursedirs, replacing the default: pytest's "
                           "(*.egg .* build CVS dist node_modules venv {arch} _darcs) and _build "
                           "*.egg-info; __pycache__ and virtual environments (pyvenv.cfg) are "
                           "never entered"},
                          &RunOptions::norecursedirs));
  OptionSpec option{
      "option",
      "",
      "",
      "doctest-options",
      OptionKind::kList,
      false,
      "FLAG",
      "Doctest option flag for every example (e.g. ELLIPSIS, or pytest's NUMBER); repeatable"};
  option.set = [](const Values& values, const OptionOrigin& origin, RunOptions& options) {
    options.option_flags = values;
    options.option_flags_origin = origin.name;
    return Result();
  };
  table.push_back(option);
  table.push_back(Choice<PromptPolicy>(
      {"prompts", "", "", "prompts", OptionKind::kValue, false, "POLICY",
       "Doctest prompts no console would show: warn (the default: shown, the verdict is "
       "doctest's), fail (a file with one fails), off (not checked)"},
      {{"warn", PromptPolicy::kWarn}, {"fail", PromptPolicy::kFail}, {"off", PromptPolicy::kOff}},
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
       "default), python (the python3 REPL: __main__, <stdin>) or asyncio (python3 -m asyncio's "
       "REPL: top-level await)"},
      {{"interact", ConsoleReference::kInteract},
       {"python", ConsoleReference::kPython},
       {"asyncio", ConsoleReference::kAsyncio}},
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
  table.push_back(Jobs(jobs));
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
  table.push_back(Seconds(timeout));
  table.push_back(
      Bytes({"max-output", "", "", "max-output", OptionKind::kValue, false, "",
             "Bytes of output per file and of each file it writes (default 16M; suffixes K, M, G "
             "count 1024s); past it, an error. A file over twice it is an error, not run"},
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
                                "or above, up to the rootdir (never above it; -v names it); a "
                                "setup that raises makes the file an error"},
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
  table.push_back(Flag({"sandbox", "", "", "sandbox", OptionKind::kFlag, false, "",
                        "Run the files confined (bubblewrap): no network, the filesystem "
                        "read-only but a private /tmp, home hidden, a PID namespace of its own"},
                       &RunOptions::sandbox));
  table.push_back(Flag({"collect-only", "", "", "", OptionKind::kFlag, false, "",
                        "List the files the run would check, one JSON object per line "
                        "({\"path\", \"mode\", \"line\"}), and run none"},
                       &RunOptions::collect_only));
  table.push_back(Flag({"update", "", "", "", OptionKind::kFlag, false, "",
                        "Rewrite failing files to what the console shows (never a file that ended "
                        "in an error)"},
                       &RunOptions::update));
  table.push_back(Flag({"update-version", "", "", "", OptionKind::kFlag, false, "",
                        "As --update, but write to the file for the running Python "
                        "(name.pyXY.ext), leaving name.ext as it is"},
                       &RunOptions::update_version));
  table.push_back(Flag({"fix-prompts", "", "", "", OptionKind::kFlag, false, "",
                        "Rewrite each doctest file's prompts no console would show to those it "
                        "shows (the fixes the prompt check lists)"},
                       &RunOptions::fix_prompts));
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

}  // namespace replay