// The part of a changed line that differs from the line it replaced.
#pragma once

#include <cstddef>
#include <string_view>

namespace replay {

/// Where two lines differ: each line's bytes [begin, end) between the
/// longest prefix and the longest suffix they share (a whole UTF-8
/// character at either end). An empty span: the other line has more there.
struct ChangedSpan {
  size_t begin = 0;
  size_t removed_end = 0;  ///< the end of the span in the removed line
  size_t added_end = 0;    ///< the end of the span in the added line
  /// Whether the lines share anything at all (a prefix or a suffix).
  bool shared = false;
};

/// The span where `removed` and `added` differ.
ChangedSpan FindChangedSpan(std::string_view removed, std::string_view added);

}  // namespace replay
