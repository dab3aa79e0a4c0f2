// DoctestText: the text doctest reads for a file.
#include "replay/doctest/text.h"

#include <catch2/catch.hpp>

TEST_CASE("doctest: DoctestText normalises line ends and keeps a BOM as testfile does") {
  CHECK(replay::DoctestText("a.txt", "a\r\nb\rc\n", false) == "a\nb\nc\n");
  CHECK(replay::DoctestText("a.rst", ">>> 1\n", true) == "\xEF\xBB\xBF>>> 1\n");
  CHECK(replay::DoctestText("a.md", "```pycon\r\n>>> 1\r\n1\r\n```\r\n", true) == "\n>>> 1\n1\n\n");
}
