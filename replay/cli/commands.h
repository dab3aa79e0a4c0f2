// replay's commands and their options, as CLI11 parses them.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "replay/cli/table_options.h"
#include "replay/commands/console.h"
#include "replay/commands/record.h"

namespace replay {

/// Options of replay itself, before (or after) the command.
struct GlobalOptions {
  std::string python;  ///< --python
  bool verbose = false;
  bool version = false;
};

/// replay's whole command line: the program, its commands and their
/// options, with where a parse puts them. The run command's options, and
/// record's limits, come from the option table.
struct CommandLine {
  CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  CLI::App app;
  GlobalOptions global;
  CLI::App* run_command = nullptr;
  std::unique_ptr<TableOptions> run;
  CLI::App* record_command = nullptr;
  RecordOptions record;
  std::unique_ptr<TableOptions> record_limits;
  CLI::App* console_command = nullptr;
  ConsoleCommandOptions console;
};

}  // namespace replay
