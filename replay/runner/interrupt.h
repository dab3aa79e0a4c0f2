// Ctrl-C, SIGTERM, SIGHUP and the like for a runner: a descriptor that becomes readable.
#pragma once

#include <sys/types.h>

#include <vector>

namespace replay {

/// While it lives, SIGINT, SIGTERM, SIGHUP (a closed terminal), SIGQUIT, SIGUSR1, SIGUSR2,
/// SIGALRM, SIGVTALRM and SIGPROF no longer end the process: each makes fd() readable
/// (a ReceivedSignal to read, TakeSignals), so that a runner polling it can stop its children
/// and report what finished, or end the session that sent it (RunIsolated).
/// The previous handlers come back when it ends. One at a time per process.
class InterruptSignals {
 public:
  InterruptSignals();
  ~InterruptSignals();
  InterruptSignals(const InterruptSignals&) = delete;
  InterruptSignals& operator=(const InterruptSignals&) = delete;

  /// Readable once a signal arrived; -1 if the handlers could not be set.
  int fd() const;
};

/// In a child forked while an InterruptSignals lives: those signals get
/// back the handlers they had before it (those of the program, e.g. an
/// embedded Python's KeyboardInterrupt; the defaults if there was none), so
/// that the child no longer signals the parent's descriptor.
void RestoreSignalsInChild();

/// Whether `fd` (an InterruptSignals' fd(), or -1) has become readable.
bool Interrupted(int fd);

/// A signal an InterruptSignals took, and the process that sent it (0: the
/// kernel, e.g. a terminal's Ctrl-C).
struct ReceivedSignal {
  int number = 0;
  pid_t sender = 0;
};

/// The signals that arrived on `fd` (an InterruptSignals' fd(), or -1) since
/// the last call, without waiting; anything else written to it counts as a
/// signal from no process.
std::vector<ReceivedSignal> TakeSignals(int fd);

}  // namespace replay
