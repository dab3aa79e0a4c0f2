// How the options of the table take their values: setters shared by
// options of the same kind (a choice of names, a flag, a file that must
// exist, a byte count...). Used by option_table.cpp alone.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "replay/options/option_table.h"

namespace replay {

using OptionResult = std::optional<OptionError>;

/// An error about value `item`.
OptionResult Wrong(std::string message, size_t item = 0);

/// nullopt if `value` is one of `names`; else what it may be, with the name
/// meant if close.
OptionResult CheckChoice(const std::string& value, const std::vector<std::string>& names,
                         size_t item = 0);

/// A setter of an option whose value is one of `names`, each meaning a value
/// of T: `field` of the options.
template <typename T>
OptionSpec Choice(OptionSpec spec, std::vector<std::pair<std::string, T>> names,
                  T RunOptions::*field) {
  for (const auto& [name, value] : names) spec.choices.push_back(name);
  spec.set = [names, field, choices = spec.choices](const std::vector<std::string>& values,
                                                    const OptionOrigin&,
                                                    RunOptions& options) -> OptionResult {
    if (OptionResult wrong = CheckChoice(values.back(), choices)) return wrong;
    for (const auto& [name, value] : names)
      if (name == values.back()) options.*field = value;
    return std::nullopt;
  };
  return spec;
}

/// `spec` setting the flag `field` ("true" or "false").
OptionSpec Flag(OptionSpec spec, bool RunOptions::*field);
/// `spec` setting `field` to its value as given.
OptionSpec Text(OptionSpec spec, std::string RunOptions::*field);
/// `spec` setting `field` to its values, a list.
OptionSpec Strings(OptionSpec spec, std::vector<std::string> RunOptions::*field);
/// `path` as the run names it: relative to `base_dir` (if any), then
/// relative to the current directory where it can be.
std::string Resolve(const std::string& path, const std::string& base_dir);
/// `spec` setting `field` to a file that must exist (relative to the origin's
/// base directory).
OptionSpec ExistingFile(OptionSpec spec, std::string RunOptions::*field);
/// `spec` setting the timeout: seconds more than 0.
OptionSpec Seconds(OptionSpec spec);
/// `spec` setting the number of jobs: 0 (one per CPU) to kMaxJobs.
OptionSpec Jobs(OptionSpec spec);
/// `spec` setting `field` to a byte count more than 0 (or also 0, if
/// `zero_allowed`).
OptionSpec Bytes(OptionSpec spec, size_t IsolationOptions::*field, bool zero_allowed);

/// The most jobs a run takes at once.
inline constexpr int kMaxJobs = 4096;

}  // namespace replay
