// Suggestions for misspelt names.
#include "replay/text/spelling.h"

#include <catch2/catch.hpp>

using replay::DidYouMean;

TEST_CASE("spelling: a close name is suggested, a far one is not") {
  std::vector<std::string> flags = {"ELLIPSIS", "NORMALIZE_WHITESPACE", "SKIP"};
  CHECK(DidYouMean("ELIPSIS", flags) == std::optional<std::string>("ELLIPSIS"));
  CHECK(DidYouMean("ellipsis", flags) == std::optional<std::string>("ELLIPSIS"));
  CHECK(DidYouMean("NORMALISE_WHITESPACE", flags) ==
        std::optional<std::string>("NORMALIZE_WHITESPACE"));
  CHECK_FALSE(DidYouMean("BOGUS", flags));
  CHECK(DidYouMean("rn", {"run", "record", "console"}) == std::optional<std::string>("run"));
  CHECK_FALSE(DidYouMean("x", {"run", "record", "console"}));
}
