#include "replay/doctest/text.h"

#include <algorithm>

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

}  // namespace

std::string DoctestText(std::string_view path, std::string_view text, bool bom) {
  std::string normalized = UniversalNewlines(text);
  if (EndsWith(path, ".md")) return MarkdownToDoctest(normalized);
  return bom ? "\xEF\xBB\xBF" + normalized : normalized;
}

std::vector<std::string> NotTestedNotes(std::string_view path, std::string_view text) {
  std::vector<Diagnostic> found;
  if (EndsWith(path, ".rst") || EndsWith(path, ".txt"))
    // A .rst file runs as Sphinx's doctest builder runs it (sphinx_builder.py).
    found = SphinxDirectiveNotes(UniversalNewlines(text), path, 1, false, EndsWith(path, ".rst"));
  if (EndsWith(path, ".md")) {
    MarkdownExamples examples = ReadMarkdownExamples(UniversalNewlines(text));
    for (const NotTested& line : examples.not_tested)
      found.push_back({std::string(path), line.line, 0, "not tested: " + line.reason});
    for (const EmbeddedRst& rst : examples.rst) {
      for (Diagnostic& note : SphinxDirectiveNotes(rst.text, path, rst.line, rst.myst))
        found.push_back(std::move(note));
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  std::vector<std::string> notes;
  for (const Diagnostic& note : found) notes.push_back(note.ToString());
  return notes;
}

}  // namespace replay
