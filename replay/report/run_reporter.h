// Reporting a run as its verdicts arrive: terminal, progress, report files.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>

#include "replay/report/exit_status.h"
#include "replay/report/report_file.h"
#include "replay/report/verdict.h"
#include "replay/runner/progress.h"

namespace replay {

/// Where and how a run is reported.
struct ReportOptions {
  bool color = false;      ///< colour the verdicts
  bool progress = false;   ///< keep a live progress line on the error stream
  bool verbose = false;    ///< a line for every file (else: files without examples counted)
  size_t width = 80;       ///< of the terminal, for the progress line
  std::string json_path;   ///< --report-json FILE; empty: none
  std::string junit_path;  ///< --junit FILE; empty: none
  bool github_annotations = false;  ///< GitHub Actions workflow commands on `out`
};

/// The one place a run reports to, as ninja's Status: verdicts arrive in any
/// order and are printed and written in the order of the files, each as soon
/// as every file before it has one (so memory holds about as many verdicts as
/// there are jobs); it keeps the counts, the progress line and the report
/// files, and turns the run's end into the exit status.
class RunReporter {
 public:
  /// Verdicts go to `out`, the progress line and errors to `err`.
  RunReporter(ReportOptions options, std::ostream& out, std::ostream& err);

  /// The verdict on file `index` (0-based, in the order of the run).
  void Add(size_t index, TranscriptVerdict verdict);
  /// Shows the state of the run, if a progress line is kept.
  void Progress(const RunProgress& progress);
  /// Files that did not pass so far.
  size_t failures() const { return failures_; }

  /// Ends the run: reports what still waits (after an interruption, what
  /// finished), prints how many files had no examples (unless verbose,
  /// which listed them), the list of the files that failed or errored
  /// ("failed:", then FILE:LINE each, as their headlines name them) and the
  /// summary line, writes the report files. Returns
  /// the exit status: 0 all passed, 1 any failed or errored, 2 a report or
  /// an --update could not be written, 130 interrupted (`not_run` files
  /// not started then).
  ExitStatus Finish(bool interrupted, double duration_s, size_t not_run = 0);

 private:
  void Emit(const TranscriptVerdict& verdict);
  void ClearProgress();

  ReportOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::optional<ReportFile> json_, junit_;
  std::map<size_t, TranscriptVerdict> waiting_;
  size_t next_ = 0;
  size_t failures_ = 0;
  RunSummary summary_;
  bool io_failed_ = false;       ///< an --update could not be written
  size_t without_examples_ = 0;  ///< not listed (not verbose)
  std::string failed_;  ///< the closing list: "  FILE:LINE\n" of each file that did not pass
};

}  // namespace replay
