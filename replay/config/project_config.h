// `[tool.replay]` of a pyproject.toml: a project's defaults for `replay run`,
// its keys those of the option table (replay/options/option_table.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/options/option_table.h"
#include "replay/text/expected.h"

namespace replay {

/// A value of a TOML key as text, where it is.
struct ConfigValue {
  std::string text;  ///< as the command line would give it ("30", "true", "16M")
  int line = 0;
  int column = 0;
};

/// One key of `[tool.replay]` and its values: one for a flag or a value, the
/// items of an array, the keys and values of a table.
struct ConfigSetting {
  const OptionSpec* option = nullptr;
  int line = 0;  ///< of the key
  std::vector<ConfigValue> values;
};

/// What a `[tool.replay]` table sets, in the order of the option table.
struct ProjectConfig {
  std::string file;     ///< the pyproject.toml read; empty: none
  std::string rootdir;  ///< its directory (or, without one, where the run starts)
  std::vector<ConfigSetting> settings;

  /// The setting of the key `key`; nullptr if the table does not set it.
  const ConfigSetting* Find(std::string_view key) const;
};

/// Reads pyproject.toml text `text` (named `display_name` in errors): the
/// `[tool.replay]` table if it has one, nullopt if not. TOML that does not
/// parse, an unknown key (with the key meant, if close) and a value of the
/// wrong TOML type are Diagnostics naming the line and column; the values
/// themselves are checked when applied (ApplyProjectConfig).
Expected<std::optional<ProjectConfig>> ParseProjectConfig(std::string_view text,
                                                          std::string_view display_name);

/// Sets `options` from `config`'s settings, as the option table reads them
/// (paths relative to the rootdir). A value the option refuses is a
/// Diagnostic naming the file, the line and column of the value, and why.
Expected<void> ApplyProjectConfig(const ProjectConfig& config, RunOptions& options);

}  // namespace replay
