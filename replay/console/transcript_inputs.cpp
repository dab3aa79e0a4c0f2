#include "replay/console/transcript_inputs.h"

#include <algorithm>

#include "replay/text/lines.h"

namespace replay {

namespace {

/// Whether `line` starts with `prompt` (or is it without its trailing
/// whitespace); never for an empty prompt.
bool IsPromptLine(std::string_view line, std::string_view prompt) {
  std::string_view bare = RightStrip(prompt);
  return !bare.empty() && (StartsWith(line, prompt) || line == bare);
}

}  // namespace

TranscriptInputs::TranscriptInputs(std::string_view text, const Placeholders& placeholders)
    : text_(text), placeholders_(placeholders) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::optional<Input> TranscriptInputs::Next(const std::string& prompt,
                                            const std::string& other_prompt,
                                            const std::string& output, size_t offset) {
  SkipOutput(output, offset, prompt);
  // A prompt that spans lines: its first lines must be there as they are,
  // its last line is the prompt of the input line.
  size_t cut = prompt.rfind('\n') + 1;  // 0 if it is one line
  std::string_view head = std::string_view(prompt).substr(0, cut);
  std::string tail = prompt.substr(cut);
  while (pos_ < text_.size()) {
    size_t begin = pos_ + head.size();
    bool headed = text_.substr(pos_, head.size()) == head && begin <= text_.size();
    size_t end = headed ? LineEnd(begin) : LineEnd(pos_);
    if (headed) {
      std::string_view line = text_.substr(begin, end - begin);
      std::optional<Input> input =
          InputAt(line, LineAt(begin), tail, head.empty() ? other_prompt : std::string());
      if (input) {
        pos_ = std::min(end + 1, text_.size());
        // A bare prompt line (`...` for `... `): the file's text stands
        // for the prompt the console wrote, which follows the output.
        if (input->shown_prompt != tail) {
          substitutions.push_back(
              {offset + output.size() + head.size(), tail.size(), input->shown_prompt});
        }
        return input;
      }
    }
    pos_ = NextLine(pos_);
  }
  return std::nullopt;
}

std::optional<Input> TranscriptInputs::InputAt(std::string_view line, int number,
                                               const std::string& prompt,
                                               const std::string& other_prompt) const {
  if (StartsWith(line, prompt))
    return Input{prompt, std::string(line.substr(prompt.size())), number};
  if (line == RightStrip(prompt)) return Input{std::string(line), "", number};
  // The other prompt where the console shows this one: still the input the
  // author meant, echoed with the prompt the console really shows, so that
  // the diff points at the wrong prompt.
  if (RightStrip(other_prompt).empty()) return std::nullopt;
  if (StartsWith(line, other_prompt)) {
    return Input{prompt, std::string(line.substr(other_prompt.size())), number};
  }
  if (line == RightStrip(other_prompt)) return Input{prompt, "", number};
  return std::nullopt;
}

void TranscriptInputs::Finish(const std::string& output, size_t offset) {
  SkipOutput(output, offset, {});
}

size_t TranscriptInputs::LineEnd(size_t from) const {
  size_t end = text_.find('\n', from);
  return end == std::string_view::npos ? text_.size() : end;
}

size_t TranscriptInputs::NextLine(size_t from) const {
  return std::min(LineEnd(from) + 1, text_.size());
}

int TranscriptInputs::LineAt(size_t offset) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                          starts_.begin());
}

/// Moves past the expected text of `output`: exactly (up to a prompt, if it
/// ends inside a line), or up to the next line
/// that starts with `prompt` (the next input; empty: the end) if it matches
/// there through placeholders, or else (when inside a line) to the next line.
void TranscriptInputs::SkipOutput(const std::string& output, size_t offset,
                                  std::string_view prompt) {
  if (text_.substr(pos_, output.size()) == output) {
    // Output that ends inside a line matches only if the console's prompt
    // follows it there: "a" is no match for "ab>>> 1 + 1".
    size_t after = pos_ + output.size();
    std::string_view rest = text_.substr(after, LineEnd(after) - after);
    if (output.empty() || output.back() == '\n' || prompt.empty() || rest.empty() ||
        IsPromptLine(rest, prompt.substr(0, prompt.find('\n')))) {
      pos_ = after;
      return;
    }
  }
  if (SkipSameLines(output, offset)) return;
  bool inside_line = pos_ > 0 && text_[pos_ - 1] != '\n';
  bool partial = !output.empty() && output.back() != '\n';
  size_t end = NextInput(inside_line ? NextLine(pos_) : pos_, prompt, partial);
  std::string_view expected = text_.substr(pos_, end - pos_);
  if (OutputMatches(expected, output, placeholders_)) {
    substitutions.push_back({offset, output.size(), std::string(expected)});
    pos_ = end;
  } else if (SubstituteLines(expected, output, offset)) {
    pos_ = end;
  } else if (inside_line) {
    pos_ = NextLine(pos_);
  }
}

/// Where the next input starts at or after `from`: a line that starts with
/// `prompt`, or, after output without a final newline (`partial`), the last
/// `prompt` inside a line, where the console's prompt followed that output
/// on the same line. The end of the text if there is none.
size_t TranscriptInputs::NextInput(size_t from, std::string_view prompt, bool partial) const {
  for (size_t at = from; at < text_.size(); at = NextLine(at)) {
    std::string_view line = text_.substr(at, LineEnd(at) - at);
    if (IsPromptLine(line, prompt)) return at;
    size_t inside = partial && !prompt.empty() ? line.rfind(prompt) : std::string_view::npos;
    if (inside != std::string_view::npos) return at + inside;
  }
  return text_.size();
}

/// Moves past as many whole lines of the text as `output` has, if they match
/// it through placeholders: output that looks like a prompt (`>>> ` and an
/// object address) is then output, not input.
bool TranscriptInputs::SkipSameLines(const std::string& output, size_t offset) {
  if (output.empty() || output.back() != '\n') return false;
  size_t end = pos_;
  for (size_t n = std::count(output.begin(), output.end(), '\n'); n > 0; --n) {
    if (end >= text_.size()) return false;
    end = NextLine(end);
  }
  std::string_view expected = text_.substr(pos_, end - pos_);
  if (expected.empty() || expected.back() != '\n' ||
      !OutputMatches(expected, output, placeholders_)) {
    return false;
  }
  substitutions.push_back({offset, output.size(), std::string(expected)});
  pos_ = end;
  return true;
}

/// Where the output and the expected text have as many lines, the lines that
/// match through placeholders count as matching: the diff then shows only
/// the others, and --update keeps those placeholders.
bool TranscriptInputs::SubstituteLines(std::string_view expected, std::string_view output,
                                       size_t offset) {
  std::vector<std::string_view> want = SplitLinesKeepEnds(expected);
  std::vector<std::string_view> got = SplitLinesKeepEnds(output);
  if (want.size() != got.size() || want.empty()) return false;
  size_t at = offset;
  for (size_t k = 0; k < want.size(); ++k) {
    if (want[k] != got[k] && OutputMatches(want[k], got[k], placeholders_)) {
      substitutions.push_back({at, got[k].size(), std::string(want[k])});
    }
    at += got[k].size();
  }
  return true;
}

std::optional<Input> PlainInputs::Next(const std::string& prompt, const std::string&,
                                       const std::string&, size_t) {
  if (pos_ >= text_.size()) return std::nullopt;
  size_t end = text_.find('\n', pos_);
  if (end == std::string_view::npos) end = text_.size();
  Input input{prompt, std::string(text_.substr(pos_, end - pos_)), ++number_};
  pos_ = end + 1;
  return input;
}

}  // namespace replay
