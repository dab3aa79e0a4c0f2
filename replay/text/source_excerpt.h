// Numbered lines of a file, as pytest shows them before a failing example.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// Lines `first` to `last` (1-based, inclusive) of `text`, each as
/// "NNN line\n": its number, zero-padded to at least three digits, as
/// pytest numbers a doctest's lines. Lines outside `text` are left out;
/// none: "".
std::string SourceExcerpt(std::string_view text, int first, int last);

}  // namespace replay
