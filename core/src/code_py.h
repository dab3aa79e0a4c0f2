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

/// What code.py's showsyntaxerror and showtraceback work with: the console
/// (`self`, whose write() shows text) and the module its code names `sys`
/// (the real sys, unless a test replaced it).
struct Console {
  PyObject* self;
  PyObject* sys;

  /// getattr(sys, name); throws PythonError.
  PyRef Sys(const char* name) const;
  /// setattr(sys, name, value); throws PythonError.
  void SetSys(const char* name, PyObject* value) const;
  /// sys.excepthook if it is not sys.__excepthook__ (code.py then formats
  /// the exception itself), else null. Throws PythonError (AttributeError)
  /// if either is missing, as code.py's test does.
  PyRef UserExceptHook() const;
  /// self.write(''.join(lines)).
  void WriteLines(PyObject* lines) const;
};

/// code.py's showsyntaxerror(filename) of `error`, raised compiling
/// `source` (empty if not known); sets sys.last_*. One definition per family
/// of versions (code_py_312.cpp, code_py_313.cpp).
void ShowSyntaxError(const Console& console, PendingException error, std::string_view filename,
                     std::string_view source);

/// code.py's showtraceback() of `error`, whose traceback starts with
/// code.py's own runcode frame (left out of what is shown), or, if not
/// `from_runcode`, with the frame of the code that raised (code run from C,
/// as the `python3` REPL runs it: the whole traceback shown); sets
/// sys.last_*.
void ShowTraceback(const Console& console, PendingException error, bool from_runcode = true);

/// The exception code.py is handling (sys.exc_info()), taken as
/// FetchException takes a pending one.
PendingException HandledException();

/// A code.InteractiveConsole of the linked Python on a namespace, with the
/// core's showsyntaxerror, showtraceback and (SetLineReader) input().
class CodePy {
 public:
  /// The console on `locals` (a dict); with `asyncio`, the
  /// AsyncIOInteractiveConsole of the linked asyncio/__main__.py (what
  /// `python -m asyncio` makes) on a new event loop, set as the current
  /// one and as that module's `loop` and `console`. Throws PythonError.
  explicit CodePy(PyRef locals, bool asyncio = false);
  ~CodePy();
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

  /// raw_input reads through `reader` where code.py's input() would read
  /// the terminal: its input() is builtins.input, looked up at each call as
  /// code.py looks it up, except that Python's own input(), while sys.stdin
  /// is the stream it was when this was called and is open, is `reader`
  /// (empty: input() always). raw_input stays code.py's own function.
  void SetLineReader(LineReader reader);

  /// Whether the line reader threw during the current Run (its exception
  /// is then rethrown by Run).
  bool reader_failed() const { return reader_failure_ != nullptr; }

  /// This console with the `sys` of code.py's globals.
  Console AsConsole() const;

 private:
  static PyObject* ShowSyntaxErrorMethod(PyObject* capsule, PyObject* args, PyObject* kwargs);
  static PyObject* ShowTracebackMethod(PyObject* capsule, PyObject*);
  static PyObject* InputFunction(PyObject* capsule, PyObject* args);
  static CodePy& Of(PyObject* capsule);
  /// Whether raw_input's input() now reads the terminal: builtins.input is
  /// Python's own and sys.stdin the terminal's stream, open.
  bool ReadsTerminal() const;

  PyRef self_;
  PyRef capsule_;
  LineReader reader_;
  PyRef builtin_input_;                ///< Python's own input()
  PyRef terminal_;                     ///< sys.stdin when the reader was set: the terminal
  std::exception_ptr reader_failure_;  ///< what the reader threw, to rethrow
};

/// Whether the linked code.py is 3.13's or later: push(line, filename,
/// _symbol) and InteractiveConsole(local_exit=...).
bool CodePyFrom313();

/// A copy of `function`, a function of code.py: its code and defaults, and
/// code.py's globals but for the names in `replaced` (name, value).
PyRef WithGlobals(PyObject* function,
                  std::initializer_list<std::pair<const char*, PyObject*>> replaced);

}  // namespace pycon::internal
