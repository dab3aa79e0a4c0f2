// Failures of the C API, as one C++ exception type.
#pragma once

#include <stdexcept>
#include <string>

#include "py_ref.h"

namespace pycon {

/// A C-API call failed. Carries the Python exception that was pending, so a
/// caller may inspect or restore it. Exceptions raised by user code are not
/// PythonErrors: the console shows them as tracebacks.
class PythonError : public std::runtime_error {
 public:
  PythonError(std::string what, PyRef type, PyRef value, PyRef traceback);

  const PyRef& type() const { return type_; }
  const PyRef& value() const { return value_; }
  /// Makes this the pending Python exception again.
  void Restore() const;

 private:
  PyRef type_;
  PyRef value_;
  PyRef traceback_;
};

/// Fetches the pending Python exception (clearing it) and throws it as a
/// PythonError whose message names `context` and the exception.
[[noreturn]] void ThrowPythonError(const std::string& context);

/// Returns `object` as a PyRef, or throws the pending exception if it is null.
PyRef Check(PyObject* new_reference, const std::string& context);

/// str(object) as UTF-8 (lone surrogates escaped); throws on failure.
std::string Str(PyObject* object);

/// A new Python str from UTF-8 text; throws on failure.
PyRef MakeStr(std::string_view text);

}  // namespace pycon
