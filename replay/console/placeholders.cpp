#include "replay/console/placeholders.h"

#include <cctype>
#include <string>
#include <vector>

namespace replay {

namespace {

/// `text` with every object address (" at 0x" and hex digits) made " at 0x".
std::string WithoutAddresses(std::string_view text) {
  constexpr std::string_view kMarker = " at 0x";
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t found = text.find(kMarker, i);
    if (found == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    size_t end = found + kMarker.size();
    out.append(text.substr(i, end - i));
    while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
    i = end;
  }
  return out;
}

/// doctest's _ellipsis_match: the pieces between "..." appear in order, the
/// first at the start and the last at the end.
bool EllipsisMatches(std::string_view want, std::string_view got) {
  constexpr std::string_view kEllipsis = "...";
  if (want.find(kEllipsis) == std::string_view::npos) return want == got;
  std::vector<std::string_view> pieces;
  for (size_t start = 0;;) {
    size_t found = want.find(kEllipsis, start);
    if (found == std::string_view::npos) {
      pieces.push_back(want.substr(start));
      break;
    }
    pieces.push_back(want.substr(start, found - start));
    start = found + kEllipsis.size();
  }
  size_t start = 0, end = got.size();
  std::string_view first = pieces.front(), last = pieces.back();
  if (!first.empty()) {
    if (got.substr(0, first.size()) != first) return false;
    start = first.size();
  }
  if (!last.empty()) {
    if (got.size() < last.size() || got.substr(got.size() - last.size()) != last) return false;
    end = got.size() - last.size();
  }
  if (start > end) return false;
  for (size_t k = 1; k + 1 < pieces.size(); ++k) {
    size_t found = got.find(pieces[k], start);
    if (found == std::string_view::npos || found + pieces[k].size() > end) return false;
    start = found + pieces[k].size();
  }
  return true;
}

}  // namespace

bool OutputMatches(std::string_view expected, std::string_view actual,
                   const Placeholders& placeholders) {
  if (expected == actual) return true;
  std::string want = WithoutAddresses(expected), got = WithoutAddresses(actual);
  return placeholders.ellipsis ? EllipsisMatches(want, got) : want == got;
}

}  // namespace replay
