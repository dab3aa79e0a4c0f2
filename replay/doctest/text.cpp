#include "replay/doctest/text.h"

#include "replay/doctest/markdown.h"
#include "replay/text/lines.h"

namespace replay {

std::string DoctestText(std::string_view path, std::string_view text, bool bom) {
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
  if (EndsWith(path, ".md")) return MarkdownToDoctest(normalized);
  return bom ? "\xEF\xBB\xBF" + normalized : normalized;
}

}  // namespace replay
