// Small text utilities shared by every layer: lines, prefixes, trimming.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace replay {

/// The lines of `text`, each with its "\n" (the last may lack it); none for
/// empty text. Joining them gives `text` back.
std::vector<std::string_view> SplitLinesKeepEnds(std::string_view text);

/// The lines of `text` without their "\n"; a final "\n" ends the last line
/// (it does not start an empty one).
std::vector<std::string_view> SplitLines(std::string_view text);

/// `lines` joined with `separator` between them.
std::string Join(const std::vector<std::string>& lines, std::string_view separator);

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

/// `text` without trailing whitespace (spaces, tabs, form feeds, vertical
/// tabs, carriage returns).
std::string_view RightStrip(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view Trim(std::string_view text);

/// The 1-based line on which byte `offset` of `text` lies.
int LineOfOffset(std::string_view text, size_t offset);

/// "1 example", "2 examples".
std::string Plural(int count, std::string_view noun);

}  // namespace replay
