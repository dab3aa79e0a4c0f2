// Where the configuration and cache of a run are: the rootdir.
#include "replay/config/rootdir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "replay/config/last_failed.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

TEST_CASE("rootdir: the nearest pyproject.toml with [tool.replay] above the paths' ancestor") {
  replay_test::TempDir dir("rootdir");
  fs::path root = dir.path;
  fs::create_directories(root / "proj/docs/api");
  fs::create_directories(root / "proj/sub");
  std::ofstream(root / "proj/pyproject.toml") << "[tool.replay]\ntimeout = 5\n";
  // Holds no [tool.replay]: passed over, as pytest passes over one without its table.
  std::ofstream(root / "proj/docs/pyproject.toml") << "[project]\nname = 'x'\n";
  std::ofstream(root / "proj/docs/api/a.md") << "";
  auto found = replay::FindProjectConfig(
      {(root / "proj/docs/api/a.md").string(), (root / "proj/docs").string()}, "");
  REQUIRE(found);
  CHECK(found->file == (root / "proj/pyproject.toml").string());
  CHECK(found->rootdir == (root / "proj").string());
  REQUIRE(found->Find("timeout"));
  CHECK(found->Find("timeout")->values.at(0).text == "5");

  // No configuration: the common ancestor is the rootdir.
  std::ofstream(root / "proj/sub/b.md") << "";
  fs::remove(root / "proj/pyproject.toml");
  auto none = replay::FindProjectConfig(
      {(root / "proj/docs/api/a.md").string(), (root / "proj/sub/b.md").string()}, "");
  REQUIRE(none);
  CHECK(none->file.empty());
  CHECK(none->rootdir == (root / "proj").string());

  // --config FILE: that file, its directory the rootdir.
  std::ofstream(root / "other.toml") << "[tool.replay]\njobs = 2\n";
  auto given =
      replay::FindProjectConfig({(root / "proj").string()}, (root / "other.toml").string());
  REQUIRE(given);
  CHECK(given->rootdir == root.string());
  REQUIRE(given->Find("jobs"));
  CHECK(given->Find("jobs")->values.at(0).text == "2");

  // A broken pyproject.toml on the way is an error naming it.
  std::ofstream(root / "proj/docs/pyproject.toml") << "[project\n";
  auto broken = replay::FindProjectConfig({(root / "proj/docs/api").string()}, "");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().file == (root / "proj/docs/pyproject.toml").string());
  CHECK(broken.error().line == 1);
}

TEST_CASE("rootdir: paths relative to it") {
  CHECK(replay::RelativeToRoot("/r/docs/./a.md", "/r") == "docs/a.md");
  CHECK(replay::RelativeToRoot("/elsewhere/a.md", "/r") == "/elsewhere/a.md");
}

TEST_CASE("last failed: failures are kept until they pass; a passing run leaves no trace") {
  replay_test::TempDir dir("lastfailed");
  std::string root = dir.path.string();
  for (const char* name : {"a.md", "b.md", "c.md"}) std::ofstream(dir.path / name) << "";
  REQUIRE(replay::WriteLastFailed(root, {{"a.md", false}}));
  CHECK_FALSE(fs::exists(dir.path / ".replay_cache"));
  REQUIRE(replay::WriteLastFailed(root, {{"a.md", true}, {"b.md", true}, {"c.md", false}}));
  CHECK(replay::ReadLastFailed(root) == std::set<std::string>{"a.md", "b.md"});
  CHECK(fs::exists(dir.path / ".replay_cache/.gitignore"));
  // A run of a.md alone: b.md, not run, is still recorded.
  REQUIRE(replay::WriteLastFailed(root, {{"a.md", false}}));
  CHECK(replay::ReadLastFailed(root) == std::set<std::string>{"b.md"});
  REQUIRE(replay::WriteLastFailed(root, {{"b.md", false}}));
  CHECK(replay::ReadLastFailed(root).empty());
  // A file that is gone is forgotten.
  REQUIRE(replay::WriteLastFailed(root, {{"c.md", true}}));
  fs::remove(dir.path / "c.md");
  REQUIRE(replay::WriteLastFailed(root, {}));
  CHECK(replay::ReadLastFailed(root).empty());
}
