// The option table (replay/options/option_table.h) on a CLI11 command.
#pragma once

#include <CLI/CLI.hpp>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "replay/options/option_table.h"

namespace replay {

/// The options of the table that a command takes, declared to CLI11 as
/// plain text (CLI11 checks nothing but their number; the table's setters
/// check their values), and what a parse gave them.
class TableOptions {
 public:
  /// Declares on `cmd` each option of the table for which `wanted` holds
  /// and that the command line has.
  TableOptions(CLI::App& cmd, const std::function<bool(const OptionSpec&)>& wanted);
  TableOptions(const TableOptions&) = delete;
  TableOptions& operator=(const TableOptions&) = delete;

  /// The options given, in the order of the table, each with its values.
  std::vector<OptionAssignment> Given() const;

 private:
  struct Bound {
    const OptionSpec* spec = nullptr;
    CLI::Option* option = nullptr;
    std::vector<std::string> values;
  };
  std::deque<Bound> bound_;  ///< stable addresses: CLI11 writes into `values`
};

/// CLI11's names of an option: "-j,--jobs", "--lf,--last-failed", "paths".
std::string Cli11Names(const OptionSpec& spec);

}  // namespace replay
