#include "replay/text/files.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "temp_dir.h"

namespace fs = std::filesystem;
using replay_test::TempDir;

TEST_CASE("an atomic write replaces the content, keeps the mode, leaves no temporary") {
  fs::path dir = fs::temp_directory_path() / ("replay-atomic-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "f.pycon").string();
  REQUIRE(replay::WriteFileAtomically(path, "old\n"));
  chmod(path.c_str(), 0750);
  REQUIRE(replay::WriteFileAtomically(path, "new\n"));
  replay::Expected<std::string> content = replay::ReadFile(path);
  REQUIRE(content);
  CHECK(*content == "new\n");
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0750);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  replay::Expected<void> unwritable = replay::WriteFileAtomically((dir / "no" / "f").string(), "x");
  REQUIRE_FALSE(unwritable);
  CHECK(unwritable.error().ToString() ==
        (dir / "no" / "f").string() + ": cannot write: No such file or directory");
  replay::Expected<std::string> missing = replay::ReadFile((dir / "missing").string());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read: No such file or directory");
  replay::Expected<std::string> directory = replay::ReadFile(dir.string());
  REQUIRE_FALSE(directory);
  CHECK(directory.error().message == "cannot read: is a directory");
  fs::remove_all(dir);
}

namespace {

std::string Slurp(const fs::path& path) { return *replay::ReadFile(path.string()); }

}  // namespace

TEST_CASE("writing through a symlink replaces the file it names and keeps the link") {
  TempDir dir("files");
  fs::create_directories(dir.path / "real");
  std::string target = (dir.path / "real" / "report.json").string();
  REQUIRE(replay::WriteFileAtomically(target, "old\n"));
  fs::create_symlink("real/report.json", dir.path / "link.json");
  fs::create_symlink(dir.path / "link.json", dir.path / "link2.json");
  REQUIRE(replay::WriteFileAtomically((dir.path / "link2.json").string(), "new\n"));
  CHECK(fs::is_symlink(dir.path / "link.json"));
  CHECK(fs::is_symlink(dir.path / "link2.json"));
  CHECK(Slurp(target) == "new\n");
  CHECK(std::distance(fs::directory_iterator(dir.path / "real"), fs::directory_iterator()) == 1);
  // A dangling link: the file it names is created.
  fs::create_symlink("real/fresh.json", dir.path / "dangling.json");
  REQUIRE(replay::WriteFileAtomically((dir.path / "dangling.json").string(), "x"));
  CHECK(fs::is_symlink(dir.path / "dangling.json"));
  CHECK(Slurp(dir.path / "real" / "fresh.json") == "x");
  // A loop is an error, not a hang.
  fs::create_symlink("loop-b", dir.path / "loop-a");
  fs::create_symlink("loop-a", dir.path / "loop-b");
  auto loop = replay::ResolveOutput((dir.path / "loop-a").string());
  REQUIRE_FALSE(loop);
  CHECK(loop.error().message.find("Too many levels of symbolic links") != std::string::npos);
}

TEST_CASE("a FIFO is written straight, never replaced; without a reader it is an error") {
  TempDir dir("files");
  std::string fifo = (dir.path / "fifo").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  auto alone = replay::WriteFileAtomically(fifo, "nobody reads\n");
  REQUIRE_FALSE(alone);
  CHECK(alone.error().message == "cannot write: No such device or address");
  int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  REQUIRE(replay::WriteFileAtomically(fifo, "report\n"));
  char buffer[64] = {};
  CHECK(read(reader, buffer, sizeof buffer) == 7);
  CHECK(std::string(buffer) == "report\n");
  close(reader);
  struct stat info {};
  REQUIRE(lstat(fifo.c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
}

TEST_CASE("a character device is written straight, never replaced") {
  TempDir dir("files");
  std::string device = (dir.path / "null").string();
  // Our own node for the null device (major 1, minor 3), in a temporary
  // directory: never a path under /dev.
  if (mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    WARN("cannot make a device node here (not root?): skipped");
    return;
  }
  auto target = replay::ResolveOutput(device);
  REQUIRE(target);
  CHECK(target->kind == replay::OutputKind::kStream);
  REQUIRE(replay::WriteFileAtomically(device, "discarded\n"));
  struct stat info {};
  REQUIRE(lstat(device.c_str(), &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("directories, sockets and missing directories are refused before writing") {
  TempDir dir("files");
  auto directory = replay::ResolveOutput(dir.path.string());
  REQUIRE_FALSE(directory);
  CHECK(directory.error().ToString() == dir.path.string() + ": cannot write: is a directory");
  std::string socket_path = (dir.path / "sock").string();
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  auto socket_target = replay::ResolveOutput(socket_path);
  REQUIRE_FALSE(socket_target);
  CHECK(socket_target.error().message == "cannot write: not a regular file, device or FIFO");
  close(fd);
  auto missing = replay::ResolveOutput((dir.path / "no" / "such" / "r.json").string());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot write: No such file or directory");
  auto dash = replay::ResolveOutput("-");
  REQUIRE(dash);
  CHECK(dash->kind == replay::OutputKind::kStandardOutput);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}
