#include "atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("an atomic write replaces the content, keeps the mode, leaves no temporary") {
  fs::path dir = fs::temp_directory_path() / ("replay-atomic-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "f.pycon").string();
  REQUIRE(replay::WriteFileAtomically(path, "old\n").empty());
  chmod(path.c_str(), 0750);
  REQUIRE(replay::WriteFileAtomically(path, "new\n").empty());
  std::string content, error;
  REQUIRE(replay::ReadFile(path, content, error));
  CHECK(content == "new\n");
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0750);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK_FALSE(replay::WriteFileAtomically((dir / "no" / "such" / "f").string(), "x").empty());
  CHECK_FALSE(replay::ReadFile((dir / "missing").string(), content, error));
  CHECK(error == "No such file or directory");
  CHECK_FALSE(replay::ReadFile(dir.string(), content, error));
  CHECK(error == "is a directory");
  fs::remove_all(dir);
}
