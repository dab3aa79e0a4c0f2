#include "replay/config/last_failed.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A fresh directory for one test, removed after it.
struct TemporaryDirectory {
  TemporaryDirectory() {
    char name[] = "/tmp/replay-last-failed-XXXXXX";
    path = mkdtemp(name);
  }
  ~TemporaryDirectory() { fs::remove_all(path); }
  fs::path path;
};

}  // namespace

TEST_CASE("the --last-failed cache records failures and forgets passes") {
  TemporaryDirectory root;
  std::ofstream(root.path / "a.pycon") << ">>> 1\n";
  REQUIRE(static_cast<bool>(replay::WriteLastFailed(root.path.string(), {{"a.pycon", true}})));
  CHECK(replay::ReadLastFailed(root.path.string()) == std::set<std::string>{"a.pycon"});
  REQUIRE(static_cast<bool>(replay::WriteLastFailed(root.path.string(), {{"a.pycon", false}})));
  CHECK(replay::ReadLastFailed(root.path.string()).empty());
}

// Was followed: the target was overwritten with the list of failed files.
TEST_CASE("a symlinked --last-failed cache is neither followed nor read") {
  TemporaryDirectory root;
  std::ofstream(root.path / "a.pycon") << ">>> 1\n";
  fs::create_directories(root.path / "elsewhere");
  fs::path victim = root.path / "elsewhere" / "lastfailed";
  std::ofstream(victim) << "a.pycon\nprecious\n";
  SECTION("the file is a link") {
    fs::create_directories(root.path / ".replay_cache");
    fs::create_symlink(victim, root.path / ".replay_cache" / "lastfailed");
  }
  SECTION("the directory is a link") {
    fs::create_directory_symlink(root.path / "elsewhere", root.path / ".replay_cache");
  }
  CHECK(replay::ReadLastFailed(root.path.string()).empty());
  replay::Expected<void> written = replay::WriteLastFailed(root.path.string(), {{"a.pycon", true}});
  REQUIRE_FALSE(static_cast<bool>(written));
  CHECK(written.error().message == "is a symbolic link, which replay does not follow; remove it");
  CHECK(Read(victim) == "a.pycon\nprecious\n");
  CHECK_FALSE(fs::exists(root.path / "elsewhere" / ".gitignore"));
}
