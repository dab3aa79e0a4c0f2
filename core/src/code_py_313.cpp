// code.py of Python 3.13 and later (see code_py.h).
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "c_api.h"
#include "code_py.h"
#include "pycon/python_error.h"

static_assert(PY_VERSION_HEX >= 0x030D0000,
              "code_py_313.cpp is code.py from 3.13 on; core/CMakeLists.txt picks the family");

namespace pycon::internal {

namespace {

/// print(*texts, file=sys.stderr), with the print code.py finds (builtins',
/// whatever a session made it).
void PrintToStderr(const Console& console, std::initializer_list<const char*> texts) {
  PyRef print = Attr(Import("builtins").get(), "print");
  PyRef args = Check(PyTuple_New(static_cast<Py_ssize_t>(texts.size())), "print arguments");
  Py_ssize_t i = 0;
  for (const char* text : texts) PyTuple_SET_ITEM(args.get(), i++, MakeStr(text).release());
  PyRef kwargs = Check(PyDict_New(), "print arguments");
  PyRef err = console.Sys("stderr");
  if (PyDict_SetItemString(kwargs.get(), "file", err.get()) != 0) ThrowPythonError("print");
  Check(PyObject_Call(print.get(), args.get(), kwargs.get()), "print");
}

/// sys.__excepthook__(type, value, traceback)
void CallDefaultExceptHook(const Console& console, PyObject* type, PyObject* value,
                           const PyRef& traceback) {
  PyRef hook = console.Sys("__excepthook__");
  Check(PyObject_CallFunctionObjArgs(hook.get(), type, value, NoneIfNull(traceback).get(), nullptr),
        "sys.__excepthook__");
}

/// _showtraceback: for a SyntaxError without text, the line of `source`
/// it refers to, as code.py does it:
///   lines = source.splitlines()
///   if (source and typ is SyntaxError
///           and not value.text and len(lines) >= value.lineno):
///       value.text = lines[value.lineno - 1]
/// (a lineno of None raises TypeError, in code.py as here).
void SetSyntaxErrorText(PyObject* type, PyObject* value, std::string_view source) {
  if (source.empty() || type != PyExc_SyntaxError) return;
  PyRef text = Attr(value, "text");
  PyRef lineno = Attr(value, "lineno");
  PyRef lines =
      Check(PyObject_CallMethod(MakeStr(source).get(), "splitlines", nullptr), "splitlines");
  int has_text = PyObject_IsTrue(text.get());
  if (has_text < 0) ThrowPythonError("SyntaxError.text");
  if (has_text) return;
  PyRef count = Check(PyLong_FromSsize_t(PyList_GET_SIZE(lines.get())), "len");
  PyRef fits = Check(PyObject_RichCompare(count.get(), lineno.get(), Py_GE), "lineno");
  if (PyObject_IsTrue(fits.get()) != 1) return;
  PyRef index =
      Check(PyNumber_Subtract(lineno.get(), PyRef::Steal(PyLong_FromLong(1)).get()), "lineno - 1");
  PyRef line = Check(PyObject_GetItem(lines.get(), index.get()), "lines[lineno - 1]");
  if (PyObject_SetAttrString(value, "text", line.get()) != 0) {
    ThrowPythonError("setting SyntaxError.text");
  }
}

/// A user's sys.excepthook(type, value, traceback); if it fails, both its
/// failure and the original exception are shown, as code.py does. A
/// SystemExit raised by the hook ends the session.
void CallExceptHook(const Console& console, const PyRef& hook, PyObject* type, PyObject* value,
                    const PyRef& traceback) {
  PyRef result = PyRef::Steal(
      PyObject_CallFunctionObjArgs(hook.get(), type, value, NoneIfNull(traceback).get(), nullptr));
  if (result) return;
  ThrowIfSystemExit();
  // The hook was called from C, so its traceback has no frame of ours to
  // drop (code.py drops its own).
  PendingException failure = FetchException();
  PyException_SetContext(failure.value.get(), nullptr);
  PrintToStderr(console, {"Error in sys.excepthook:"});
  CallDefaultExceptHook(console, failure.type.get(), failure.value.get(), failure.traceback);
  PrintToStderr(console, {});
  PrintToStderr(console, {"Original exception was:"});
  CallDefaultExceptHook(console, type, value, traceback);
}

/// code.py's _showtraceback(typ, value, tb, source).
void Show(const Console& console, const PyRef& type, const PyRef& value, const PyRef& traceback,
          std::string_view source) {
  console.SetSys("last_type", type.get());
  console.SetSys("last_traceback", NoneIfNull(traceback).get());
  if (PyException_SetTraceback(value.get(), NoneIfNull(traceback).get()) != 0) {
    ThrowPythonError("with_traceback");
  }
  SetSyntaxErrorText(type.get(), value.get(), source);
  console.SetSys("last_exc", value.get());
  console.SetSys("last_value", value.get());
  if (PyRef hook = console.UserExceptHook()) {
    return CallExceptHook(console, hook, type.get(), value.get(), traceback);
  }
  PyRef traceback_module = Import("traceback");
  PyRef lines = Check(PyObject_CallMethod(traceback_module.get(), "format_exception", "OOO",
                                          type.get(), value.get(), NoneIfNull(traceback).get()),
                      "traceback.format_exception");
  console.WriteLines(lines.get());
}

}  // namespace

void ShowSyntaxError(const Console& console, PendingException error, std::string_view filename,
                     std::string_view source) {
  if (!filename.empty() && PyObject_IsSubclass(error.type.get(), PyExc_SyntaxError) == 1) {
    if (PyObject_SetAttrString(error.value.get(), "filename", MakeStr(filename).get()) != 0) {
      ThrowPythonError("setting SyntaxError.filename");
    }
  }
  Show(console, error.type, error.value, PyRef(), source);
}

void ShowTraceback(const Console& console, PendingException error, bool from_runcode) {
  // code.py passes tb.tb_next: its own runcode frame left out.
  PyRef shown = !error.traceback ? PyRef()
                : from_runcode   ? Attr(error.traceback.get(), "tb_next")
                                 : error.traceback;
  if (shown.get() == Py_None) shown = PyRef();
  Show(console, error.type, error.value, shown, {});
}

bool CodePyFrom313() { return true; }

}  // namespace pycon::internal
