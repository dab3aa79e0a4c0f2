#include "interactive_interpreter.h"

#include "python_error.h"

namespace pycon {

namespace {

PyRef Import(const char* module) { return Check(PyImport_ImportModule(module), module); }

PyRef Attr(PyObject* object, const char* name) {
  return Check(PyObject_GetAttrString(object, name), name);
}

PyRef SysAttr(const char* name) { return PyRef::Borrow(PySys_GetObject(name)); }

void SetSys(const char* name, PyObject* value) {
  if (PySys_SetObject(name, value) != 0) ThrowPythonError(std::string("setting sys.") + name);
}

struct PendingException {
  PyRef type, value, traceback;
};

/// Takes the pending exception, normalised, with its traceback attached.
PendingException FetchException() {
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (traceback != nullptr && value != nullptr) PyException_SetTraceback(value, traceback);
  return {PyRef::Steal(type), PyRef::Steal(value), PyRef::Steal(traceback)};
}

PyRef NoneIfNull(const PyRef& object) { return object ? object : PyRef::Borrow(Py_None); }

/// A pending SystemExit ends the session, as in code.py: it becomes a
/// SystemExitError. Any other pending exception is left as it is.
void ThrowIfSystemExit() {
  if (!PyErr_ExceptionMatches(PyExc_SystemExit)) return;
  PendingException exit = FetchException();
  throw SystemExitError(exit.value);
}

#if PY_VERSION_HEX < 0x030D0000
/// sys.last_type, last_value, last_traceback (and last_exc from 3.12), as
/// code.py up to 3.12 sets them.
void SetLastException(const PendingException& e) {
  SetSys("last_type", e.type.get());
  SetSys("last_value", e.value.get());
  SetSys("last_traceback", NoneIfNull(e.traceback).get());
#if PY_VERSION_HEX >= 0x030C0000
  SetSys("last_exc", e.value.get());
#endif
}
#endif

#if PY_VERSION_HEX < 0x030D0000
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
void CallExceptHook(PyObject* hook, PyObject* type, PyObject* value, PyObject* traceback) {
  ResultOrThrow(PyObject_CallFunctionObjArgs(hook, type, value, traceback, nullptr),
                "sys.excepthook");
}
#endif

#if PY_VERSION_HEX >= 0x030D0000
/// print(text, end='', file=sys.stderr)
void PrintToStderr(std::string_view text) {
  PyRef err = SysAttr("stderr");
  if (!err || err.get() == Py_None) return;
  PyRef str = MakeStr(text);
  if (PyFile_WriteObject(str.get(), err.get(), Py_PRINT_RAW) != 0) {
    ThrowPythonError("writing to sys.stderr");
  }
}
#endif

}  // namespace

PyRef SystemExitError::code() const {
  PyRef code = PyRef::Steal(PyObject_GetAttrString(exception_.get(), "code"));
  if (!code) {
    PyErr_Clear();
    return PyRef::Borrow(Py_None);
  }
  return code;
}

std::string SystemExitError::ExitMessage() const {
  PyRef exit_code = code();
  if (exit_code.get() == Py_None || PyLong_Check(exit_code.get())) return {};
  return Str(exit_code.get()) + "\n";
}

std::optional<PyRef> CompileCommand(std::string_view source, std::string_view filename,
                                    std::string_view symbol) {
  PyRef codeop = Import("codeop");
  PyRef compile_command = Attr(codeop.get(), "compile_command");
  PyRef result =
      Check(PyObject_CallFunction(compile_command.get(), "s#s#s#", source.data(),
                                  static_cast<Py_ssize_t>(source.size()), filename.data(),
                                  static_cast<Py_ssize_t>(filename.size()), symbol.data(),
                                  static_cast<Py_ssize_t>(symbol.size())),
            "compile_command");
  if (result.get() == Py_None) return std::nullopt;
  return result;
}

InteractiveInterpreter::InteractiveInterpreter(InteractiveInterpreter&& other) noexcept
    : locals_(std::move(other.locals_)),
      compile_(std::move(other.compile_))
#if PY_VERSION_HEX < 0x030D0000
      ,
      self_slot_(std::move(other.self_slot_)),
      stdlib_self_(std::move(other.stdlib_self_)),
      stdlib_runsource_(std::move(other.stdlib_runsource_)),
      stdlib_runcode_(std::move(other.stdlib_runcode_))
#endif
{
#if PY_VERSION_HEX < 0x030D0000
  if (self_slot_) *self_slot_ = this;
#endif
}

InteractiveInterpreter& InteractiveInterpreter::operator=(InteractiveInterpreter&& other) noexcept {
  locals_ = std::move(other.locals_);
  compile_ = std::move(other.compile_);
#if PY_VERSION_HEX < 0x030D0000
  self_slot_ = std::move(other.self_slot_);
  stdlib_self_ = std::move(other.stdlib_self_);
  stdlib_runsource_ = std::move(other.stdlib_runsource_);
  stdlib_runcode_ = std::move(other.stdlib_runcode_);
  if (self_slot_) *self_slot_ = this;
#endif
  return *this;
}

#if PY_VERSION_HEX < 0x030D0000
/// The methods code.py's runsource and runcode call back on their self.
struct StdlibCallbacks {
  static InteractiveInterpreter* Owner(PyObject* capsule) {
    return *static_cast<InteractiveInterpreter**>(PyCapsule_GetPointer(capsule, "pycon.self"));
  }
  /// Runs `show` on the exception being handled (sys.exc_info()), turning
  /// C++ exceptions back into Python ones on the way out.
  template <typename Show>
  static PyObject* OnHandledException(Show show) {
    PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
    PyErr_GetExcInfo(&type, &value, &traceback);
    PyErr_Restore(type, value, traceback);
    try {
      show();
    } catch (const SystemExitError& exit) {
      PyErr_SetObject(PyExc_SystemExit, exit.exception().get());
      return nullptr;
    } catch (const PythonError& error) {
      error.Restore();
      return nullptr;
    } catch (const std::exception& error) {
      PyErr_SetString(PyExc_RuntimeError, error.what());
      return nullptr;
    }
    Py_RETURN_NONE;
  }
  static PyObject* ShowSyntaxError(PyObject* capsule, PyObject* args) {
    PyObject* filename = Py_None;
    if (!PyArg_ParseTuple(args, "|O", &filename)) return nullptr;
    std::string name = filename == Py_None ? std::string() : Str(filename);
    return OnHandledException([&] { Owner(capsule)->ShowSyntaxError(name); });
  }
  static PyObject* ShowTraceback(PyObject* capsule, PyObject*) {
    return OnHandledException([&] { Owner(capsule)->ShowTraceback(); });
  }
};

namespace {
PyMethodDef kShowSyntaxError = {"showsyntaxerror", StdlibCallbacks::ShowSyntaxError, METH_VARARGS,
                                nullptr};
PyMethodDef kShowTraceback = {"showtraceback", StdlibCallbacks::ShowTraceback, METH_NOARGS,
                              nullptr};

/// Calls code.py's runsource or runcode.
PyRef CallStdlib(PyObject* function, PyObject* args) {
  return ResultOrThrow(PyObject_Call(function, args, nullptr), "code.py");
}
}  // namespace

void InteractiveInterpreter::BindStdlibFrames() {
  self_slot_ = std::make_unique<InteractiveInterpreter*>(this);
  PyRef capsule = Check(PyCapsule_New(self_slot_.get(), "pycon.self", nullptr), "capsule");
  PyRef types = Import("types");
  stdlib_self_ =
      Check(PyObject_CallMethod(types.get(), "SimpleNamespace", nullptr), "SimpleNamespace()");
  PyRef code = Import("code");
  PyRef stdlib_class = Attr(code.get(), "InteractiveInterpreter");
  stdlib_runsource_ = Attr(stdlib_class.get(), "runsource");
  stdlib_runcode_ = Attr(stdlib_class.get(), "runcode");
  PyRef runcode = Check(PyObject_CallMethod(types.get(), "MethodType", "OO", stdlib_runcode_.get(),
                                            stdlib_self_.get()),
                        "MethodType");
  PyRef showsyntaxerror = Check(PyCFunction_New(&kShowSyntaxError, capsule.get()), "callback");
  PyRef showtraceback = Check(PyCFunction_New(&kShowTraceback, capsule.get()), "callback");
  for (auto& [name, value] : {std::pair{"compile", compile_.get()},
                              {"locals", locals_.get()},
                              {"runcode", runcode.get()},
                              {"showsyntaxerror", showsyntaxerror.get()},
                              {"showtraceback", showtraceback.get()}}) {
    if (PyObject_SetAttrString(stdlib_self_.get(), name, value) != 0) {
      ThrowPythonError("binding code.py");
    }
  }
}
#endif

InteractiveInterpreter::InteractiveInterpreter(PyRef locals) : locals_(std::move(locals)) {
  if (!locals_) {
    locals_ = Check(PyDict_New(), "creating the namespace");
    if (PyDict_SetItemString(locals_.get(), "__name__", MakeStr("__console__").get()) != 0 ||
        PyDict_SetItemString(locals_.get(), "__doc__", Py_None) != 0) {
      ThrowPythonError("creating the namespace");
    }
  }
  PyRef codeop = Import("codeop");
  compile_ = Check(PyObject_CallMethod(codeop.get(), "CommandCompiler", nullptr),
                   "codeop.CommandCompiler()");
#if PY_VERSION_HEX < 0x030D0000
  BindStdlibFrames();
#endif
}

bool InteractiveInterpreter::RunSource(std::string_view source, std::string_view filename,
                                       std::string_view symbol) {
#if PY_VERSION_HEX < 0x030D0000
  PyRef args = Check(Py_BuildValue("(ONNN)", stdlib_self_.get(), MakeStr(source).release(),
                                   MakeStr(filename).release(), MakeStr(symbol).release()),
                     "arguments");
  PyRef more = CallStdlib(stdlib_runsource_.get(), args.get());
  return PyObject_IsTrue(more.get()) == 1;
#else
  PyRef code =
      PyRef::Steal(PyObject_CallFunction(compile_.get(), "NNN", MakeStr(source).release(),
                                         MakeStr(filename).release(), MakeStr(symbol).release()));
  if (!code) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError) || PyErr_ExceptionMatches(PyExc_SyntaxError) ||
        PyErr_ExceptionMatches(PyExc_ValueError)) {
      ShowSyntaxError(filename, source);
      return false;
    }
    ThrowPythonError("compiling console input");
  }
  if (code.get() == Py_None) return true;
  RunCode(code.get());
  return false;
#endif
}

void InteractiveInterpreter::RunCode(PyObject* code) {
#if PY_VERSION_HEX < 0x030D0000
  PyRef args = Check(Py_BuildValue("(OO)", stdlib_self_.get(), code), "arguments");
  CallStdlib(stdlib_runcode_.get(), args.get());
#else
  // builtins.exec, as code.py calls it (it adds __builtins__ to the
  // namespace); called from C, it leaves no frame of ours in the traceback.
  PyObject* exec = PyDict_GetItemString(PyEval_GetBuiltins(), "exec");
  if (exec == nullptr) throw std::runtime_error("builtins.exec is missing");
  PyRef result = PyRef::Steal(PyObject_CallFunctionObjArgs(exec, code, locals_.get(), nullptr));
  if (result) return;
  ThrowIfSystemExit();
  ShowTraceback();
#endif
}

void InteractiveInterpreter::ShowSyntaxError(std::string_view filename, std::string_view source) {
  PendingException e = FetchException();
  if (!e.type) return;
#if PY_VERSION_HEX >= 0x030D0000
  if (!filename.empty() && PyObject_IsSubclass(e.type.get(), PyExc_SyntaxError) == 1) {
    if (PyObject_SetAttrString(e.value.get(), "filename", MakeStr(filename).get()) != 0) {
      ThrowPythonError("setting SyntaxError.filename");
    }
  }
  ShowException(e.type, e.value, PyRef(), source);
#else
  (void)source;
  SetLastException(e);
  PyRef value = e.value;
  if (!filename.empty() && e.type.get() == PyExc_SyntaxError) {
    // code.py: msg, (dummy_filename, lineno, offset, line) = value.args, and
    // a new SyntaxError(msg, (filename, lineno, offset, line)) if that fits.
    PyRef args = Attr(value.get(), "args");
    if (PyTuple_Check(args.get()) && PyTuple_GET_SIZE(args.get()) == 2) {
      PyRef details = PyRef::Steal(PySequence_Tuple(PyTuple_GET_ITEM(args.get(), 1)));
      if (!details) PyErr_Clear();
      if (details && PyTuple_GET_SIZE(details.get()) == 4) {
        PyRef position = PyRef::Steal(
            Py_BuildValue("(NOOO)", MakeStr(filename).release(), PyTuple_GET_ITEM(details.get(), 1),
                          PyTuple_GET_ITEM(details.get(), 2), PyTuple_GET_ITEM(details.get(), 3)));
        value = Check(PyObject_CallFunction(PyExc_SyntaxError, "ON",
                                            PyTuple_GET_ITEM(args.get(), 0), position.release()),
                      "SyntaxError()");
        SetSys("last_value", value.get());
#if PY_VERSION_HEX >= 0x030C0000
        SetSys("last_exc", value.get());
#endif
      }
    }
  }
  PyRef hook = SysAttr("excepthook");
  PyRef default_hook = SysAttr("__excepthook__");
  if (hook.get() == default_hook.get()) {
    PyRef traceback = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception_only", "OO",
                                            e.type.get(), value.get()),
                        "traceback.format_exception_only");
    WriteLines(lines.get());
  } else {
    CallExceptHook(hook.get(), e.type.get(), value.get(), NoneIfNull(e.traceback).get());
  }
#endif
}

void InteractiveInterpreter::ShowTraceback() {
  PendingException e = FetchException();
  if (!e.type) return;
#if PY_VERSION_HEX >= 0x030D0000
  ShowException(e.type, e.value, e.traceback, {});
#else
  SetLastException(e);
  PyRef hook = SysAttr("excepthook");
  PyRef default_hook = SysAttr("__excepthook__");
  if (hook.get() == default_hook.get()) {
    // code.py formats last_tb.tb_next: its own runcode frame left out.
    PyRef shown = e.traceback ? Attr(e.traceback.get(), "tb_next") : PyRef::Borrow(Py_None);
    PyRef traceback = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback.get(), "format_exception", "OOO",
                                            e.type.get(), e.value.get(), shown.get()),
                        "traceback.format_exception");
    WriteLines(lines.get());
  } else {
    CallExceptHook(hook.get(), e.type.get(), e.value.get(), NoneIfNull(e.traceback).get());
  }
#endif
}

#if PY_VERSION_HEX >= 0x030D0000
void InteractiveInterpreter::ShowException(PyRef type, PyRef value, PyRef traceback,
                                           std::string_view source) {
  // code.py's _showtraceback (3.13).
  SetSys("last_type", type.get());
  SetSys("last_traceback", NoneIfNull(traceback).get());
  if (PyException_SetTraceback(value.get(), NoneIfNull(traceback).get()) != 0) {
    ThrowPythonError("with_traceback");
  }
  if (!source.empty() && type.get() == PyExc_SyntaxError) {
    PyRef text = Attr(value.get(), "text");
    PyRef lineno = Attr(value.get(), "lineno");
    PyRef lines =
        Check(PyObject_CallMethod(MakeStr(source).get(), "splitlines", nullptr), "splitlines");
    if (PyObject_IsTrue(text.get()) == 0) {
      // len(lines) >= value.lineno, as code.py compares them (a lineno of
      // None raises TypeError there too).
      PyRef count = Check(PyLong_FromSsize_t(PyList_GET_SIZE(lines.get())), "len");
      PyRef fits = Check(PyObject_RichCompare(count.get(), lineno.get(), Py_GE), "lineno");
      if (PyObject_IsTrue(fits.get()) == 1) {
        PyRef index = Check(PyNumber_Subtract(lineno.get(), PyRef::Steal(PyLong_FromLong(1)).get()),
                            "lineno - 1");
        PyRef line = Check(PyObject_GetItem(lines.get(), index.get()), "lines[lineno - 1]");
        if (PyObject_SetAttrString(value.get(), "text", line.get()) != 0) {
          ThrowPythonError("setting SyntaxError.text");
        }
      }
    }
  }
  SetSys("last_exc", value.get());
  SetSys("last_value", value.get());
  PyRef hook = SysAttr("excepthook");
  PyRef default_hook = SysAttr("__excepthook__");
  if (hook.get() == default_hook.get()) {
    PyRef traceback_module = Import("traceback");
    PyRef lines = Check(PyObject_CallMethod(traceback_module.get(), "format_exception", "OOO",
                                            type.get(), value.get(), NoneIfNull(traceback).get()),
                        "traceback.format_exception");
    WriteLines(lines.get());
    return;
  }
  PyRef result = PyRef::Steal(PyObject_CallFunctionObjArgs(hook.get(), type.get(), value.get(),
                                                           NoneIfNull(traceback).get(), nullptr));
  if (result) return;
  ThrowIfSystemExit();
  // The hook itself failed: report both, as code.py does. The hook was
  // called from C, so its traceback has no frame of ours to drop.
  PendingException failure = FetchException();
  PyException_SetContext(failure.value.get(), nullptr);
  PyRef default_excepthook = SysAttr("__excepthook__");
  PrintToStderr("Error in sys.excepthook:\n");
  Check(PyObject_CallFunctionObjArgs(default_excepthook.get(), failure.type.get(),
                                     failure.value.get(), NoneIfNull(failure.traceback).get(),
                                     nullptr),
        "sys.__excepthook__");
  PrintToStderr("\nOriginal exception was:\n");
  Check(PyObject_CallFunctionObjArgs(default_excepthook.get(), type.get(), value.get(),
                                     NoneIfNull(traceback).get(), nullptr),
        "sys.__excepthook__");
}
#endif

void InteractiveInterpreter::Write(std::string_view data) { WriteObject(MakeStr(data).get()); }

void InteractiveInterpreter::WriteObject(PyObject* text) {
  PyRef err = SysAttr("stderr");
  if (!err) throw std::runtime_error("lost sys.stderr");
  Check(PyObject_CallMethod(err.get(), "write", "O", text), "sys.stderr.write");
}

void InteractiveInterpreter::WriteLines(PyObject* lines) {
  PyRef text = Check(PyUnicode_Join(MakeStr("").get(), lines), "joining lines");
  WriteObject(text.get());
}

}  // namespace pycon
