// Where a console replay's inputs come from: a transcript, or plain lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/console/placeholders.h"
#include "replay/console/result.h"

namespace replay {

/// The next input, as found, and where.
struct Input {
  std::string shown_prompt;  ///< the prompt as the file shows it (bare: `...`)
  std::string line;          ///< without its newline
  int line_number = 0;       ///< 1-based line of the file
};

/// Hands a console its inputs one at a time, given what the console shows.
class InputSource {
 public:
  virtual ~InputSource() = default;
  /// The next input given the prompt the console shows now, the session's
  /// other prompt (empty if it is not text), and the output written since
  /// the last input (which starts at `offset` in the session's output);
  /// std::nullopt when the inputs run out.
  virtual std::optional<Input> Next(const std::string& prompt, const std::string& other_prompt,
                                    const std::string& output, size_t offset) = 0;
  /// The 1-based line of the text the source reads next (where the next
  /// prompt is to be found).
  virtual int LineHere() const = 0;
  /// The output written after the last input.
  virtual void Finish(const std::string& output, size_t offset) = 0;
  /// The stretches of output that matched only through placeholders.
  std::vector<Substitution> substitutions;
};

/// The inputs of console transcript `text`. Before each prompt, the output
/// written since the last input is matched against the text and skipped
/// where it matches (exactly, or under `placeholders` as many lines as it
/// has, or up to the next line
/// that starts with the prompt, or line by line where both have as many
/// lines: those matches become Substitutions). Then the next line that
/// starts with the prompt the console shows is the input (a prompt that spans
/// lines: its first lines as they are, then a line that starts with its last
/// one); a line equal to that prompt without its trailing whitespace is an
/// empty input. A line
/// that starts with the other prompt is taken as input too, but shown with
/// the prompt the console shows, so that the wrong prompt shows in the diff.
class TranscriptInputs : public InputSource {
 public:
  /// `text` must outlive this.
  TranscriptInputs(std::string_view text, const Placeholders& placeholders);
  std::optional<Input> Next(const std::string& prompt, const std::string& other_prompt,
                            const std::string& output, size_t offset) override;
  int LineHere() const override { return LineAt(pos_); }
  void Finish(const std::string& output, size_t offset) override;

 private:
  size_t LineEnd(size_t from) const;
  size_t NextLine(size_t from) const;
  size_t NextInput(size_t from, std::string_view prompt, bool partial) const;
  int LineAt(size_t offset) const;
  std::optional<Input> InputAt(std::string_view line, int number, const std::string& prompt,
                               const std::string& other_prompt) const;
  void SkipOutput(const std::string& output, size_t offset, std::string_view prompt);
  bool SkipSameLines(const std::string& output, size_t offset);
  bool SubstituteLines(std::string_view expected, std::string_view output, size_t offset);

  std::string_view text_;
  Placeholders placeholders_;
  std::vector<size_t> starts_;  ///< offset of each line
  size_t pos_ = 0;
};

/// Every line of `text` an input, shown with the prompt the console shows
/// (replay record).
class PlainInputs : public InputSource {
 public:
  /// `text` must outlive this.
  explicit PlainInputs(std::string_view text) : text_(text) {}
  std::optional<Input> Next(const std::string& prompt, const std::string& other_prompt,
                            const std::string& output, size_t offset) override;
  int LineHere() const override { return number_ + 1; }
  void Finish(const std::string&, size_t) override {}

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

}  // namespace replay
