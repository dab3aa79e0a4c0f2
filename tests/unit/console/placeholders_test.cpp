#include "replay/console/placeholders.h"

#include <catch2/catch.hpp>

using replay::OutputMatches;
using replay::Placeholders;

TEST_CASE("object addresses are set aside, whatever the mode") {
  Placeholders exact;
  CHECK(OutputMatches("<object object at 0x7f3a12345678>\n", "<object object at 0x55d0c0ffee00>\n",
                      exact));
  CHECK(OutputMatches("<A at 0x1> and <B at 0xabc>", "<A at 0xdef0> and <B at 0x2>", exact));
  CHECK_FALSE(OutputMatches("<object object at 0x7f3a>\n", "<object object at 0x7f3a>!\n", exact));
  CHECK_FALSE(OutputMatches("value 0x7f3a\n", "value 0x7f3b\n", exact));
}

TEST_CASE("without --ellipsis, ... is literal text") {
  Placeholders exact;
  CHECK_FALSE(OutputMatches("0 ...\n", "0 0.25\n", exact));
  CHECK(OutputMatches("0 ...\n", "0 ...\n", exact));
}

TEST_CASE("with --ellipsis, ... matches any text as doctest's ELLIPSIS does") {
  Placeholders ellipsis{true};
  CHECK(OutputMatches("0 ...\n", "0 0.25\n", ellipsis));
  CHECK(OutputMatches("...", "", ellipsis));
  CHECK(OutputMatches("a...b...c", "a123b456c", ellipsis));
  CHECK(OutputMatches("Traceback (most recent call last):\n...\nValueError: x\n",
                      "Traceback (most recent call last):\n  File \"<console>\", line 1\n"
                      "ValueError: x\n",
                      ellipsis));
  // The pieces must appear in order and must not overlap (doctest's
  // examples: 'aa...aa' does not match 'aaa').
  CHECK_FALSE(OutputMatches("aa...aa", "aaa", ellipsis));
  CHECK_FALSE(OutputMatches("a...b...c", "a123c456b", ellipsis));
  CHECK_FALSE(OutputMatches("start...", "stArt and more", ellipsis));
  CHECK_FALSE(OutputMatches("...end", "the end!", ellipsis));
}
