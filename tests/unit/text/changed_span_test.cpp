// The part of a changed line that differs from the line it replaced.
#include "replay/text/changed_span.h"

#include <catch2/catch.hpp>

using replay::ChangedSpan;
using replay::FindChangedSpan;

TEST_CASE("changed span: between the shared prefix and suffix") {
  ChangedSpan span = FindChangedSpan("1.50", "1.5");
  CHECK(span.shared);
  CHECK(span.begin == 3);
  CHECK(span.removed_end == 4);  // the 0
  CHECK(span.added_end == 3);    // nothing of its own
  span = FindChangedSpan("[3, 2, 1]", "[1, 2, 3]");
  CHECK(span.begin == 1);
  CHECK(span.removed_end == 8);
  CHECK(span.added_end == 8);
}

TEST_CASE("changed span: lines sharing nothing") {
  ChangedSpan span = FindChangedSpan("7", "6");
  CHECK_FALSE(span.shared);
  CHECK(span.begin == 0);
  CHECK(span.removed_end == 1);
  CHECK(span.added_end == 1);
}

TEST_CASE("changed span: prefix and suffix do not overlap where one line repeats") {
  ChangedSpan span = FindChangedSpan("aa", "aaa");
  CHECK(span.begin == 2);
  CHECK(span.removed_end == 2);
  CHECK(span.added_end == 3);
}

TEST_CASE("changed span: never within a UTF-8 character") {
  // é (C3 A9) and è (C3 A8) share their first byte, not a character.
  ChangedSpan span = FindChangedSpan("caf\xc3\xa9!", "caf\xc3\xa8!");
  CHECK(span.begin == 3);
  CHECK(span.removed_end == 5);
  // ä (C3 A4) and ¤ (C2 A4) share their last byte.
  span = FindChangedSpan("\xc3\xa4x", "\xc2\xa4x");
  CHECK(span.begin == 0);
  CHECK(span.removed_end == 2);
  CHECK(span.added_end == 2);
}
