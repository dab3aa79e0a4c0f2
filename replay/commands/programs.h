// The Python programs of the commands, embedded in the binary (generated at
// build time by embed_python, replay/CMakeLists.txt).
#pragma once

namespace replay {

/// replay/commands/tee.py: class Tee, a stream that hands what is written
/// to a recorder (replay record at a terminal).
extern const char* const kTeeSource;

/// replay/commands/ask_python.py: run by a python with -S -c, writes its
/// sys.executable, version, standard library directory and build line.
extern const char* const kAskPythonSource;

/// replay/commands/startup_probe.py: run by a fresh python with -c, writes
/// what a transcript could see of its start-up state.
extern const char* const kStartupProbeSource;

/// replay/commands/fresh_state.py: flags() and refresh(probe), which give
/// the host interpreter of `python -m replay` the probed state.
extern const char* const kFreshStateSource;

/// replay/commands/child_coverage.py: requested(), start() and save(), which
/// measure the forked children under coverage.py (child_coverage.h).
extern const char* const kChildCoverageSource;

}  // namespace replay
