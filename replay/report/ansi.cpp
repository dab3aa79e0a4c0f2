#include "replay/report/ansi.h"

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

}  // namespace

std::string Paint(std::string_view text, Style style, bool color) {
  if (!color || style == Style::kPlain) return std::string(text);
  return std::string(Code(style)) + std::string(text) + "\x1b[0m";
}

std::string PaintDiff(std::string_view diff, bool color) {
  if (!color) return std::string(diff);
  std::string out;
  for (std::string_view line : SplitLines(diff)) {
    out += Paint(line, DiffLineStyle(line), color) + "\n";
  }
  return out;
}

}  // namespace replay
