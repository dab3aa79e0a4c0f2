#include "replay/runner/interrupt.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <iterator>

namespace replay {

namespace {

/// SIGINT, SIGTERM, SIGHUP (a closed terminal) and the other signals whose
/// default would end the runner without a report, that a handler can take.
constexpr int kSignals[] = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGUSR1,
                            SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF};
constexpr size_t kCount = std::size(kSignals);

// A signal handler can reach only globals: the write end of the pipe.
int g_pipe[2] = {-1, -1};
struct sigaction g_previous[kCount] {};

void OnSignal(int signal_number, siginfo_t* info, void*) {
  // One write of a few bytes to a pipe is atomic: records never interleave.
  ReceivedSignal record{signal_number, info != nullptr && info->si_code <= 0 ? info->si_pid : 0};
  ssize_t ignored = write(g_pipe[1], &record, sizeof record);
  (void)ignored;
}

}  // namespace

InterruptSignals::InterruptSignals() {
  if (pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;
  struct sigaction action {};
  action.sa_sigaction = OnSignal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < kCount; ++i) sigaction(kSignals[i], &action, &g_previous[i]);
}

InterruptSignals::~InterruptSignals() {
  if (g_pipe[0] < 0) return;
  RestoreSignalsInChild();
  close(g_pipe[0]);
  close(g_pipe[1]);
  g_pipe[0] = g_pipe[1] = -1;
}

void RestoreSignalsInChild() {
  if (g_pipe[0] < 0) return;  // the handlers are the program's own already
  for (size_t i = 0; i < kCount; ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
}

int InterruptSignals::fd() const { return g_pipe[0]; }

bool Interrupted(int fd) {
  if (fd < 0) return false;
  pollfd ready{fd, POLLIN, 0};
  return poll(&ready, 1, 0) > 0 && (ready.revents & POLLIN);
}

std::vector<ReceivedSignal> TakeSignals(int fd) {
  std::vector<ReceivedSignal> signals;
  // Never blocks, whether or not `fd` is non-blocking; bytes that are not a
  // record (a test writing to its own pipe) are an interrupt from anyone.
  while (Interrupted(fd)) {
    ReceivedSignal record{};
    ssize_t n = read(fd, &record, sizeof record);
    if (n <= 0) break;
    signals.push_back(n == sizeof record ? record : ReceivedSignal{});
  }
  return signals;
}

}  // namespace replay
