#include "replay/text/file_update.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace fs = std::filesystem;
using replay_test::TempDir;

namespace {

void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string Read(const fs::path& path) {
  replay::Expected<std::string> text = replay::ReadFile(path.string());
  REQUIRE(text);
  return *text;
}

struct stat Stat(const fs::path& path) {
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  return info;
}

}  // namespace

TEST_CASE("UpdateFile replaces a file of one link atomically, keeping its mode") {
  TempDir dir("update-one-link");
  fs::path path = dir.path / "t.pycon";
  Write(path, "old\n");
  chmod(path.c_str(), 0640);
  replay::Expected<std::string> how = replay::UpdateFile(path.string(), "new\n");
  REQUIRE(how);
  CHECK(how->empty());
  CHECK(Read(path) == "new\n");
  CHECK((Stat(path).st_mode & 07777) == 0640);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("UpdateFile writes a file of several links in place, keeping its inode") {
  TempDir dir("update-links");
  fs::path path = dir.path / "t.pycon";
  Write(path, "the old text, longer than the new\n");
  fs::create_hard_link(path, dir.path / "other");
  ino_t inode = Stat(path).st_ino;
  replay::Expected<std::string> how = replay::UpdateFile(path.string(), "new\n");
  REQUIRE(how);
  CHECK(*how == "in place: 2 hard links");
  CHECK(Stat(path).st_ino == inode);
  CHECK(Stat(path).st_nlink == 2);
  CHECK(Read(dir.path / "other") == "new\n");
}

TEST_CASE("UpdateRefusal: deleted, replaced and read-only files are refused") {
  TempDir dir("update-refusal");
  fs::path path = dir.path / "t.pycon";
  Write(path, "text\n");
  replay::FileIdentity read;
  REQUIRE(replay::ReadFile(path.string(), &read));
  CHECK(replay::UpdateRefusal(path.string(), read).empty());
  chmod(path.c_str(), 0444);
  CHECK(replay::UpdateRefusal(path.string(), read) == "read-only (mode 0444)");
  Write(dir.path / "new", "text\n");
  fs::rename(dir.path / "new", path);
  CHECK(replay::UpdateRefusal(path.string(), read) == "replaced by another file during the run");
  fs::remove(path);
  CHECK(replay::UpdateRefusal(path.string(), read) == "deleted during the run");
  CHECK(replay::UnwritableReason(path.string()).empty());  // nothing there: it may be made
}
