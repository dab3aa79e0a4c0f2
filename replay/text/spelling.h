// Suggestions for misspelt names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace replay {

/// The name of `names` closest to `word` (Levenshtein distance, ignoring
/// case), if it is close enough to be what was meant: at most a third of the
/// word's length, and at least 1, edits away.
std::optional<std::string> DidYouMean(std::string_view word, const std::vector<std::string>& names);

}  // namespace replay
