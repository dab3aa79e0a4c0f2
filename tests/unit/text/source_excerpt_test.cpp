// Numbered lines of a file, as pytest shows them before a failing example.
#include "replay/text/source_excerpt.h"

#include <catch2/catch.hpp>

using replay::SourceExcerpt;

TEST_CASE("source excerpt: lines numbered as pytest does, zero-padded to three digits") {
  CHECK(SourceExcerpt("a\nb\n\nd\n", 2, 4) == "002 b\n003 \n004 d\n");
}

TEST_CASE("source excerpt: lines before the first or after the last are left out") {
  CHECK(SourceExcerpt("a\nb\n", -3, 9) == "001 a\n002 b\n");
  CHECK(SourceExcerpt("a\nb\n", 5, 9).empty());
  CHECK(SourceExcerpt("", 1, 1).empty());
}

TEST_CASE("source excerpt: numbers past 999 widen every line alike, CRLF ends are not text") {
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += "x" + std::to_string(i) + "\r\n";
  CHECK(SourceExcerpt(text, 999, 1000) == "0999 x999\n1000 x1000\n");
}
