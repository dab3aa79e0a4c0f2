// The interpreter half of Lib/code.py: compile, run, show errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "py_ref.h"

namespace pycon {

/// User code raised SystemExit: the console session is over (code.py lets
/// SystemExit propagate out of runcode, push and interact).
class SystemExitError : public std::exception {
 public:
  explicit SystemExitError(PyRef exception) : exception_(std::move(exception)) {}
  const char* what() const noexcept override { return "SystemExit"; }
  /// The exception instance.
  const PyRef& exception() const { return exception_; }
  /// Its `code` attribute (None, an int, or anything else).
  PyRef code() const;
  /// What Python prints when this SystemExit ends the process: str(code)
  /// and a newline, unless code is None or an int (then nothing).
  std::string ExitMessage() const;

 private:
  PyRef exception_;
};

/// codeop.compile_command of the linked Python: a code object, std::nullopt
/// if the source is incomplete. Throws PythonError (SyntaxError, ...) if the
/// source is invalid.
std::optional<PyRef> CompileCommand(std::string_view source, std::string_view filename = "<input>",
                                    std::string_view symbol = "single");

/// Mirrors code.InteractiveInterpreter of the linked Python: deals with
/// parsing and the user's namespace, not with input buffering or prompts.
/// Everything it shows is written with Write(), which writes to sys.stderr as
/// code.py does; point sys.stdout and sys.stderr at one stream to get the
/// whole session in order.
class InteractiveInterpreter {
 public:
  /// `locals` is the namespace code runs in; null gives a new dict
  /// {'__name__': '__console__', '__doc__': None}.
  explicit InteractiveInterpreter(PyRef locals = {});
  ~InteractiveInterpreter() = default;
  InteractiveInterpreter(InteractiveInterpreter&& other) noexcept;
  InteractiveInterpreter& operator=(InteractiveInterpreter&& other) noexcept;

  /// Compiles and runs `source` (as codeop.CommandCompiler does, remembering
  /// __future__ imports). Returns true if the source is incomplete and more
  /// input is needed; false if it was run or was invalid (the syntax error is
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

 private:
#if PY_VERSION_HEX >= 0x030D0000
  void ShowException(PyRef type, PyRef value, PyRef traceback, std::string_view source);
#endif
  void WriteObject(PyObject* text);
  void WriteLines(PyObject* lines);

  PyRef locals_;
  PyRef compile_;
#if PY_VERSION_HEX < 0x030D0000
  // Up to 3.12, code.py leaves its own frames (runsource, runcode) in the
  // tracebacks that sys.last_traceback and a user's sys.excepthook get. To
  // give them the same frames, source and code run through code.py's own
  // runsource and runcode, called with `stdlib_self_` as their self: an
  // object whose compile and locals are ours, and whose showsyntaxerror and
  // showtraceback call back into this object (through `self_slot_`, which
  // follows the object when it moves).
  void BindStdlibFrames();
  std::unique_ptr<InteractiveInterpreter*> self_slot_;
  PyRef stdlib_self_;
  PyRef stdlib_runsource_;
  PyRef stdlib_runcode_;
  friend struct StdlibCallbacks;
#endif
};

}  // namespace pycon
