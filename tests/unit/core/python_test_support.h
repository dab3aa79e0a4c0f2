// What the core tests share: a home for each test file's Python oracle (the
// stdlib-driving code its expectations come from), small conversions of
// Python objects to C++ values, guards for sys state, and the source tables
// of CPython's Lib/test/test_codeop.py. Everything here needs the one
// interpreter that python_test_main holds.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pycon/interactive_interpreter.h"
#include "pycon/py_ref.h"

namespace pycon_test {

/// A namespace (a dict holding __builtins__) in which Python source has run
/// once: a test file's oracle, the stdlib-driving functions its expectations
/// come from. The source runs on first use, so an Oracle may be a constant at
/// namespace scope; the namespace then lives as long as the test process (it
/// is never released: that would come after Py_Finalize). Failures throw
/// pycon::PythonError naming `what`, the function or the code that failed.
class Oracle {
 public:
  /// `source` and `what` (a name for messages) must outlive the Oracle.
  Oracle(const char* source, const char* what) : source_(source), what_(what) {}
  Oracle(const Oracle&) = delete;
  Oracle& operator=(const Oracle&) = delete;

  /// The namespace (borrowed), after running the source if not yet run.
  PyObject* globals() const;
  /// The object the source bound to `name` (borrowed); throws
  /// std::runtime_error if there is none.
  PyObject* Function(const char* name) const;
  /// Calls function `name` with no arguments; returns its result.
  pycon::PyRef Call(const char* name) const;
  /// Calls function `name` with `args`, a new tuple that the call steals (as
  /// Py_BuildValue returns it; null throws the pending error).
  pycon::PyRef Call(const char* name, PyObject* args) const;
  /// The value of `expression` evaluated in the namespace.
  pycon::PyRef Eval(const std::string& expression) const;
  /// Runs `statements` in the namespace (names they bind stay there).
  void Exec(const std::string& statements) const;

 private:
  const char* source_;
  const char* what_;
  mutable PyObject* globals_ = nullptr;
};

/// The value of `expression` evaluated in a new namespace holding only the
/// builtins.
pycon::PyRef Eval(const std::string& expression);

/// repr(object) as UTF-8.
std::string Repr(PyObject* object);
/// repr() of `text` made a Python str (as pycon::MakeStr makes it).
std::string Repr(std::string_view text);
/// type.__name__ of a type object.
std::string TypeName(PyObject* type);
/// str() of each item of a Python list.
std::vector<std::string> Strings(PyObject* list);

/// "SystemExit(<repr of its code>)": a SystemExit as the oracles' outcome()
/// names it.
std::string ExitOutcome(const pycon::SystemExitError& exit);
/// Runs `call` and names what happened as the oracles do for a push or
/// runsource: "True" or "False" for its result, ExitOutcome() if it threw
/// SystemExitError, the type name of any other pycon::PythonError it threw.
std::string Outcome(const std::function<bool()>& call);

/// Deletes sys.last_type, last_value, last_traceback and last_exc.
void ForgetLast();
/// sys.last_* by type and message (not identity): "unset", or the types and
/// repr of last_type and last_value, whether there is a last_traceback and it
/// is last_value's, and (where there is a sys.last_exc) whether it is
/// last_value.
std::string DescribeLast();

/// Saves sys attributes (by default all that a console or an interpreter
/// touches) and restores them when it goes, deleting those that were absent;
/// clears any pending Python error then.
class SysState {
 public:
  SysState(std::initializer_list<const char*> names = {"stdin", "stdout", "stderr", "ps1", "ps2",
                                                       "excepthook", "displayhook"});
  ~SysState();
  SysState(const SysState&) = delete;
  SysState& operator=(const SysState&) = delete;

 private:
  std::vector<std::pair<const char*, pycon::PyRef>> saved_;
};

/// While it lives, sys.stdout and sys.stderr are one io.StringIO (or one
/// each, if `split`); they are restored when it goes.
class OutputCapture {
 public:
  explicit OutputCapture(bool split = false);
  /// What was written to sys.stdout (and sys.stderr, unless split) so far.
  std::string Out() const;
  /// What was written to sys.stderr so far if split; empty otherwise.
  std::string Err() const;

 private:
  SysState restore_{"stdout", "stderr"};
  pycon::PyRef out_;
  pycon::PyRef err_;
};

/// The source tables of CPython's Lib/test/test_codeop.py (3.11), each in
/// test_codeop's order and named by what compile_command makes of its
/// sources in the mode named: a code object (valid), nothing (incomplete) or
/// a SyntaxError (invalid). kValid leaves out "" and "\n", which test_codeop
/// checks apart.
namespace codeop {
extern const std::vector<std::string> kValid;           ///< "single"
extern const std::vector<std::string> kValidEval;       ///< "eval"
extern const std::vector<std::string> kIncomplete;      ///< "single"
extern const std::vector<std::string> kIncomplete313;   ///< "single", added in 3.13
extern const std::vector<std::string> kIncompleteEval;  ///< "eval"
extern const std::vector<std::string> kInvalid;         ///< "single"
extern const std::vector<std::string> kInvalidEval;     ///< "eval"
extern const std::vector<std::string> kInvalidExec;     ///< "exec"
}  // namespace codeop

}  // namespace pycon_test
