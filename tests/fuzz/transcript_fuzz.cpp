// Transcript reading: DecodeTranscript, then TranscriptInputs driven by a
// console that shows exactly what the transcript expects.
//
// Properties: decoding then encoding gives the bytes back; an error names a
// line and column inside the file; the inputs are the transcript's prompt
// lines, every one, in order, each as written; a console that writes
// nothing gets the same inputs; a faithful console's output needs no
// placeholder but for bare prompt lines.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/console/transcript_inputs.h"
#include "replay/text/transcript_text.h"

namespace {

constexpr std::string_view kPrompt = ">>> ", kOther = "... ";

struct Line {
  std::string_view text;
  bool is_input = false;
};

/// The transcript's lines (without "\n"), told input from output as the
/// docs/transcript-format.md says: a line that starts with either prompt, or is one without its
/// trailing space.
std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    bool input = line.substr(0, 4) == kPrompt || line.substr(0, 4) == kOther || line == ">>>" ||
                 line == "...";
    lines.push_back({line, input});
    start = end + 1;
  }
  return lines;
}

/// Replays `text` with a console whose output before each input is the
/// transcript's output lines there (`faithful`), or nothing; checks that
/// every input line comes back, in order.
void CheckInputs(std::string_view text, bool faithful, bool ellipsis) {
  std::vector<Line> lines = Lines(text);
  replay::TranscriptInputs inputs(text, replay::Placeholders{ellipsis});
  std::string session;
  size_t next = 0;  // index of the next line not yet given or shown
  auto output_until_input = [&]() {
    std::string output;
    while (next < lines.size() && !lines[next].is_input) {
      if (faithful) output += std::string(lines[next].text) + "\n";
      ++next;
    }
    // A last line without "\n" is shown without one.
    if (faithful && next == lines.size() && !text.empty() && text.back() != '\n' &&
        !output.empty()) {
      output.pop_back();
    }
    return output;
  };
  while (true) {
    std::string output = output_until_input();
    size_t offset = session.size();
    session += output;
    session += kPrompt;  // written as input() writes it, before the line is read
    std::optional<replay::Input> input =
        inputs.Next(std::string(kPrompt), std::string(kOther), output, offset);
    if (!input) break;
    FUZZ_CHECK(next < lines.size());
    FUZZ_CHECK(input->line_number == static_cast<int>(next) + 1);
    std::string_view written = lines[next].text;
    FUZZ_CHECK(input->line == (written.size() > 4 ? written.substr(4) : std::string_view()));
    session += input->line + "\n";  // the terminal's echo
    ++next;
  }
  FUZZ_CHECK(next == lines.size());  // no input line lost
  // Only a bare prompt line (">>>") stands for the prompt the console wrote.
  for (const replay::Substitution& s : inputs.substitutions) {
    if (!faithful) break;
    FUZZ_CHECK(s.expected == ">>>" && session.substr(s.offset, s.length) == kPrompt);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  replay::Expected<replay::TranscriptText> decoded = replay::DecodeTranscript(bytes, "fuzz");
  if (!decoded) {
    const replay::Diagnostic& error = decoded.error();
    FUZZ_CHECK(error.line >= 1 && error.column >= 1);
    FUZZ_CHECK(static_cast<size_t>(error.column) <= size + 1);
    return 0;
  }
  FUZZ_CHECK(replay::EncodeTranscript(*decoded) == bytes);
  CheckInputs(decoded->text, true, size % 2 == 0);
  CheckInputs(decoded->text, false, size % 2 == 1);
  return 0;
}
