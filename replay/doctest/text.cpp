#include "replay/doctest/text.h"

#include <algorithm>
#include <regex>

#include "replay/doctest/markdown.h"
#include "replay/doctest/rst_directives.h"
#include "replay/text/diagnostic.h"
#include "replay/text/lines.h"

namespace replay {

namespace {

/// Line ends made "\n" as Python's universal newlines make them.
std::string UniversalNewlines(std::string_view text) {
  std::string normalized;
  normalized.reserve(text.size() + 3);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      normalized += text[i];
      continue;
    }
    normalized += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return normalized;
}

/// Whether reST embedded in a Markdown document uses a directive of
/// sphinx.ext.doctest (the pattern of sphinx_rst.py's USES_SPHINX).
bool UsesSphinx(const std::vector<EmbeddedRst>& rst) {
  static const std::regex directive(
      R"((^|\n)\s*\.\. (testsetup|testcleanup|testcode|testoutput|doctest)::)");
  return std::any_of(rst.begin(), rst.end(), [](const EmbeddedRst& piece) {
    return std::regex_search(piece.text, directive);
  });
}

}  // namespace

DoctestInput DoctestText(std::string_view path, std::string_view text, bool bom) {
  std::string normalized = UniversalNewlines(text);
  if (EndsWith(path, ".md")) {
    MarkdownExamples examples = ReadMarkdownExamples(normalized);
    if (UsesSphinx(examples.rst)) return {std::move(examples.sphinx), true};
    return {std::move(examples.text), false};
  }
  return {bom ? "\xEF\xBB\xBF" + normalized : normalized, false};
}

std::vector<std::string> NotTestedNotes(std::string_view path, std::string_view text) {
  std::vector<Diagnostic> found;
  if (EndsWith(path, ".rst") || EndsWith(path, ".txt"))
    // A .rst file runs as Sphinx's doctest builder runs it (sphinx_builder.py).
    found = SphinxDirectiveNotes(UniversalNewlines(text), path, 1, false, EndsWith(path, ".rst"));
  if (EndsWith(path, ".md")) {
    std::string normalized = UniversalNewlines(text);
    MarkdownExamples examples = ReadMarkdownExamples(normalized);
    bool sphinx = UsesSphinx(examples.rst);
    for (const NotTested& line : examples.not_tested)
      found.push_back({std::string(path), line.line, 0, "not tested: " + line.reason});
    for (const EmbeddedRst& rst : examples.rst) {
      for (Diagnostic& note : SphinxDirectiveNotes(rst.text, path, rst.line, rst.myst, sphinx))
        found.push_back(std::move(note));
    }
    if (sphinx) {
      // The examples of other code blocks: MyST makes them literal blocks,
      // which Sphinx's doctest builder does not test.
      std::vector<std::string_view> all = SplitLines(examples.text);
      std::vector<std::string_view> tested = SplitLines(examples.sphinx);
      for (size_t i = 0; i < all.size(); ++i) {
        std::string_view line = Trim(all[i]);
        if (line.substr(0, 3) == ">>>" && (i >= tested.size() || tested[i].empty()))
          found.push_back({std::string(path), static_cast<int>(i) + 1, 0,
                           "not tested: outside the sphinx.ext.doctest directives of a file "
                           "that uses them (MyST makes a code block a literal block, which "
                           "Sphinx's doctest builder does not test; write ```{doctest})"});
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  std::vector<std::string> notes;
  for (const Diagnostic& note : found) notes.push_back(note.ToString());
  return notes;
}

}  // namespace replay
