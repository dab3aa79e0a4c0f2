#include "replay/commands/environment.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "pycon/bridge.h"
#include "pycon/python_session.h"
#include "replay/commands/probe_cache.h"
#include "replay/commands/programs.h"

extern char** environ;

namespace replay {

namespace {

const char* const kBuildPrefix = "replay-";

/// "3.11" of "3.11.7".
std::string MinorVersion(const std::string& version) {
  std::size_t first = version.find('.');
  return version.substr(0, version.find('.', first == std::string::npos ? 0 : first + 1));
}

}  // namespace

std::pair<std::string, int> Capture(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return {std::strerror(errno), -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  std::string output;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
    if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  close(pipe_fds[0]);
  if (spawned != 0) return {std::strerror(spawned), -1};
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

namespace {

/// The interpreter of a venv or installation directory: its bin/python3
/// (or bin/python); `path` itself if it is not a directory.
std::string InterpreterIn(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return path;
  for (const char* name : {"bin/python3", "bin/python"}) {
    std::filesystem::path candidate = std::filesystem::path(path) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return (std::filesystem::path(path) / "bin/python3").string();
}

/// Whether `text` is a minor version such as "3.12".
bool IsMinorVersion(const std::string& text) {
  std::size_t dot = text.find('.');
  auto digits = [](const std::string& part) {
    return !part.empty() && part.size() <= 3 &&
           part.find_first_not_of("0123456789") == std::string::npos;
  };
  return dot != std::string::npos && digits(text.substr(0, dot)) && digits(text.substr(dot + 1));
}

/// The directory of this program, where the replays built for other
/// Pythons are (`replay-3.X`); empty if unknown.
std::string ProgramDirectory() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string() : self.parent_path().string();
}

std::string JoinVersions(const std::vector<std::string>& versions) {
  std::string text;
  for (const std::string& version : versions) text += (text.empty() ? "" : ", ") + version;
  return text;
}

/// Whether two executables are the same installation's or venv's python:
/// the same file (symlinks followed) in the same directory (a venv's
/// bin/python and bin/python3 are one, the base python it links to another).
bool SameInterpreter(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  std::error_code error_a, error_b;
  fs::path dir_a = fs::canonical(fs::path(a).parent_path(), error_a);
  fs::path dir_b = fs::canonical(fs::path(b).parent_path(), error_b);
  if (error_a || error_b || dir_a != dir_b) return a == b;
  return fs::canonical(a, error_a) == fs::canonical(b, error_b) && !error_a && !error_b;
}

/// Whether `python` is of the installation whose libpython this program
/// runs: its build line is the linked one's (that installation's python, or
/// a venv of it), or its standard library is the directory of the linked
/// installation's python (a build line that differs between the program
/// and the shared library of one installation).
bool OfLinkedInstallation(const UserPython& python) {
  if (python.build == pycon::PythonBuild()) return true;
  std::string linked = pycon::LinkedPythonExecutable();
  if (linked.empty() || python.stdlib.empty()) return false;
  Expected<UserPython> own = AskPython(linked);
  return own && own->stdlib == python.stdlib;
}

/// The refusal of `python`, another installation of the linked minor
/// version (named by `source`: --python or VIRTUAL_ENV): the linked
/// libpython would run that installation's standard library, whose modules
/// its own build may hold compiled in (Debian's math, zlib, site…).
Diagnostic OtherInstallation(const UserPython& python, const std::string& source) {
  std::string linked = pycon::LinkedPythonExecutable();
  std::string stdlib = python.stdlib.empty() ? "" : " (" + python.stdlib + ")";
  return Diagnostic{
      python.executable, 0, 0,
      "Python " + python.version + " (from " + source + ") is another installation of Python " +
          MinorVersion(python.version) + " than this replay's (" + pycon::PythonVersion() +
          (linked.empty() ? "" : ", " + linked) + "): its standard library" + stdlib +
          " cannot run on this replay's libpython; run `" + python.executable +
          " -m replay` instead (replay's Python package installed for it), or a replay built "
          "with -DPython3_EXECUTABLE=" +
          python.executable};
}

/// Inside a running Python (`python -m replay`): that interpreter, which
/// --python, if given, must name.
Expected<PythonChoice> RunningPython(const std::string& python_option) {
  if (python_option.empty()) return PythonChoice{};
  Expected<UserPython> python = AskPython(InterpreterIn(python_option));
  if (!python) return python.error();
  pycon::PyRef running = pycon::SysAttr("executable");
  std::string executable = running ? pycon::Str(running) : std::string();
  if (SameInterpreter(python->executable, executable)) return PythonChoice{};
  return Diagnostic{python->executable, 0, 0,
                    "--python names another Python than the one running replay as a module (" +
                        executable + "); run that Python's `-m replay` instead"};
}

}  // namespace

Expected<UserPython> AskPython(const std::string& program) {
  if (std::optional<UserPython> cached = CachedPython(program)) return *cached;
  auto [output, status] = Capture({program, "-S", "-c", kAskPythonSource});
  std::vector<std::string> lines;
  for (std::size_t start = 0; status == 0 && start <= output.size();) {
    std::size_t end = std::min(output.find('\n', start), output.size());
    lines.push_back(output.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() != 4) {
    while (!output.empty() && output.back() == '\n') output.pop_back();
    return Diagnostic{program, 0, 0, "cannot run this Python: " + output};
  }
  UserPython python{lines[0], lines[1], lines[2], lines[3]};
  RememberPython(program, python);
  return python;
}

std::vector<std::string> AvailableVersions() {
  std::vector<std::string> versions = {MinorVersion(pycon::PythonVersion())};
  std::string dir = ProgramDirectory();
  std::error_code error;
  if (dir.empty() || pycon::PythonRunning()) return versions;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(kBuildPrefix, 0) != 0 || access(entry.path().c_str(), X_OK) != 0) continue;
    std::string version = name.substr(std::strlen(kBuildPrefix));
    if (!IsMinorVersion(version)) continue;  // another program named replay-…
    if (std::find(versions.begin(), versions.end(), version) == versions.end())
      versions.push_back(version);
  }
  std::sort(versions.begin(), versions.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a.substr(a.find('.') + 1)) < std::stoi(b.substr(b.find('.') + 1));
  });
  return versions;
}

Expected<PythonChoice> ChoosePython(const std::string& python_option, bool other_builds) {
  if (pycon::PythonRunning()) return RunningPython(python_option);
  std::string program = InterpreterIn(python_option);
  const char* virtual_env = std::getenv("VIRTUAL_ENV");
  if (python_option.empty()) {
    if (virtual_env == nullptr || *virtual_env == '\0') return PythonChoice{};
    program = InterpreterIn(virtual_env);
  }
  Expected<UserPython> python = AskPython(program);
  if (!python) return python.error();
  std::string linked = pycon::PythonVersion();
  std::string wanted = MinorVersion(python->version);
  std::string source = python_option.empty() ? "VIRTUAL_ENV" : "--python";
  if (wanted == MinorVersion(linked) && !OfLinkedInstallation(*python))
    return OtherInstallation(*python, source);
  if (wanted == MinorVersion(linked)) return PythonChoice{python->executable, {}};
  std::string other = ProgramDirectory() + "/" + kBuildPrefix + wanted;
  bool other_exists = !ProgramDirectory().empty() && access(other.c_str(), X_OK) == 0;
  if (other_builds && other_exists) return PythonChoice{python->executable, other};
  if (other_exists) {
    return Diagnostic{other, 0, 0,
                      "was handed this run for Python " + python->version + " but runs " + linked +
                          " (a broken installation?)"};
  }
  return Diagnostic{python->executable, 0, 0,
                    "Python " + python->version + " (from " + source +
                        "): this replay has no build for Python " + wanted +
                        "; versions available: " + JoinVersions(AvailableVersions())};
}

std::string DescribeRunningPython() {
  auto attribute = [](const char* name) {
    pycon::PyRef value = pycon::SysAttr(name);
    return value ? pycon::Str(value) : std::string("?");
  };
  return "Python " + pycon::PythonVersion() + " at " + attribute("executable") + ", sys.prefix " +
         attribute("prefix");
}

std::string DescribeInterpreter(const std::string& executable) {
  pycon::SessionOptions options;
  options.executable = executable;
  options.finalize = false;
  options.preload.clear();
  options.adopt_running = [] {};
  pycon::PythonSession python(options);
  return DescribeRunningPython();
}

}  // namespace replay
