// --update for doctest files.
#pragma once

#include <optional>
#include <string>

#include "replay/doctest/result.h"

namespace replay {

/// Doctest file `text` (as decoded; lines end as in universal newlines:
/// "\r\n", "\r" or "\n", as doctest counts them) with the expected output of
/// each failing example replaced by what its run printed: the `update` text
/// of its report in `result`, indented as the example is. Everything else — prose, directives,
/// fences, examples that passed — stays as it is, and so do the expected lines that still match
/// (the session keeps them). With `prompts` (--fix-prompts), each of
/// `result`'s prompt fixes is applied too, the lines keeping their margin
/// (indentation, Markdown's block-quote markers) and line ends; an output
/// update that overlaps one is left out; without `outputs`, only the fixes.
/// std::nullopt if nothing changes.
std::optional<std::string> UpdatedDoctestText(const std::string& text, const DoctestResult& result,
                                              bool outputs = true, bool prompts = false);

}  // namespace replay
