// The text doctest reads for a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace replay {

/// What the doctest driver reads of a file.
struct DoctestInput {
  std::string text;
  /// A Markdown document that uses sphinx.ext.doctest's directives (MyST
  /// fences `{doctest}`, `{testsetup}`, ... or reST ones in `{eval-rst}`):
  /// `text` is MarkdownExamples::sphinx, to run as Sphinx's doctest builder
  /// runs it (replay/doctest/sphinx_rst.py).
  bool sphinx = false;
};

/// The text doctest reads for file `path` whose decoded text is `text`: line
/// ends made "\n" as Python's universal newlines make them ("\r\n" and a lone
/// "\r"); for `*.md` files, MarkdownToDoctest of that, or the Sphinx blocks
/// (DoctestInput::sphinx). `bom` says the file starts with a UTF-8 byte order
/// mark: testfile's open(encoding='utf-8') keeps it as U+FEFF at the start of
/// the first line, and so does this (except for markdown).
DoctestInput DoctestText(std::string_view path, std::string_view text, bool bom);

/// The notes of the lines of file `path` (decoded `text`) that start with
/// `>>>` but that doctest does not get (markdown only: doctest reads every
/// `>>>` line of other files), each "path:line: not tested: reason"; for
/// `*.rst` and `*.txt`, what of sphinx.ext.doctest's directives doctest does
/// not run or apply (SphinxDirectiveNotes).
std::vector<std::string> NotTestedNotes(std::string_view path, std::string_view text);

}  // namespace replay
