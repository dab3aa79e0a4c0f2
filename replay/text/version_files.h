// Expected output that differs by Python version: `name.py313.pycon`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "replay/text/expected.h"

namespace replay {

/// The tag of Python `version` ("3.13.0") in file names: "py313".
std::string VersionTag(std::string_view version);

/// Why file `path` does not apply to Python `version`, if it does not. A
/// file named `stem.pyXY.ext` (`a.py313.pycon`, `doc.py38.md`) holds the
/// expected output for Python X.Y only; a file `stem.ext` holds it for every
/// other Python, and gives way to `stem.pyXY.ext` beside it (on disk) on
/// Python X.Y. So the most specific file that applies is the one run. A tag
/// of `py` and digits that names no version (`py0311`, a minor with a
/// leading zero, more than three digits) is an error: the file would
/// otherwise be skipped for ever.
Expected<std::optional<std::string>> VersionFileMismatch(const std::string& path,
                                                         std::string_view version);

/// The version-specific file of `path` for Python `version`: `a.pycon` ->
/// `a.py313.pycon` on 3.13; `path` itself if it already is that file.
std::string VersionFileFor(const std::string& path, std::string_view version);

}  // namespace replay
