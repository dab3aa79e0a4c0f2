#include "pycon/interactive_console.h"

#include "code_py.h"
#include "pycon/python_error.h"
#include "pycon/temporary_attribute.h"

namespace pycon {

namespace {

constexpr const char* kQuitterSource = R"(
import sys
class Quitter:
    def __init__(self, name):
        self.name = name
        if sys.platform == "win32":
            self.eof = 'Ctrl-Z plus Return'
        else:
            self.eof = 'Ctrl-D (i.e. EOF)'
    def __repr__(self):
        return f'Use {self.name} or {self.eof} to exit'
    def __call__(self, code=None):
        raise SystemExit(code)
)";

/// code.Quitter where the linked code.py has it, else the same class.
PyRef QuitterType() {
  PyRef code = PyRef::Steal(PyImport_ImportModule("code"));
  if (code) {
    PyRef quitter = PyRef::Steal(PyObject_GetAttrString(code.get(), "Quitter"));
    if (quitter) return quitter;
  }
  PyErr_Clear();
  PyRef globals = Check(PyDict_New(), "namespace");
  PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins());
  PyDict_SetItemString(globals.get(), "__name__", MakeStr("code").get());
  Check(PyRun_String(kQuitterSource, Py_file_input, globals.get(), globals.get()), "Quitter");
  return PyRef::Borrow(PyDict_GetItemString(globals.get(), "Quitter"));
}

/// builtins.exit and builtins.quit replaced by Quitters while it lives
/// (those that exist), as code.py's interact() does with local_exit. All
/// are restored when it goes, or if replacing one fails.
class LocalExit {
 public:
  LocalExit() {
    PyRef builtins = Check(PyImport_ImportModule("builtins"), "builtins");
    PyRef quitter = QuitterType();
    for (const char* name : {"exit", "quit"}) {
      if (PyObject_HasAttrString(builtins.get(), name) != 1) continue;
      PyRef replacement = Check(PyObject_CallFunction(quitter.get(), "s", name), "Quitter()");
      replaced_.emplace_back(builtins, name, std::move(replacement));
    }
  }
  ~LocalExit() {
    // Last replaced, first restored.
    while (!replaced_.empty()) replaced_.pop_back();
  }
  LocalExit(const LocalExit&) = delete;
  LocalExit& operator=(const LocalExit&) = delete;

 private:
  std::vector<TemporaryAttribute> replaced_;
};

/// `text` as a str, or None.
PyRef OptionalStr(const std::optional<std::string>& text) {
  return text ? MakeStr(*text) : PyRef::Borrow(Py_None);
}

void WriteExitMessage(InteractiveConsole& console, const std::optional<std::string>& exitmsg) {
  if (!exitmsg) {
    console.Write("now exiting InteractiveConsole...\n");
  } else if (!exitmsg->empty()) {
    console.Write(*exitmsg + "\n");
  }
}

}  // namespace

InteractiveConsole::InteractiveConsole(ConsoleOptions options, PyRef locals)
    : InteractiveInterpreter(options.asyncio && !locals ? AsyncioReplLocals() : std::move(locals),
                             options.asyncio),
      options_(std::move(options)) {
  PyObject* self = code_py_->self();
  if (options_.asyncio) {
    options_.filename = Str(internal::Attr(self, "filename").get());
  } else if (PyObject_SetAttrString(self, "filename", MakeStr(options_.filename).get()) != 0) {
    ThrowPythonError("setting the console's filename");
  }
  if (internal::CodePyFrom313() &&
      PyObject_SetAttrString(self, "local_exit", options_.local_exit ? Py_True : Py_False) != 0) {
    ThrowPythonError("setting the console's local_exit");
  }
}

bool InteractiveConsole::Push(std::string_view line, std::optional<std::string_view> filename,
                              std::string_view symbol) {
  PyRef more;
  if (internal::CodePyFrom313()) {
    PyRef name = filename ? MakeStr(*filename) : PyRef::Borrow(Py_None);
    PyRef args = Check(
        Py_BuildValue("(NON)", MakeStr(line).release(), name.get(), MakeStr(symbol).release()),
        "arguments");
    more = code_py_->Call("push", args.get());
  } else if (!filename && symbol == "single") {
    PyRef args = Check(Py_BuildValue("(N)", MakeStr(line).release()), "arguments");
    more = code_py_->Call("push", args.get());
  } else {
    // code.py up to 3.12 takes neither: its push, done with them.
    PyRef buffer = internal::Attr(code_py_->self(), "buffer");
    if (PyList_Append(buffer.get(), MakeStr(line).get()) != 0) ThrowPythonError("buffer");
    std::vector<std::string> lines = this->buffer();
    std::string source;
    for (size_t i = 0; i < lines.size(); ++i) source += (i > 0 ? "\n" : "") + lines[i];
    bool needs_more = RunSource(source, filename.value_or(options_.filename), symbol);
    if (!needs_more) ResetBuffer();
    return needs_more;
  }
  return PyObject_IsTrue(more.get()) == 1;
}

void InteractiveConsole::ResetBuffer() {
  PyRef args = Check(PyTuple_New(0), "arguments");
  code_py_->Call("resetbuffer", args.get());
}

std::vector<std::string> InteractiveConsole::buffer() const {
  PyRef buffer = internal::Attr(code_py_->self(), "buffer");
  PyRef items = Check(PySequence_List(buffer.get()), "buffer");
  std::vector<std::string> lines;
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items.get()); ++i) {
    lines.push_back(Str(PyList_GET_ITEM(items.get(), i)));
  }
  return lines;
}

std::string InteractiveConsole::Prompt(bool more) const {
  // sys.ps1 as code.py reads it: a deleted prompt raises AttributeError.
  PyRef sys = Check(PyImport_ImportModule("sys"), "sys");
  PyRef prompt =
      Check(PyObject_GetAttrString(sys.get(), more ? "ps2" : "ps1"), "reading the prompt");
  return Str(prompt.get());
}

std::optional<std::string> InteractiveConsole::PromptIfText(bool more) const {
  PyObject* prompt = PySys_GetObject(more ? "ps2" : "ps1");
  if (prompt == nullptr || !PyUnicode_Check(prompt)) return std::nullopt;
  return Str(prompt);
}

std::optional<std::string> ReadLine(const std::string& prompt) {
  PyObject* input = PyDict_GetItemString(PyEval_GetBuiltins(), "input");
  if (input == nullptr) throw std::runtime_error("builtins.input is missing");
  PyRef line = PyRef::Steal(PyObject_CallFunction(input, "N", MakeStr(prompt).release()));
  if (!line) {
    if (PyErr_ExceptionMatches(PyExc_EOFError)) {
      PyErr_Clear();
      return std::nullopt;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
      PyErr_Clear();
      throw KeyboardInterruptError();
    }
    ThrowPythonError("input()");
  }
  return Str(line.get());
}

std::optional<std::string> InteractiveConsole::RawInput(const std::string& prompt) {
  PyRef args = Check(Py_BuildValue("(N)", MakeStr(prompt).release()), "arguments");
  try {
    return Str(code_py_->Call("raw_input", args.get()).get());
  } catch (const PythonError& error) {
    if (error.type() && PyErr_GivenExceptionMatches(error.type().get(), PyExc_EOFError)) {
      return std::nullopt;
    }
    if (error.type() && PyErr_GivenExceptionMatches(error.type().get(), PyExc_KeyboardInterrupt)) {
      throw KeyboardInterruptError();
    }
    throw;
  }
}

void InteractiveConsole::SetRawInput(LineSource source) {
  code_py_->SetLineReader(std::move(source));
}

void InteractiveConsole::Interact(const std::optional<std::string>& banner,
                                  const std::optional<std::string>& exitmsg) {
  PyRef method = internal::Attr(code_py_->self(), "interact");
  PyRef args =
      Check(Py_BuildValue("(NN)", OptionalStr(banner).release(), OptionalStr(exitmsg).release()),
            "arguments");
  RunInteract([&] { return PyObject_Call(method.get(), args.get(), nullptr); }, exitmsg);
}

void InteractiveConsole::InteractAsCommand(const std::optional<std::string>& banner,
                                           const std::optional<std::string>& exitmsg) {
  if (options_.asyncio) return InteractAsAsyncioRepl(banner, exitmsg);
  if (options_.python_repl) return InteractAsPythonRepl(banner, exitmsg);
  PyRef made = Check(PyDict_New(), "namespace");
  if (PyDict_SetItemString(made.get(), "console", code_py_->self()) != 0) {
    ThrowPythonError("namespace");
  }
  // code.interact's own code, making this console.
  PyRef factory =
      Check(PyRun_String("lambda *args, **kwargs: console", Py_eval_input, made.get(), made.get()),
            "console factory");
  PyRef code_interact = internal::Attr(internal::Import("code").get(), "interact");
  PyRef interact =
      internal::WithGlobals(code_interact.get(), {{"InteractiveConsole", factory.get()}});
  PyRef code = Check(PyModule_New("code"), "module");
  if (PyObject_SetAttrString(code.get(), "interact", interact.get()) != 0) {
    ThrowPythonError("module");
  }
  PyRef globals = Check(PyDict_New(), "namespace");
  if (PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins()) != 0 ||
      PyDict_SetItemString(globals.get(), "__name__", MakeStr("__main__").get()) != 0 ||
      PyDict_SetItemString(globals.get(), "_cmd", code.get()) != 0) {
    ThrowPythonError("namespace");
  }
  // "import code; code.interact(banner='', exitmsg='')" with the call in
  // the same columns, for a traceback through this frame to mark it as
  // the command's.
  PyRef banner_repr = Check(PyObject_Repr(OptionalStr(banner).get()), "repr");
  PyRef exitmsg_repr = Check(PyObject_Repr(OptionalStr(exitmsg).get()), "repr");
  std::string source = "code = _cmd; code.interact(banner=" + Str(banner_repr.get()) +
                       ", exitmsg=" + Str(exitmsg_repr.get()) + ")\n";
  PyRef compiled =
      Check(Py_CompileString(source.c_str(), "<string>", Py_file_input), "compiling the command");
  RunInteract(
      [&]() -> PyObject* {
        PyObject* result = PyEval_EvalCode(compiled.get(), globals.get(), globals.get());
        if (result != nullptr || code_py_->reader_failed() ||
            PyErr_ExceptionMatches(PyExc_SystemExit)) {
          return result;
        }
        // The command failed: python3 -c shows the exception as uncaught,
        // through sys.excepthook, and ends.
        PyErr_Print();
        Py_INCREF(Py_None);
        return Py_None;
      },
      exitmsg);
}

void InteractiveConsole::RunInteract(const std::function<PyObject*()>& call,
                                     const std::optional<std::string>& exitmsg) {
  // code.py up to 3.12 has no local_exit: it is done here, as 3.13 does it.
  bool emulated_local_exit = options_.local_exit && !internal::CodePyFrom313();
  std::optional<LocalExit> local_exit;
  if (emulated_local_exit) local_exit.emplace();
  try {
    code_py_->Run(call, "code.py's interact");
  } catch (const SystemExitError&) {
    if (!emulated_local_exit) throw;
    Write("\n");
    WriteExitMessage(*this, exitmsg);
  }
}

void Interact(const std::optional<std::string>& banner, LineSource readfunc, PyRef local,
              const std::optional<std::string>& exitmsg, bool local_exit) {
  ConsoleOptions options;
  options.local_exit = local_exit;
  InteractiveConsole console(options, std::move(local));
  if (readfunc) {
    console.SetRawInput(std::move(readfunc));
  } else {
    PyRef readline = PyRef::Steal(PyImport_ImportModule("readline"));
    if (!readline) PyErr_Clear();
  }
  console.Interact(banner, exitmsg);
}

}  // namespace pycon
