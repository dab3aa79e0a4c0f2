// -k patterns and shards.
#include "replay/text/selection.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "temp_dir.h"

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

TEST_CASE("selection: path globs of [tool.replay] match a path, a tail or a directory") {
  using replay::MatchesPathGlob;
  CHECK(MatchesPathGlob("CHANGELOG.md", "CHANGELOG.md"));
  CHECK(MatchesPathGlob("docs/CHANGELOG.md", "CHANGELOG.md"));
  CHECK_FALSE(MatchesPathGlob("docs/OLD_CHANGELOG.md", "CHANGELOG.md"));  // no substring
  CHECK(MatchesPathGlob("docs/_build/html/a.txt", "_build/"));
  CHECK(MatchesPathGlob("docs/_build/html/a.txt", "_build"));
  CHECK_FALSE(MatchesPathGlob("docs/_build", "_build/"));  // a file, not a directory
  CHECK(MatchesPathGlob("docs/_build", "_build"));
  CHECK(MatchesPathGlob("docs/api/x.txt", "docs/*.txt"));  // `*` crosses `/`
  CHECK_FALSE(MatchesPathGlob("other/docs.txt", "docs/*.txt"));
  CHECK(MatchesPathGlob("src/pkg/mod.py", "*.py"));
  CHECK_FALSE(MatchesPathGlob("a.pyc", "*.py"));
  CHECK_FALSE(MatchesPathGlob("a.txt", "/"));
}

TEST_CASE("selection: PATH:LINE names a line unless the path exists as written") {
  using replay::SplitPathLine;
  using Split = std::pair<std::string, int>;
  CHECK(SplitPathLine("docs/a.md:42") == Split{"docs/a.md", 42});
  CHECK(SplitPathLine("docs/a.md") == Split{"docs/a.md", 0});
  CHECK(SplitPathLine("docs/a.md:") == Split{"docs/a.md:", 0});
  CHECK(SplitPathLine("docs/a.md:4x") == Split{"docs/a.md:4x", 0});
  CHECK(SplitPathLine("a.md:1234567") == Split{"a.md:1234567", 0});  // not a line: too long
  replay_test::TempDir dir("split-line");
  std::string odd = (dir.path / "a:1").string();
  std::ofstream{odd};
  CHECK(SplitPathLine(odd) == Split{odd, 0});
}
