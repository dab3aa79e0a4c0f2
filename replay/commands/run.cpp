#include "replay/commands/run.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>

#include "pycon/python_session.h"
#include "replay/commands/environment.h"
#include "replay/console/session.h"
#include "replay/console/verdict.h"
#include "replay/doctest/text.h"
#include "replay/doctest/update.h"
#include "replay/report/run_reporter.h"
#include "replay/runner/interrupt.h"
#include "replay/runner/isolated_runner.h"
#include "replay/text/discovery.h"
#include "replay/text/files.h"
#include "replay/text/lines.h"
#include "replay/text/transcript_text.h"

namespace replay {

namespace {

const std::vector<std::string> kDoctestExtensions = {".txt", ".rst", ".md"};

/// A file of the run and how it is checked.
struct PlannedFile {
  std::string path;
  Mode mode = Mode::kConsole;
};

Mode ModeOf(const std::string& path, ModeChoice choice) {
  if (choice != ModeChoice::kAuto)
    return choice == ModeChoice::kDoctest ? Mode::kDoctest : Mode::kConsole;
  bool doctest = std::any_of(kDoctestExtensions.begin(), kDoctestExtensions.end(),
                             [&](const std::string& ext) { return EndsWith(path, ext); });
  return doctest ? Mode::kDoctest : Mode::kConsole;
}

/// The files of the run, in order, each with its mode.
Expected<std::vector<PlannedFile>> Plan(const RunOptions& options) {
  Expected<std::vector<std::string>> found = DiscoverFiles(
      options.paths, options.mode == ModeChoice::kDoctest ? kDoctestExtensions
                                                          : std::vector<std::string>{".pycon"});
  if (!found) return found.error();
  std::vector<PlannedFile> files;
  for (std::string& path : *found) {
    Mode mode = ModeOf(path, options.mode);
    files.push_back({std::move(path), mode});
  }
  return files;
}

/// The interpreter the run forks from. It preloads what the reference of
/// the run's mode imports anyway: code.py's modules for console transcripts
/// (the default), doctest (and the json its driver reports with) when every
/// file is a doctest file.
pycon::SessionOptions InterpreterFor(const std::vector<PlannedFile>& files,
                                     const std::string& python) {
  pycon::SessionOptions options;
  options.executable = python;
  options.finalize = false;  // the process ends right after
  bool all_doctest = !files.empty() && std::all_of(files.begin(), files.end(), [](const auto& f) {
    return f.mode == Mode::kDoctest;
  });
  if (all_doctest) options.preload.insert(options.preload.end(), {"doctest", "json"});
  return options;
}

/// Why a run selected no file, for its message.
std::string NothingSelected(const RunOptions& options) {
  std::string searched = options.mode == ModeChoice::kDoctest ? "*.txt, *.rst, *.md" : "*.pycon";
  std::string text = "the directories given hold no " + searched + " file";
  if (options.mode == ModeChoice::kAuto)
    text += " (use --mode doctest to search them for *.txt, *.rst and *.md)";
  return text;
}

bool UseColor(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
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

/// Checks, before anything runs, that every report can be written; whether
/// one of them goes to standard output (the verdicts then go to standard
/// error, so that the report stays readable).
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

ReportOptions ReportOptionsFor(const RunOptions& options) {
  ReportOptions report;
  report.color = UseColor(options.color);
  report.progress = isatty(STDERR_FILENO) != 0;
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) report.width = size.ws_col;
  report.json_path = options.report_json;
  report.junit_path = options.junit;
  return report;
}

/// The run's files as sessions for the runner, and their verdicts to the
/// reporter as they end.
class TranscriptQueue : public SessionQueue {
 public:
  TranscriptQueue(const std::vector<PlannedFile>& files, const RunOptions& options,
                  RunReporter& reporter)
      : files_(files), options_(options), reporter_(reporter) {}

  size_t size() const override { return files_.size(); }

  std::optional<Session> Prepare(size_t index) override {
    const PlannedFile& file = files_[index];
    Expected<TranscriptText> text = ReadTranscript(file.path);
    if (!text) {
      TranscriptVerdict verdict;
      verdict.path = file.path;
      verdict.mode = file.mode;
      verdict.status = Status::kError;
      verdict.line = text.error().line;
      verdict.message = text.error().ToString();
      reporter_.Add(index, std::move(verdict));
      return std::nullopt;
    }
    const TranscriptText& kept = expected_[index] = std::move(*text);
    if (file.mode == Mode::kDoctest) {
      notes_[index] = NotTestedNotes(file.path, kept.text);
      return DoctestSession(file.path, kept, options_.doctest);
    }
    return ConsoleTranscriptSession(file.path, kept.text, options_.placeholders);
  }

  void Finish(size_t index, SessionOutcome outcome) override {
    const PlannedFile& file = files_[index];
    const TranscriptText& expected = expected_[index];
    TranscriptVerdict verdict =
        file.mode == Mode::kDoctest
            ? JudgeDoctest(file.path, outcome, options_.isolation, options_.prompts)
            : JudgeConsole(file.path, expected.text, outcome, options_.isolation);
    if (options_.update && verdict.status == Status::kFailed) Update(expected, outcome, verdict);
    verdict.notes = std::move(notes_[index]);
    expected_.erase(index);
    notes_.erase(index);
    reporter_.Add(index, std::move(verdict));
  }

  void Progress(const RunProgress& progress) override { reporter_.Progress(progress); }

 private:
  static Expected<TranscriptText> ReadTranscript(const std::string& path) {
    Expected<std::string> bytes = ReadFile(path);
    if (!bytes) return bytes.error();
    return DecodeTranscript(*bytes, path);
  }

  /// --update: console mode writes the whole session as shown, doctest mode
  /// the expected output of each failing example.
  static void Update(const TranscriptText& expected, const SessionOutcome& outcome,
                     TranscriptVerdict& verdict) {
    std::optional<std::string> text;
    if (verdict.mode == Mode::kConsole) {
      text = ComparableActual(expected.text, outcome);
    } else if (Expected<DoctestResult> result = DoctestResult::FromJson(outcome.result, "")) {
      text = UpdatedDoctestText(expected.text, *result);
    }
    if (!text) return;
    // Someone (an editor, another replay) may have changed the file since
    // it was read: their edit wins.
    Expected<std::string> now = ReadFile(verdict.path);
    if (now && *now != EncodeTranscript(expected)) {
      verdict.not_updated = "changed during the run";
      return;
    }
    TranscriptText updated = expected;
    updated.text = std::move(*text);
    if (Expected<void> written = WriteFileAtomically(verdict.path, EncodeTranscript(updated))) {
      verdict.updated = true;
    } else {
      verdict.not_updated = written.error().message;
      verdict.update_unwritable = true;
    }
  }

  const std::vector<PlannedFile>& files_;
  const RunOptions& options_;
  RunReporter& reporter_;
  std::map<size_t, TranscriptText> expected_;         ///< of the files running
  std::map<size_t, std::vector<std::string>> notes_;  ///< of the files running: lines not run
};

}  // namespace

int RunCommand(const RunOptions& options) {
  auto started = std::chrono::steady_clock::now();
  Expected<std::vector<PlannedFile>> files = Plan(options);
  if (!files) {
    std::cerr << "replay: " << files.error().ToString() << "\n";
    return 2;
  }
  Expected<bool> report_to_stdout = CheckReportPaths(options);
  if (!report_to_stdout) {
    std::cerr << "replay: " << report_to_stdout.error().ToString() << "\n";
    return 2;
  }
  pycon::PythonSession python(InterpreterFor(*files, options.python));
  std::ostream& text = *report_to_stdout ? std::cerr : std::cout;
  if (options.verbose) text << "replay: " << DescribeRunningPython() << std::endl;
  RunReporter reporter(ReportOptionsFor(options), text, std::cerr);
  TranscriptQueue queue(*files, options, reporter);
  InterruptSignals interrupt;
  RunEnd end = RunIsolated(queue, options.isolation, interrupt.fd(), pycon::PythonSession::Fork);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  int status = reporter.Finish(end == RunEnd::kInterrupted, elapsed.count());
  if (status != 0 || !files->empty()) return status;
  std::cerr << "replay: no file selected: " << NothingSelected(options) << "\n";
  return kExitNothingSelected;
}

}  // namespace replay
