#include "replay/runner/descendants.h"

#include <dirent.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace replay {

namespace {

/// The parent of `pid` from /proc/PID/stat; -1 if it is gone.
pid_t ParentOf(const char* pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%s/stat", pid);
  std::FILE* file = std::fopen(path, "re");
  if (file == nullptr) return -1;
  char text[1024];
  size_t n = std::fread(text, 1, sizeof text - 1, file);
  std::fclose(file);
  text[n] = '\0';
  // The command name may hold anything, ')' included: the state and the
  // parent follow its last ')'.
  const char* end = std::strrchr(text, ')');
  char state = 0;
  int parent = -1;
  if (end == nullptr || std::sscanf(end + 1, " %c %d", &state, &parent) != 2) return -1;
  return parent;
}

/// How many times KillOrphans looks again for what killed orphans left:
/// enough for any tree, and a bound against a fork bomb outrunning it.
constexpr int kMaxRounds = 1000;

}  // namespace

bool StartedBy(pid_t pid, pid_t session) {
  if (pid <= 0) return false;
  if (getpgid(pid) == session) return true;
  for (int steps = 0; pid > 1 && steps < kMaxRounds; ++steps) {
    if (pid == session) return true;
    pid = ParentOf(std::to_string(pid).c_str());
  }
  return false;
}

namespace {

/// The children of `parent` as the kernel lists them for each of its
/// threads (/proc/PID/task/TID/children); false if this kernel does not.
bool ChildrenFromTasks(pid_t parent, std::set<pid_t>& children) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/task", static_cast<int>(parent));
  DIR* tasks = opendir(path);
  if (tasks == nullptr) return false;
  bool listed = true;
  while (dirent* entry = readdir(tasks)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    char file[96];
    std::snprintf(file, sizeof file, "%s/%s/children", path, entry->d_name);
    std::FILE* list = std::fopen(file, "re");
    if (list == nullptr) {
      // A thread that has just ended; without the file at all, the kernel
      // has no such lists (CONFIG_PROC_CHILDREN).
      if (errno == ENOENT && std::strcmp(entry->d_name, std::to_string(parent).c_str()) == 0)
        listed = false;
      continue;
    }
    int pid = 0;
    while (std::fscanf(list, "%d", &pid) == 1) children.insert(static_cast<pid_t>(pid));
    std::fclose(list);
  }
  closedir(tasks);
  return listed;
}

}  // namespace

std::set<pid_t> ChildrenOf(pid_t parent) {
  std::set<pid_t> children;
  // One file per thread, instead of the stat of every process of the
  // machine (that scan cost the runner more than forking).
  if (ChildrenFromTasks(parent, children)) return children;
  children.clear();
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return children;
  while (dirent* entry = readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    if (ParentOf(entry->d_name) == parent) {
      children.insert(static_cast<pid_t>(std::atoi(entry->d_name)));
    }
  }
  closedir(proc);
  return children;
}

ChildSubreaper::ChildSubreaper() {
  prctl(PR_GET_CHILD_SUBREAPER, &previous_);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
}

ChildSubreaper::~ChildSubreaper() { prctl(PR_SET_CHILD_SUBREAPER, previous_); }

void KillOrphans(const std::set<pid_t>& keep) {
  for (int round = 0; round < kMaxRounds; ++round) {
    bool any = false;
    for (pid_t pid : ChildrenOf(getpid())) {
      if (keep.count(pid) > 0) continue;
      any = true;
      kill(pid, SIGKILL);
      while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
      }
    }
    if (!any) return;
  }
}

size_t ResidentBytes(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/statm", static_cast<int>(pid));
  std::FILE* file = std::fopen(path, "re");
  if (file == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  int fields = std::fscanf(file, "%lu %lu", &size, &resident);
  std::fclose(file);
  return fields == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace replay
