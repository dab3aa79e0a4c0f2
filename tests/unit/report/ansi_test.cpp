// ANSI colours for a terminal.
#include "replay/report/ansi.h"

#include <catch2/catch.hpp>

using replay::PaintDiff;

namespace {
const char kDiff[] = "--- a.md (expected)\n+++ a.md (actual)\n@@ -8 +8 @@\n-1.50\n+1.5\n";
}

TEST_CASE("ansi: without colour a diff is left as it is") {
  CHECK(PaintDiff(kDiff, false) == kDiff);
}

TEST_CASE("ansi: the differing part of a changed line is in reverse video") {
  std::string shown = PaintDiff(kDiff, true);
  CHECK(shown.find("\x1b[31m-1.5\x1b[7m0\x1b[27m\x1b[0m\n") != std::string::npos);
  // The added line has nothing of its own: only its colour.
  CHECK(shown.find("\x1b[32m+1.5\x1b[0m\n") != std::string::npos);
  CHECK(shown.find("\x1b[1m--- a.md (expected)\x1b[0m\n") != std::string::npos);
}

TEST_CASE("ansi: pairs are marked only in runs of as many added as removed lines") {
  std::string pairs = PaintDiff("@@ -1,2 +1,2 @@\n-ab1\n-cd1\n+ab2\n+cd2\n", true);
  CHECK(pairs.find("-ab\x1b[7m1\x1b[27m") != std::string::npos);
  CHECK(pairs.find("+cd\x1b[7m2\x1b[27m") != std::string::npos);
  std::string uneven = PaintDiff("@@ -1,2 +1 @@\n-ab1\n-cd1\n+ab2\n", true);
  CHECK(uneven.find("\x1b[7m") == std::string::npos);
  std::string unrelated = PaintDiff("@@ -1 +1 @@\n-7\n+6\n", true);
  CHECK(unrelated == "\x1b[36m@@ -1 +1 @@\x1b[0m\n\x1b[31m-7\x1b[0m\n\x1b[32m+6\x1b[0m\n");
}
