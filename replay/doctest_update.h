// --update for doctest files.
#pragma once

#include <optional>
#include <string>

namespace replay {

/// Doctest file `text` ("\n" line ends, as read) with the expected output of
/// each failing example replaced by what its run printed: the "update" text
/// of its report in `result` (a doctest session's result, see RunDoctest),
/// indented as the example is. Everything else — prose, directives, fences,
/// examples that passed — stays as it is, and so do the expected lines that
/// still match (the session keeps them). std::nullopt if nothing changes or
/// `result` cannot be read.
std::optional<std::string> UpdatedDoctestText(const std::string& text, const std::string& result);

}  // namespace replay
