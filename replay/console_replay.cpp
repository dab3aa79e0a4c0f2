#include "console_replay.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "python_error.h"

namespace replay {

namespace {

/// The inputs ran out: ends Interact() without the EOF newline.
struct EndOfInput {};

/// The next input, as found in the text, and where.
struct Input {
  std::string shown_prompt;
  std::string line;
  int line_number = 0;
};

std::string_view RightStrip(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\f\v\r");
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// Where a replay's inputs come from.
class InputSource {
 public:
  virtual ~InputSource() = default;
  /// The next input given the prompt the console shows now, the session's
  /// other prompt, and the output written since the last input (which
  /// starts at `offset` in the session's output); std::nullopt at the end.
  virtual std::optional<Input> Next(const std::string& prompt, const std::string& other_prompt,
                                    const std::string& output, size_t offset) = 0;
  /// The output written after the last input.
  virtual void Finish(const std::string& output, size_t offset) = 0;
  std::vector<Substitution> substitutions;
};

/// Inputs read from a console transcript (see ReplayConsoleTranscript).
class TranscriptInputs : public InputSource {
 public:
  TranscriptInputs(std::string_view text, const Placeholders& placeholders)
      : text_(text), placeholders_(placeholders) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  std::optional<Input> Next(const std::string& prompt, const std::string& other_prompt,
                            const std::string& output, size_t offset) override {
    SkipOutput(output, offset, prompt);
    std::string_view bare_prompt = RightStrip(prompt);
    std::string_view bare_other = RightStrip(other_prompt);
    while (pos_ < text_.size()) {
      size_t end = LineEnd(pos_);
      std::string_view line = text_.substr(pos_, end - pos_);
      int number = LineAt(pos_);
      pos_ = std::min(end + 1, text_.size());
      if (StartsWith(line, prompt)) {
        return Input{prompt, std::string(line.substr(prompt.size())), number};
      }
      if (line == bare_prompt) return Input{std::string(line), "", number};
      // The other prompt where the console shows this one: still the input
      // the author meant, echoed with the prompt the console really shows,
      // so that the diff points at the wrong prompt.
      if (!bare_other.empty() && StartsWith(line, other_prompt)) {
        return Input{prompt, std::string(line.substr(other_prompt.size())), number};
      }
      if (!bare_other.empty() && line == bare_other) return Input{prompt, "", number};
    }
    return std::nullopt;
  }

  void Finish(const std::string& output, size_t offset) override { SkipOutput(output, offset, {}); }

 private:
  size_t LineEnd(size_t from) const {
    size_t end = text_.find('\n', from);
    return end == std::string_view::npos ? text_.size() : end;
  }
  int LineAt(size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }
  /// Whether `line` starts with `prompt` (or is it without its trailing
  /// whitespace); never for an empty prompt.
  static bool IsPromptLine(std::string_view line, std::string_view prompt) {
    std::string_view bare = RightStrip(prompt);
    return !bare.empty() && (StartsWith(line, prompt) || line == bare);
  }

  /// Moves past the expected text of `output`: exactly, or up to the next
  /// line that starts with `prompt` (the next input; empty: the end) if it
  /// matches there through placeholders, or else (when inside a line) to the
  /// next line.
  void SkipOutput(const std::string& output, size_t offset, std::string_view prompt) {
    if (text_.substr(pos_, output.size()) == output) {
      pos_ += output.size();
      return;
    }
    size_t end = pos_;
    if (end > 0 && text_[end - 1] != '\n') end = std::min(LineEnd(end) + 1, text_.size());
    while (end < text_.size() && !IsPromptLine(text_.substr(end, LineEnd(end) - end), prompt)) {
      end = std::min(LineEnd(end) + 1, text_.size());
    }
    std::string_view expected = text_.substr(pos_, end - pos_);
    if (OutputMatches(expected, output, placeholders_)) {
      substitutions.push_back({offset, output.size(), std::string(expected)});
      pos_ = end;
    } else if (SubstituteLines(expected, output, offset)) {
      pos_ = end;
    } else if (pos_ > 0 && text_[pos_ - 1] != '\n') {
      pos_ = std::min(LineEnd(pos_) + 1, text_.size());
    }
  }

  /// Where the output and the expected text have as many lines, the lines
  /// that match through placeholders count as matching: the diff then
  /// shows only the others, and --update keeps those placeholders.
  bool SubstituteLines(std::string_view expected, std::string_view output, size_t offset) {
    auto lines = [](std::string_view text) {
      std::vector<std::string_view> result;
      for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        result.push_back(text.substr(start, end - start));
        start = end;
      }
      return result;
    };
    std::vector<std::string_view> want = lines(expected), got = lines(output);
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

  std::string_view text_;
  Placeholders placeholders_;
  std::vector<size_t> starts_;
  size_t pos_ = 0;
};

/// Every line an input (replay record).
class PlainInputs : public InputSource {
 public:
  explicit PlainInputs(std::string_view text) : text_(text) {}
  std::optional<Input> Next(const std::string& prompt, const std::string&, const std::string&,
                            size_t) override {
    if (pos_ >= text_.size()) return std::nullopt;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    Input input{prompt, std::string(text_.substr(pos_, end - pos_)), ++number_};
    pos_ = end + 1;
    return input;
  }
  void Finish(const std::string&, size_t) override {}

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

void FlushStream(const char* name) {
  PyObject* stream = PySys_GetObject(name);
  if (stream == nullptr || stream == Py_None) return;
  pycon::PyRef result = pycon::PyRef::Steal(PyObject_CallMethod(stream, "flush", nullptr));
  if (!result) PyErr_Clear();
}

void WriteStdout(const std::string& text) {
  PyObject* out = PySys_GetObject("stdout");
  if (out == nullptr) throw std::runtime_error("lost sys.stdout");
  pycon::Check(PyObject_CallMethod(out, "write", "N", pycon::MakeStr(text).release()),
               "sys.stdout.write");
}

ReplaySummary Replay(pycon::InteractiveConsole& console, InputSource& inputs,
                     const ReplayHooks& hooks) {
  ReplaySummary summary;
  int statement_line = 0;
  size_t consumed = 0;  // bytes of the session's output taken so far
  auto take_output = [&]() {
    std::string output = hooks.take_output ? hooks.take_output() : std::string();
    consumed += output.size();
    return output;
  };
  console.SetRawInput([&](const std::string& prompt) -> std::optional<std::string> {
    FlushStream("stdout");
    FlushStream("stderr");
    std::string output = take_output();
    std::string other_prompt = console.PromptIfText(console.buffer().empty()).value_or("");
    std::optional<Input> input =
        inputs.Next(prompt, other_prompt, output, consumed - output.size());
    if (!input) throw EndOfInput{};
    ++summary.inputs;
    if (console.buffer().empty()) {
      ++summary.statements;
      statement_line = input->line_number;
    }
    if (hooks.on_line) hooks.on_line(statement_line);
    WriteStdout(input->shown_prompt + input->line + "\n");
    FlushStream("stdout");
    take_output();
    return input->line;
  });
  try {
    console.Interact(std::string(), std::string());
  } catch (const EndOfInput&) {
  } catch (const pycon::SystemExitError& exit) {
    std::string message = exit.ExitMessage();
    if (!message.empty()) console.Write(message);
  }
  console.SetRawInput(nullptr);
  FlushStream("stdout");
  FlushStream("stderr");
  std::string output = take_output();
  inputs.Finish(output, consumed - output.size());
  summary.substitutions = std::move(inputs.substitutions);
  return summary;
}

}  // namespace

ReplaySummary ReplayConsoleTranscript(pycon::InteractiveConsole& console, std::string_view expected,
                                      const ReplayHooks& hooks, const Placeholders& placeholders) {
  TranscriptInputs inputs(expected, placeholders);
  return Replay(console, inputs, hooks);
}

ReplaySummary ReplayInputLines(pycon::InteractiveConsole& console, std::string_view input,
                               const ReplayHooks& hooks) {
  PlainInputs inputs(input);
  return Replay(console, inputs, hooks);
}

std::string ApplySubstitutions(std::string_view output,
                               const std::vector<Substitution>& substitutions) {
  std::string result;
  size_t at = 0;
  for (const Substitution& substitution : substitutions) {
    if (substitution.offset < at || substitution.offset + substitution.length > output.size()) {
      continue;
    }
    result.append(output.substr(at, substitution.offset - at));
    result.append(substitution.expected);
    at = substitution.offset + substitution.length;
  }
  result.append(output.substr(at));
  return result;
}

}  // namespace replay
