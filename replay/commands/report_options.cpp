#include "replay/commands/report_options.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "replay/config/last_failed.h"
#include "replay/text/files.h"

namespace replay {

namespace {

/// Whether environment variable `name` is set and not empty.
bool IsSet(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

bool DumbTerminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) == "dumb";
}

bool UseColor(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  if (IsSet("NO_COLOR")) return false;  // no-color.org: only when not empty
  if (IsSet("FORCE_COLOR")) return true;
  if (DumbTerminal()) return false;
  return isatty(STDOUT_FILENO) != 0;
}

/// Whether writing to `target` writes to this process's standard output.
bool IsStandardOutput(const OutputTarget& target) {
  if (target.kind == OutputKind::kStandardOutput) return true;
  struct stat file {
  }, out{};
  return stat(target.path.c_str(), &file) == 0 && fstat(STDOUT_FILENO, &out) == 0 &&
         file.st_dev == out.st_dev && file.st_ino == out.st_ino;
}

/// Whether `a` and `b` name one file: as files (through symlinks and hard
/// links alike) if both exist, else as paths.
bool SameFile(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  struct stat first {
  }, second{};
  if (stat(a.c_str(), &first) == 0 && stat(b.c_str(), &second) == 0)
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
  std::error_code error;
  return std::filesystem::absolute(a, error).lexically_normal() ==
         std::filesystem::absolute(b, error).lexically_normal();
}

}  // namespace

ReportOptions ReportOptionsFor(const RunOptions& options) {
  ReportOptions report;
  report.color = UseColor(options.color);
  report.progress = isatty(STDERR_FILENO) != 0 && !DumbTerminal();
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) report.width = size.ws_col;
  report.verbose = options.verbose;
  report.json_path = options.report_json;
  report.junit_path = options.junit;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  report.github_annotations = options.annotations == AnnotationChoice::kGithub ||
                              (options.annotations == AnnotationChoice::kAuto &&
                               actions != nullptr && std::string_view(actions) == "true");
  return report;
}

Expected<bool> CheckReportPaths(const RunOptions& options, const Plan& plan, const Modes& modes) {
  std::vector<std::pair<std::string, std::string>> protected_files;  // path, what it is
  for (const PlannedFile& file : plan.files)
    protected_files.emplace_back(file.path, "a file it runs");
  protected_files.emplace_back(options.config_file, "its configuration file");
  protected_files.emplace_back(options.setup, "its setup file (--setup)");
  if (!options.rootdir.empty()) {
    protected_files.emplace_back(options.rootdir + "/" + kLastFailedFile,
                                 "the --last-failed cache it updates");
  }
  std::vector<std::pair<std::string, std::string>> reports = {
      {options.report_json, "--report-json"}, {options.junit, "--junit"}};
  bool to_stdout = false;
  for (const auto& [path, option] : reports) {
    if (path.empty()) continue;
    Expected<OutputTarget> target = ResolveOutput(path);
    if (!target) return target.error();
    to_stdout = to_stdout || IsStandardOutput(*target);
    if (target->kind == OutputKind::kStandardOutput) continue;
    for (const auto& [file, what] : protected_files) {
      if (SameFile(path, file)) {
        return Diagnostic{path, 0, 0,
                          option + " would overwrite " + what +
                              (file == path ? "" : " (" + file + ")") +
                              "; give the report a file of its own"};
      }
    }
    // `--junit a.pycon b.pycon`: the report's name forgotten, a file taken
    // for it.
    struct stat existing {};
    for (const auto& mode : modes) {
      if (stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
          mode->ClaimsByName(path)) {
        return Diagnostic{path, 0, 0,
                          option + " would overwrite a " + mode->Name() +
                              " file (by its name); give the report a file of its own"};
      }
    }
    protected_files.emplace_back(path, "the report of " + option);
  }
  return to_stdout;
}

}  // namespace replay
