#include "replay/cli/command_line.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>

#include "pycon/python_session.h"
#include "replay/commands/console.h"
#include "replay/commands/environment.h"
#include "replay/commands/record.h"
#include "replay/commands/run.h"
#include "replay/text/spelling.h"

namespace {

using replay::AnnotationChoice;
using replay::ColorChoice;
using replay::ModeChoice;
using replay::PromptPolicy;

std::string VersionText() {
  return "replay " REPLAY_VERSION " (Python " + pycon::PythonVersion() + ")";
}

/// `--timeout`, `--max-output` and `--max-memory`, shared by run and record.
void AddIsolationOptions(CLI::App& app, replay::IsolationOptions& isolation) {
  app.add_option("--timeout", isolation.timeout_s, "Seconds per transcript (default 60)")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            double seconds = 0;
            try {
              seconds = std::stod(value);
            } catch (const std::exception&) {
              return "expected a number of seconds, not '" + value + "'";
            }
            if (seconds > 0) return {};
            return "must be more than 0 seconds, not " + value +
                   " (a transcript always has a time limit; give a large one instead)";
          },
          "SECONDS>0"));
  app.add_option("--max-output", isolation.max_output,
                 "Bytes of output per transcript (default 16 MiB; suffixes K, M, G: 1024s)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  app.add_option("--max-memory", isolation.max_memory,
                 "Bytes of resident memory per transcript (default 2 GiB; 0: no limit)")
      ->transform(CLI::AsSizeValue(false));
}

/// How `replay run` reports: colour, report files, CI annotations.
void AddReportOptions(CLI::App& cmd, replay::RunOptions& run) {
  const std::map<std::string, ColorChoice> colors = {{"auto", ColorChoice::kAuto},
                                                     {"always", ColorChoice::kAlways},
                                                     {"never", ColorChoice::kNever}};
  cmd.add_option("--color", run.color, "Colour diffs: auto, always, never")
      ->transform(CLI::CheckedTransformer(colors));
  cmd.add_option("--report-json", run.report_json, "Write a JSON report to FILE");
  const std::map<std::string, AnnotationChoice> annotations = {
      {"auto", AnnotationChoice::kAuto},
      {"github", AnnotationChoice::kGithub},
      {"none", AnnotationChoice::kNone}};
  cmd.add_option("--annotations", run.annotations,
                 "CI annotations: auto (github if GITHUB_ACTIONS=true), github, none")
      ->transform(CLI::CheckedTransformer(annotations));
  cmd.add_option("--junit", run.junit, "Write JUnit XML to FILE");
}

/// The options that say how files are checked: the mode, doctest's flags and
/// prompt policy, console mode's placeholders and reference console.
void AddCheckingOptions(CLI::App& cmd, replay::RunOptions& run) {
  const std::map<std::string, ModeChoice> modes = {{"auto", ModeChoice::kAuto},
                                                   {"console", ModeChoice::kConsole},
                                                   {"doctest", ModeChoice::kDoctest}};
  cmd.add_option("--mode", run.mode,
                 "auto (by extension: .txt, .rst, .md and .py doctest; others console), console or "
                 "doctest")
      ->transform(CLI::CheckedTransformer(modes));
  cmd.add_option("--option", run.doctest.option_flags,
                 "Doctest option flag for every example (e.g. ELLIPSIS); repeatable")
      ->allow_extra_args(false);
  const std::map<std::string, PromptPolicy> policies = {
      {"fail", PromptPolicy::kFail}, {"warn", PromptPolicy::kWarn}, {"off", PromptPolicy::kOff}};
  cmd.add_option("--prompts", run.prompts,
                 "Doctest prompts no console would show: fail (default), warn, off")
      ->transform(CLI::CheckedTransformer(policies));
  cmd.add_flag("--ellipsis", run.placeholders.ellipsis,
               "In console transcripts, \"...\" in expected output matches any text");
  const std::map<std::string, replay::ConsoleReference> consoles{
      {"interact", replay::ConsoleReference::kInteract},
      {"python", replay::ConsoleReference::kPython}};
  cmd.add_option("--console", run.console,
                 "Console transcripts were recorded with: interact (code.interact, the default) "
                 "or python (the python3 REPL: __main__, <stdin>)")
      ->transform(CLI::CheckedTransformer(consoles));
}

CLI::App* AddRun(CLI::App& app, replay::RunOptions& run) {
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Replay transcripts and doctest files (files, or directories searched for *.pycon; "
      "with --mode doctest, *.txt, *.rst, *.md and modules of packages) and diff them.");
  cmd->add_option("paths", run.paths,
                  "Transcript files or directories (default: paths of [tool.replay]); "
                  "FILE:LINE: the example at LINE");
  cmd->add_option("--config", run.config,
                  "pyproject.toml to read [tool.replay] from (default: found as pytest finds "
                  "its rootdir)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--lf,--last-failed", run.last_failed,
                "Only the files that failed or errored last time (all if none did)");
  AddCheckingOptions(*cmd, run);
  cmd->add_option("-j,--jobs", run.isolation.jobs, "Transcripts run at once (default: CPUs)")
      ->check(CLI::NonNegativeNumber);
  AddIsolationOptions(*cmd, run.isolation);
  AddReportOptions(*cmd, run);
  cmd->add_option("-k", run.select,
                  "Only files whose path contains PATTERN (a glob if it has *?[); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--setup", run.setup,
                  "Python file run in each session's namespace first, its output discarded "
                  "(default: the nearest replay_setup.py)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("-x,--exitfirst", run.exit_first, "Start no file after the first failure");
  cmd->add_option("--shard", run.shard,
                  "Run shard K of N (K/N, 1-based; default: Bazel's TEST_SHARD_INDEX)");
  cmd->add_flag("--update", run.update, "Rewrite failing transcripts to what the console shows");
  cmd->add_flag("--update-version", run.update_version,
                "As --update, but write what the console shows to the file for this Python "
                "(name.pyXY.ext), leaving name.ext as it is");
  return cmd;
}

CLI::App* AddRecord(CLI::App& app, replay::RecordOptions& record) {
  CLI::App* cmd = app.add_subcommand(
      "record",
      "Push the lines of INPUT (or stdin) through a console and write the transcript; at a "
      "terminal, record an interactive session into -o FILE.");
  cmd->add_option("input", record.input, "File of input lines (default: stdin)");
  cmd->add_option("-o,--output", record.output, "Transcript file (default: stdout)");
  AddIsolationOptions(*cmd, record.isolation);
  return cmd;
}

CLI::App* AddConsole(CLI::App& app, replay::ConsoleCommandOptions& console) {
  CLI::App* cmd = app.add_subcommand(
      "console", "An interactive console on replay's core, as code.interact(local_exit=True).");
  cmd->add_flag("-q", console.quiet, "Don't print the version and copyright banner");
  return cmd;
}

/// Options of replay itself, before (or after) the command.
struct GlobalOptions {
  std::string python;  ///< --python
  bool verbose = false;
  bool version = false;
};

void AddGlobalOptions(CLI::App& app, GlobalOptions& global) {
  app.add_flag("--version", global.version,
               "Show replay's version, the Python it runs and its prefix, and exit");
  app.add_option("--python", global.python,
                 "Python to run as: an interpreter (path or name on PATH) or a venv directory; "
                 "default: the activated venv ($VIRTUAL_ENV), else the Python replay was built "
                 "with. Its minor version must be the built one")
      ->envname("REPLAY_PYTHON");
  app.add_flag("-v,--verbose", global.verbose,
               "First say which Python runs, and its prefix (replay run)");
  app.fallthrough();  // `replay run --python X` as well as `replay --python X run`
}

/// Set in the environment of a replay run instead of another (replay-3.X),
/// so that the chosen one does not hand over again.
const char* const kHandedOver = "REPLAY_HANDED_OVER";

/// Runs the replay built for another Python (`build`) with this process's
/// arguments. Returns only if it cannot: the exit status.
int HandOver(const std::string& build, char** argv) {
  setenv(kHandedOver, "1", 1);
  execv(build.c_str(), argv);
  std::cerr << "replay: cannot run " << build << ": " << std::strerror(errno) << "\n";
  return 2;
}

/// Runs the parsed command as the chosen Python. Returns the exit status.
int Dispatch(const CLI::App& app, const GlobalOptions& global, replay::RunOptions& run,
             replay::RecordOptions& record, replay::ConsoleCommandOptions& console, char** argv) {
  bool handed_over = std::getenv(kHandedOver) != nullptr;
  unsetenv(kHandedOver);  // not for the transcripts to see
  replay::Expected<replay::PythonChoice> python = replay::ChoosePython(global.python, !handed_over);
  if (!python) {
    std::cerr << "replay: " << python.error().ToString() << "\n";
    return 2;
  }
  if (!python->other_build.empty()) return HandOver(python->other_build, argv);
  if (global.version) {
    std::cout << VersionText() << "\n" << replay::DescribeInterpreter(python->executable) << "\n";
    return 0;
  }
  run.python = record.python = console.python = python->executable;
  run.verbose = global.verbose;
  if (app.got_subcommand("run")) return replay::RunCommand(run);
  if (app.got_subcommand("record")) return replay::RecordCommand(record);
  return replay::ConsoleCommand(console);
}

/// Options that would do nothing in the run's mode: a usage error, as
/// silently ignoring them hides a mistake.
std::string UselessOption(const replay::RunOptions& run, const CLI::App& cmd) {
  if (run.mode == ModeChoice::kDoctest && run.placeholders.ellipsis) {
    return "--ellipsis is for console transcripts; in doctest mode use --option ELLIPSIS";
  }
  if (run.mode == ModeChoice::kDoctest && cmd.count("--console") > 0) {
    return "--console is for console transcripts; doctest mode checks as doctest does";
  }
  if (run.mode == ModeChoice::kConsole && !run.doctest.option_flags.empty()) {
    return "--option sets doctest option flags, which console mode does not use "
           "(--ellipsis is its placeholder option)";
  }
  if (run.mode == ModeChoice::kConsole && cmd.count("--prompts") > 0) {
    return "--prompts is for doctest mode; console mode always checks prompts";
  }
  return {};
}

/// "unknown command" and the commands that exist, if `argv[1]` names none.
std::string UnknownCommand(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return {};
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return {};
  std::string text = std::string("unknown command '") + argv[1] + "'";
  if (std::optional<std::string> meant = replay::DidYouMean(argv[1], names))
    text += " (did you mean '" + *meant + "'?)";
  text += "; the commands are:";
  for (const std::string& name : names) text += " " + name;
  return text;
}

}  // namespace

int replay::CommandLineMain(int argc, char** argv) {
  CLI::App app{"Replays recorded Python console transcripts and shows what differs."};
  GlobalOptions global;
  AddGlobalOptions(app, global);
  app.require_subcommand(0, 1);
  replay::RunOptions run;
  replay::RecordOptions record;
  replay::ConsoleCommandOptions console;
  CLI::App* run_cmd = AddRun(app, run);
  AddRecord(app, record);
  AddConsole(app, console);
  if (std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    std::cerr << "replay: " << unknown << "\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
    if (!global.version && app.get_subcommands().empty()) {
      throw CLI::RequiredError("A subcommand");
    }
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  if (std::string useless = UselessOption(run, *run_cmd); run_cmd->parsed() && !useless.empty()) {
    std::cerr << "replay run: " << useless << "\n";
    return 2;
  }
  for (const CLI::Option* option : run_cmd->get_options()) {
    if (option->count() > 0 && !option->get_lnames().empty())
      run.given.push_back("--" + option->get_lnames().front());
  }
  try {
    return Dispatch(app, global, run, record, console, argv);
  } catch (const std::exception& error) {
    std::cerr << "replay: " << error.what() << "\n";
    return 2;
  }
}
