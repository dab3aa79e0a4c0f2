// The child's side of the isolated runner: how a forked child isolates
// itself, runs its session and hands back the result.
#pragma once

#include "replay/runner/session.h"

namespace replay {

/// What a child tells its parent, through memory they share.
struct SharedState {
  volatile int line;
  volatile int finished;
  volatile int work_failed;
  char error[2048];
};

/// In a child just forked: isolates it (its own process group, limits,
/// signals, standard input at EOF, fds 1 and 2 on `output_fd`, no other
/// inherited descriptors but its result's), runs `session`, writes its
/// result to `result_fd`'s file and tells `shared` how it ended; then
/// leaves at once (_exit), running no atexit handler.
[[noreturn]] void ChildMain(const Session& session, int output_fd, int result_fd,
                            SharedState* shared, const IsolationOptions& options);

}  // namespace replay
