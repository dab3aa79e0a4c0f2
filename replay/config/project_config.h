// `[tool.replay]` of a pyproject.toml: a project's defaults for `replay run`.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// Files matching a glob, checked in a mode: an entry of `[tool.replay.modes]`.
struct ModeGlob {
  std::string glob;  ///< as -k reads a glob: the whole path or a tail after a `/`
  std::string mode;  ///< "console" or "doctest"
};

/// What a `[tool.replay]` table sets; a key left out is empty (nullopt).
/// Values are checked (names, ranges) but kept as written: the command
/// decides what they mean.
struct ProjectConfig {
  std::string file;     ///< the pyproject.toml read; empty: none
  std::string rootdir;  ///< its directory (or, without one, where the run starts)
  std::optional<std::vector<std::string>> paths;  ///< run when no path is given
  std::vector<std::string> exclude;               ///< globs left out of directory searches
  std::optional<std::string> mode;                ///< "auto", "console" or "doctest"
  std::vector<ModeGlob> modes;                    ///< longest glob first
  std::optional<std::vector<std::string>> doctest_options;  ///< as --option
  std::optional<std::string> prompts;                       ///< "fail", "warn" or "off"
  std::optional<double> timeout;                            ///< seconds, > 0
  std::optional<int> jobs;                                  ///< >= 0
  std::optional<size_t> max_output;                         ///< bytes, > 0
  std::optional<size_t> max_memory;                         ///< bytes; 0: no limit
  std::optional<bool> ellipsis;
  std::optional<std::string> setup;  ///< relative to the rootdir
  std::map<std::string, int> lines;  ///< the line of each key given
};

/// Reads pyproject.toml text `text` (named `display_name` in errors): the
/// `[tool.replay]` table if it has one, nullopt if not. TOML that does not
/// parse, an unknown key (with the key meant, if close) and a value of the
/// wrong type or out of range are Diagnostics naming the line and column.
Expected<std::optional<ProjectConfig>> ParseProjectConfig(std::string_view text,
                                                          std::string_view display_name);

/// The keys `[tool.replay]` knows, sorted.
std::vector<std::string> ProjectConfigKeys();

/// A byte count as `--max-output` takes it: digits, optionally followed by
/// K, M or G (1024s, any case, an optional B); nullopt if it is not one.
std::optional<size_t> ParseByteCount(std::string_view text);

}  // namespace replay
