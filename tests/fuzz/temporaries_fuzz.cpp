// Stale temporaries: a file of any name, in a directory of its own, then
// RemoveStaleTemporaries there.
//
// Properties: the file is removed exactly when its name is a temporary's
// (TemporaryPid) whose PID is no running process; such a name is the prefix,
// the PID in decimal as std::to_string writes it, '-' and six letters or
// digits; every name CreateTemporary makes is one, of this process, at most
// 31 bytes. So no file of a user (another name, a running replay's
// temporary) is ever removed.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_check.h"
#include "replay/text/temporary_files.h"

namespace {

namespace fs = std::filesystem;

/// A directory of this process's own, empty.
const fs::path& Directory() {
  static const fs::path dir = [] {
    fs::path path = fs::temp_directory_path() / ("replay-fuzz-tmp-" + std::to_string(getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
    return path;
  }();
  return dir;
}

bool Running(pid_t pid) { return kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string name(reinterpret_cast<const char*>(data), size);
  pid_t pid = replay::TemporaryPid(name);
  if (pid != 0) {
    std::string prefix(replay::kTemporaryPrefix);
    std::string suffix = name.substr(prefix.size() + std::to_string(pid).size());
    FUZZ_CHECK(pid > 0);
    FUZZ_CHECK(name == prefix + std::to_string(pid) + suffix);
    FUZZ_CHECK(suffix.size() == 7 && suffix[0] == '-');
    for (char c : suffix.substr(1)) FUZZ_CHECK(std::isalnum(static_cast<unsigned char>(c)));
  }
  // A name a file can have: no '/', no NUL, not "." or "..", NAME_MAX.
  if (name.empty() || name.size() > 255 || name == "." || name == ".." ||
      name.find_first_of(std::string("/\0", 2)) != std::string::npos) {
    return 0;
  }
  const fs::path& dir = Directory();
  fs::path file = dir / name;
  {
    std::FILE* made = std::fopen(file.c_str(), "w");
    FUZZ_CHECK(made != nullptr);
    std::fclose(made);
  }
  bool stale = pid != 0 && pid != getpid() && !Running(pid);
  size_t removed = replay::RemoveStaleTemporaries(dir.string() + "/");
  FUZZ_CHECK(removed == (stale ? 1u : 0u));
  FUZZ_CHECK(fs::exists(file) == !stale);
  fs::remove(file);

  replay::TemporaryFile made = replay::CreateTemporary(dir.string() + "/");
  FUZZ_CHECK(made.fd >= 0);
  std::string made_name = fs::path(made.path).filename().string();
  FUZZ_CHECK(made_name.size() <= 31);
  FUZZ_CHECK(replay::TemporaryPid(made_name) == getpid());
  close(made.fd);
  fs::remove(made.path);
  return 0;
}
