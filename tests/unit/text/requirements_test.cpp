// `# replay: requires python` comments.
#include "replay/text/requirements.h"

#include <catch2/catch.hpp>

using replay::UnmetRequirement;

TEST_CASE("requirements: none, or all met, is no unmet requirement") {
  CHECK_FALSE(UnmetRequirement(">>> 1\n1\n", "a.pycon", "3.11.7"));
  CHECK_FALSE(
      UnmetRequirement(">>> # replay: requires python >= 3.8\n>>> # replay: requires "
                       "python < 3.12\n",
                       "a.pycon", "3.11.7"));
  CHECK_FALSE(UnmetRequirement("   >>> # replay: requires python == 3.11\n", "a.md", "3.11.7"));
}

TEST_CASE("requirements: the first unmet one names its line and both versions") {
  auto unmet =
      UnmetRequirement(">>> 1\n1\n>>> # replay: requires python >= 3.12\n", "a.pycon", "3.11.7");
  REQUIRE(unmet);
  CHECK(unmet->ToString() == "a.pycon:3: requires python >= 3.12 (this is 3.11.7)");
  CHECK(UnmetRequirement(">>> # replay: requires python < 3.11\n", "a", "3.11.7"));
  CHECK(UnmetRequirement(">>> # replay: requires python != 3.11\n", "a", "3.11.7"));
  CHECK(UnmetRequirement(">>> # replay: requires python > 3.11.7\n", "a", "3.11.7"));
}

TEST_CASE("requirements: a malformed one says what is expected") {
  auto unmet = UnmetRequirement(">>> # replay: requires py3.12\n", "a", "3.11.7");
  REQUIRE(unmet);
  CHECK(unmet->message.find("expected `# replay: requires python OP X.Y`") != std::string::npos);
  // Other comments are not requirements.
  CHECK_FALSE(UnmetRequirement(">>> # requires python >= 9\n", "a", "3.11.7"));
}
