#include "replay/doctest/text.h"

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
  std::vector<std::string> notes;
  if (EndsWith(path, ".rst") || EndsWith(path, ".txt")) {
    for (const Diagnostic& note : SphinxDirectiveNotes(UniversalNewlines(text), path))
      notes.push_back(note.ToString());
  }
  if (!EndsWith(path, ".md")) return notes;
  for (const NotTested& line : ReadMarkdownExamples(UniversalNewlines(text)).not_tested) {
    notes.push_back(
        Diagnostic{std::string(path), line.line, 0, "not tested: " + line.reason}.ToString());
  }
  return notes;
}

}  // namespace replay
