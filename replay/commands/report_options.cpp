#include "replay/commands/report_options.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

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

}  // namespace

ReportOptions ReportOptionsFor(const RunOptions& options) {
  ReportOptions report;
  report.color = UseColor(options.color);
  report.progress = isatty(STDERR_FILENO) != 0 && !DumbTerminal();
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) report.width = size.ws_col;
  report.json_path = options.report_json;
  report.junit_path = options.junit;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  report.github_annotations = options.annotations == AnnotationChoice::kGithub ||
                              (options.annotations == AnnotationChoice::kAuto &&
                               actions != nullptr && std::string_view(actions) == "true");
  return report;
}

Expected<bool> CheckReportPaths(const RunOptions& options) {
  bool to_stdout = false;
  for (const std::string& path : {options.report_json, options.junit}) {
    if (path.empty()) continue;
    Expected<OutputTarget> target = ResolveOutput(path);
    if (!target) return target.error();
    to_stdout = to_stdout || IsStandardOutput(*target);
  }
  return to_stdout;
}

}  // namespace replay
