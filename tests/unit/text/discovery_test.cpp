#include "replay/text/discovery.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

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
