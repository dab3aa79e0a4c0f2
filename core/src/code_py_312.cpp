// code.py of Python 3.8 to 3.12 (see code_py.h): showsyntaxerror and
// showtraceback. Up to 3.12, code.py leaves its own runcode frame in the
// traceback that sys.last_traceback and a user's sys.excepthook get.
#include <string>

#include "c_api.h"
#include "code_py.h"
#include "pycon/python_error.h"

static_assert(PY_VERSION_HEX < 0x030D0000,
              "code_py_312.cpp is code.py up to 3.12; core/CMakeLists.txt picks the family");

namespace pycon::internal {

namespace {

/// sys.last_type, last_value, last_traceback (and last_exc from 3.12), as
/// code.py up to 3.12 sets them.
void SetLastException(const Console& console, const PendingException& error) {
  console.SetSys("last_type", error.type.get());
  console.SetSys("last_value", error.value.get());
  console.SetSys("last_traceback", NoneIfNull(error.traceback).get());
  if constexpr (PY_VERSION_HEX >= 0x030C0000) console.SetSys("last_exc", error.value.get());
}

/// The result of a call that may not fail: a SystemExit ends the session,
/// any other exception escapes (as it escapes code.py) as a PythonError.
PyRef ResultOrThrow(PyObject* result, const std::string& context) {
  if (result == nullptr) {
    ThrowIfSystemExit();
    ThrowPythonError(context);
  }
  return PyRef::Steal(result);
}

/// Calls a user's sys.excepthook, as code.py up to 3.12 calls it.
void CallExceptHook(const PyRef& hook, const PendingException& error, PyObject* value) {
  ResultOrThrow(PyObject_CallFunctionObjArgs(hook.get(), error.type.get(), value,
                                             NoneIfNull(error.traceback).get(), nullptr),
                "sys.excepthook");
}

/// The SyntaxError that showsyntaxerror shows: as code.py does it,
///   msg, (dummy_filename, lineno, offset, line) = value.args
///   value = SyntaxError(msg, (filename, lineno, offset, line))
/// (setting sys.last_value and sys.last_exc to it) if that fits, else the
/// exception itself.
PyRef WithFilename(const Console& console, const PendingException& error,
                   std::string_view filename) {
  if (filename.empty() || error.type.get() != PyExc_SyntaxError) return error.value;
  PyRef args = Attr(error.value.get(), "args");
  if (!PyTuple_Check(args.get()) || PyTuple_GET_SIZE(args.get()) != 2) return error.value;
  PyRef details = PyRef::Steal(PySequence_Tuple(PyTuple_GET_ITEM(args.get(), 1)));
  if (!details) PyErr_Clear();
  if (!details || PyTuple_GET_SIZE(details.get()) != 4) return error.value;
  PyRef position =
      Check(Py_BuildValue("(NOOO)", MakeStr(filename).release(), PyTuple_GET_ITEM(details.get(), 1),
                          PyTuple_GET_ITEM(details.get(), 2), PyTuple_GET_ITEM(details.get(), 3)),
            "SyntaxError position");
  PyRef value = Check(PyObject_CallFunction(PyExc_SyntaxError, "ON",
                                            PyTuple_GET_ITEM(args.get(), 0), position.release()),
                      "SyntaxError()");
  console.SetSys("last_value", value.get());
  if constexpr (PY_VERSION_HEX >= 0x030C0000) console.SetSys("last_exc", value.get());
  return value;
}

}  // namespace

void ShowSyntaxError(const Console& console, PendingException error, std::string_view filename,
                     std::string_view /*source: not taken by this code.py*/) {
  SetLastException(console, error);
  PyRef value = WithFilename(console, error, filename);
  if (PyRef hook = console.UserExceptHook()) return CallExceptHook(hook, error, value.get());
  PyRef traceback = Import("traceback");
  PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception_only", "OO",
                                          error.type.get(), value.get()),
                      "traceback.format_exception_only");
  console.WriteLines(lines.get());
}

void ShowTraceback(const Console& console, PendingException error, bool from_runcode) {
  SetLastException(console, error);
  if (PyRef hook = console.UserExceptHook()) {
    return CallExceptHook(hook, error, error.value.get());
  }
  // code.py formats last_tb.tb_next: its own runcode frame left out.
  PyRef shown = !error.traceback ? PyRef::Borrow(Py_None)
                : from_runcode   ? Attr(error.traceback.get(), "tb_next")
                                 : error.traceback;
  PyRef traceback = Import("traceback");
  PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception", "OOO",
                                          error.type.get(), error.value.get(), shown.get()),
                      "traceback.format_exception");
  console.WriteLines(lines.get());
}

bool CodePyFrom313() { return false; }

}  // namespace pycon::internal
