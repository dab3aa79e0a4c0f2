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
  CHECK_FALSE(VersionFileMismatch(generic, "3.11.7"));
  CHECK(VersionFileMismatch(specific, "3.11.7") ==
        std::optional<std::string>("expected output for python 3.13 (this is 3.11.7)"));
  CHECK_FALSE(VersionFileMismatch(specific, "3.13.0"));
  CHECK(VersionFileMismatch(generic, "3.13.0") ==
        std::optional<std::string>("python 3.13 uses a.py313.pycon"));
  // Names that only look alike are no version files.
  CHECK_FALSE(VersionFileMismatch(root + "/a.pyx.pycon", "3.11.7"));
  CHECK_FALSE(VersionFileMismatch(root + "/py313.md", "3.11.7"));
}

TEST_CASE("version files: --update-version writes the file for the running Python") {
  CHECK(replay::VersionFileFor("d/a.pycon", "3.11.7") == "d/a.py311.pycon");
  CHECK(replay::VersionFileFor("a.md", "3.13.0") == "a.py313.md");
  // The file that ran is already the one for this Python.
  CHECK(replay::VersionFileFor("d/a.py311.pycon", "3.11.7") == "d/a.py311.pycon");
}
