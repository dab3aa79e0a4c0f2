#include "transcript_discovery.h"

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

  replay::Discovery found = replay::DiscoverTranscripts(
      {root.string(), (root / "notes.txt").string(), (root / "nope.pycon").string()}, {".pycon"});
  std::vector<std::string> expected = {
      (root / "b.pycon").string(), (root / "dangling.pycon").string(),
      (root / "dir.pycon").string(), (root / "sub" / "a.pycon").string(),
      (root / "notes.txt").string()};
  CHECK(found.files == expected);
  REQUIRE(found.errors.size() == 1);
  CHECK(found.errors[0] == (root / "nope.pycon").string() + ": no such file or directory");
  fs::remove_all(root);
}
