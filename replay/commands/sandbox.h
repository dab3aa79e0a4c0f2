// --sandbox: the run re-executed under bubblewrap (docs/sandbox.md).
#pragma once

#include <string>
#include <vector>

#include "replay/options/run_options.h"
#include "replay/text/diagnostic.h"
#include "replay/text/expected.h"

namespace replay {

/// Whether this process is a run already re-executed in the sandbox (it is
/// the first process of its own PID namespace, marked by ExecSandboxed).
/// Forgets the mark, so that the sessions' environment does not show it.
bool InsideSandbox();

/// Refuses what a sandboxed run cannot do, the filesystem being read-only:
/// --update, --update-version, --fix-prompts and report files (`-`, standard
/// output, is allowed).
Expected<void> CheckSandboxable(const RunOptions& options);

/// Re-executes this process (the same program and arguments) under
/// bubblewrap: no network, every file read-only, a private /tmp, $HOME an
/// empty directory, a PID namespace whose first process is the run, a
/// session of its own. `visible` are the paths (the files of the run, the
/// Python's) that stay visible read-only where /tmp or $HOME hide them.
/// Returns only if it could not (no bubblewrap, no kernel support): why.
Diagnostic ExecSandboxed(const std::vector<std::string>& visible);

}  // namespace replay
