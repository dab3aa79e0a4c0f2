#include "replay/commands/run.h"

#include <chrono>
#include <iostream>

#include "pycon/python_session.h"
#include "replay/commands/environment.h"
#include "replay/commands/file_queue.h"
#include "replay/commands/host_interpreter.h"
#include "replay/commands/modes.h"
#include "replay/commands/report_options.h"
#include "replay/commands/run_config.h"
#include "replay/commands/run_plan.h"
#include "replay/config/last_failed.h"
#include "replay/runner/interrupt.h"
#include "replay/text/lines.h"

namespace replay {

namespace {

/// Prints a usage or I/O error; the exit status that goes with it.
ExitStatus UsageError(const Diagnostic& error) {
  if (error.file.empty())
    std::cerr << "replay run: " << error.message << "\n";
  else
    std::cerr << "replay: " << error.ToString() << "\n";
  return ExitStatus::kUsageOrIo;
}

/// The interpreter the run forks from, preloading what the modes of its
/// files have in common (Mode::Preloads).
pycon::SessionOptions InterpreterFor(const Plan& plan, const std::string& python) {
  pycon::SessionOptions options;
  options.executable = python;
  AdoptAsFresh(options);
  options.finalize = false;  // the process ends right after
  // Python's SIGINT handler, for the children (the runner takes SIGINT
  // itself while it runs): a SIGINT raises KeyboardInterrupt, as in python3.
  options.install_signal_handlers = true;
  Preload preload = PreloadFor(plan);
  options.preload.insert(options.preload.end(), preload.modules.begin(), preload.modules.end());
  options.preload_if_present = preload.if_present;
  options.create_ast_types = preload.ast_types;
  return options;
}

/// Runs the planned files and reports them.
ExitStatus Run(const RunOptions& options, const Plan& plan, std::ostream& text) {
  auto started = std::chrono::steady_clock::now();
  RunReporter reporter(ReportOptionsFor(options), text, std::cerr);
  FileQueue queue(plan.files, options, pycon::PythonVersion(), reporter);
  InterruptSignals interrupt;
  RunEnd end = RunIsolated(queue, options.isolation, interrupt.fd(), pycon::PythonSession::Fork);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  ExitStatus status = reporter.Finish(end == RunEnd::kInterrupted, elapsed.count());
  if (Expected<void> cached = WriteLastFailed(options.rootdir, queue.ran()); !cached)
    std::cerr << "replay: cannot record the failures for --last-failed: "
              << cached.error().ToString() << "\n";
  if (queue.not_started() > 0) {
    std::cerr << "replay: stopped after the first failure (-x): "
              << Plural(static_cast<int>(queue.not_started()), "file") << " not run\n";
  }
  return status;
}

}  // namespace

ExitStatus RunCommand(const RunRequest& request) {
  Expected<RunOptions> configured = ConfigureRun(request.command_line);
  if (!configured) return UsageError(configured.error());
  RunOptions& options = *configured;
  options.python = request.python;
  Modes modes = ModesFor(options);
  Expected<Plan> plan = PlanRun(options, modes);
  if (!plan) return UsageError(plan.error());
  if (!plan->last_failed.empty())
    std::cerr << "replay: --last-failed: " << plan->last_failed << "\n";
  Expected<bool> report_to_stdout = CheckReportPaths(options);
  if (!report_to_stdout) return UsageError(report_to_stdout.error());
  pycon::PythonSession python(InterpreterFor(*plan, options.python));
  for (const auto& mode : modes) {
    if (Expected<void> checked = mode->CheckOptions(); !checked) return UsageError(checked.error());
  }
  std::ostream& text = *report_to_stdout ? std::cerr : std::cout;
  if (request.verbose) {
    text << "replay: " << DescribeRunningPython() << std::endl;
    text << "replay: rootdir " << options.rootdir << ", configuration "
         << (options.config_file.empty() ? "none" : options.config_file) << std::endl;
  }
  ExitStatus status = Run(options, *plan, text);
  if (status != ExitStatus::kPassed || !plan->files.empty()) return status;
  if (plan->matched > 0) return status;  // a shard may hold no file of a run that has some
  std::cerr << "replay: no file selected: " << NothingSelected(options, modes, *plan) << "\n";
  return ExitStatus::kNothingSelected;
}

}  // namespace replay
