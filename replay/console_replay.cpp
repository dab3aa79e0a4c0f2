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

/// Finds the next input, given the prompt the console shows now, the other
/// prompt of the session, and the output since the last input.
using InputFinder = std::function<std::optional<Input>(
    const std::string& prompt, const std::string& other_prompt, const std::string& output)>;

std::string_view RightStrip(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\f\v\r");
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
}

/// Offsets of the starts of lines, for 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  int LineAt(size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }

 private:
  std::vector<size_t> starts_;
};

InputFinder TranscriptInputs(std::string_view text) {
  auto index = std::make_shared<LineIndex>(text);
  auto pos = std::make_shared<size_t>(0);
  return [text, index, pos](const std::string& prompt, const std::string& other_prompt,
                            const std::string& output) -> std::optional<Input> {
    size_t& p = *pos;
    if (text.substr(p, output.size()) == output) {
      p += output.size();
    } else if (p > 0 && text[p - 1] != '\n') {
      size_t end = text.find('\n', p);
      p = end == std::string_view::npos ? text.size() : end + 1;
    }
    std::string_view bare_prompt = RightStrip(prompt);
    std::string_view bare_other = RightStrip(other_prompt);
    while (p < text.size()) {
      size_t end = text.find('\n', p);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(p, end - p);
      int number = index->LineAt(p);
      p = std::min(end + 1, text.size());
      if (line.substr(0, prompt.size()) == prompt) {
        return Input{prompt, std::string(line.substr(prompt.size())), number};
      }
      if (line == bare_prompt) return Input{std::string(line), "", number};
      // The other prompt where the console shows this one: still the input
      // the author meant, echoed with the prompt the console really shows,
      // so that the diff points at the wrong prompt.
      if (!bare_other.empty() && line.substr(0, other_prompt.size()) == other_prompt) {
        return Input{prompt, std::string(line.substr(other_prompt.size())), number};
      }
      if (!bare_other.empty() && line == bare_other) return Input{prompt, "", number};
    }
    return std::nullopt;
  };
}

InputFinder PlainInputs(std::string_view text) {
  auto pos = std::make_shared<size_t>(0);
  auto number = std::make_shared<int>(0);
  return [text, pos, number](const std::string& prompt, const std::string&,
                             const std::string&) -> std::optional<Input> {
    if (*pos >= text.size()) return std::nullopt;
    size_t end = text.find('\n', *pos);
    if (end == std::string_view::npos) end = text.size();
    Input input{prompt, std::string(text.substr(*pos, end - *pos)), ++*number};
    *pos = end + 1;
    return input;
  };
}

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

ReplaySummary Replay(pycon::InteractiveConsole& console, const InputFinder& next_input,
                     const ReplayHooks& hooks) {
  ReplaySummary summary;
  int statement_line = 0;
  console.SetRawInput([&](const std::string& prompt) -> std::optional<std::string> {
    FlushStream("stdout");
    FlushStream("stderr");
    std::string output = hooks.take_output ? hooks.take_output() : std::string();
    std::string other_prompt = console.PromptIfText(console.buffer().empty()).value_or("");
    std::optional<Input> input = next_input(prompt, other_prompt, output);
    if (!input) throw EndOfInput{};
    ++summary.inputs;
    if (console.buffer().empty()) {
      ++summary.statements;
      statement_line = input->line_number;
    }
    if (hooks.on_line) hooks.on_line(statement_line);
    WriteStdout(input->shown_prompt + input->line + "\n");
    FlushStream("stdout");
    if (hooks.take_output) hooks.take_output();
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
  return summary;
}

}  // namespace

ReplaySummary ReplayConsoleTranscript(pycon::InteractiveConsole& console,
                                      std::string_view expected, const ReplayHooks& hooks) {
  return Replay(console, TranscriptInputs(expected), hooks);
}

ReplaySummary ReplayInputLines(pycon::InteractiveConsole& console, std::string_view input,
                               const ReplayHooks& hooks) {
  return Replay(console, PlainInputs(input), hooks);
}

}  // namespace replay
