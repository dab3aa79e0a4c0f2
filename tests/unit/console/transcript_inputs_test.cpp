#include "replay/console/transcript_inputs.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using replay::Input;
using replay::InputSource;
using replay::Placeholders;
using replay::PlainInputs;
using replay::Substitution;
using replay::TranscriptInputs;

namespace {

constexpr char kPs1[] = ">>> ";
constexpr char kPs2[] = "... ";

/// Plays the console's part by hand: each call shows some output, then asks
/// for a line at a prompt and echoes it, as the replay's console does; it
/// keeps the whole session's output so that offsets are those of a session.
class HandConsole {
 public:
  explicit HandConsole(InputSource& inputs) : inputs_(inputs) {}

  /// The console has shown `output` and now shows `prompt` (`other` being
  /// the other prompt).
  std::optional<Input> Ask(const std::string& prompt, const std::string& other,
                           const std::string& output = {}) {
    size_t offset = shown_.size();
    shown_ += output;
    std::optional<Input> input = inputs_.Next(prompt, other, output, offset);
    if (input) shown_ += input->shown_prompt + input->line + "\n";
    return input;
  }
  std::optional<Input> Primary(const std::string& output = {}) { return Ask(kPs1, kPs2, output); }
  std::optional<Input> Continuation(const std::string& output = {}) {
    return Ask(kPs2, kPs1, output);
  }
  /// The session ends after showing `output`.
  void End(const std::string& output = {}) {
    size_t offset = shown_.size();
    shown_ += output;
    inputs_.Finish(output, offset);
  }
  /// Everything the session showed, with the placeholder matches in place.
  std::string Comparable() const {
    return replay::ApplySubstitutions(shown_, inputs_.substitutions);
  }
  const std::string& shown() const { return shown_; }

 private:
  InputSource& inputs_;
  std::string shown_;
};

void CheckInput(const std::optional<Input>& input, const std::string& shown_prompt,
                const std::string& line, int line_number) {
  REQUIRE(input);
  CHECK(input->shown_prompt == shown_prompt);
  CHECK(input->line == line);
  CHECK(input->line_number == line_number);
}

void CheckSubstitution(const Substitution& substitution, size_t offset, size_t length,
                       const std::string& expected) {
  CHECK(substitution.offset == offset);
  CHECK(substitution.length == length);
  CHECK(substitution.expected == expected);
}

}  // namespace

TEST_CASE("the next input is the prompt line after the output that matched") {
  std::string text = ">>> print(1)\n1\n>>> x = 2\n>>> \n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "print(1)", 1);
  CheckInput(console.Primary("1\n"), ">>> ", "x = 2", 3);
  CheckInput(console.Primary(), ">>> ", "", 4);
  CHECK_FALSE(console.Primary());
  console.End();
  CHECK(inputs.substitutions.empty());
  CHECK(console.shown() == text);
}

TEST_CASE("output without a final newline runs into the next prompt on the same line") {
  std::string text = ">>> print('a', end='')\na>>> x = 1\n>>> x\n1\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "print('a', end='')", 1);
  CheckInput(console.Primary("a"), ">>> ", "x = 1", 2);
  CheckInput(console.Primary(), ">>> ", "x", 3);
  CHECK_FALSE(console.Primary("1\n"));
  CHECK(console.shown() == text);
}

// When the output differs, the line where it runs into the next prompt still
// holds that input ("x = 1"): it is entered, so the replay runs the code the
// transcript holds and --update keeps the statement.
TEST_CASE("output without a final newline that differs still leaves the input on its line") {
  std::string text = ">>> print('a', end='')\na>>> x = 1\n>>> x\n1\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "print('a', end='')", 1);
  CheckInput(console.Primary("b"), ">>> ", "x = 1", 2);
  CheckInput(console.Primary(), ">>> ", "x", 3);
}

// The console wrote "a" where the file holds "ab" before its prompt: the
// output is a strict prefix of the expected text, and "1 + 1" is still the
// input of that line.
TEST_CASE("output that is a strict prefix of the text before a prompt leaves the input") {
  std::string text = ">>> print('a', end='')\nab>>> 1 + 1\n2\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "print('a', end='')", 1);
  CheckInput(console.Primary("a"), ">>> ", "1 + 1", 2);
  CHECK_FALSE(console.Primary("2\n"));
}

TEST_CASE("output that looks like a prompt is skipped as output, not taken as input") {
  std::string text = ">>> print('>>> x')\n>>> x\n>>> y = 1\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "print('>>> x')", 1);
  CheckInput(console.Primary(">>> x\n"), ">>> ", "y = 1", 3);
  CHECK_FALSE(console.Primary());
  CHECK(console.shown() == text);
}

TEST_CASE("a prompt without its trailing space is an empty input, shown as written") {
  std::string text = ">>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>>\n>>> 2\n2\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "for i in range(2):", 1);
  CheckInput(console.Continuation(), "... ", "    print(i)", 2);
  CheckInput(console.Continuation(), "...", "", 3);
  CheckInput(console.Primary("0\n1\n"), ">>>", "", 6);
  CheckInput(console.Primary(), ">>> ", "2", 7);
  CHECK_FALSE(console.Primary("2\n"));
  CHECK(console.shown() == text);
}

TEST_CASE("a line with the other prompt is input, shown with the prompt the console shows") {
  std::string text = ">>> if True:\n>>> x = 1\n>>>\n>>> x\n1\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "if True:", 1);
  CheckInput(console.Continuation(), "... ", "x = 1", 2);
  // The bare other prompt: an empty input, with the console's prompt.
  CheckInput(console.Continuation(), "... ", "", 3);
  CheckInput(console.Primary(), ">>> ", "x", 4);
  CHECK_FALSE(console.Primary("1\n"));
  // The diff then shows the wrong prompts.
  CHECK(console.shown() == ">>> if True:\n... x = 1\n... \n>>> x\n1\n");
}

TEST_CASE("without another prompt as text, a line with the primary prompt is no continuation") {
  std::string text = ">>> if True:\n>>> x = 1\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "if True:", 1);
  CHECK_FALSE(console.Ask(kPs2, ""));
}

TEST_CASE("lines that are neither output nor prompts are passed over; numbers count them") {
  std::string text = "\n>>> a = 1\nstray\n\n>>> b = 2\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "a = 1", 2);
  CheckInput(console.Primary(), ">>> ", "b = 2", 5);
  CHECK_FALSE(console.Primary());
}

TEST_CASE("an object address that differs is a substitution of the expected text") {
  std::string text = ">>> object()\n<object object at 0x7f0011223344>\n>>> 1\n1\n";
  std::string output = "<object object at 0x55aa>\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "object()", 1);
  CheckInput(console.Primary(output), ">>> ", "1", 3);
  CHECK_FALSE(console.Primary("1\n"));
  console.End();
  size_t offset = std::string(">>> object()\n").size();
  REQUIRE(inputs.substitutions.size() == 1);
  CheckSubstitution(inputs.substitutions[0], offset, output.size(),
                    "<object object at 0x7f0011223344>\n");
  CHECK(console.shown().substr(offset, output.size()) == output);
  CHECK(console.Comparable() == text);
}

TEST_CASE("with ellipsis enabled, \"...\" in expected output is a substitution") {
  std::string text = ">>> list(range(20))\n[0, 1, ..., 19]\n>>> 2\n2\n";
  std::string output = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]\n";
  size_t offset = std::string(">>> list(range(20))\n").size();
  SECTION("enabled") {
    TranscriptInputs inputs(text, Placeholders{true});
    HandConsole console(inputs);
    CheckInput(console.Primary(), ">>> ", "list(range(20))", 1);
    CheckInput(console.Primary(output), ">>> ", "2", 3);
    CHECK_FALSE(console.Primary("2\n"));
    REQUIRE(inputs.substitutions.size() == 1);
    CheckSubstitution(inputs.substitutions[0], offset, output.size(), "[0, 1, ..., 19]\n");
    CHECK(console.Comparable() == text);
  }
  SECTION("disabled: no substitution, but the next input is still found") {
    TranscriptInputs inputs(text, Placeholders{false});
    HandConsole console(inputs);
    CheckInput(console.Primary(), ">>> ", "list(range(20))", 1);
    CheckInput(console.Primary(output), ">>> ", "2", 3);
    CHECK(inputs.substitutions.empty());
    CHECK(console.Comparable() != text);
  }
}

TEST_CASE("where the output has as many lines, the lines that match become substitutions") {
  std::string text = ">>> show()\n<A at 0x1>\nexpected middle\n<B at 0x2>\n>>> 1\n1\n";
  std::string output = "<A at 0xffff>\nactual middle\n<B at 0xeeee>\n";
  TranscriptInputs inputs(text, Placeholders{});
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "show()", 1);
  CheckInput(console.Primary(output), ">>> ", "1", 5);
  CHECK_FALSE(console.Primary("1\n"));
  size_t offset = std::string(">>> show()\n").size();
  size_t line = std::string("<A at 0xffff>\n").size();
  size_t middle = std::string("actual middle\n").size();
  REQUIRE(inputs.substitutions.size() == 2);
  CheckSubstitution(inputs.substitutions[0], offset, line, "<A at 0x1>\n");
  CheckSubstitution(inputs.substitutions[1], offset + line + middle, line, "<B at 0x2>\n");
  // Only the line that really differs is left to the diff.
  CHECK(console.Comparable() == ">>> show()\n<A at 0x1>\nactual middle\n<B at 0x2>\n>>> 1\n1\n");
}

TEST_CASE("Finish matches the output written after the last input") {
  std::string text = ">>> raise SystemExit('<x at 0x1>')\n<x at 0x1>\n";
  std::string output = "<x at 0xabcdef>\n";
  size_t offset = std::string(">>> raise SystemExit('<x at 0x1>')\n").size();
  SECTION("through placeholders: a substitution") {
    TranscriptInputs inputs(text, Placeholders{});
    HandConsole console(inputs);
    CheckInput(console.Primary(), ">>> ", "raise SystemExit('<x at 0x1>')", 1);
    console.End(output);
    REQUIRE(inputs.substitutions.size() == 1);
    CheckSubstitution(inputs.substitutions[0], offset, output.size(), "<x at 0x1>\n");
    CHECK(console.Comparable() == text);
  }
  SECTION("exactly: nothing to substitute") {
    TranscriptInputs inputs(text, Placeholders{});
    HandConsole console(inputs);
    CheckInput(console.Primary(), ">>> ", "raise SystemExit('<x at 0x1>')", 1);
    console.End("<x at 0x1>\n");
    CHECK(inputs.substitutions.empty());
    CHECK(console.shown() == text);
  }
}

TEST_CASE("plain inputs: every line an input, with the prompt the console shows") {
  std::string text = "x = 1\nif x:\n    print(x)\n\nx";
  PlainInputs inputs(text);
  HandConsole console(inputs);
  CheckInput(console.Primary(), ">>> ", "x = 1", 1);
  CheckInput(console.Primary(), ">>> ", "if x:", 2);
  CheckInput(console.Continuation(), "... ", "    print(x)", 3);
  CheckInput(console.Continuation(), "... ", "", 4);
  CheckInput(console.Primary("1\n"), ">>> ", "x", 5);
  CHECK_FALSE(console.Primary("1\n"));
  console.End();
  CHECK(inputs.substitutions.empty());
}

TEST_CASE("plain inputs: a final newline starts no empty input; empty text has none") {
  std::string text = "a\nb\n";
  PlainInputs inputs(text);
  CheckInput(inputs.Next(kPs1, kPs2, "", 0), ">>> ", "a", 1);
  CheckInput(inputs.Next(kPs1, kPs2, "", 6), ">>> ", "b", 2);
  CHECK_FALSE(inputs.Next(kPs1, kPs2, "", 12));
  PlainInputs none("");
  CHECK_FALSE(none.Next(kPs1, kPs2, "", 0));
}
