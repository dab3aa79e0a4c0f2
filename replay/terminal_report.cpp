#include "terminal_report.h"

#include <cstdio>

namespace replay {

namespace {

std::string Colorize(const std::string& diff) {
  std::string out;
  size_t start = 0;
  while (start < diff.size()) {
    size_t end = diff.find('\n', start);
    if (end == std::string::npos) end = diff.size();
    std::string line = diff.substr(start, end - start);
    const char* color = "";
    if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0) {
      color = "\x1b[1m";
    } else if (line.rfind("@@", 0) == 0) {
      color = "\x1b[36m";
    } else if (!line.empty() && line[0] == '-') {
      color = "\x1b[31m";
    } else if (!line.empty() && line[0] == '+') {
      color = "\x1b[32m";
    }
    out += *color ? std::string(color) + line + "\x1b[0m\n" : line + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string RenderVerdict(const TranscriptVerdict& verdict, bool color) {
  if (verdict.status == Status::kPassed) {
    // A passing file may still carry notes (doctest prompt findings under
    // --prompts warn).
    if (verdict.message.empty()) return {};
    return (color ? "\x1b[33mNOTE\x1b[0m " : "NOTE ") + verdict.message + "\n" + verdict.diff;
  }
  const char* label = verdict.status == Status::kFailed  ? "FAIL"
                      : verdict.status == Status::kError ? "ERROR"
                                                         : "SKIP";
  const char* label_color = verdict.status == Status::kSkipped ? "\x1b[33m" : "\x1b[1;31m";
  std::string text = color ? std::string(label_color) + label + "\x1b[0m" : label;
  text += " " + verdict.message + "\n";
  if (verdict.updated) {
    text += (color ? "\x1b[1;33mUPDATED\x1b[0m " : "UPDATED ") + verdict.path + "\n";
  }
  if (!verdict.diff.empty()) text += color ? Colorize(verdict.diff) : verdict.diff;
  return text;
}

std::string SummaryLine(const RunSummary& summary) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", summary.duration_s);
  std::string line = std::to_string(summary.passed) + " passed, " + std::to_string(summary.failed) +
                     " failed, " + std::to_string(summary.errors) + " errors, " +
                     std::to_string(summary.skipped) + " skipped in " + seconds + " s";
  if (summary.interrupted) line += " (interrupted)";
  return line;
}

std::string ProgressLine(const RunProgress& progress, size_t failures, size_t width) {
  std::string line = "[" + std::to_string(progress.done) + "/" + std::to_string(progress.total) +
                     "] " + std::to_string(failures) + " failed";
  if (!progress.slowest_running.empty()) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", progress.slowest_elapsed_s);
    line += " | running " + std::to_string(progress.running) +
            ", slowest: " + progress.slowest_running + " (" + seconds + " s)";
  }
  if (width > 0 && line.size() > width) line = line.substr(0, width);
  return line;
}

}  // namespace replay
