// The replay command line: parse options, call one command.
#include <CLI/CLI.hpp>
#include <iostream>

#include "console_command.h"
#include "python_session.h"
#include "record_command.h"
#include "run_command.h"

namespace {

std::string VersionText() {
  return "replay " REPLAY_VERSION " (Python " + pycon::PythonVersion() + ")";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Replays recorded Python console transcripts and shows what differs."};
  app.set_version_flag("--version", VersionText());
  app.require_subcommand(1);

  replay::RunOptions run;
  run.python_executable = REPLAY_PYTHON_EXECUTABLE;
  CLI::App* run_app = app.add_subcommand("run",
                                         "Replay transcripts (files, or directories "
                                         "searched for *.pycon) and diff them.");
  run_app->add_option("paths", run.paths, "Transcript files or directories")->required();
  run_app
      ->add_option("--mode", run.mode,
                   "auto (by extension: .pycon console; .txt, .rst, .md doctest), "
                   "console or doctest")
      ->check(CLI::IsMember({"auto", "console", "doctest"}));
  run_app
      ->add_option("--option", run.doctest_options,
                   "Doctest option flag for every example (e.g. ELLIPSIS); repeatable")
      ->allow_extra_args(false);
  run_app
      ->add_option("--prompts", run.prompts,
                   "Doctest prompts no console would show: fail (default), warn, off")
      ->check(CLI::IsMember({"fail", "warn", "off"}));
  run_app->add_option("-j,--jobs", run.jobs, "Transcripts run at once (default: CPUs)")
      ->check(CLI::NonNegativeNumber);
  run_app->add_option("--timeout", run.timeout_s, "Seconds per transcript (default 60)")
      ->check(CLI::PositiveNumber);
  run_app
      ->add_option("--max-output", run.max_output,
                   "Bytes of output per transcript (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  run_app->add_option("--color", run.color, "Colour diffs: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  run_app->add_option("--report-json", run.report_json, "Write a JSON report to FILE");
  run_app->add_flag("--ellipsis", run.ellipsis,
                    "In console transcripts, \"...\" in expected output matches any text");
  run_app->add_flag("--update", run.update,
                    "Rewrite failing transcripts to what the console shows");
  run_app->add_option("--junit", run.junit, "Write JUnit XML to FILE");

  replay::RecordOptions record;
  record.python_executable = REPLAY_PYTHON_EXECUTABLE;
  CLI::App* record_app = app.add_subcommand(
      "record",
      "Push the lines of INPUT (or stdin) through a console and write the transcript; at a "
      "terminal, record an interactive session into -o FILE.");
  record_app->add_option("input", record.input, "File of input lines (default: stdin)");
  record_app->add_option("-o,--output", record.output, "Transcript file (default: stdout)");
  record_app->add_option("--timeout", record.timeout_s, "Seconds (default 60)")
      ->check(CLI::PositiveNumber);

  replay::ConsoleCommandOptions console;
  console.python_executable = REPLAY_PYTHON_EXECUTABLE;
  CLI::App* console_app = app.add_subcommand(
      "console", "An interactive console on replay's core, as code.interact(local_exit=True).");
  console_app->add_flag("-q", console.quiet, "Don't print the version and copyright banner");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  try {
    if (run_app->parsed()) return replay::RunCommand(run);
    if (record_app->parsed()) return replay::RecordCommand(record);
    if (console_app->parsed()) return replay::ConsoleCommand(console);
  } catch (const std::exception& error) {
    std::cerr << "replay: " << error.what() << "\n";
    return 2;
  }
  return 2;
}
