// The string literals of Python source that hold doctest examples, and
// whether --update can rewrite their expected output faithfully.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace replay {

/// A string literal of Python source, as the tokenizer reads it.
struct StringLiteral {
  size_t begin = 0;     ///< offset of its prefix (or opening quotes)
  size_t body = 0;      ///< offset just after its opening quotes
  size_t body_end = 0;  ///< offset of its closing quotes (the source's size if unterminated)
  std::string prefix;   ///< as written: "", "r", "Rb", "f", ...
  std::string quote;    ///< its quotes: ', ", ''' or """
};

/// The string literal of Python `source` whose text holds byte `offset`;
/// std::nullopt if none does (code, a comment, a literal's quotes).
std::optional<StringLiteral> LiteralAt(std::string_view source, size_t offset);

/// The expected output of an example in a docstring of Python `source`:
/// where its `>>>` line starts, the bytes [begin, end) its lines take (whole
/// lines, with their ends), its lines as doctest read them (`want`, without
/// the example's indentation).
struct DocstringOutput {
  size_t example = 0;
  size_t begin = 0, end = 0;
  std::string want;
};

/// Why the lines of `output` cannot become `lines` (each written after the
/// example's indentation, without line end) such that its docstring reads
/// them as written and the module still compiles; empty if they can. Refused:
/// an example outside a string literal, or sharing a line with its opening
/// quotes; output sharing a line with the closing quotes, or not as doctest
/// read it (escapes, continued lines); an f-string or a literal that is not
/// triple-quoted; new output holding a backslash in a literal that is not raw
/// (its escapes would change meaning), the literal's closing quotes, a null
/// byte or a carriage return.
std::string DocstringRewriteRefusal(std::string_view source, const DocstringOutput& output,
                                    const std::vector<std::string>& lines);

}  // namespace replay
