// The options of `replay run`, each declared once: the command line,
// [tool.replay], --help, the man page and the docs' option list are derived
// from this table, so that they cannot disagree.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "replay/options/run_options.h"

namespace replay {

/// How an option takes its values.
enum class OptionKind {
  kFlag,   ///< no value on the command line; true or false in [tool.replay]
  kValue,  ///< one value; given again, the last wins
  kList,   ///< repeatable; an array of strings in [tool.replay]
  kTable,  ///< [tool.replay] only: a table of strings, read as key, value, key, value...
};

/// Where values come from.
struct OptionOrigin {
  /// How errors name the option: "--timeout", or
  /// "pyproject.toml:3: [tool.replay] timeout".
  std::string name;
  /// Relative paths are relative to this directory (the rootdir, for
  /// [tool.replay]); empty: the current directory.
  std::string base_dir;
};

/// What is wrong with one of an option's values.
struct OptionError {
  size_t item = 0;  ///< the value's index among those given
  std::string message;
};

/// One option, declared once.
struct OptionSpec {
  std::string name;        ///< long name, without "--"; empty: [tool.replay] only
  std::string short_name;  ///< one letter, or empty
  std::string alias;       ///< another long name, or empty (--lf for --last-failed)
  std::string config_key;  ///< key of [tool.replay]; empty: command line only
  OptionKind kind = OptionKind::kValue;
  bool positional = false;                ///< the command line's operands
  std::string value_name;                 ///< what a value is, in help: "SECONDS"
  std::string help;                       ///< one sentence, with the default
  std::vector<std::string> choices = {};  ///< the names a value may be; empty: any text
  /// Sets the option in `options` from its values: one for kValue, "true"
  /// or "false" for kFlag, all for kList, key-value pairs for kTable.
  std::function<std::optional<OptionError>(const std::vector<std::string>& values,
                                           const OptionOrigin& origin, RunOptions& options)>
      set = {};

  /// "--timeout", or the config key for an option of [tool.replay] only.
  std::string DisplayName() const;
};

/// Every option of `replay run`, in the order values are applied: an
/// option may reset what an earlier one set (--mode forgets the modes of
/// [tool.replay.modes]).
const std::vector<OptionSpec>& RunOptionTable();

/// The options of `replay run` that `replay record` takes too (its limits).
bool AlsoForRecord(const OptionSpec& spec);

/// The option of the table whose config key is `key`; nullptr if none.
const OptionSpec* OptionForConfigKey(const std::string& key);

/// The config keys of the table, sorted.
std::vector<std::string> ConfigKeys();

/// An option given on the command line, with its values in order ("true"
/// for a flag).
struct OptionAssignment {
  const OptionSpec* option = nullptr;
  std::vector<std::string> values;
};

/// Sets `options` from `assignments` (paths relative to the current
/// directory). Returns what is wrong with the first value refused, naming
/// the option ("--color: 'yes' is not one of ..."); nullopt if none is.
std::optional<std::string> ApplyCommandLine(const std::vector<OptionAssignment>& assignments,
                                            RunOptions& options);

/// A byte count as `--max-output` takes it: digits, optionally followed by
/// K, M or G (1024s, any case, an optional B); nullopt if it is not one.
std::optional<size_t> ParseByteCount(std::string_view text);

}  // namespace replay
