// The interpreter half of Lib/code.py: compile, run, show errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pycon/py_ref.h"
#include "pycon/python_error.h"

namespace pycon {

namespace internal {
class CodePy;
}  // namespace internal

/// codeop.compile_command of the linked Python: a code object, std::nullopt
/// if the source is incomplete. Throws PythonError (SyntaxError, ...) if the
/// source is invalid.
std::optional<PyRef> CompileCommand(std::string_view source, std::string_view filename = "<input>",
                                    std::string_view symbol = "single");

/// code.InteractiveInterpreter of the linked Python: deals with parsing and
/// the user's namespace, not with input buffering or prompts. Source and
/// code run through code.py's own runsource and runcode (so the stack has
/// their frames, as in a console of the stdlib); showing errors is ours.
/// Everything it shows is written with Write(), which writes to sys.stderr as
/// code.py does; point sys.stdout and sys.stderr at one stream to get the
/// whole session in order. Move-only.
class InteractiveInterpreter {
 public:
  /// `locals` is the namespace code runs in; null gives a new dict
  /// {'__name__': '__console__', '__doc__': None}.
  explicit InteractiveInterpreter(PyRef locals = {});
  ~InteractiveInterpreter();
  InteractiveInterpreter(InteractiveInterpreter&& other) noexcept;
  InteractiveInterpreter& operator=(InteractiveInterpreter&& other) noexcept;

  /// code.py's runsource: compiles and runs `source` (with
  /// codeop.CommandCompiler, remembering __future__ imports). Returns true if the source is
  /// incomplete and more input is needed; false if it was run or was invalid (the syntax error is
  /// then shown). Throws SystemExitError if the code raised SystemExit.
  bool RunSource(std::string_view source, std::string_view filename = "<input>",
                 std::string_view symbol = "single");

  /// Executes a code object in the namespace; an exception other than
  /// SystemExit is shown as a traceback. Throws SystemExitError.
  void RunCode(PyObject* code);

  /// Shows the pending Python exception (a SyntaxError or the like raised by
  /// compiling) without a stack trace, as showsyntaxerror() does, with
  /// `filename` stuffed into it. `source` is the text that failed (used by
  /// Pythons whose code.py takes it). Clears the pending exception.
  void ShowSyntaxError(std::string_view filename = {}, std::string_view source = {});

  /// Shows the pending Python exception with its traceback, as
  /// showtraceback() does (the first frame, code.py's own runcode, is left
  /// out of the text), and sets sys.last_type, sys.last_value,
  /// sys.last_traceback (and sys.last_exc where the linked Python does).
  /// A user's sys.excepthook takes precedence. Clears the pending exception.
  void ShowTraceback();

  /// Writes text the way code.py's write() does: to sys.stderr.
  void Write(std::string_view data);

  /// The namespace code runs in.
  const PyRef& locals() const { return locals_; }

 protected:
  /// With `asyncio`, the console is asyncio's (see ConsoleOptions::asyncio).
  InteractiveInterpreter(PyRef locals, bool asyncio);

  /// code.py's InteractiveConsole of the linked Python, whose
  /// showsyntaxerror and showtraceback are ours (see src/code_py.h).
  std::unique_ptr<internal::CodePy> code_py_;

 private:
  PyRef locals_;
};

}  // namespace pycon
