// --update for doctest files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "replay/doctest/result.h"
#include "replay/text/diagnostic.h"

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

/// What --update makes of a doctest file.
struct DoctestUpdate {
  std::optional<std::string> text;  ///< std::nullopt: nothing changes
  /// The changes left out, each with its example's line and why (no file).
  std::vector<Diagnostic> refused;
};

/// As UpdatedDoctestText. With `python` (`text` is a Python module whose
/// docstrings hold the examples), an output update is made only where its
/// docstring reads the new lines as they are written and the module still
/// compiles (DocstringRewriteRefusal), and refused otherwise; every prompt
/// fix is refused.
DoctestUpdate UpdateDoctest(const std::string& text, const DoctestResult& result, bool outputs,
                            bool prompts, bool python);

}  // namespace replay
