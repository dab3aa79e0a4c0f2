// Containing what sessions start: the runner adopts the processes a session
// leaves behind (it is a child subreaper, as is each session's child) and
// kills them when that session ends.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <set>

namespace replay {

/// Resident bytes of process `pid` (0 if it cannot be read).
size_t ResidentBytes(pid_t pid);

/// Whether process `pid` belongs to the session whose child is `session`:
/// it is that child, in its process group, or below it.
bool StartedBy(pid_t pid, pid_t session);

/// The processes whose parent is `parent`, from /proc (zombies included).
std::set<pid_t> ChildrenOf(pid_t parent);

/// While it lives, this process is a child subreaper: a process orphaned
/// below it (a daemon's double fork, `start_new_session`) becomes its child
/// rather than init's. The previous setting comes back when it ends.
class ChildSubreaper {
 public:
  ChildSubreaper();
  ~ChildSubreaper();
  ChildSubreaper(const ChildSubreaper&) = delete;
  ChildSubreaper& operator=(const ChildSubreaper&) = delete;

 private:
  int previous_ = 0;
};

/// Kills (SIGKILL) and reaps every child of this process that is not in
/// `keep`, then what those leave behind (which become its children in turn),
/// until none is left.
void KillOrphans(const std::set<pid_t>& keep);

}  // namespace replay
