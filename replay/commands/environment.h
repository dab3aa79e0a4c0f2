// The Python the user's environment names: --python, else the activated
// virtual environment, else the one replay was built with.
#pragma once

#include <string>

#include "replay/text/expected.h"

namespace replay {

/// A python executable as it reports itself when it runs.
struct UserPython {
  std::string executable;  ///< its sys.executable (a venv's own bin/python, shims resolved)
  std::string version;     ///< its full version, e.g. "3.11.7"
};

/// The python executable replay runs as, for the embedded configuration's
/// executable (so CPython's own path logic finds a venv's pyvenv.cfg):
/// `python_option` (--python: an interpreter path, a name searched on PATH,
/// or a venv or installation directory) if not empty, else the venv of
/// $VIRTUAL_ENV if set, else an empty string (the linked Python's own
/// executable). The interpreter is asked for its sys.executable and version;
/// an error if it cannot be run, or if its minor version is not the linked
/// Python's (the message names the versions available).
Expected<std::string> ChooseExecutable(const std::string& python_option);

/// Asks `program` (a path, or a name searched on PATH) for its
/// sys.executable and version by running it.
Expected<UserPython> AskPython(const std::string& program);

/// One line naming the running interpreter: "Python 3.11.7 at EXECUTABLE,
/// sys.prefix PREFIX". Python must be running.
std::string DescribeRunningPython();

/// DescribeRunningPython() of an interpreter started with `executable` (as
/// ChooseExecutable gives it), for `replay --version`. Starts Python, and
/// leaves it running until the process ends.
std::string DescribeInterpreter(const std::string& executable);

}  // namespace replay
