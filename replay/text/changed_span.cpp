#include "replay/text/changed_span.h"

#include <algorithm>

namespace replay {

namespace {

bool Continues(std::string_view text, size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

}  // namespace

ChangedSpan FindChangedSpan(std::string_view removed, std::string_view added) {
  size_t shorter = std::min(removed.size(), added.size());
  size_t prefix = 0;
  while (prefix < shorter && removed[prefix] == added[prefix]) ++prefix;
  // Not within a character: its first bytes alike do not make it shared.
  while (prefix > 0 && (Continues(removed, prefix) || Continues(added, prefix))) --prefix;
  size_t suffix = 0;
  while (suffix < shorter - prefix &&
         removed[removed.size() - 1 - suffix] == added[added.size() - 1 - suffix])
    ++suffix;
  while (suffix > 0 && Continues(removed, removed.size() - suffix)) --suffix;
  return {prefix, removed.size() - suffix, added.size() - suffix, prefix + suffix > 0};
}

}  // namespace replay
