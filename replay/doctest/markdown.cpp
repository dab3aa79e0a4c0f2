#include "replay/doctest/markdown.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "replay/text/lines.h"

namespace replay {

namespace {

/// A line as its block-quote markers and what they hold.
struct QuotedLine {
  size_t depth = 0;   ///< how many `>` markers
  size_t prefix = 0;  ///< bytes of the markers and their spaces
  std::string_view body;
};

/// Splits off block-quote markers: up to three spaces, `>`, and a space or
/// the end of the line (so that `>>>`, a prompt, is no marker).
QuotedLine SplitQuote(std::string_view line) {
  QuotedLine quoted;
  size_t at = 0;
  for (;;) {
    size_t mark = at;
    while (mark < line.size() && mark - at < 3 && line[mark] == ' ') ++mark;
    if (mark >= line.size() || line[mark] != '>') break;
    size_t after = mark + 1;
    if (after < line.size() && line[after] != ' ' && line[after] != '\t') break;
    at = after < line.size() ? after + 1 : after;
    ++quoted.depth;
  }
  quoted.prefix = at;
  quoted.body = line.substr(at);
  return quoted;
}

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

std::string LowerWord(std::string_view text) {
  text = Trim(text);
  std::string word(text.substr(0, text.find_first_of(" \t{")));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word;
}

bool IsConsoleLanguage(const std::string& word) {
  static const std::set<std::string> kLanguages = {
      "pycon", "pycon3", "python", "python3", "py", "py3", "python-console", "ipython", "ipython3"};
  return kLanguages.count(word) > 0;
}

/// What a fenced block holds, by its info string.
enum class BlockKind {
  kExamples,   ///< console examples
  kIfPrompts,  ///< no info string: examples if a line starts with `>>>`
  kMarkdown,   ///< a MyST directive whose content is Markdown (`{note}`)
  kOther,      ///< another language: not run
};

BlockKind Classify(std::string_view info) {
  if (info.empty()) return BlockKind::kIfPrompts;
  if (info[0] != '{')
    return IsConsoleLanguage(LowerWord(info)) ? BlockKind::kExamples : BlockKind::kOther;
  size_t close = info.find('}');
  std::string name = LowerWord(info.substr(1, close == std::string_view::npos ? close : close - 1));
  std::string argument =
      close == std::string_view::npos ? std::string() : LowerWord(info.substr(close + 1));
  // Pandoc's attributes: {.python .numberLines}.
  if (!name.empty() && name[0] == '.') {
    return IsConsoleLanguage(name.substr(1)) ? BlockKind::kExamples : BlockKind::kOther;
  }
  static const std::set<std::string> kCode = {"code-block", "code", "sourcecode", "code-cell"};
  static const std::set<std::string> kNotMarkdown = {
      "testcode", "testoutput", "testsetup", "testcleanup",    "math",   "raw",
      "mermaid",  "graphviz",   "csv-table", "literalinclude", "ipython"};
  if (name == "doctest" || name == "eval-rst") return BlockKind::kExamples;
  if (kCode.count(name) > 0)
    return IsConsoleLanguage(argument) ? BlockKind::kExamples : BlockKind::kOther;
  return kNotMarkdown.count(name) > 0 ? BlockKind::kOther : BlockKind::kMarkdown;
}

/// The language of a fence's code: its info string's first word, a class
/// (`{.python}`) or a MyST code directive's argument; "" for other MyST
/// directives.
std::string Language(std::string_view info) {
  if (info.empty() || info[0] != '{') return LowerWord(info);
  size_t close = info.find('}');
  std::string name = LowerWord(info.substr(1, close == std::string_view::npos ? close : close - 1));
  if (!name.empty() && name[0] == '.') return name.substr(1);
  static const std::set<std::string> kCode = {"code-block", "code", "sourcecode", "code-cell"};
  if (kCode.count(name) == 0 || close == std::string_view::npos) return "";
  return LowerWord(info.substr(close + 1));
}

/// The name of the MyST directive a fence opens (`{eval-rst}`), or "".
std::string Directive(std::string_view info) {
  if (info.empty() || info[0] != '{') return "";
  size_t close = info.find('}');
  return LowerWord(info.substr(1, close == std::string_view::npos ? close : close - 1));
}

/// An IPython input prompt at the start of `body`: "In [12]:"; else "".
std::string InPrompt(std::string_view body) {
  size_t start = body.find_first_not_of(" \t");
  if (start == std::string_view::npos || body.substr(start, 4) != "In [") return "";
  size_t digits = start + 4, end = digits;
  while (end < body.size() && std::isdigit(static_cast<unsigned char>(body[end]))) ++end;
  if (end == digits || body.substr(end, 2) != "]:") return "";
  return std::string(body.substr(start, end + 2 - start));
}

bool HoldsPrompt(std::string_view body) {
  size_t start = body.find_first_not_of(" \t");
  return start != std::string_view::npos && body.substr(start, 3) == ">>>";
}

/// Columns of indentation (a tab to the next multiple of 4); npos if blank.
size_t Indentation(std::string_view body) {
  size_t columns = 0;
  for (char c : body) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4 - columns % 4;
    } else {
      return columns;
    }
  }
  return std::string_view::npos;
}

/// The document as it is read: each line's quote, whether doctest gets it,
/// and why a `>>>` line that it does not get is not run.
class MarkdownReader {
 public:
  explicit MarkdownReader(std::string_view markdown) : lines_(SplitLines(markdown)) {
    for (std::string_view line : lines_) quoted_.push_back(SplitQuote(line));
    kept_.assign(lines_.size(), false);
    skipped_.assign(lines_.size(), false);
    why_.resize(lines_.size());
    ipython_.assign(lines_.size(), false);
    sphinx_.assign(lines_.size(), false);
  }

  MarkdownExamples Read(std::string_view markdown) {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (skipped_[i]) continue;
      Fence fence = ParseFence(quoted_[i].body);
      if (fence.mark != 0) {
        i = FencedBlock(i, fence);
      } else if (StartsIndentedBlock(i)) {
        i = IndentedBlock(i);
      }
    }
    MarkdownExamples examples;
    examples.text.reserve(markdown.size());
    for (size_t i = 0; i < lines_.size(); ++i) {
      const QuotedLine& quoted = quoted_[i];
      std::string line = std::string(quoted.prefix, ' ') + std::string(quoted.body);
      if (kept_[i]) examples.text += line;
      if (sphinx_[i]) examples.sphinx += line;
      if (i + 1 < lines_.size() || markdown.back() == '\n') {
        examples.text += '\n';
        examples.sphinx += '\n';
      }
      if ((!kept_[i] && HoldsPrompt(quoted.body)) || ipython_[i]) {
        examples.not_tested.push_back(
            {static_cast<int>(i) + 1, why_[i].empty() ? "not in a code block" : why_[i]});
      }
    }
    examples.rst = std::move(rst_);
    return examples;
  }

 private:
  /// The block the fence on line `open` opens; returns its last line.
  size_t FencedBlock(size_t open, const Fence& fence) {
    size_t depth = quoted_[open].depth;
    size_t end = open + 1;
    bool closed = false;
    for (; end < lines_.size() && quoted_[end].depth >= depth; ++end) {
      Fence closing = ParseFence(quoted_[end].body);
      closed = quoted_[end].depth == depth && closing.mark == fence.mark &&
               closing.length >= fence.length && closing.info.empty();
      if (closed) break;
    }
    BlockKind kind = Classify(fence.info);
    if (kind == BlockKind::kMarkdown) {
      if (closed) skipped_[end] = true;
      return open;  // its content is read as the document is
    }
    bool run = kind == BlockKind::kExamples ||
               (kind == BlockKind::kIfPrompts &&
                std::any_of(quoted_.begin() + open + 1, quoted_.begin() + end,
                            [](const QuotedLine& q) { return HoldsPrompt(q.body); }));
    std::string why = "inside a " + std::string(3, fence.mark) + std::string(fence.info) + " fence";
    std::string language = Language(fence.info);
    for (size_t i = open + 1; i < end; ++i) {
      kept_[i] = run;
      why_[i] = why;
      std::string prompt = InPrompt(quoted_[i].body);
      if ((language == "ipython" || language == "ipython3") && !prompt.empty()) {
        ipython_[i] = true;
        why_[i] = "an IPython prompt (" + prompt +
                  ") is IPython's syntax, not doctest's; doctest runs only >>> examples";
      }
    }
    Embed(open, end, closed, Directive(fence.info));
    return closed ? end : end - 1;
  }

  /// The reST of the block of lines (open, end) that MyST directive
  /// `directive` fences, if it holds reST or stands for a reST directive.
  void Embed(size_t open, size_t end, bool closed, const std::string& directive) {
    static const std::set<std::string> kRst = {"testsetup",  "testcleanup", "testcode",
                                               "testoutput", "doctest",     "ipython"};
    bool myst = kRst.count(directive) > 0;
    if (!myst && directive != "eval-rst") return;
    EmbeddedRst rst{static_cast<int>(open) + (myst ? 1 : 2), "", myst};
    if (myst) rst.text = ".. " + directive + "::\n";
    for (size_t i = open + 1; i < end; ++i)
      rst.text += (myst ? "   " : "") + std::string(quoted_[i].body) + "\n";
    rst_.push_back(std::move(rst));
    std::fill(sphinx_.begin() + open, sphinx_.begin() + (closed ? end + 1 : end), true);
  }

  /// CommonMark's indented code block: four columns or more, after an
  /// empty line (it cannot interrupt a paragraph).
  bool StartsIndentedBlock(size_t i) const {
    size_t indentation = Indentation(quoted_[i].body);
    return indentation != std::string_view::npos && indentation >= 4 &&
           (i == 0 || Indentation(quoted_[i - 1].body) == std::string_view::npos);
  }

  /// The indented block that starts on line `first`; returns its last line.
  size_t IndentedBlock(size_t first) {
    size_t end = first;
    for (; end < lines_.size() && quoted_[end].depth == quoted_[first].depth; ++end) {
      size_t indentation = Indentation(quoted_[end].body);
      if (indentation != std::string_view::npos && indentation < 4) break;
      if (end > first && ParseFence(quoted_[end].body).mark != 0) break;
    }
    bool run = std::any_of(quoted_.begin() + first, quoted_.begin() + end,
                           [](const QuotedLine& q) { return HoldsPrompt(q.body); });
    std::fill(kept_.begin() + first, kept_.begin() + end, run);
    return end - 1;
  }

  std::vector<std::string_view> lines_;
  std::vector<QuotedLine> quoted_;
  std::vector<bool> kept_;     ///< given to doctest
  std::vector<bool> skipped_;  ///< the closing fence of a Markdown directive
  std::vector<std::string> why_;
  std::vector<bool> ipython_;  ///< an IPython prompt of an ipython block
  std::vector<bool> sphinx_;   ///< in a fence of rst_
  std::vector<EmbeddedRst> rst_;
};

}  // namespace

MarkdownExamples ReadMarkdownExamples(std::string_view markdown) {
  return MarkdownReader(markdown).Read(markdown);
}

std::string MarkdownToDoctest(std::string_view markdown) {
  return ReadMarkdownExamples(markdown).text;
}

}  // namespace replay
