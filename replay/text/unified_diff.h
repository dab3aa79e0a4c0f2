// Unified diffs of expected against actual text.
#pragma once

#include <string>
#include <string_view>

namespace replay {

struct DiffOptions {
  std::string expected_label = "expected";
  std::string actual_label = "actual";
  int context = 3;     ///< unchanged lines shown around each change
  int first_line = 1;  ///< the number of both texts' first line in hunk headers
};

struct Diff {
  std::string text;  ///< the unified diff; empty if the texts are equal
  int hunks = 0;
};

/// A unified diff (computed with dtl) of `expected` against `actual`, line
/// by line, without colour (the terminal reporter adds it). Hunk headers
/// carry 1-based line numbers of both sides, counted from `first_line`.
Diff UnifiedDiff(std::string_view expected, std::string_view actual,
                 const DiffOptions& options = {});

}  // namespace replay
