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
void PrintToStderr(std::initializer_list<const char*> texts) {
  PyRef print = Attr(Import("builtins").get(), "print");
  PyRef args = Check(PyTuple_New(static_cast<Py_ssize_t>(texts.size())), "print arguments");
  Py_ssize_t i = 0;
  for (const char* text : texts) PyTuple_SET_ITEM(args.get(), i++, MakeStr(text).release());
  PyRef kwargs = Check(PyDict_New(), "print arguments");
  PyRef err = Attr(Import("sys").get(), "stderr");
  if (PyDict_SetItemString(kwargs.get(), "file", err.get()) != 0) ThrowPythonError("print");
  Check(PyObject_Call(print.get(), args.get(), kwargs.get()), "print");
}

/// sys.__excepthook__(type, value, traceback)
void CallDefaultExceptHook(PyObject* type, PyObject* value, const PyRef& traceback) {
  PyRef hook = SysAttr("__excepthook__");
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
void CallExceptHook(const PyRef& hook, PyObject* type, PyObject* value, const PyRef& traceback) {
  PyRef result = PyRef::Steal(
      PyObject_CallFunctionObjArgs(hook.get(), type, value, NoneIfNull(traceback).get(), nullptr));
  if (result) return;
  ThrowIfSystemExit();
  // The hook was called from C, so its traceback has no frame of ours to
  // drop (code.py drops its own).
  PendingException failure = FetchException();
  PyException_SetContext(failure.value.get(), nullptr);
  PrintToStderr({"Error in sys.excepthook:"});
  CallDefaultExceptHook(failure.type.get(), failure.value.get(), failure.traceback);
  PrintToStderr({});
  PrintToStderr({"Original exception was:"});
  CallDefaultExceptHook(type, value, traceback);
}

class CodePy313 final : public CodePy {
 public:
  explicit CodePy313(PyRef locals) : CodePy(std::move(locals)) {}

  void ShowSyntaxError(PendingException error, std::string_view filename,
                       std::string_view source) override {
    if (!filename.empty() && PyObject_IsSubclass(error.type.get(), PyExc_SyntaxError) == 1) {
      if (PyObject_SetAttrString(error.value.get(), "filename", MakeStr(filename).get()) != 0) {
        ThrowPythonError("setting SyntaxError.filename");
      }
    }
    Show(error.type, error.value, PyRef(), source);
  }

  void ShowTraceback(PendingException error) override {
    // code.py passes tb.tb_next: its own runcode frame left out.
    PyRef shown = error.traceback ? Attr(error.traceback.get(), "tb_next") : PyRef();
    if (shown.get() == Py_None) shown = PyRef();
    Show(error.type, error.value, shown, {});
  }

 private:
  /// code.py's _showtraceback(typ, value, tb, source).
  void Show(const PyRef& type, const PyRef& value, const PyRef& traceback,
            std::string_view source) {
    SetSys("last_type", type.get());
    SetSys("last_traceback", NoneIfNull(traceback).get());
    if (PyException_SetTraceback(value.get(), NoneIfNull(traceback).get()) != 0) {
      ThrowPythonError("with_traceback");
    }
    SetSyntaxErrorText(type.get(), value.get(), source);
    SetSys("last_exc", value.get());
    SetSys("last_value", value.get());
    if (PyRef hook = UserExceptHook()) {
      return CallExceptHook(hook, type.get(), value.get(), traceback);
    }
    PyRef traceback_module = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback_module.get(), "format_exception", "OOO",
                                            type.get(), value.get(), NoneIfNull(traceback).get()),
                        "traceback.format_exception");
    WriteLinesToStderr(lines.get());
  }
};

}  // namespace

std::unique_ptr<CodePy> MakeCodePy(PyRef locals) {
  return std::make_unique<CodePy313>(std::move(locals));
}

bool CodePyFrom313() { return true; }

}  // namespace pycon::internal
