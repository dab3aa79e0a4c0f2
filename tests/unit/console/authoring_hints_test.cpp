// Known authoring mistakes in console transcripts.
#include "replay/console/authoring_hints.h"

#include <catch2/catch.hpp>

using replay::IsInvisibleDifference;
using replay::LikelyCause;
using replay::ShowInvisible;

TEST_CASE("hints: a pasted banner or shell line before the first prompt") {
  CHECK(LikelyCause("$ python\n>>> 1\n1\n", ">>> 1\n1\n", 1).find("`$ python`") !=
        std::string::npos);
  CHECK(LikelyCause("Python 3.12.1 (main)\n>>> 1\n1\n", ">>> 1\n1\n", 1).find("banner") !=
        std::string::npos);
  // Output that happens to look so, after a prompt, is no banner.
  CHECK(LikelyCause(">>> print('$ x')\n$ y\n", ">>> print('$ x')\n$ x\n", 2).empty());
}

TEST_CASE("hints: a prompt without its space, an open block, an empty line") {
  CHECK(LikelyCause(">>>1\n1\n", "", 1).find("without a space") != std::string::npos);
  CHECK(LikelyCause(">>> for i in x:\n...     f(i)\n0\n", ">>> for i in x:\n...     f(i)\n", 3)
            .find("still open") != std::string::npos);
  CHECK(LikelyCause(">>> if 1:\n...  2\n0\n>>> 3\n", ">>> if 1:\n...  2\n... 3\n", 3)
            .find("still open") != std::string::npos);
  CHECK(LikelyCause(">>> if 1:\n...  2\n\n", ">>> if 1:\n...  2\n...\n", 3).find("empty line") !=
        std::string::npos);
  CHECK(LikelyCause(">>> 1\n2\n", ">>> 1\n1\n", 2).empty());
}

TEST_CASE("hints: trailing whitespace and CR are named and made visible in the diff") {
  std::string cause = LikelyCause(">>> 1\n1 \n", ">>> 1\n1\n", 2);
  CHECK(IsInvisibleDifference(cause));
  CHECK(IsInvisibleDifference(LikelyCause(">>> 1\n1\r\n", ">>> 1\n1\n", 2)));
  CHECK_FALSE(IsInvisibleDifference(LikelyCause(">>> 1\n2\n", ">>> 1\n1\n", 2)));
  CHECK(ShowInvisible("--- a \n+++ b\n@@ -1 +1 @@\n ctx \n-1 \t\r\n+1\n") ==
        "--- a \n+++ b\n@@ -1 +1 @@\n ctx \n-1·→\\r\n+1\n");
}
