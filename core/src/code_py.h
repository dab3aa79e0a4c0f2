// The linked Python's code.py, with the core as the parts it delegates.
//
// Every frame code.py puts on the stack below user code (interact, push,
// runsource, runcode, raw_input, resetbuffer) is code.py's own function:
// the core's console is a code.InteractiveConsole of the linked Python,
// whose showsyntaxerror and showtraceback are the core's (one source file
// per family of versions, compiled by core/CMakeLists.txt):
//  - code_py_312.cpp, code.py of 3.8 to 3.12: a user's sys.excepthook is
//    simply called;
//  - code_py_313.cpp, code.py of 3.13 and later: _showtraceback's display,
//    and a failing sys.excepthook reported with the original exception.
// So tracebacks, sys._getframe, tracers and warnings' stack levels see the
// frames a console of the stdlib has, line for line.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "c_api.h"
#include "pycon/py_ref.h"

namespace pycon::internal {

/// Shows a prompt and returns the line (std::nullopt at end of file).
using LineReader = std::function<std::optional<std::string>(const std::string& prompt)>;

/// A code.InteractiveConsole of the linked Python on a namespace, with the
/// core's showsyntaxerror and showtraceback.
class CodePy {
 public:
  /// The console on `locals` (a dict). Throws PythonError.
  explicit CodePy(PyRef locals);
  virtual ~CodePy();
  CodePy(const CodePy&) = delete;
  CodePy& operator=(const CodePy&) = delete;

  /// The code.InteractiveConsole instance: code.py's `self`.
  PyObject* self() const { return self_.get(); }

  /// The result of `call`, a call into Python (null if it raised): a
  /// SystemExit becomes SystemExitError, an exception thrown by the line
  /// reader is rethrown as it was, any other exception becomes a
  /// PythonError naming `what`.
  PyRef Run(const std::function<PyObject*()>& call, const std::string& what);

  /// Run(self.<method>(*args)).
  PyRef Call(const char* method, PyObject* args);

  /// raw_input reads through `reader` where code.py's reads with input()
  /// (empty: input() again). raw_input stays code.py's own function.
  void SetLineReader(LineReader reader);

  /// code.py's showsyntaxerror(filename) of `error`, raised compiling
  /// `source` (empty if not known); sets sys.last_*.
  virtual void ShowSyntaxError(PendingException error, std::string_view filename,
                               std::string_view source) = 0;

  /// code.py's showtraceback() of `error`, whose traceback starts with
  /// code.py's own runcode frame; sets sys.last_*.
  virtual void ShowTraceback(PendingException error) = 0;

 private:
  static PyObject* ShowSyntaxErrorMethod(PyObject* capsule, PyObject* args, PyObject* kwargs);
  static PyObject* ShowTracebackMethod(PyObject* capsule, PyObject*);
  static PyObject* InputFunction(PyObject* capsule, PyObject* args);
  static CodePy& Of(PyObject* capsule);

  PyRef self_;
  PyRef capsule_;
  LineReader reader_;
  std::exception_ptr reader_failure_;  ///< what the reader threw, to rethrow
};

/// The linked Python's code.py on `locals`.
std::unique_ptr<CodePy> MakeCodePy(PyRef locals);

/// Whether the linked code.py is 3.13's or later: push(line, filename,
/// _symbol) and InteractiveConsole(local_exit=...).
bool CodePyFrom313();

/// A copy of `function`, a function of code.py: its code and defaults, and
/// code.py's globals but for the names in `replaced` (name, value).
PyRef WithGlobals(PyObject* function,
                  std::initializer_list<std::pair<const char*, PyObject*>> replaced);

}  // namespace pycon::internal
