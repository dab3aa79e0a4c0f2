#include "replay/doctest/markdown.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "replay/text/lines.h"

namespace replay {

namespace {

struct Fence {
  char mark = 0;      ///< '`' or '~'; 0: the line is no fence
  size_t length = 0;  ///< how many marks
  std::string_view info;
};

Fence ParseFence(std::string_view line) {
  Fence fence;
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return fence;
  char mark = line[start];
  if (mark != '`' && mark != '~') return fence;
  size_t end = line.find_first_not_of(mark, start);
  if (end == std::string_view::npos) end = line.size();
  if (end - start < 3) return fence;
  std::string_view info = Trim(line.substr(end));
  // CommonMark: a backtick fence's info string holds no backtick.
  if (mark == '`' && info.find('`') != std::string_view::npos) return fence;
  fence.mark = mark;
  fence.length = end - start;
  fence.info = info;
  return fence;
}

bool IsConsoleLanguage(std::string_view info) {
  size_t end = info.find_first_of(" \t{");
  std::string word(info.substr(0, end));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word == "pycon" || word == "python" || word == "py";
}

bool HoldsPrompt(std::string_view line) {
  size_t start = line.find_first_not_of(" \t");
  return start != std::string_view::npos && line.substr(start, 3) == ">>>";
}

}  // namespace

std::string MarkdownToDoctest(std::string_view markdown) {
  std::vector<std::string_view> lines = SplitLines(markdown);
  std::vector<bool> keep(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    Fence open = ParseFence(lines[i]);
    if (open.mark == 0) continue;
    size_t close = i + 1;
    for (; close < lines.size(); ++close) {
      Fence fence = ParseFence(lines[close]);
      if (fence.mark == open.mark && fence.length >= open.length && fence.info.empty()) break;
    }
    bool examples = open.info.empty()
                        ? std::any_of(lines.begin() + i + 1, lines.begin() + close, HoldsPrompt)
                        : IsConsoleLanguage(open.info);
    if (examples) std::fill(keep.begin() + i + 1, keep.begin() + close, true);
    i = close;  // the closing fence (or the end)
  }
  std::string text;
  text.reserve(markdown.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (keep[i]) text += lines[i];
    if (i + 1 < lines.size() || markdown.back() == '\n') text += '\n';
  }
  return text;
}

}  // namespace replay
