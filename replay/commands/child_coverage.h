// coverage.py in the forked children: each measures the lines its session
// runs and saves them before it leaves (docs/reports-and-ci.md#coverage).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "pycon/py_ref.h"
#include "replay/runner/isolated_runner.h"

namespace replay {

/// The sessions of `inner`, each measured by coverage.py in its child when
/// the run asks for coverage: the runner's interpreter is measured
/// (`coverage run -m replay`, coverage.process_startup() at start-up,
/// pytest-cov's start-up hook), or COVERAGE_PROCESS_START (or pytest-cov's
/// COV_CORE_DATAFILE) is set. The child starts its own Coverage, with the
/// runner's settings or those of the named configuration file and a data
/// file suffix of its own, and saves it when the session's work ends (not
/// when the child is killed or calls os._exit). Otherwise the sessions are
/// `inner`'s as they are: nothing is imported. Needs the interpreter running.
class MeasuredQueue : public SessionQueue {
 public:
  explicit MeasuredQueue(SessionQueue& inner);
  /// Why coverage was asked for but cannot be measured (empty: it can, or
  /// was not asked for).
  const std::string& warning() const { return warning_; }

  size_t size() const override { return inner_.size(); }
  std::optional<Session> Prepare(size_t index) override;
  void Finish(size_t index, SessionOutcome outcome) override;
  void Progress(const RunProgress& progress) override { inner_.Progress(progress); }

 private:
  SessionQueue& inner_;
  pycon::PyRef code_;  ///< child_coverage.py's namespace; empty: not measured
  std::string warning_;
};

}  // namespace replay
