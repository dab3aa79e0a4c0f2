#include "run_command.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "atomic_file.h"
#include "console_session.h"
#include "console_verdict.h"
#include "doctest_session.h"
#include "doctest_verdict.h"
#include "isolated_runner.h"
#include "json_report.h"
#include "junit_report.h"
#include "python_session.h"
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
      options.paths, options.mode == "doctest" ? kDoctestExtensions
                                               : std::vector<std::string>{".pycon"});
  if (!discovery.errors.empty()) {
    for (const std::string& error : discovery.errors) std::cerr << "replay: " << error << "\n";
    return 2;
  }

  pycon::SessionOptions session_options;
  session_options.executable = options.python_executable;
  session_options.finalize = false;  // the process ends right after
  pycon::PythonSession python(session_options);
  InstallInterruptHandlers(&g_interrupted);

  IsolationOptions isolation;
  isolation.jobs = options.jobs;
  isolation.timeout_s = options.timeout_s;
  isolation.max_output = options.max_output;

  const size_t count = discovery.files.size();
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
  DoctestOptions doctest_options{options.doctest_options};
  Placeholders placeholders;
  placeholders.ellipsis = options.ellipsis;
  PromptPolicy prompt_policy = options.prompts == "warn"  ? PromptPolicy::kWarn
                               : options.prompts == "off" ? PromptPolicy::kOff
                                                          : PromptPolicy::kFail;
  std::vector<std::optional<TranscriptVerdict>> verdicts(count);
  std::vector<TranscriptText> expected(count);
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
        if (is_doctest(path)) return DoctestSession(path, text->text, doctest_options);
        expected[i] = std::move(*text);
        return ConsoleTranscriptSession(path, expected[i].text, placeholders);
      }
      verdict.message = std::get<Diagnostic>(decoded).ToString();
    }
    ++failures;
    verdicts[i] = std::move(verdict);
    return std::nullopt;
  };
  auto finish = [&](size_t i, SessionOutcome&& outcome) {
    const std::string& path = discovery.files[i];
    TranscriptVerdict verdict = is_doctest(path)
                                    ? JudgeDoctest(path, outcome, isolation, prompt_policy)
                                    : JudgeConsole(path, expected[i].text, outcome, isolation);
    if (options.update && verdict.status == Status::kFailed && verdict.mode == "console") {
      TranscriptText updated = expected[i];
      updated.text = ComparableActual(expected[i].text, outcome);
      std::string error = WriteFileAtomically(path, EncodeTranscript(updated));
      if (error.empty()) {
        verdict.updated = true;
      } else {
        verdict.message += " (not updated: " + error + ")";
      }
    }
    if (verdict.status != Status::kPassed) ++failures;
    verdicts[i] = std::move(verdict);
    expected[i] = TranscriptText();
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

  RunVerdicts run;
  run.interrupted = !completed;
  for (auto& verdict : verdicts) {
    if (verdict) run.transcripts.push_back(std::move(*verdict));
  }
  run.duration_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  bool color = UseColor(options.color);
  for (const TranscriptVerdict& verdict : run.transcripts) std::cout << RenderVerdict(verdict, color);
  std::cout << SummaryLine(run) << std::endl;

  int status = run.Count(Status::kFailed) + run.Count(Status::kError) > 0 ? 1 : 0;
  for (const auto& [path, content] :
       {std::pair{options.report_json, JsonReport(run)},
        std::pair{options.junit, JunitReport(run)}}) {
    if (path.empty()) continue;
    std::string error = WriteFileAtomically(path, content);
    if (!error.empty()) {
      std::cerr << "replay: " << error << "\n";
      status = 2;
    }
  }
  return run.interrupted ? 130 : status;
}

}  // namespace replay
