#include "replay/text/discovery.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace fs = std::filesystem;

TEST_CASE("directories are searched recursively and sorted; files are taken as given") {
  fs::path root = fs::temp_directory_path() / ("replay-discovery-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  fs::create_directories(root / "dir.pycon");
  std::ofstream(root / "b.pycon") << ">>> 1\n";
  std::ofstream(root / "sub" / "a.pycon") << ">>> 1\n";
  std::ofstream(root / "notes.txt") << "x\n";
  fs::create_symlink(root / "missing", root / "dangling.pycon");

  auto found = replay::DiscoverFiles({root.string(), (root / "notes.txt").string()}, {".pycon"});
  REQUIRE(found);
  std::vector<std::string> expected = {
      (root / "b.pycon").string(), (root / "dangling.pycon").string(),
      (root / "dir.pycon").string(), (root / "sub" / "a.pycon").string(),
      (root / "notes.txt").string()};
  CHECK(*found == expected);
  auto missing = replay::DiscoverFiles({root.string(), (root / "nope.pycon").string()}, {".pycon"});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().ToString() ==
        (root / "nope.pycon").string() + ": no such file or directory");
  fs::remove_all(root);
}

TEST_CASE("discovery: the nearest file of a name at or above a file's directory") {
  replay_test::TempDir dir("find-upwards");
  std::filesystem::create_directories(dir.path / "a" / "b");
  std::ofstream(dir.path / "setup.py") << "";
  std::ofstream(dir.path / "a" / "setup.py") << "";
  std::string deep = (dir.path / "a" / "b" / "t.pycon").string();
  CHECK(replay::FindUpwards(deep, "setup.py") == (dir.path / "a" / "setup.py").string());
  CHECK(replay::FindUpwards((dir.path / "t.pycon").string(), "setup.py") ==
        (dir.path / "setup.py").string());
  CHECK_FALSE(replay::FindUpwards(deep, "no-such-file-anywhere-for-replay.py"));
}

// Was searched up to the root: a file planted in a shared parent ran.
TEST_CASE("discovery: the search for a file stops at the top directory") {
  replay_test::TempDir dir("find-upwards-top");
  std::filesystem::create_directories(dir.path / "project" / "docs");
  std::ofstream(dir.path / "setup.py") << "";
  std::string file = (dir.path / "project" / "docs" / "t.pycon").string();
  std::string top = (dir.path / "project").string();
  CHECK(replay::FindUpwards(file, "setup.py") == (dir.path / "setup.py").string());
  CHECK_FALSE(replay::FindUpwards(file, "setup.py", top));
  CHECK_FALSE(replay::FindUpwards(file, "setup.py", top + "/"));
  std::ofstream(dir.path / "project" / "setup.py") << "";
  CHECK(replay::FindUpwards(file, "setup.py", top) == (dir.path / "project" / "setup.py").string());
  CHECK_FALSE(replay::FindUpwards((dir.path / "t.pycon").string(), "setup.py", top));
}
