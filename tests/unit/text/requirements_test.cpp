// `# replay: requires python` comments.
#include "replay/text/requirements.h"

#include <catch2/catch.hpp>

using replay::UnmetRequirement;

namespace {

/// The unmet requirement of `text` on 3.11.7 (a malformed one must not be).
std::optional<replay::Diagnostic> Unmet(const std::string& text) {
  auto unmet = UnmetRequirement(text, "a", "3.11.7");
  REQUIRE(unmet);
  return *unmet;
}

}  // namespace

TEST_CASE("requirements: none, or all met, is no unmet requirement") {
  CHECK_FALSE(Unmet(">>> 1\n1\n"));
  CHECK_FALSE(
      Unmet(">>> # replay: requires python >= 3.8\n>>> # replay: requires "
            "python < 3.12\n"));
  CHECK_FALSE(Unmet("   >>> # replay: requires python == 3.11\n"));
}

TEST_CASE("requirements: the first unmet one names its line and both versions") {
  auto unmet = Unmet(">>> 1\n1\n>>> # replay: requires python >= 3.12\n");
  REQUIRE(unmet);
  CHECK(unmet->ToString() == "a:3: requires python >= 3.12 (this is 3.11.7)");
  CHECK(Unmet(">>> # replay: requires python < 3.11\n"));
  CHECK(Unmet(">>> # replay: requires python != 3.11\n"));
  CHECK(Unmet(">>> # replay: requires python > 3.11.7\n"));
}

TEST_CASE("requirements: a malformed one is an error saying what is expected") {
  for (const char* text :
       {">>> # replay: requires py3.12\n", ">>> # replay: requires pyhton >= 3.9\n",
        "\n>>> # replay: requires python 3.9\n"}) {
    auto malformed = UnmetRequirement(text, "a", "3.11.7");
    REQUIRE_FALSE(malformed);
    CHECK(malformed.error().line >= 1);
    CHECK(malformed.error().message.find("expected `# replay: requires python OP X.Y`") !=
          std::string::npos);
  }
  // Other comments are not requirements.
  CHECK_FALSE(Unmet(">>> # requires python >= 9\n"));
}
