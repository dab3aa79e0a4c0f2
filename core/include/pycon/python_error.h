// Python exceptions on the C++ side: a failed C-API call (PythonError), the
// end of a session (SystemExitError), Ctrl-C at a prompt
// (KeyboardInterruptError), and the way back to Python (CallFromPython).
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "pycon/py_ref.h"

namespace pycon {

/// A C-API call failed. Carries the Python exception that was pending, so a
/// caller may inspect or restore it. Exceptions raised by user code are not
/// PythonErrors: the console shows them as tracebacks.
class PythonError : public std::runtime_error {
 public:
  /// `what` is the message; type, value and traceback the exception (all
  /// null if there was none).
  PythonError(std::string what, PyRef type, PyRef value, PyRef traceback);

  /// The exception's type (null if there was no exception).
  const PyRef& type() const { return type_; }
  /// The exception instance (normalised; null if there was no exception).
  const PyRef& value() const { return value_; }
  /// Makes this the pending Python exception again.
  void Restore() const;

 private:
  PyRef type_;
  PyRef value_;
  PyRef traceback_;
};

/// User code raised SystemExit: the console session is over (code.py lets
/// SystemExit propagate out of runcode, push and interact).
class SystemExitError : public std::exception {
 public:
  /// `exception` is the SystemExit instance.
  explicit SystemExitError(PyRef exception) : exception_(std::move(exception)) {}
  const char* what() const noexcept override { return "SystemExit"; }
  /// The exception instance.
  const PyRef& exception() const { return exception_; }
  /// Its `code` attribute (None, an int, or anything else).
  PyRef code() const;
  /// What Python prints when this SystemExit ends the process: str(code)
  /// and a newline, unless code is None or an int (then nothing).
  std::string ExitMessage() const;
  /// The exit status Python gives the process this SystemExit ends: 0 if
  /// code is None, the int if it is one (truncated to int), 1 otherwise.
  int ExitStatus() const;

 private:
  PyRef exception_;
};

/// Ctrl-C at a prompt: a line source throws this where input() would raise
/// KeyboardInterrupt.
class KeyboardInterruptError : public std::exception {
 public:
  const char* what() const noexcept override { return "KeyboardInterrupt"; }
};

/// Fetches the pending Python exception (clearing it) and throws it as a
/// PythonError whose message names `context` and the exception.
[[noreturn]] void ThrowPythonError(const std::string& context);

/// Returns `object` as a PyRef, or throws the pending exception if it is null.
PyRef Check(PyObject* new_reference, const std::string& context);

/// str(object) as UTF-8 (lone surrogates escaped); throws on failure.
std::string Str(PyObject* object);

/// A new Python str from UTF-8 text, invalid bytes decoded with the error
/// handler `errors` (e.g. "strict"); throws on failure.
PyRef MakeStr(std::string_view text, const char* errors = "surrogateescape");

/// To be called only inside a catch handler: makes the C++ exception being
/// handled the pending Python exception, as CallFromPython does.
void SetPythonErrorFromCaughtException() noexcept;

/// Runs `body`, C++ code called from Python, and returns what the C API
/// expects of a C function that Python calls (a PyCFunction trampoline such
/// as `PyObject* Write(PyObject* self, PyObject* arg)` returns
/// `CallFromPython([&] { ... })`). No C++ exception gets out.
///
/// If `body` returns normally, the result is a new reference: what `body`
/// returned if it is a PyRef (released to the caller) or a PyObject* (taken
/// to be a new reference; null passes through and must come with a pending
/// exception); None if `body` returns void.
///
/// If `body` throws, the result is null with a pending Python exception:
///  - SystemExitError: SystemExit, the very instance it carries;
///  - KeyboardInterruptError: KeyboardInterrupt;
///  - PythonError: the exception it carries, restored (RuntimeError with
///    its message if it carries none);
///  - any other std::exception: RuntimeError with its what();
///  - anything else: RuntimeError.
template <typename Body>
PyObject* CallFromPython(Body&& body) noexcept {
  using Result = std::invoke_result_t<Body&>;
  try {
    if constexpr (std::is_void_v<Result>) {
      body();
      Py_RETURN_NONE;
    } else if constexpr (std::is_same_v<std::decay_t<Result>, PyRef>) {
      return body().release();
    } else {
      static_assert(std::is_convertible_v<Result, PyObject*>,
                    "CallFromPython: the body returns void, PyRef or PyObject*");
      return body();
    }
  } catch (...) {
    SetPythonErrorFromCaughtException();
    return nullptr;
  }
}

}  // namespace pycon
