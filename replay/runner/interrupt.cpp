#include "replay/runner/interrupt.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

namespace replay {

namespace {

// A signal handler can reach only globals: the write end of the pipe.
int g_pipe[2] = {-1, -1};
struct sigaction g_previous_int {
}, g_previous_term{}, g_previous_hup{};

void OnSignal(int) {
  char byte = 1;
  ssize_t ignored = write(g_pipe[1], &byte, 1);
  (void)ignored;
}

}  // namespace

InterruptSignals::InterruptSignals() {
  if (pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
  // A closed terminal: stop as for SIGTERM, rather than die leaving
  // sessions to run on.
  sigaction(SIGHUP, &action, &g_previous_hup);
}

InterruptSignals::~InterruptSignals() {
  if (g_pipe[0] < 0) return;
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  sigaction(SIGHUP, &g_previous_hup, nullptr);
  close(g_pipe[0]);
  close(g_pipe[1]);
  g_pipe[0] = g_pipe[1] = -1;
}

void RestoreSignalsInChild() {
  if (g_pipe[0] < 0) return;  // the handlers are the program's own already
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  sigaction(SIGHUP, &g_previous_hup, nullptr);
}

int InterruptSignals::fd() const { return g_pipe[0]; }

bool Interrupted(int fd) {
  if (fd < 0) return false;
  pollfd ready{fd, POLLIN, 0};
  return poll(&ready, 1, 0) > 0 && (ready.revents & POLLIN);
}

}  // namespace replay
