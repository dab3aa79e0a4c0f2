// Small wrappers of the C API that the core's sources share (not installed).
#pragma once

#include "pycon/py_ref.h"

namespace pycon::internal {

/// import `module`; throws PythonError.
PyRef Import(const char* module);

/// getattr(object, name); throws PythonError.
PyRef Attr(PyObject* object, const char* name);

/// sys.<name>, or null if sys has no such attribute (no exception is set).
PyRef SysAttr(const char* name);

/// sys.<name> = value; throws PythonError.
void SetSys(const char* name, PyObject* value);

/// `object`, or None if it is null.
PyRef NoneIfNull(const PyRef& object);

/// An exception taken out of the interpreter (all null if there was none).
struct PendingException {
  PyRef type, value, traceback;
};

/// Takes the pending exception (clearing it), normalised, with its
/// traceback attached to its value.
PendingException FetchException();

/// A pending SystemExit ends the session, as in code.py: it becomes a
/// SystemExitError. Any other pending exception is left as it is.
void ThrowIfSystemExit();

/// sys.stderr.write(text): what code.py's write() does. Throws
/// std::runtime_error if there is no sys.stderr, PythonError if writing
/// fails.
void WriteToStderr(PyObject* text);

}  // namespace pycon::internal
