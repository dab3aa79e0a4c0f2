#include "replay/commands/sandbox.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace replay {

namespace {

namespace fs = std::filesystem;

constexpr char kMark[] = "REPLAY_SANDBOXED";

/// The bwrap on PATH; empty if there is none.
std::string FindBwrap() {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = std::min(dirs.find(':', start), dirs.size());
    std::string candidate = dirs.substr(start, end - start) + "/bwrap";
    if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

/// Where replay's code lives when it is Python's extension module (`python
/// -m replay`): the directory holding the package (…/replay/_replay*.so),
/// which the command put on sys.path before the host was made fresh. Empty
/// for the program replay (its executable is shown as /proc/self/exe).
std::string OwnPackageRoot() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&OwnPackageRoot), &info) == 0 || info.dli_fname == nullptr)
    return {};
  std::error_code error;
  fs::path object = fs::weakly_canonical(info.dli_fname, error);
  if (error || object == fs::read_symlink("/proc/self/exe", error)) return {};
  return object.parent_path().parent_path().string();
}

/// Whether `path` is `top` or below it.
bool Below(const std::string& path, const std::string& top) {
  return !top.empty() && top != "/" && path.compare(0, top.size(), top) == 0 &&
         (path.size() == top.size() || path[top.size()] == '/');
}

/// Runs `argv`; "" if it exited 0, else what it wrote to standard error.
std::string Check(const std::vector<std::string>& argv) {
  int err[2];
  if (pipe2(err, O_CLOEXEC) != 0) return std::strerror(errno);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(err[1], 2);
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(err[1]);
  std::string message;
  char buffer[4096];
  ssize_t n;
  while ((n = read(err[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) message.append(buffer, static_cast<size_t>(n));
  close(err[0]);
  int status = 0;
  while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return message.empty() ? "exit status " + std::to_string(status) : message;
}

}  // namespace

bool InsideSandbox() {
  bool marked = std::getenv(kMark) != nullptr;
  unsetenv(kMark);
  return marked && getpid() == 1;
}

Expected<void> CheckSandboxable(const RunOptions& options) {
  const char* refused = options.update           ? "--update"
                        : options.update_version ? "--update-version"
                        : options.fix_prompts    ? "--fix-prompts"
                        : (!options.report_json.empty() && options.report_json != "-")
                            ? "--report-json FILE"
                        : (!options.junit.empty() && options.junit != "-") ? "--junit FILE"
                                                                           : nullptr;
  if (refused == nullptr) return {};
  return Diagnostic{"", 0, 0,
                    std::string("--sandbox cannot be used with ") + refused +
                        ": a sandboxed run writes no file (a report can go to standard output, "
                        "as `-`)"};
}

Diagnostic ExecSandboxed(const std::vector<std::string>& visible) {
  std::string bwrap = FindBwrap();
  if (bwrap.empty())
    return {"", 0, 0,
            "--sandbox needs bubblewrap (bwrap), not found on PATH; nothing was run "
            "unconfined (install the package bubblewrap)"};
  std::vector<std::string> args = {bwrap,
                                   "--unshare-all",
                                   "--die-with-parent",
                                   "--new-session",
                                   "--cap-drop",
                                   "ALL",
                                   "--ro-bind",
                                   "/",
                                   "/",
                                   "--proc",
                                   "/proc",
                                   "--dev",
                                   "/dev"};
  // The check: the namespaces and mounts bwrap needs, around /bin/true.
  std::vector<std::string> check = args;
  check.push_back(fs::exists("/bin/true") ? "/bin/true" : "/usr/bin/true");
  if (std::string why = Check(check); !why.empty())
    return {"", 0, 0,
            "--sandbox: bubblewrap cannot confine the run here (" + why +
                "); nothing was run unconfined"};
  std::error_code error;
  std::string cwd = fs::current_path(error).string();
  const char* home_env = std::getenv("HOME");
  std::string home = home_env != nullptr ? fs::weakly_canonical(home_env, error).string() : "";
  std::vector<std::string> hidden = {"/tmp"};
  if (!home.empty() && !Below(home, "/tmp") && !Below("/tmp", home)) hidden.push_back(home);
  for (const std::string& dir : hidden) args.insert(args.end(), {"--tmpfs", dir});
  std::set<std::string> shown;
  std::vector<std::string> wanted = visible;
  wanted.push_back(cwd);
  if (std::string root = OwnPackageRoot(); !root.empty()) wanted.push_back(root);
  for (const std::string& path : wanted) {
    std::string absolute = fs::weakly_canonical(fs::absolute(path, error), error).string();
    bool below = std::any_of(hidden.begin(), hidden.end(),
                             [&](const std::string& dir) { return Below(absolute, dir); });
    if (below && fs::exists(absolute, error)) shown.insert(absolute);
  }
  for (const std::string& path : shown) args.insert(args.end(), {"--ro-bind", path, path});
  // The run is the namespace's first process: nothing in it can kill or stop
  // it, and the kernel ends whatever is left when it ends.
  args.insert(args.end(), {"--as-pid-1", "--setenv", kMark, "1", "--chdir", cwd});
  std::string exe = fs::read_symlink("/proc/self/exe", error).string();
  std::ifstream cmdline("/proc/self/cmdline", std::ios::binary);
  std::string arguments((std::istreambuf_iterator<char>(cmdline)),
                        std::istreambuf_iterator<char>());
  args.insert(args.end(), {"--", exe});
  size_t start = arguments.find('\0');  // past argv[0]
  while (start != std::string::npos && start + 1 < arguments.size()) {
    size_t end = arguments.find('\0', start + 1);
    args.push_back(arguments.substr(start + 1, end - start - 1));
    start = end;
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::fflush(nullptr);
  execv(argv[0], argv.data());
  return {"", 0, 0, "--sandbox: cannot run " + bwrap + ": " + std::strerror(errno)};
}

}  // namespace replay
