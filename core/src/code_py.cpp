#include "code_py.h"

#include <utility>

#include "pycon/python_error.h"

namespace pycon::internal {

namespace {

constexpr const char* kCapsuleName = "pycon.CodePy";

PyMethodDef show_syntax_error_def{"showsyntaxerror", nullptr, METH_VARARGS | METH_KEYWORDS,
                                  nullptr};
PyMethodDef show_traceback_def{"showtraceback", nullptr, METH_NOARGS, nullptr};
PyMethodDef input_def{"input", nullptr, METH_VARARGS, nullptr};

}  // namespace

PendingException HandledException() {
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_GetExcInfo(&type, &value, &traceback);
  PyErr_Restore(type, value, traceback);
  return FetchException();
}

PyRef Console::Sys(const char* name) const { return Attr(sys, name); }

void Console::SetSys(const char* name, PyObject* value) const {
  if (PyObject_SetAttrString(sys, name, value) != 0) {
    ThrowPythonError(std::string("setting sys.") + name);
  }
}

PyRef Console::UserExceptHook() const {
  PyRef hook = Sys("excepthook");
  PyRef default_hook = Sys("__excepthook__");
  return hook.get() == default_hook.get() ? PyRef() : hook;
}

void Console::WriteLines(PyObject* lines) const {
  PyRef text = Check(PyUnicode_Join(MakeStr("").get(), lines), "joining lines");
  Check(PyObject_CallMethod(self, "write", "O", text.get()), "self.write");
}

PyRef WithGlobals(PyObject* function,
                  std::initializer_list<std::pair<const char*, PyObject*>> replaced) {
  PyRef code_module = Import("code");
  PyRef globals = Check(PyDict_Copy(PyModule_GetDict(code_module.get())), "code.py's globals");
  for (const auto& [name, value] : replaced) {
    if (PyDict_SetItemString(globals.get(), name, value) != 0) ThrowPythonError("globals");
  }
  PyRef code = Attr(function, "__code__");
  PyRef copy = Check(PyFunction_New(code.get(), globals.get()), "function");
  PyRef defaults = Attr(function, "__defaults__");
  PyRef kwdefaults = Attr(function, "__kwdefaults__");
  if (PyObject_SetAttrString(copy.get(), "__defaults__", defaults.get()) != 0 ||
      PyObject_SetAttrString(copy.get(), "__kwdefaults__", kwdefaults.get()) != 0) {
    ThrowPythonError("function defaults");
  }
  return copy;
}

CodePy::CodePy(PyRef locals, bool asyncio) {
  show_syntax_error_def.ml_meth =
      reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&CodePy::ShowSyntaxErrorMethod));
  show_traceback_def.ml_meth = &CodePy::ShowTracebackMethod;
  input_def.ml_meth = &CodePy::InputFunction;
  if (asyncio) {
    // What asyncio/__main__.py's main block does before its REPL starts.
    PyRef asyncio_module = Import("asyncio");
    PyRef main = Import("asyncio.__main__");
    PyRef loop = Check(PyObject_CallMethod(asyncio_module.get(), "new_event_loop", nullptr),
                       "asyncio.new_event_loop()");
    Check(PyObject_CallMethod(asyncio_module.get(), "set_event_loop", "O", loop.get()),
          "asyncio.set_event_loop()");
    PyRef console_class = Attr(main.get(), "AsyncIOInteractiveConsole");
    self_ =
        Check(PyObject_CallFunctionObjArgs(console_class.get(), locals.get(), loop.get(), nullptr),
              "AsyncIOInteractiveConsole()");
    if (PyObject_SetAttrString(main.get(), "loop", loop.get()) != 0 ||
        PyObject_SetAttrString(main.get(), "console", self_.get()) != 0) {
      ThrowPythonError("asyncio.__main__");
    }
  } else {
    PyRef console_class = Attr(Import("code").get(), "InteractiveConsole");
    self_ = Check(PyObject_CallFunctionObjArgs(console_class.get(), locals.get(), nullptr),
                  "code.InteractiveConsole()");
  }
  // The capsule points at this object, which a move of its interpreter
  // does not move.
  capsule_ = Check(PyCapsule_New(this, kCapsuleName, nullptr), "capsule");
  PyRef showsyntaxerror =
      Check(PyCFunction_New(&show_syntax_error_def, capsule_.get()), "callback");
  PyRef showtraceback = Check(PyCFunction_New(&show_traceback_def, capsule_.get()), "callback");
  if (PyObject_SetAttrString(self_.get(), "showsyntaxerror", showsyntaxerror.get()) != 0 ||
      PyObject_SetAttrString(self_.get(), "showtraceback", showtraceback.get()) != 0) {
    ThrowPythonError("binding code.py");
  }
}

CodePy::~CodePy() {
  // The console may outlive this object (a frame in a kept traceback holds
  // it): it must not call back into freed memory.
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  for (const char* name : {"showsyntaxerror", "showtraceback", "raw_input"}) {
    if (PyObject_DelAttrString(self_.get(), name) != 0) PyErr_Clear();
  }
  if (PyCapsule_SetPointer(capsule_.get(), reinterpret_cast<void*>(1)) != 0) PyErr_Clear();
  PyErr_Restore(type, value, traceback);
}

PyRef CodePy::Run(const std::function<PyObject*()>& call, const std::string& what) {
  reader_failure_ = nullptr;
  PyObject* result = call();
  if (result != nullptr) return PyRef::Steal(result);
  if (std::exception_ptr failure = std::exchange(reader_failure_, nullptr)) {
    PyErr_Clear();
    std::rethrow_exception(failure);
  }
  ThrowIfSystemExit();
  ThrowPythonError(what);
}

PyRef CodePy::Call(const char* method, PyObject* args) {
  PyRef function = Attr(self_.get(), method);
  return Run([&] { return PyObject_Call(function.get(), args, nullptr); },
             std::string("code.py's ") + method);
}

void CodePy::SetLineReader(LineReader reader) {
  reader_ = std::move(reader);
  if (!reader_) {
    if (PyObject_DelAttrString(self_.get(), "raw_input") != 0) PyErr_Clear();
    return;
  }
  PyObject* builtin_input = PyDict_GetItemString(PyEval_GetBuiltins(), "input");
  if (builtin_input == nullptr) throw std::runtime_error("builtins.input is missing");
  builtin_input_ = PyRef::Borrow(builtin_input);
  terminal_ = Attr(Import("sys").get(), "stdin");
  PyRef input = Check(PyCFunction_New(&input_def, capsule_.get()), "callback");
  PyRef console_class = Attr(Import("code").get(), "InteractiveConsole");
  PyRef raw_input = Attr(console_class.get(), "raw_input");
  PyRef function = WithGlobals(raw_input.get(), {{"input", input.get()}});
  PyRef method = Check(PyMethod_New(function.get(), self_.get()), "raw_input");
  if (PyObject_SetAttrString(self_.get(), "raw_input", method.get()) != 0) {
    ThrowPythonError("binding raw_input");
  }
}

Console CodePy::AsConsole() const {
  PyRef code_module = Import("code");
  PyObject* sys = PyDict_GetItemString(PyModule_GetDict(code_module.get()), "sys");
  if (sys == nullptr) throw std::runtime_error("code.py has no sys");
  return Console{self_.get(), sys};
}

CodePy& CodePy::Of(PyObject* capsule) {
  void* pointer = PyCapsule_GetPointer(capsule, kCapsuleName);
  if (pointer == reinterpret_cast<void*>(1)) throw std::runtime_error("the console is gone");
  return *static_cast<CodePy*>(pointer);
}

/// self.showsyntaxerror(filename=None, source='') for code.py (3.13 passes
/// the source).
PyObject* CodePy::ShowSyntaxErrorMethod(PyObject* capsule, PyObject* args, PyObject* kwargs) {
  static const char* keywords[] = {"filename", "source", nullptr};
  PyObject *filename = Py_None, *source = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OO", const_cast<char**>(keywords), &filename,
                                   &source)) {
    return nullptr;
  }
  return CallFromPython([&] {
    std::string name = filename == Py_None ? std::string() : Str(filename);
    std::string text = source == nullptr ? std::string() : Str(source);
    PendingException error = HandledException();
    if (error.type) ShowSyntaxError(Of(capsule).AsConsole(), std::move(error), name, text);
  });
}

/// self.showtraceback() for code.py.
PyObject* CodePy::ShowTracebackMethod(PyObject* capsule, PyObject*) {
  return CallFromPython([&] {
    PendingException error = HandledException();
    if (error.type) ShowTraceback(Of(capsule).AsConsole(), std::move(error));
  });
}

bool CodePy::ReadsTerminal() const {
  PyObject* input = PyDict_GetItemString(PyEval_GetBuiltins(), "input");
  if (input != builtin_input_.get()) return false;
  PyObject* stdin_now = PySys_GetObject("stdin");
  if (stdin_now != terminal_.get()) return false;
  PyRef closed = PyRef::Steal(PyObject_GetAttrString(stdin_now, "closed"));
  if (!closed) {
    PyErr_Clear();
    return true;
  }
  return PyObject_IsTrue(closed.get()) == 0;
}

/// input(prompt) for code.py's raw_input: builtins.input(prompt), looked up
/// now as code.py looks it up (NameError if it is missing); the line
/// reader's line instead where that is Python's own input() reading the
/// terminal (EOFError at end of file). What the reader throws is kept to
/// be rethrown.
PyObject* CodePy::InputFunction(PyObject* capsule, PyObject* args) {
  PyObject* prompt = nullptr;
  if (!PyArg_ParseTuple(args, "|O", &prompt)) return nullptr;
  CodePy* self = nullptr;
  try {
    self = &Of(capsule);
    if (!self->ReadsTerminal()) {
      PyObject* input = PyDict_GetItemString(PyEval_GetBuiltins(), "input");
      if (input == nullptr) {
        PyErr_SetString(PyExc_NameError, "name 'input' is not defined");
        return nullptr;
      }
      PyRef held = PyRef::Borrow(input);  // a call may replace builtins.input
      return PyObject_Call(held.get(), args, nullptr);
    }
    std::optional<std::string> line = self->reader_(prompt ? Str(prompt) : std::string());
    if (!line) {
      PyErr_SetNone(PyExc_EOFError);
      return nullptr;
    }
    return MakeStr(*line).release();
  } catch (const KeyboardInterruptError&) {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
  } catch (...) {
    if (self != nullptr) self->reader_failure_ = std::current_exception();
    SetPythonErrorFromCaughtException();
  }
  return nullptr;
}

}  // namespace pycon::internal
