// RunIsolatedOnce: the isolated runner for a single session.
#include <optional>
#include <utility>

#include "replay/runner/isolated_runner.h"

namespace replay {

namespace {

class OneSession : public SessionQueue {
 public:
  explicit OneSession(Session session) : session_(std::move(session)) {}
  size_t size() const override { return 1; }
  std::optional<Session> Prepare(size_t) override { return std::move(session_); }
  void Finish(size_t, SessionOutcome outcome) override { outcome_ = std::move(outcome); }
  std::optional<SessionOutcome>& outcome() { return outcome_; }

 private:
  Session session_;
  std::optional<SessionOutcome> outcome_;
};

}  // namespace

std::optional<SessionOutcome> RunIsolatedOnce(Session session, const IsolationOptions& options,
                                              int interrupt_fd, const ForkFunction& fork) {
  OneSession queue(std::move(session));
  RunIsolated(queue, options, interrupt_fd, fork);
  return std::move(queue.outcome());
}

}  // namespace replay
