#include "replay/cli/commands.h"

namespace replay {

CommandLine::CommandLine()
    : app("Replays recorded Python console transcripts and shows what differs.", "replay") {
  app.add_flag("--version", global.version,
               "Show replay's version, the Python it runs and its prefix, and exit");
  app.add_option("--python", global.python,
                 "Python to run as: an interpreter (path or name on PATH) or a venv directory; "
                 "default: the activated venv ($VIRTUAL_ENV), else the Python replay was built "
                 "with. It must be (a venv of) the installation replay was built with, or of a "
                 "minor version that a replay-3.X beside replay is built for")
      ->envname("REPLAY_PYTHON")
      ->type_name("PYTHON");
  app.add_flag("-v,--verbose", global.verbose,
               "First say which Python runs, and its prefix; list passing files (PASS) and files "
               "without examples (SKIP) too (replay run)");
  app.fallthrough();  // `replay run --python X` as well as `replay --python X run`
  app.require_subcommand(0, 1);

  run_command = app.add_subcommand(
      "run",
      "Replay transcripts and doctest files (files, or directories searched for *.pycon; "
      "with --mode doctest, *.txt, *.rst, *.md and modules of packages) and diff them.");
  run = std::make_unique<TableOptions>(*run_command, [](const OptionSpec&) { return true; });

  record_command = app.add_subcommand(
      "record",
      "Push the lines of INPUT (or stdin) through a console and write the transcript; at a "
      "terminal, record an interactive session into -o FILE.");
  record_command->add_option("input", record.input, "File of input lines (default: stdin)")
      ->type_name("INPUT");
  record_command->add_option("-o,--output", record.output, "Transcript file (default: stdout)")
      ->type_name("FILE");
  record_limits = std::make_unique<TableOptions>(*record_command, AlsoForRecord);

  console_command = app.add_subcommand(
      "console", "An interactive console on replay's core, as code.interact(local_exit=True).");
  console_command->add_flag("-q", console.quiet, "Don't print the version and copyright banner");
}

}  // namespace replay
