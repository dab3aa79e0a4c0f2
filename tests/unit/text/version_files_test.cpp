// Expected output that differs by Python version.
#include "replay/text/version_files.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "temp_dir.h"

using replay::VersionFileMismatch;
using replay::VersionTag;

TEST_CASE("version files: the tag of a version") {
  CHECK(VersionTag("3.13.0") == "py313");
  CHECK(VersionTag("3.8.18") == "py38");
  CHECK(VersionTag("3.12") == "py312");
}

TEST_CASE("version files: the most specific file that applies is the one run") {
  replay_test::TempDir dir("version-files");
  std::string root = dir.path.string();
  std::string generic = root + "/a.pycon", specific = root + "/a.py313.pycon";
  std::ofstream(generic) << ">>> 1\n1\n";
  std::ofstream(specific) << ">>> 1\n1\n";
  auto mismatch = [](const std::string& path, const char* version) {
    auto found = VersionFileMismatch(path, version);
    REQUIRE(found);
    return *found;
  };
  CHECK_FALSE(mismatch(generic, "3.11.7"));
  CHECK(mismatch(specific, "3.11.7") ==
        std::optional<std::string>("expected output for python 3.13 (this is 3.11.7)"));
  CHECK_FALSE(mismatch(specific, "3.13.0"));
  CHECK(mismatch(generic, "3.13.0") ==
        std::optional<std::string>("python 3.13 uses a.py313.pycon"));
  // Names that only look alike are no version files.
  CHECK_FALSE(mismatch(root + "/a.pyx.pycon", "3.11.7"));
  CHECK_FALSE(mismatch(root + "/py313.md", "3.11.7"));
  CHECK_FALSE(mismatch(root + "/a.py3.pycon", "3.11.7"));
  CHECK(mismatch(root + "/a.py30.pycon", "3.11.7"));  // 3.0
}

TEST_CASE("version files: a tag that names no version is an error, not a skip for ever") {
  for (const char* name : {"e.py0311.pycon", "h.py99999999999999999999.pycon", "a.py311x1.md",
                           "b.py3011.pycon", "c.py301.pycon", "d.py0.pycon0"}) {
    auto found = VersionFileMismatch(std::string("d/") + name, "3.11.7");
    INFO(name);
    if (std::string(name) == "a.py311x1.md" || std::string(name) == "d.py0.pycon0") {
      CHECK(found);  // not a tag at all
      continue;
    }
    REQUIRE_FALSE(found);
    CHECK(found.error().message.find("names no Python version") != std::string::npos);
  }
}

TEST_CASE("version files: --update-version writes the file for the running Python") {
  CHECK(replay::VersionFileFor("d/a.pycon", "3.11.7") == "d/a.py311.pycon");
  CHECK(replay::VersionFileFor("a.md", "3.13.0") == "a.py313.md");
  // The file that ran is already the one for this Python.
  CHECK(replay::VersionFileFor("d/a.py311.pycon", "3.11.7") == "d/a.py311.pycon");
}
