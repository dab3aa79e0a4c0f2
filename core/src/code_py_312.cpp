// code.py of Python 3.8 to 3.12 (see code_py.h).
//
// Up to 3.12, code.py leaves its own frames (runsource, runcode) in the
// tracebacks that sys.last_traceback and a user's sys.excepthook get. To
// give them the same frames, source and code run through code.py's own
// runsource and runcode, called with a stand-in `self`: a namespace whose
// compile and locals are ours, and whose showsyntaxerror and showtraceback
// call back into C++.
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
void SetLastException(const PendingException& error) {
  SetSys("last_type", error.type.get());
  SetSys("last_value", error.value.get());
  SetSys("last_traceback", NoneIfNull(error.traceback).get());
  if constexpr (PY_VERSION_HEX >= 0x030C0000) SetSys("last_exc", error.value.get());
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
PyRef WithFilename(const PendingException& error, std::string_view filename) {
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
  SetSys("last_value", value.get());
  if constexpr (PY_VERSION_HEX >= 0x030C0000) SetSys("last_exc", value.get());
  return value;
}

/// The exception code.py is handling (sys.exc_info()), taken as
/// FetchException takes a pending one.
PendingException HandledException() {
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_GetExcInfo(&type, &value, &traceback);
  PyErr_Restore(type, value, traceback);
  return FetchException();
}

constexpr const char* kCapsuleName = "pycon.CodePy312";

class CodePy312 final : public CodePy {
 public:
  CodePy312(PyRef locals, PyRef compiler);
  ~CodePy312() override;

  bool RunSource(std::string_view source, std::string_view filename,
                 std::string_view symbol) override {
    PyRef source_str = MakeStr(source), filename_str = MakeStr(filename),
          symbol_str = MakeStr(symbol);
    PyRef args =
        Check(PyTuple_Pack(4, self_.get(), source_str.get(), filename_str.get(), symbol_str.get()),
              "arguments");
    PyRef more = ResultOrThrow(PyObject_Call(runsource_.get(), args.get(), nullptr), "code.py");
    return PyObject_IsTrue(more.get()) == 1;
  }

  void RunCode(PyObject* code) override {
    PyRef args = Check(Py_BuildValue("(OO)", self_.get(), code), "arguments");
    ResultOrThrow(PyObject_Call(runcode_.get(), args.get(), nullptr), "code.py");
  }

  void ShowSyntaxError(PendingException error, std::string_view filename,
                       std::string_view /*source: not taken by this code.py*/) override {
    SetLastException(error);
    PyRef value = WithFilename(error, filename);
    if (PyRef hook = UserExceptHook()) return CallExceptHook(hook, error, value.get());
    PyRef traceback = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception_only", "OO",
                                            error.type.get(), value.get()),
                        "traceback.format_exception_only");
    WriteLinesToStderr(lines.get());
  }

  void ShowTraceback(PendingException error) override {
    SetLastException(error);
    if (PyRef hook = UserExceptHook()) return CallExceptHook(hook, error, error.value.get());
    // code.py formats last_tb.tb_next: its own runcode frame left out.
    PyRef shown = error.traceback ? Attr(error.traceback.get(), "tb_next") : PyRef::Borrow(Py_None);
    PyRef traceback = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception", "OOO",
                                            error.type.get(), error.value.get(), shown.get()),
                        "traceback.format_exception");
    WriteLinesToStderr(lines.get());
  }

 private:
  /// self.showsyntaxerror(filename=None) for code.py.
  static PyObject* ShowSyntaxErrorMethod(PyObject* capsule, PyObject* args) {
    PyObject* filename = Py_None;
    if (!PyArg_ParseTuple(args, "|O", &filename)) return nullptr;
    return CallFromPython([&] {
      std::string name = filename == Py_None ? std::string() : Str(filename);
      PendingException error = HandledException();
      if (error.type) Of(capsule).ShowSyntaxError(std::move(error), name, {});
    });
  }

  /// self.showtraceback() for code.py.
  static PyObject* ShowTracebackMethod(PyObject* capsule, PyObject*) {
    return CallFromPython([&] {
      PendingException error = HandledException();
      if (error.type) Of(capsule).ShowTraceback(std::move(error));
    });
  }

  static CodePy312& Of(PyObject* capsule) {
    return *static_cast<CodePy312*>(PyCapsule_GetPointer(capsule, kCapsuleName));
  }

  static inline PyMethodDef show_syntax_error_{"showsyntaxerror", ShowSyntaxErrorMethod,
                                               METH_VARARGS, nullptr};
  static inline PyMethodDef show_traceback_{"showtraceback", ShowTracebackMethod, METH_NOARGS,
                                            nullptr};

  PyRef self_;       ///< the stand-in self: a types.SimpleNamespace
  PyRef runsource_;  ///< code.InteractiveInterpreter.runsource
  PyRef runcode_;    ///< code.InteractiveInterpreter.runcode
};

CodePy312::CodePy312(PyRef locals, PyRef compiler) {
  PyRef types = Import("types");
  self_ = Check(PyObject_CallMethod(types.get(), "SimpleNamespace", nullptr), "SimpleNamespace()");
  PyRef stdlib_class = Attr(Import("code").get(), "InteractiveInterpreter");
  runsource_ = Attr(stdlib_class.get(), "runsource");
  runcode_ = Attr(stdlib_class.get(), "runcode");
  PyRef runcode =
      Check(PyObject_CallMethod(types.get(), "MethodType", "OO", runcode_.get(), self_.get()),
            "MethodType");
  // The capsule points at this object, which a move of its interpreter
  // does not move.
  PyRef capsule = Check(PyCapsule_New(this, kCapsuleName, nullptr), "capsule");
  PyRef showsyntaxerror = Check(PyCFunction_New(&show_syntax_error_, capsule.get()), "callback");
  PyRef showtraceback = Check(PyCFunction_New(&show_traceback_, capsule.get()), "callback");
  for (auto& [name, value] : {std::pair{"compile", compiler.get()},
                              {"locals", locals.get()},
                              {"runcode", runcode.get()},
                              {"showsyntaxerror", showsyntaxerror.get()},
                              {"showtraceback", showtraceback.get()}}) {
    if (PyObject_SetAttrString(self_.get(), name, value) != 0) ThrowPythonError("binding code.py");
  }
}

CodePy312::~CodePy312() {
  // The stand-in self may outlive this object (a frame of runsource in a
  // kept traceback holds it): it must not call back into freed memory.
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  for (const char* name : {"showsyntaxerror", "showtraceback"}) {
    if (PyObject_DelAttrString(self_.get(), name) != 0) PyErr_Clear();
  }
  PyErr_Restore(type, value, traceback);
}

}  // namespace

std::unique_ptr<CodePy> MakeCodePy(PyRef locals, PyRef compiler) {
  return std::make_unique<CodePy312>(std::move(locals), std::move(compiler));
}

bool ExitMessageOnEveryExit() { return false; }

}  // namespace pycon::internal
