// -k patterns and shards.
#include "replay/text/selection.h"

#include <algorithm>
#include <catch2/catch.hpp>

using replay::FilesInShard;
using replay::MatchesAny;
using replay::ParseShard;

TEST_CASE("selection: -k is a substring of the path, or a glob of a tail of it; any of them") {
  CHECK(MatchesAny("docs/intro.md", {}));
  CHECK(MatchesAny("docs/intro.md", {"intro"}));
  CHECK_FALSE(MatchesAny("docs/intro.md", {"api"}));
  CHECK(MatchesAny("docs/intro.md", {"api", "docs/"}));
  CHECK(MatchesAny("docs/sub/intro.md", {"docs/*.md"}));
  CHECK_FALSE(MatchesAny("docs/intro.md", {"*.rst"}));
  CHECK(MatchesAny("a1.pycon", {"a[0-9].pycon"}));
  CHECK(MatchesAny("/abs/docs/a1.pycon", {"docs/a?.pycon"}));
  CHECK_FALSE(MatchesAny("/abs/mydocs/a1.pycon", {"docs/a?.pycon"}));
}

TEST_CASE("selection: --shard K/N is parsed 1-based; anything else says what is expected") {
  auto shard = ParseShard("2/4");
  REQUIRE(shard);
  CHECK(shard->index == 1);
  CHECK(shard->count == 4);
  for (const char* bad : {"0/4", "5/4", "2", "a/b", "2/", "/4", "2/4x", "-1/4"}) {
    auto refused = ParseShard(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().ToString().find("expected K/N") != std::string::npos);
  }
}

TEST_CASE("selection: shards split the files whatever their order, each kept in the run's order") {
  std::vector<std::string> files = {"d", "a", "c", "b", "e"};
  std::vector<std::string> reversed(files.rbegin(), files.rend());
  std::vector<std::string> all;
  for (size_t k = 0; k < 3; ++k) {
    auto shard = FilesInShard(files, {k, 3});
    auto other = FilesInShard(reversed, {k, 3});
    std::sort(other.begin(), other.end());
    auto sorted = shard;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == other);
    all.insert(all.end(), shard.begin(), shard.end());
  }
  std::sort(all.begin(), all.end());
  CHECK(all == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(FilesInShard(files, {0, 3}) == std::vector<std::string>{"d", "a"});
  CHECK(FilesInShard({"a"}, {1, 2}).empty());
}
