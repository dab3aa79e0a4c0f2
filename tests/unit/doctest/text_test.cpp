// DoctestText: the text doctest reads for a file.
#include "replay/doctest/text.h"

#include <catch2/catch.hpp>

TEST_CASE("doctest: DoctestText normalises line ends and keeps a BOM as testfile does") {
  CHECK(replay::DoctestText("a.txt", "a\r\nb\rc\n", false).text == "a\nb\nc\n");
  CHECK(replay::DoctestText("a.rst", ">>> 1\n", true).text == "\xEF\xBB\xBF>>> 1\n");
  replay::DoctestInput md = replay::DoctestText("a.md", "```pycon\r\n>>> 1\r\n1\r\n```\r\n", true);
  CHECK(md.text == "\n>>> 1\n1\n\n");
  CHECK_FALSE(md.sphinx);
}

TEST_CASE("doctest: a Markdown file using Sphinx's directives keeps only their fences") {
  std::string md = "```pycon\n>>> 1\n```\n> ```{doctest} g\n> >>> 2\n\n```{eval-rst}\n>>> 3\n```\n";
  replay::DoctestInput input = replay::DoctestText("a.md", md, false);
  CHECK(input.sphinx);
  CHECK(input.text == "\n\n\n  ```{doctest} g\n  >>> 2\n\n```{eval-rst}\n>>> 3\n```\n");
  CHECK(replay::NotTestedNotes("a.md", md) ==
        std::vector<std::string>{
            "a.md:2: not tested: outside the sphinx.ext.doctest directives of a file that uses "
            "them (MyST makes a code block a literal block, which Sphinx's doctest builder does "
            "not test; write ```{doctest})"});
  // {eval-rst} without sphinx.ext.doctest's directives: plain doctest.
  CHECK_FALSE(replay::DoctestText("a.md", "```{eval-rst}\n>>> 3\n```\n", false).sphinx);
}
