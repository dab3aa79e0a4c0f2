#include "replay/commands/run.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pycon/bridge.h"
#include "pycon/python_session.h"
#include "replay/commands/child_coverage.h"
#include "replay/commands/environment.h"
#include "replay/commands/file_queue.h"
#include "replay/commands/host_interpreter.h"
#include "replay/commands/modes.h"
#include "replay/commands/report_options.h"
#include "replay/commands/run_config.h"
#include "replay/commands/run_plan.h"
#include "replay/commands/sandbox.h"
#include "replay/config/last_failed.h"
#include "replay/runner/interrupt.h"
#include "replay/text/controls.h"
#include "replay/text/lines.h"
#include "replay/text/utf8.h"

namespace replay {

namespace {

/// Prints a usage or I/O error; the exit status that goes with it.
ExitStatus UsageError(const Diagnostic& error) {
  // Names of files are shown, not obeyed (control characters escaped).
  if (error.file.empty())
    std::cerr << "replay run: " << EscapeControls(error.message) << "\n";
  else
    std::cerr << "replay: " << EscapeControls(error.ToString()) << "\n";
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

/// Says why no file was selected.
ExitStatus NoFileSelected(const RunOptions& options, const Modes& modes, const Plan& plan) {
  std::cerr << "replay: no file selected: " << NothingSelected(options, modes, plan) << "\n";
  return ExitStatus::kNothingSelected;
}

/// --collect-only: each planned file as a JSON object on a line of its own.
ExitStatus Collect(const Plan& plan) {
  for (const PlannedFile& file : plan.files) {
    nlohmann::ordered_json entry = {
        {"path", ToValidUtf8(file.path)}, {"mode", file.mode->Name()}, {"line", file.line}};
    std::cout << entry.dump() << "\n";
  }
  std::cout << std::flush;
  if (!std::cout) {
    std::cerr << "replay: cannot write the list of files to standard output\n";
    return ExitStatus::kUsageOrIo;
  }
  return ExitStatus::kPassed;
}

/// Runs the planned files and reports them.
ExitStatus Run(const RunOptions& options, const Plan& plan, std::ostream& text) {
  auto started = std::chrono::steady_clock::now();
  RunReporter reporter(ReportOptionsFor(options), text, std::cerr);
  FileQueue queue(plan.files, options, pycon::PythonVersion(), reporter);
  MeasuredQueue measured(queue);
  if (!measured.warning().empty()) std::cerr << "replay: " << measured.warning() << "\n";
  InterruptSignals interrupt;
  RunEnd end = RunIsolated(measured, options.isolation, interrupt.fd(), pycon::PythonSession::Fork);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  ExitStatus status =
      reporter.Finish(end == RunEnd::kInterrupted, elapsed.count(), queue.never_reached());
  // A sandboxed run writes no file (docs/sandbox.md), the cache neither.
  if (Expected<void> cached =
          options.sandbox ? Expected<void>{} : WriteLastFailed(options.rootdir, queue.ran());
      !cached)
    std::cerr << "replay: cannot record the failures for --last-failed: "
              << cached.error().ToString() << "\n";
  if (queue.not_started() > 0) {
    std::cerr << "replay: stopped after the first failure (-x): "
              << Plural(static_cast<int>(queue.not_started()), "file") << " not run\n";
  }
  return status;
}

/// What a sandboxed run must still see where /tmp and $HOME are hidden: its
/// files, the configuration, the setup, the Python and its path, replay.
std::vector<std::string> SandboxVisible(const RunOptions& options, const Plan& plan) {
  std::vector<std::string> paths = {options.rootdir, options.config_file, options.setup,
                                    "/proc/self/exe"};
  for (const PlannedFile& file : plan.files) paths.push_back(file.path);
  for (const char* name : {"executable", "prefix", "base_prefix", "exec_prefix"}) {
    pycon::PyRef value = pycon::SysAttr(name);
    if (value && !pycon::IsNone(value)) paths.push_back(pycon::Str(value));
  }
  if (pycon::PyRef path = pycon::SysAttr("path"); path && pycon::IsList(path)) {
    for (const std::string& entry : pycon::Strs(path)) paths.push_back(entry);
  }
  paths.erase(std::remove(paths.begin(), paths.end(), std::string()), paths.end());
  return paths;
}

}  // namespace

ExitStatus RunCommand(const RunRequest& request) {
  bool in_sandbox = InsideSandbox();  // before Python copies the environment
  Expected<RunOptions> configured = ConfigureRun(request.command_line);
  if (!configured) return UsageError(configured.error());
  RunOptions& options = *configured;
  options.python = request.python;
  options.verbose = request.verbose;
  Modes modes = ModesFor(options);
  Expected<Plan> plan = PlanRun(options, modes);
  if (!plan) return UsageError(plan.error());
  if (!plan->last_failed.empty())
    std::cerr << "replay: --last-failed: " << plan->last_failed << "\n";
  if (options.collect_only) {
    if (plan->files.empty() && plan->matched == 0) return NoFileSelected(options, modes, *plan);
    return Collect(*plan);
  }
  Expected<bool> report_to_stdout = CheckReportPaths(options, *plan, modes);
  if (!report_to_stdout) return UsageError(report_to_stdout.error());
  if (options.sandbox) {
    if (Expected<void> allowed = CheckSandboxable(options); !allowed)
      return UsageError(allowed.error());
  }
  pycon::PythonSession python(InterpreterFor(*plan, options.python));
  if (options.sandbox && !in_sandbox)
    return UsageError(ExecSandboxed(SandboxVisible(options, *plan)));
  for (const auto& mode : modes) {
    if (Expected<void> checked = mode->CheckOptions(); !checked) return UsageError(checked.error());
  }
  std::ostream& text = *report_to_stdout ? std::cerr : std::cout;
  if (request.verbose) {
    text << "replay: " << DescribeRunningPython() << std::endl;
    text << "replay: rootdir " << options.rootdir << ", configuration "
         << (options.config_file.empty() ? "none" : options.config_file) << ", pytest's "
         << (options.pytest_config_file.empty() ? "none" : options.pytest_config_file) << std::endl;
    std::set<std::string> setups;
    for (const PlannedFile& file : plan->files) {
      if (std::optional<std::string> setup = SetupPathFor(file.path, options))
        setups.insert(*setup);
    }
    text << "replay: setup file " << (setups.empty() ? "none" : "");
    for (auto it = setups.begin(); it != setups.end(); ++it)
      text << (it == setups.begin() ? "" : ", ") << *it;
    text << std::endl;
  }
  ExitStatus status = Run(options, *plan, text);
  if (status == ExitStatus::kPassed && plan->files.empty() && plan->matched == 0) {
    return NoFileSelected(options, modes, *plan);
  }
  // Every directory given checks something, or the run says so and does not pass.
  for (const std::string& directory : plan->empty_directories)
    std::cerr << "replay: no file selected in " << directory << ": "
              << NothingIn(options, modes, directory) << "\n";
  if (status == ExitStatus::kPassed && !plan->empty_directories.empty())
    return ExitStatus::kNothingSelected;
  return status;
}

}  // namespace replay
