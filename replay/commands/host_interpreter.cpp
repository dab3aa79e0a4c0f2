#include "replay/commands/host_interpreter.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "pycon/bridge.h"
#include "replay/commands/environment.h"
#include "replay/commands/programs.h"

namespace replay {

namespace {

void RefreshHost() {
  pycon::PyRef code = pycon::NewNamespace();
  // In <>: not a file coverage.py could measure (coverage run -m replay).
  pycon::Exec(kFreshStateSource, "<replay/commands/fresh_state.py>", code,
              "replay's start-up code");
  pycon::PyRef flags = pycon::Call(pycon::GetItem(code, "flags"), {}, "flags");
  pycon::PyRef executable = pycon::SysAttr("executable");
  std::vector<std::string> args = {executable ? pycon::Str(executable) : ""};
  for (const std::string& flag : pycon::Strs(flags)) args.push_back(flag);
  args.insert(args.end(), {"-c", kStartupProbeSource});
  auto [probe, status] = Capture(args);
  if (status != 0)
    throw std::runtime_error("cannot ask " + args[0] + " for a fresh start-up state: " + probe);
  // Strictly UTF-8, as the probe's output was always read.
  pycon::Call(pycon::GetItem(code, "refresh"), {pycon::MakeStr(probe, "strict")}, "refresh");
}

}  // namespace

void AdoptAsFresh(pycon::SessionOptions& options) { options.adopt_running = RefreshHost; }

void AdoptAsIs(pycon::SessionOptions& options) {
  options.adopt_running = [] {};
}

}  // namespace replay
