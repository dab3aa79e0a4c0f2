// Doctest mode for Markdown: the examples of a document's fenced blocks.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// The doctest text of Markdown document `markdown`, line for line (so
/// doctest's line numbers are the document's): the lines inside a fenced
/// code block that holds console examples are kept as they are; every other
/// line, the fence lines included, becomes empty, so a closing fence ends an
/// example's expected output.
///
/// A fence is a line of at least three backticks or tildes after any
/// indentation (list items indent theirs); it is closed by a line of at least
/// as many of the same character and nothing else, or by the end of the
/// document. A block holds console examples if the first word of its info
/// string is `pycon`, `python` or `py` (in any case), or if it has no info
/// string and one of its lines starts with `>>>` after indentation.
std::string MarkdownToDoctest(std::string_view markdown);

}  // namespace replay
