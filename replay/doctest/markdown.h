// Doctest mode for Markdown: the examples of a document's code blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace replay {

/// A line that starts with `>>>` (after indentation and block-quote markers)
/// but that doctest will not run, and why.
struct NotTested {
  int line = 0;        ///< 1-based
  std::string reason;  ///< e.g. "inside a ```text fence"
};

/// reStructuredText inside a Markdown document, whose sphinx.ext.doctest and
/// IPython directives are noted as in a `.rst` file: the body of a MyST
/// `{eval-rst}` fence, or a MyST directive fence (`{testsetup}`,
/// `{testcleanup}`, `{testcode}`, `{testoutput}`, `{doctest}`, `{ipython}`)
/// written as the reST directive it stands for.
struct EmbeddedRst {
  int line = 0;       ///< the document's line of the text's first line
  std::string text;   ///< lines ending in "\n"
  bool myst = false;  ///< a MyST directive fence: name it `{testcode}`
};

/// What doctest runs of a Markdown document.
struct MarkdownExamples {
  /// The doctest text, line for line (so doctest's line numbers are the
  /// document's): the lines of code blocks that hold console examples are
  /// kept (block-quote markers become spaces); every other line, fence
  /// lines included, becomes empty, so a closing fence ends an example's
  /// expected output.
  std::string text;
  /// The same, but keeping, fence lines included, only the MyST fences of
  /// `rst` (`{eval-rst}`, `{testcode}`, ...), for Sphinx's doctest builder.
  std::string sphinx;
  std::vector<NotTested> not_tested;  ///< in the order of their lines
  std::vector<EmbeddedRst> rst;       ///< in the order of their lines
};

/// The examples of Markdown document `markdown` (CommonMark, with MyST's
/// directive fences).
///
/// A fence is a line of at least three backticks or tildes after any
/// indentation (list items) and block-quote markers (`> `); it is closed by
/// a line of at least as many of the same character and nothing else, in the
/// same block quote, or by the end of the quote or document. A fenced block
/// holds console examples if the first word of its info string is `pycon`,
/// `pycon3`, `python`, `python3`, `py`, `py3`, `python-console`, `ipython`
/// or `ipython3` (in any case; also as a class, `{.python}`), if it has no
/// info string and a line starting with `>>>`, or if it is a MyST directive
/// `{doctest}`, `{eval-rst}` (reStructuredText: doctest reads `>>>`
/// anywhere) or `{code-block}` / `{code}` / `{sourcecode}` / `{code-cell}`
/// of one of those languages. Other MyST directives (`{note}`, ...) hold
/// Markdown, read as such. An indented code block (lines indented by four
/// or more, after an empty line) holding a line that starts with `>>>` is
/// kept whole. Every other line starting with `>>>` is NotTested, and so is
/// every IPython input prompt (`In [N]:`) of an `ipython` or `ipython3`
/// block: IPython's syntax, not doctest's.
MarkdownExamples ReadMarkdownExamples(std::string_view markdown);

/// ReadMarkdownExamples(markdown).text.
std::string MarkdownToDoctest(std::string_view markdown);

}  // namespace replay
