#include "replay/report/ansi.h"

#include <vector>

#include "replay/text/changed_span.h"
#include "replay/text/lines.h"

namespace replay {

namespace {

const char* Code(Style style) {
  switch (style) {
    case Style::kPlain:
      return "";
    case Style::kBold:
      return "\x1b[1m";
    case Style::kRed:
      return "\x1b[31m";
    case Style::kBoldRed:
      return "\x1b[1;31m";
    case Style::kGreen:
      return "\x1b[32m";
    case Style::kYellow:
      return "\x1b[33m";
    case Style::kBoldYellow:
      return "\x1b[1;33m";
    case Style::kCyan:
      return "\x1b[36m";
  }
  return "";
}

Style DiffLineStyle(std::string_view line) {
  if (StartsWith(line, "---") || StartsWith(line, "+++")) return Style::kBold;
  if (StartsWith(line, "@@")) return Style::kCyan;
  if (StartsWith(line, "-")) return Style::kRed;
  if (StartsWith(line, "+")) return Style::kGreen;
  return Style::kPlain;
}

bool IsRemoved(std::string_view line) { return DiffLineStyle(line) == Style::kRed; }
bool IsAdded(std::string_view line) { return DiffLineStyle(line) == Style::kGreen; }

/// `line` in `style`, its bytes [begin, end) after the diff marker in
/// reverse video too.
std::string PaintSpan(std::string_view line, Style style, size_t begin, size_t end) {
  if (begin == end) return Paint(line, style, true);  // nothing of its own there
  std::string_view text = line.substr(1);
  return std::string(Code(style)) + std::string(line.substr(0, 1)) +
         std::string(text.substr(0, begin)) + "\x1b[7m" +
         std::string(text.substr(begin, end - begin)) + "\x1b[27m" + std::string(text.substr(end)) +
         "\x1b[0m";
}

}  // namespace

std::string Paint(std::string_view text, Style style, bool color) {
  if (!color || style == Style::kPlain) return std::string(text);
  return std::string(Code(style)) + std::string(text) + "\x1b[0m";
}

std::string PaintDiff(std::string_view diff, bool color) {
  if (!color) return std::string(diff);
  std::vector<std::string_view> lines = SplitLines(diff);
  std::vector<std::string> shown(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    shown[i] = Paint(lines[i], DiffLineStyle(lines[i]), true);
  // A run of removed lines replaced by as many added ones: each pair's
  // differing part stands out, where the two lines share something.
  for (size_t at = 0; at < lines.size();) {
    size_t removed = at;
    while (removed < lines.size() && IsRemoved(lines[removed])) ++removed;
    size_t added = removed;
    while (added < lines.size() && IsAdded(lines[added])) ++added;
    if (removed - at > 0 && removed - at == added - removed) {
      for (size_t i = 0; at + i < removed; ++i) {
        std::string_view old_line = lines[at + i], new_line = lines[removed + i];
        ChangedSpan span = FindChangedSpan(old_line.substr(1), new_line.substr(1));
        if (!span.shared) continue;
        shown[at + i] = PaintSpan(old_line, Style::kRed, span.begin, span.removed_end);
        shown[removed + i] = PaintSpan(new_line, Style::kGreen, span.begin, span.added_end);
      }
    }
    at = added > at ? added : at + 1;
  }
  std::string out;
  for (const std::string& line : shown) out += line + "\n";
  return out;
}

}  // namespace replay
