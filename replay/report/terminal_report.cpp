#include "replay/report/terminal_report.h"

#include <cstdio>

#include "replay/report/ansi.h"
#include "replay/text/controls.h"
#include "replay/text/lines.h"

namespace replay {

namespace {

/// `text` as shown: control characters escaped, and the file's name, where
/// `text` holds it, with its newlines escaped too (a name cannot start a
/// line of its own).
std::string Shown(const std::string& text, const std::string& path) {
  std::string escaped = EscapeControls(text);
  std::string name = EscapeControls(path);
  if (name.find('\n') == std::string::npos) return escaped;
  std::string shown_name;
  for (char c : name) shown_name += c == '\n' ? std::string("\\n") : std::string(1, c);
  std::string out;
  for (size_t at = 0;;) {
    size_t found = escaped.find(name, at);
    out += escaped.substr(at, found - at);
    if (found == std::string::npos) return out;
    out += shown_name;
    at = found + name.size();
  }
}

/// "NOTE file:line: not tested: reason", one line per note.
std::string RenderNotes(const TranscriptVerdict& verdict, bool color) {
  std::string text;
  for (const std::string& note : verdict.notes)
    text += Paint("NOTE", Style::kYellow, color) + " " + Shown(note, verdict.path) + "\n";
  return text;
}

/// The file --update wrote, as shown.
std::string Updated(const TranscriptVerdict& verdict) {
  return Shown(verdict.updated_path.empty() ? verdict.path : verdict.updated_path, verdict.path) +
         (verdict.updated_in_place.empty() ? "" : " (" + verdict.updated_in_place + ")");
}

/// A NOT UPDATED line for each change --update or --fix-prompts left out.
std::string ExamplesNotUpdated(const TranscriptVerdict& verdict, bool color) {
  std::string text;
  for (const std::string& refused : verdict.examples_not_updated)
    text +=
        Paint("NOT UPDATED", Style::kBoldRed, color) + " " + Shown(refused, verdict.path) + "\n";
  return text;
}

}  // namespace

std::string RenderVerdict(const TranscriptVerdict& verdict, bool color) {
  // What the files and their sessions hold is shown, never obeyed by the
  // terminal or a CI log (control characters escaped).
  std::string message = Shown(verdict.message, verdict.path);
  std::string diff = Shown(verdict.diff, verdict.path);
  if (verdict.status == Status::kPassed) {
    // A passing file may still carry notes: lines not run, and doctest
    // prompt findings under --prompts warn (its message), which
    // --fix-prompts may have fixed.
    std::string text = RenderNotes(verdict, color);
    if (message.empty()) return text;
    text += Paint("NOTE", Style::kYellow, color) + " " + message + "\n";
    if (verdict.updated)
      text += Paint("UPDATED", Style::kBoldYellow, color) + " " + Updated(verdict) + "\n";
    return text + ExamplesNotUpdated(verdict, color) + PaintDiff(diff, color);
  }
  std::string text = verdict.status == Status::kFailed  ? Paint("FAIL", Style::kBoldRed, color)
                     : verdict.status == Status::kError ? Paint("ERROR", Style::kBoldRed, color)
                     : verdict.status == Status::kInterrupted
                         ? Paint("INTERRUPTED", Style::kBoldYellow, color)
                         : Paint("SKIP", Style::kYellow, color);
  text += " " + message + "\n" + RenderNotes(verdict, color);
  if (verdict.updated)
    text += Paint("UPDATED", Style::kBoldYellow, color) + " " + Updated(verdict) + "\n";
  if (!verdict.not_updated.empty()) {
    text += Paint("NOT UPDATED", Style::kBoldRed, color) + " " + Shown(verdict.path, verdict.path) +
            ": " + Shown(verdict.not_updated, verdict.path) + "\n";
  }
  text += ExamplesNotUpdated(verdict, color);
  // The headline is not printed twice: a doctest diff starts with the
  // first failing example's "file:line: what", which the headline holds.
  std::string_view first = std::string_view(diff).substr(0, diff.find('\n'));
  if (!first.empty() && first.size() < diff.size() &&
      StartsWith(message, std::string(first) + " ("))
    diff.erase(0, first.size() + 1);
  return text + PaintDiff(diff, color);
}

std::string PassedHeadline(const TranscriptVerdict& verdict, bool color) {
  return Paint("PASS", Style::kGreen, color) + " " + Shown(verdict.path, verdict.path) + "\n";
}

std::string FailedEntry(const TranscriptVerdict& verdict) {
  std::string entry = verdict.path + (verdict.line > 0 ? ":" + std::to_string(verdict.line) : "");
  return Shown(entry, verdict.path);
}

std::string SummaryLine(const RunSummary& summary) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", summary.duration_s);
  std::string line = std::to_string(summary.passed) + " passed, " + std::to_string(summary.failed) +
                     " failed, " + std::to_string(summary.errors) + " errors, " +
                     std::to_string(summary.skipped) + " skipped";
  if (summary.interrupted) {
    line += ", " + std::to_string(summary.interrupted_files) + " interrupted, " +
            std::to_string(summary.not_run) + " not run";
  }
  line += std::string(" in ") + seconds + " s";
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
            ", slowest: " + EscapeControls(progress.slowest_running) + " (" + seconds + " s)";
  }
  if (width > 0 && line.size() > width) line = line.substr(0, width);
  return line;
}

}  // namespace replay
