// The embedded interpreter's lifetime.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pycon {

/// How to start the embedded interpreter.
struct SessionOptions {
  /// Path of a real python executable of the linked version. It becomes
  /// sys.executable and locates the standard library, as when that
  /// executable starts. Empty: LinkedPythonExecutable(), or if that is
  /// empty too, the interpreter's own default.
  std::string executable;
  /// sys.argv (the interactive interpreter has ['']).
  std::vector<std::string> argv = {""};
  /// Install Python's signal handlers (SIGINT raises KeyboardInterrupt).
  bool install_signal_handlers = false;
  /// Finalise the interpreter when the session ends. A program about to
  /// exit may skip it (it can take milliseconds).
  bool finalize = true;
  /// Modules imported at start-up: by default those the stdlib console
  /// itself imports (so a session sees them imported, as under code.py).
  std::vector<std::string> preload = {"code", "codeop", "traceback"};
  /// Modules imported at start-up if they can be (one that is missing or
  /// fails to import is left out, with no error).
  std::vector<std::string> preload_if_present;
  /// After the preloads, create the interpreter's `ast` node types (by one
  /// builtins.compile() of an empty module, which imports nothing), so that
  /// processes forked from this one do not each create them at their first
  /// compile(). Only for a session whose users compile before they run
  /// anything (a console does, at the first input): then the types exist
  /// before any user code runs, with or without it.
  bool create_ast_types = false;
  /// If Python is running already (this code is an extension module of the
  /// interpreter, as under `python -m replay`): called first, to give the
  /// running interpreter the state of a fresh one; the session then takes
  /// that interpreter over (the options above that start Python do not
  /// apply) and never finalises it. Empty: a running Python is an error.
  std::function<void()> adopt_running;
};

/// The embedded CPython, initialised as `python3 -u` starts (site imported,
/// environment variables honoured, unbuffered standard streams), and
/// finalised when the session ends. One per process; move-only. The thread
/// that creates it holds the GIL for its lifetime.
class PythonSession {
 public:
  /// Starts Python (or adopts the running one, see adopt_running). Throws
  /// std::logic_error if it is running already and may not be adopted,
  /// std::runtime_error if it cannot start, PythonError if a preload fails.
  explicit PythonSession(const SessionOptions& options = {});
  /// Finalises Python (unless SessionOptions::finalize is false or this
  /// session was moved from).
  ~PythonSession();
  /// Takes over the session; `other` no longer ends it.
  PythonSession(PythonSession&& other) noexcept;
  PythonSession& operator=(PythonSession&&) = delete;
  PythonSession(const PythonSession&) = delete;
  PythonSession& operator=(const PythonSession&) = delete;

  /// fork() as os.fork() does it: the interpreter's locks are taken
  /// before and made valid again after, in parent and child. Returns what
  /// fork() returns. The calling thread must hold the GIL.
  static int Fork();

 private:
  /// Initialises Python as the options say.
  static void Start(const SessionOptions& options);

  bool owns_ = true;
  bool finalize_ = true;
};

/// Whether Python is running in this process (initialised, by a
/// PythonSession or by the interpreter that loaded this code).
bool PythonRunning();

/// The linked Python's full version, e.g. "3.11.2".
std::string PythonVersion();

/// The linked Python's build line, its sys.version with each run of
/// whitespace made one space: "3.11.2 (main, Apr 28 2025, 14:11:48) [GCC
/// 12.2.0]". Two installations of one version tell apart by it (the build's
/// date and time, its compiler).
std::string PythonBuild();

/// The python executable of the installation whose libpython this process
/// has loaded, found at run time: `bin/python3.X` (X: the linked minor
/// version) in the nearest ancestor of the directory of the libpython file
/// (symlinks resolved) that has an executable one, the root excepted; e.g.
/// <prefix>/lib/libpython3.11.so.1.0 gives <prefix>/bin/python3.11, and
/// /usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0 gives /usr/bin/python3.11.
/// Empty if there is none, or if libpython is linked into the program
/// itself rather than loaded as a shared library.
std::string LinkedPythonExecutable();

}  // namespace pycon
