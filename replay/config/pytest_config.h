// pytest's `doctest_optionflags`, read from the configuration file pytest
// itself would read for the same paths (its inifile), so that a project
// moving from `pytest --doctest-glob` keeps its flags.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// What pytest's configuration says of doctest option flags.
struct PytestOptionFlags {
  std::string file;    ///< the file pytest reads its configuration from; empty: none
  std::string origin;  ///< "FILE:LINE: [pytest] doctest_optionflags"; empty: the key is not set
  std::vector<std::string> flags;  ///< its value, split as pytest splits it (shlex)
};

/// The configuration file pytest (7.x) finds for `paths` (none: the current
/// directory) and its `doctest_optionflags`: in the common ancestor
/// directory of the paths that exist and each directory above it, the first
/// of `pytest.ini` (always), `.pytest.ini` and `tox.ini` (with a `[pytest]`
/// section), `pyproject.toml` (with `[tool.pytest.ini_options]`) and
/// `setup.cfg` (with `[tool:pytest]`); with none and no `setup.py` there or
/// above, the same from each path's own directory. COMPARISON_FLAGS,
/// which pytest takes there, is given as the flags it is made of. A file pytest would
/// refuse (TOML or INI that does not parse, `[pytest]` in setup.cfg, an
/// unclosed quote in the value) is a Diagnostic naming its line.
Expected<PytestOptionFlags> FindPytestOptionFlags(const std::vector<std::string>& paths);

/// The pytest configuration of INI text `text` of file `name` ("pytest.ini",
/// "tox.ini", "setup.cfg", ".pytest.ini" or a path ending so), read as
/// pytest reads it with iniconfig: nullopt if pytest passes the file over,
/// else its doctest_optionflags (origin empty if not set).
Expected<std::optional<PytestOptionFlags>> ReadPytestIni(std::string_view text,
                                                         const std::string& name);

/// The same for pyproject.toml text: `[tool.pytest.ini_options]`.
Expected<std::optional<PytestOptionFlags>> ReadPytestToml(std::string_view text,
                                                          const std::string& name);

/// `value` split as Python's shlex.split splits it (POSIX: quotes, backslash
/// escapes); nullopt for an unclosed quote.
std::optional<std::vector<std::string>> ShlexSplit(std::string_view value);

}  // namespace replay
