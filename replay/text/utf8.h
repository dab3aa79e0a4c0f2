// UTF-8 validity.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view bytes);

/// `bytes` with every invalid byte replaced by U+FFFD, for reports.
std::string ToValidUtf8(std::string_view bytes);

}  // namespace replay
