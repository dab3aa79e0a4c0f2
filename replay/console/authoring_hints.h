// Known authoring mistakes in console transcripts, named where they show.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// The likely cause of a transcript's first difference from what the console
/// shows, at 1-based line `line` of `expected` (the same line of `actual`,
/// as everything before it is equal), when it is a known authoring mistake:
/// a pasted banner or `$ python` line, `>>>x` without a space, a block not
/// closed by an empty `...` line, an empty line where the console shows a
/// prompt, a line that differs only in trailing whitespace or a CR. Empty if
/// none applies.
std::string LikelyCause(std::string_view expected, std::string_view actual, int line);

/// Whether `cause` (of LikelyCause) is an invisible difference, which
/// ShowInvisible makes visible.
bool IsInvisibleDifference(std::string_view cause);

/// Unified diff `diff` with its removed and added lines made visible: a CR
/// as `\r`, trailing spaces as `·` and trailing tabs as `→`.
std::string ShowInvisible(std::string_view diff);

}  // namespace replay
