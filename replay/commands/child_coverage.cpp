#include "replay/commands/child_coverage.h"

#include <cstdlib>
#include <utility>

#include "pycon/bridge.h"
#include "replay/commands/programs.h"

namespace replay {

namespace {

/// Whether requested() of child_coverage.py could ask for coverage: coverage
/// is imported, or a variable names it. Otherwise the program is not even
/// compiled (3.5 million instructions, 4% of a run on a one-line transcript).
bool CoverageMayBeRequested() {
  for (const char* variable : {"COVERAGE_PROCESS_START", "COV_CORE_DATAFILE"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return true;
  }
  pycon::PyRef modules = pycon::SysAttr("modules");
  if (!modules) return true;
  return !pycon::IsNone(pycon::CallMethod(modules, "get", {pycon::MakeStr("coverage")}));
}

}  // namespace

MeasuredQueue::MeasuredQueue(SessionQueue& inner) : inner_(inner) {
  if (!CoverageMayBeRequested()) return;
  pycon::PyRef code = pycon::NewNamespace();
  // A name in <>: coverage.py measures no such "file" (the runner's and the
  // children's own Coverage would take a relative name for a measured file).
  pycon::Exec(kChildCoverageSource, "<replay/commands/child_coverage.py>", code,
              "replay's coverage code");
  std::string requested =
      pycon::Str(pycon::Call(pycon::GetItem(code, "requested"), {}, "requested"));
  if (requested == "measure")
    code_ = code;
  else
    warning_ = requested;
}

std::optional<Session> MeasuredQueue::Prepare(size_t index) {
  std::optional<Session> session = inner_.Prepare(index);
  if (!session || !code_) return session;
  session->work = [code = code_, work = std::move(session->work)](const SessionHooks& hooks) {
    // In the child: measured from before the session's first line.
    pycon::PyRef cov = pycon::Call(pycon::GetItem(code, "start"), {}, "coverage start");
    std::string result = work(hooks);
    pycon::Call(pycon::GetItem(code, "save"), {cov}, "coverage save");
    return result;
  };
  return session;
}

void MeasuredQueue::Finish(size_t index, SessionOutcome outcome) {
  inner_.Finish(index, std::move(outcome));
}

}  // namespace replay
