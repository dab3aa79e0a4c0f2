// The child's side of the isolated runner: how a forked child isolates
// itself, runs its session and hands back the result.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>

#include "replay/runner/session.h"

namespace replay {

/// What a child tells its parent, through memory they share (mapped before
/// the fork, so no descriptor a session could close carries it): how far it
/// got, how it ended, and its result, in the `result_capacity` bytes that
/// follow the structure.
struct SharedState {
  volatile int line;
  volatile int finished;
  volatile int work_failed;
  volatile int result_too_large;  ///< more than result_capacity: the output limit
  char error[2048];
  size_t result_capacity;
  size_t result_size;
  char* result() { return reinterpret_cast<char*>(this + 1); }
};

/// In a child of `parent` just forked: isolates it (its own process group,
/// a child subreaper that dies with `parent`, limits, signals, standard
/// input at EOF, fds 1 and 2 on `output_fd`, no other inherited
/// descriptors), runs `session`, puts its result in `shared` and tells how
/// it ended; then leaves at once (_exit), running no atexit handler.
/// In the parent: the first `limit` bytes of a session's output file.
std::string ReadOutput(int fd, size_t limit);

[[noreturn]] void ChildMain(const Session& session, pid_t parent, int output_fd,
                            SharedState* shared, const IsolationOptions& options);

}  // namespace replay
