#include "run_command.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <tuple>

#include "atomic_file.h"
#include "console_session.h"
#include "console_verdict.h"
#include "doctest_session.h"
#include "doctest_update.h"
#include "doctest_verdict.h"
#include "isolated_runner.h"
#include "json_report.h"
#include "junit_report.h"
#include "python_session.h"
#include "report_file.h"
#include "terminal_report.h"
#include "transcript_discovery.h"
#include "transcript_text.h"

namespace replay {

namespace {

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

size_t TerminalWidth() {
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

volatile int g_interrupted = 0;

}  // namespace

int RunCommand(const RunOptions& options) {
  auto started = std::chrono::steady_clock::now();
  const std::vector<std::string> kDoctestExtensions = {".txt", ".rst", ".md"};
  Discovery discovery = DiscoverTranscripts(
      options.paths,
      options.mode == "doctest" ? kDoctestExtensions : std::vector<std::string>{".pycon"});
  if (!discovery.errors.empty()) {
    for (const std::string& error : discovery.errors) std::cerr << "replay: " << error << "\n";
    return 2;
  }

  auto is_doctest = [&](const std::string& path) {
    if (options.mode != "auto") return options.mode == "doctest";
    for (const std::string& extension : kDoctestExtensions) {
      if (path.size() > extension.size() &&
          path.compare(path.size() - extension.size(), extension.size(), extension) == 0) {
        return true;
      }
    }
    return false;
  };
  pycon::SessionOptions session_options;
  session_options.executable = options.python_executable;
  session_options.finalize = false;  // the process ends right after
  // Preload what the reference of the run's mode imports anyway: code.py's
  // modules for console transcripts (the default), doctest (and the json
  // its driver reports with) when every file is a doctest file.
  if (!discovery.files.empty() &&
      std::all_of(discovery.files.begin(), discovery.files.end(), is_doctest)) {
    session_options.preload.insert(session_options.preload.end(), {"doctest", "json"});
  }
  pycon::PythonSession python(session_options);
  InstallInterruptHandlers(&g_interrupted);

  IsolationOptions isolation;
  isolation.jobs = options.jobs;
  isolation.timeout_s = options.timeout_s;
  isolation.max_output = options.max_output;

  const size_t count = discovery.files.size();
  DoctestOptions doctest_options{options.doctest_options};
  Placeholders placeholders;
  placeholders.ellipsis = options.ellipsis;
  PromptPolicy prompt_policy = options.prompts == "warn"  ? PromptPolicy::kWarn
                               : options.prompts == "off" ? PromptPolicy::kOff
                                                          : PromptPolicy::kFail;
  // Verdicts are reported in the order of the files, whatever order they
  // finish in: those that finish early wait in `waiting`, so memory holds
  // about as many verdicts as there are jobs, not as many as files.
  RunSummary summary;
  bool color = UseColor(options.color);
  std::optional<ReportFile> json, junit;
  if (!options.report_json.empty()) json.emplace(options.report_json, kJsonEntrySeparator);
  if (!options.junit.empty()) junit.emplace(options.junit, "");
  std::map<size_t, TranscriptVerdict> waiting;
  size_t next_to_report = 0;
  auto report_in_order = [&](bool all) {
    while (!waiting.empty() && (all || waiting.begin()->first == next_to_report)) {
      const TranscriptVerdict& verdict = waiting.begin()->second;
      std::cout << RenderVerdict(verdict, color);
      summary.Add(verdict.status);
      if (json) json->Add(JsonReportEntry(verdict));
      if (junit) junit->Add(JunitReportEntry(verdict));
      next_to_report = waiting.begin()->first + 1;
      waiting.erase(waiting.begin());
    }
  };
  auto report = [&](size_t i, TranscriptVerdict verdict) {
    waiting.emplace(i, std::move(verdict));
    report_in_order(false);
  };
  std::map<size_t, TranscriptText> expected;  // of the transcripts running
  size_t failures = 0;

  auto prepare = [&](size_t i) -> std::optional<Session> {
    const std::string& path = discovery.files[i];
    std::string bytes, error;
    TranscriptVerdict verdict;
    verdict.path = path;
    verdict.mode = is_doctest(path) ? "doctest" : "console";
    verdict.status = Status::kError;
    if (!ReadFile(path, bytes, error)) {
      verdict.message = path + ": cannot read: " + error;
    } else {
      auto decoded = DecodeTranscript(bytes, path);
      if (auto* text = std::get_if<TranscriptText>(&decoded)) {
        const TranscriptText& kept = expected[i] = std::move(*text);
        if (is_doctest(path)) return DoctestSession(path, kept, doctest_options);
        return ConsoleTranscriptSession(path, kept.text, placeholders);
      }
      verdict.message = std::get<Diagnostic>(decoded).ToString();
    }
    ++failures;
    report(i, std::move(verdict));
    return std::nullopt;
  };
  auto finish = [&](size_t i, SessionOutcome&& outcome) {
    const std::string& path = discovery.files[i];
    TranscriptVerdict verdict = is_doctest(path)
                                    ? JudgeDoctest(path, outcome, isolation, prompt_policy)
                                    : JudgeConsole(path, expected[i].text, outcome, isolation);
    if (options.update && verdict.status == Status::kFailed) {
      // Console mode: the whole session as shown. Doctest mode: the
      // expected output of each failing example.
      std::optional<std::string> text =
          verdict.mode == "console"
              ? std::optional<std::string>(ComparableActual(expected[i].text, outcome))
              : UpdatedDoctestText(expected[i].text, outcome.result);
      if (text) {
        TranscriptText updated = expected[i];
        updated.text = std::move(*text);
        std::string error = WriteFileAtomically(path, EncodeTranscript(updated));
        if (error.empty()) {
          verdict.updated = true;
        } else {
          verdict.message += " (not updated: " + error + ")";
        }
      }
    }
    if (verdict.status != Status::kPassed) ++failures;
    expected.erase(i);
    report(i, std::move(verdict));
  };

  bool live = isatty(STDERR_FILENO) != 0;
  std::function<void(const RunProgress&)> progress;
  if (live) {
    size_t width = TerminalWidth();
    progress = [&, width](const RunProgress& state) {
      std::cerr << "\r\x1b[K" << ProgressLine(state, failures, width - 1) << std::flush;
    };
  }
  bool completed = RunIsolated(count, prepare, finish, isolation, progress, &g_interrupted);
  if (live) std::cerr << "\r\x1b[K" << std::flush;

  report_in_order(true);  // after an interruption: what finished
  summary.interrupted = !completed;
  summary.duration_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << SummaryLine(summary) << std::endl;

  int status = summary.failed + summary.errors > 0 ? 1 : 0;
  for (auto [report_file, head, tail] :
       {std::tuple{&json, JsonReportHead(summary), std::string(kJsonReportTail)},
        std::tuple{&junit, JunitReportHead(summary), std::string(kJunitReportTail)}}) {
    if (!*report_file) continue;
    std::string error = (*report_file)->Finish(head, tail);
    if (!error.empty()) {
      std::cerr << "replay: " << error << "\n";
      status = 2;
    }
  }
  return summary.interrupted ? 130 : status;
}

}  // namespace replay
