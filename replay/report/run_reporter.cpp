#include "replay/report/run_reporter.h"

#include "replay/report/ansi.h"
#include "replay/report/github_annotations.h"
#include "replay/report/json_report.h"
#include "replay/report/junit_report.h"
#include "replay/report/terminal_report.h"
#include "replay/text/lines.h"

namespace replay {

RunReporter::RunReporter(ReportOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err) {
  if (!options_.json_path.empty()) json_.emplace(options_.json_path, kJsonEntrySeparator);
  if (!options_.junit_path.empty()) junit_.emplace(options_.junit_path, "");
}

void RunReporter::Add(size_t index, TranscriptVerdict verdict) {
  if (verdict.status != Status::kPassed && verdict.status != Status::kSkipped) ++failures_;
  waiting_.emplace(index, std::move(verdict));
  while (!waiting_.empty() && waiting_.begin()->first == next_) {
    Emit(waiting_.begin()->second);
    waiting_.erase(waiting_.begin());
    ++next_;
  }
}

void RunReporter::Emit(const TranscriptVerdict& verdict) {
  std::string text;
  if (verdict.status == Status::kSkipped && verdict.message == verdict.path + ": " + kNoExamples &&
      !options_.verbose)
    ++without_examples_;
  else if (verdict.status == Status::kPassed && options_.verbose)
    text = PassedHeadline(verdict, options_.color) + RenderVerdict(verdict, options_.color);
  else
    text = RenderVerdict(verdict, options_.color);
  if (options_.github_annotations) text += GithubAnnotations(verdict);
  if (!text.empty()) {
    ClearProgress();
    out_ << text << std::flush;
  }
  summary_.Add(verdict.status);
  if (verdict.status == Status::kFailed || verdict.status == Status::kError)
    failed_ += "  " + FailedEntry(verdict) + "\n";
  io_failed_ = io_failed_ || verdict.update_unwritable;
  if (json_) json_->Add(JsonReportEntry(verdict));
  if (junit_) junit_->Add(JunitReportEntry(verdict));
}

void RunReporter::Progress(const RunProgress& progress) {
  if (!options_.progress) return;
  err_ << kClearLine << ProgressLine(progress, failures_, options_.width - 1) << std::flush;
}

void RunReporter::ClearProgress() {
  if (options_.progress) err_ << kClearLine << std::flush;
}

ExitStatus RunReporter::Finish(bool interrupted, double duration_s, size_t not_run) {
  ClearProgress();
  for (const auto& [index, verdict] : waiting_) Emit(verdict);
  waiting_.clear();
  summary_.interrupted = interrupted;
  summary_.not_run = not_run;
  summary_.duration_s = duration_s;
  if (without_examples_ > 0)
    out_ << Plural(static_cast<int>(without_examples_), "file") << " without examples\n";
  if (!failed_.empty())
    out_ << Paint("failed:", Style::kBoldRed, options_.color) << "\n" << failed_;
  out_ << SummaryLine(summary_) << std::endl;
  ExitStatus status = io_failed_                              ? ExitStatus::kUsageOrIo
                      : summary_.failed + summary_.errors > 0 ? ExitStatus::kFailed
                                                              : ExitStatus::kPassed;
  auto finish = [&](std::optional<ReportFile>& file, const std::string& head,
                    std::string_view tail) {
    if (!file) return;
    if (Expected<void> written = file->Finish(head, tail); !written) {
      err_ << "replay: " << written.error().ToString() << "\n";
      status = ExitStatus::kUsageOrIo;
    }
  };
  finish(json_, JsonReportHead(summary_), kJsonReportTail);
  finish(junit_, JunitReportHead(summary_), kJunitReportTail);
  return interrupted ? ExitStatus::kInterrupted : status;
}

}  // namespace replay
