// What may legitimately vary in a console transcript's output.
#pragma once

#include <string_view>

namespace replay {

/// Which placeholders the expected output of console transcripts may hold.
struct Placeholders {
  /// "..." in expected output matches any text (doctest's ELLIPSIS), as
  /// enabled by --ellipsis. Never applies to prompt lines.
  bool ellipsis = false;
};

/// Whether the console output `actual` satisfies the expected output
/// `expected` of the same stretch of a transcript: equal once object
/// addresses (" at 0x" and hex digits, as in `<object at 0x7f3a...>`) are
/// set aside on both sides, and with "..." matching any text if enabled.
bool OutputMatches(std::string_view expected, std::string_view actual,
                   const Placeholders& placeholders);

}  // namespace replay
