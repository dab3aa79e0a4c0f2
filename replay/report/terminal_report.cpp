#include "replay/report/terminal_report.h"

#include <cstdio>

#include "replay/report/ansi.h"

namespace replay {

namespace {

/// "NOTE file:line: not tested: reason", one line per note.
std::string RenderNotes(const TranscriptVerdict& verdict, bool color) {
  std::string text;
  for (const std::string& note : verdict.notes)
    text += Paint("NOTE", Style::kYellow, color) + " " + note + "\n";
  return text;
}

}  // namespace

std::string RenderVerdict(const TranscriptVerdict& verdict, bool color) {
  if (verdict.status == Status::kPassed) {
    // A passing file may still carry notes: lines not run, and doctest
    // prompt findings under --prompts warn (its message).
    std::string text = RenderNotes(verdict, color);
    if (verdict.message.empty()) return text;
    return text + Paint("NOTE", Style::kYellow, color) + " " + verdict.message + "\n" +
           verdict.diff;
  }
  std::string text = verdict.status == Status::kFailed  ? Paint("FAIL", Style::kBoldRed, color)
                     : verdict.status == Status::kError ? Paint("ERROR", Style::kBoldRed, color)
                                                        : Paint("SKIP", Style::kYellow, color);
  text += " " + verdict.message + "\n" + RenderNotes(verdict, color);
  if (verdict.updated)
    text += Paint("UPDATED", Style::kBoldYellow, color) + " " +
            (verdict.updated_path.empty() ? verdict.path : verdict.updated_path) + "\n";
  if (!verdict.not_updated.empty()) {
    text += Paint("NOT UPDATED", Style::kBoldRed, color) + " " + verdict.path + ": " +
            verdict.not_updated + "\n";
  }
  return text + PaintDiff(verdict.diff, color);
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
