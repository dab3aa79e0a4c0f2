// ANSI colours for a terminal: the one place that knows the escape codes.
#pragma once

#include <string>
#include <string_view>

namespace replay {

enum class Style { kPlain, kBold, kRed, kBoldRed, kGreen, kYellow, kBoldYellow, kCyan };

/// `text` in `style` (and back to plain after it) if `color`; else `text`.
std::string Paint(std::string_view text, Style style, bool color);

/// A unified diff with its lines coloured as diff tools do: file headers
/// bold, hunk headers cyan, removed lines red, added lines green; where
/// a run of removed lines is followed by as many added lines, each pair
/// that shares a prefix or a suffix shows the part between in reverse
/// video (`-1.50` / `+1.5`: the `0`).
std::string PaintDiff(std::string_view diff, bool color);

/// Clears the terminal line the cursor is on (for a progress line).
inline constexpr char kClearLine[] = "\r\x1b[K";

}  // namespace replay
