// The Python the user's environment names: --python, else the activated
// virtual environment, else the one replay was built with.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// A python executable as it reports itself when it runs.
struct UserPython {
  std::string executable;  ///< its sys.executable (a venv's own bin/python, shims resolved)
  std::string version;     ///< its full version, e.g. "3.11.7"
  std::string stdlib;      ///< the real path of its standard library's directory; empty: unknown
  std::string build;       ///< its build line, as pycon::PythonBuild() says the linked one's
};

/// The Python a command runs as.
struct PythonChoice {
  /// For the embedded configuration's executable (so CPython's own path
  /// logic finds a venv's pyvenv.cfg); empty: the linked Python's own, or,
  /// inside a running Python (`python -m replay`), that one.
  std::string executable;
  /// Not empty: the chosen Python is of another minor version than the
  /// linked one, and this is the replay built for it (`replay-3.X` beside
  /// this program), to be run instead with the same arguments.
  std::string other_build;
};

/// The Python replay runs as: `python_option` (--python: an interpreter
/// path, a name searched on PATH, or a venv or installation directory) if
/// not empty, else the venv of $VIRTUAL_ENV if set, else the linked Python.
/// The interpreter is asked for its sys.executable and version. An error if
/// it cannot be run, or if its minor version is neither the linked one nor
/// that of a `replay-3.X` beside this program (or `other_builds` is false);
/// the message names the versions available. An error too if it is of the
/// linked minor version but of another installation (neither the linked
/// build line nor the linked installation's standard library): its stdlib
/// would run on the linked libpython; the message says what to run instead.
/// Inside a running Python, that interpreter only: $VIRTUAL_ENV is not
/// read, and --python must name it.
Expected<PythonChoice> ChoosePython(const std::string& python_option, bool other_builds);

/// The minor versions this installation runs ("3.11", "3.12"): the linked
/// one and those of the `replay-3.X` programs beside this one.
std::vector<std::string> AvailableVersions();

/// What `args` (a program, searched on PATH, and its arguments) writes to
/// standard output and standard error, with standard input at end of file,
/// and its exit status; -1 if it could not be started.
std::pair<std::string, int> Capture(const std::vector<std::string>& args);

/// Asks `program` (a path, or a name searched on PATH) for its
/// sys.executable, version, standard library and build line by running it
/// (with -S), or from the user's cache ($XDG_CACHE_HOME or ~/.cache,
/// replay/python-probes) of what it said before: an ELF executable is asked once for each path and
/// identity (device, inode, size, modification time) of the path and of the file its links lead to;
/// a script (a pyenv shim) is asked every time.
Expected<UserPython> AskPython(const std::string& program);

/// One line naming the running interpreter: "Python 3.11.7 at EXECUTABLE,
/// sys.prefix PREFIX". Python must be running.
std::string DescribeRunningPython();

/// DescribeRunningPython() of an interpreter started with `executable` (as
/// ChoosePython gives it), for `replay --version`. Starts Python, and
/// leaves it running until the process ends.
std::string DescribeInterpreter(const std::string& executable);

}  // namespace replay
