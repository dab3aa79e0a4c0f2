// Ctrl-C, SIGTERM and SIGHUP for a runner: a descriptor that becomes readable.
#pragma once

namespace replay {

/// While it lives, SIGINT, SIGTERM and SIGHUP (a closed terminal) no longer end the process: they
/// make fd() readable, so that a runner polling it can stop its children and report what finished.
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

/// In a child forked while an InterruptSignals lives: SIGINT, SIGTERM and SIGHUP get
/// back the handlers they had before it (those of the program, e.g. an
/// embedded Python's KeyboardInterrupt; the defaults if there was none), so
/// that the child no longer signals the parent's descriptor.
void RestoreSignalsInChild();

/// Whether `fd` (an InterruptSignals' fd(), or -1) has become readable.
bool Interrupted(int fd);

}  // namespace replay
