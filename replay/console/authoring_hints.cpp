#include "replay/console/authoring_hints.h"

#include <vector>

#include "replay/text/lines.h"

namespace replay {

namespace {

constexpr char kInvisible[] = "differs only in trailing whitespace or a carriage return";

std::string_view LineAt(const std::vector<std::string_view>& lines, int line) {
  return line >= 1 && static_cast<size_t>(line) <= lines.size() ? lines[line - 1]
                                                                : std::string_view();
}

bool IsPromptLine(std::string_view line) {
  return StartsWith(line, ">>> ") || StartsWith(line, "... ") || line == ">>>" || line == "...";
}

bool LooksLikeBanner(std::string_view line) {
  return StartsWith(line, "$ ") || StartsWith(line, "Python 2.") || StartsWith(line, "Python 3.") ||
         line.find("Type \"help\", \"copyright\"") != std::string_view::npos;
}

/// The authoring mistake of expected line `want` where the console shows
/// `got`, if it is one whatever the rest of the transcript.
std::string LineMistake(std::string_view want, std::string_view got) {
  for (std::string_view prompt : {">>>", "..."}) {
    if (StartsWith(want, prompt) && want.size() > 3 && want[3] != ' ' && want[3] != '\r' &&
        !(prompt == "..." && want[3] == '.')) {
      return "`" + std::string(prompt) + "` without a space after it is no prompt: write `" +
             std::string(prompt) + " ` (with a space) before the input";
    }
  }
  if (want != got && RightStrip(want) == RightStrip(got))
    return std::string("the line ") + kInvisible;
  if (StartsWith(got, "...") && !StartsWith(want, "...") && !want.empty()) {
    return "the block before this line is still open: a console shows `... ` here and runs "
           "nothing until an empty `...` line; add one before this line";
  }
  if (want.empty() && IsPromptLine(got)) {
    return "an empty line where the console shows a prompt: write an empty input as `...` "
           "(in a block) or `>>>`";
  }
  return {};
}

}  // namespace

std::string LikelyCause(std::string_view expected, std::string_view actual, int line) {
  std::vector<std::string_view> want = SplitLines(expected), got = SplitLines(actual);
  for (std::string_view first : want) {
    if (IsPromptLine(first)) break;
    if (LooksLikeBanner(first)) {
      return "the transcript holds a pasted banner or shell line (`" + std::string(first) +
             "`); a transcript starts at the first `>>> ` after the banner";
    }
  }
  std::string mistake = LineMistake(LineAt(want, line), LineAt(got, line));
  // The console ran out of inputs in an open block: it shows nothing more.
  std::string_view before = LineAt(want, line - 1);
  if (mistake.empty() && static_cast<size_t>(line) > got.size() && !LineAt(want, line).empty() &&
      (StartsWith(before, "... ") || (StartsWith(before, ">>> ") && EndsWith(before, ":")))) {
    return LineMistake(LineAt(want, line), "...");
  }
  return mistake;
}

bool IsInvisibleDifference(std::string_view cause) {
  return cause.find(kInvisible) != std::string_view::npos;
}

std::string ShowInvisible(std::string_view diff) {
  std::string shown;
  for (std::string_view line : SplitLinesKeepEnds(diff)) {
    bool changed = (StartsWith(line, "-") && !StartsWith(line, "---")) ||
                   (StartsWith(line, "+") && !StartsWith(line, "+++"));
    bool newline = EndsWith(line, "\n");
    if (newline) line.remove_suffix(1);
    std::string text(line);
    if (changed) {
      size_t end = text.size();
      while (end > 1 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
        --end;
      std::string tail;
      for (char c : text.substr(end)) tail += c == ' ' ? "·" : c == '\t' ? "→" : "\\r";
      text = text.substr(0, end) + tail;
    }
    shown += text + (newline ? "\n" : "");
  }
  return shown;
}

}  // namespace replay
