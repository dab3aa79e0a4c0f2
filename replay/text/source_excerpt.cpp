#include "replay/text/source_excerpt.h"

#include <algorithm>
#include <string>
#include <vector>

#include "replay/text/lines.h"

namespace replay {

std::string SourceExcerpt(std::string_view text, int first, int last) {
  std::vector<std::string_view> lines = SplitLines(text);
  std::string excerpt;
  int end = std::min(last, static_cast<int>(lines.size()));
  // As wide as the widest number shown, so that the lines stay aligned.
  size_t width = std::max<size_t>(3, std::to_string(std::max(end, 1)).size());
  for (int at = std::max(first, 1); at <= end; ++at) {
    std::string number = std::to_string(at);
    excerpt += std::string(width - number.size(), '0') + number + " ";
    std::string_view line = lines[at - 1];
    if (EndsWith(line, "\r")) line.remove_suffix(1);  // a CRLF line end, not text
    excerpt += line;
    excerpt += "\n";
  }
  return excerpt;
}

}  // namespace replay
