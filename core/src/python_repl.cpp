// The loop of the `python3` REPL (Python/pythonrun.c's
// PyRun_InteractiveLoop), for a console with ConsoleOptions::python_repl:
// the REPL runs each input from C, so its code has no Python frame below
// its own; code.py's InteractiveConsole.interact would put the frames of
// interact, push, runsource and runcode there. What the REPL does in C that
// code.py does otherwise (reading, parsing, showing errors) stays code.py's.
#include <stdexcept>
#include <string>
#include <utility>

#include "c_api.h"
#include "code_py.h"
#include "pycon/interactive_console.h"
#include "pycon/python_error.h"

namespace pycon {

namespace {

/// Whether the linked Python's REPL compiles each input under a name of its
/// own, `<stdin>-N`, and keeps its source in linecache under that name
/// (run_mod of 3.13 and later).
constexpr bool kNamesInputs = PY_VERSION_HEX >= 0x030D0000;

/// `code` as if compiled under the file name `name`: it and the code
/// objects among its constants (functions, classes, comprehensions).
PyRef Renamed(PyObject* code, PyObject* name) {
  PyRef consts = internal::Attr(code, "co_consts");
  Py_ssize_t size = PyTuple_GET_SIZE(consts.get());
  PyRef renamed = Check(PyTuple_New(size), "co_consts");
  for (Py_ssize_t i = 0; i < size; ++i) {
    PyObject* item = PyTuple_GET_ITEM(consts.get(), i);
    PyRef copy = PyCode_Check(item) ? Renamed(item, name) : PyRef::Borrow(item);
    PyTuple_SET_ITEM(renamed.get(), i, copy.release());
  }
  PyRef replace = internal::Attr(code, "replace");
  PyRef args = Check(PyTuple_New(0), "arguments");
  PyRef kwargs = Check(PyDict_New(), "arguments");
  if (PyDict_SetItemString(kwargs.get(), "co_filename", name) != 0 ||
      PyDict_SetItemString(kwargs.get(), "co_consts", renamed.get()) != 0) {
    ThrowPythonError("arguments");
  }
  return Check(PyObject_Call(replace.get(), args.get(), kwargs.get()), "code.replace()");
}

/// Whether `source`, which the console's compiler rejected, parses: the
/// REPL names (and counts) an input once it parses, so a SyntaxError of its
/// compiler ('return' outside function) carries the input's name.
bool Parses(PyObject* console, PyObject* source, PyObject* filename) {
  // The compiler's flags: its own and the __future__ features seen so far.
  PyRef compiler = internal::Attr(internal::Attr(console, "compile").get(), "compiler");
  long flags = PyLong_AsLong(internal::Attr(compiler.get(), "flags").get());
  if (flags == -1 && PyErr_Occurred()) ThrowPythonError("the compiler's flags");
  PyObject* compile = PyDict_GetItemString(PyEval_GetBuiltins(), "compile");
  if (compile == nullptr) throw std::runtime_error("builtins.compile is missing");
  PyRef tree = PyRef::Steal(PyObject_CallFunction(compile, "OOsli", source, filename, "single",
                                                  flags | PyCF_ONLY_AST, 1));
  if (!tree) PyErr_Clear();
  return static_cast<bool>(tree);
}

/// pythonrun.c's flush_io, which the REPL calls after each statement (run,
/// failed or not compiled) and nowhere else: sys.stderr flushed, then
/// sys.stdout, whatever fails ignored.
void FlushIo() {
  for (const char* name : {"stderr", "stdout"}) {
    PyObject* stream = PySys_GetObject(name);  // borrowed
    if (stream == nullptr || stream == Py_None) continue;
    PyRef result = PyRef::Steal(PyObject_CallMethod(stream, "flush", nullptr));
    if (!result) PyErr_Clear();
  }
}

}  // namespace

void InteractiveConsole::InteractAsPythonRepl(const std::optional<std::string>& banner,
                                              const std::optional<std::string>& exitmsg) {
  // The REPL's defaults for missing prompts, as code.py's interact sets them.
  for (auto [name, prompt] : {std::pair{"ps1", ">>> "}, std::pair{"ps2", "... "}}) {
    if (PySys_GetObject(name) == nullptr) internal::SetSys(name, MakeStr(prompt).get());
  }
  if (banner && !banner->empty()) Write(*banner + "\n");
  bool more = false;
  // Ctrl-C at a prompt or while an input runs: as code.py's interact.
  auto interrupted = [&] {
    Write("\nKeyboardInterrupt\n");
    ResetBuffer();
    more = false;
  };
  while (true) {
    try {
      // The prompt object itself, read now, as code.py's interact reads it.
      PyRef prompt = internal::Attr(internal::Import("sys").get(), more ? "ps2" : "ps1");
      PyRef args = Check(PyTuple_Pack(1, prompt.get()), "arguments");
      PyRef line;
      try {
        line = code_py_->Call("raw_input", args.get());
      } catch (const PythonError& error) {
        if (!error.type() || !PyErr_GivenExceptionMatches(error.type().get(), PyExc_EOFError))
          throw;
        Write("\n");
        break;
      }
      more = PushToPythonRepl(line.get());
    } catch (const PythonError& error) {
      if (!error.type() ||
          !PyErr_GivenExceptionMatches(error.type().get(), PyExc_KeyboardInterrupt)) {
        throw;
      }
      interrupted();
    } catch (const KeyboardInterruptError&) {
      interrupted();
    }
  }
  if (exitmsg && !exitmsg->empty()) Write(*exitmsg + "\n");
}

bool InteractiveConsole::PushToPythonRepl(PyObject* line) {
  PyRef buffer = internal::Attr(code_py_->self(), "buffer");
  if (PyList_Append(buffer.get(), line) != 0) ThrowPythonError("buffer");
  PyRef source = Check(PyUnicode_Join(MakeStr("\n").get(), buffer.get()), "the source");
  bool more = RunSourceAsPythonRepl(source.get());
  if (!more) {
    ResetBuffer();
    FlushIo();
  }
  return more;
}

std::string InteractiveConsole::NextPythonReplName() {
  if (!kNamesInputs) return options_.filename;
  return options_.filename + "-" + std::to_string(python_repl_inputs_++);
}

bool InteractiveConsole::RunSourceAsPythonRepl(PyObject* source) {
  PyObject* self = code_py_->self();
  PyRef filename = MakeStr(options_.filename);
  PyRef compile = internal::Attr(self, "compile");
  PyRef code =
      PyRef::Steal(PyObject_CallFunction(compile.get(), "OOs", source, filename.get(), "single"));
  if (!code) {
    PyRef invalid =
        Check(PyTuple_Pack(3, PyExc_OverflowError, PyExc_SyntaxError, PyExc_ValueError), "errors");
    if (!PyErr_ExceptionMatches(invalid.get())) {
      internal::ThrowIfSystemExit();
      ThrowPythonError("code.py's compile");
    }
    internal::PendingException error = internal::FetchException();
    std::string name = kNamesInputs && Parses(self, source, filename.get()) ? NextPythonReplName()
                                                                            : options_.filename;
    internal::ShowSyntaxError(code_py_->AsConsole(), std::move(error), name, Str(source));
    return false;
  }
  if (code.get() == Py_None) return true;
  std::string name = NextPythonReplName();
  if (kNamesInputs) {
    // As run_mod does: the code named, its source (with the newline that
    // ended it) given to linecache for tracebacks and warnings.
    PyRef named = MakeStr(name);
    code = Renamed(code.get(), named.get());
    PyRef text = Check(PyUnicode_Concat(source, MakeStr("\n").get()), "the source");
    PyRef registered =
        PyRef::Steal(PyObject_CallMethod(internal::Import("linecache").get(), "_register_code",
                                         "OOO", named.get(), text.get(), filename.get()));
    if (!registered) {
      internal::ThrowIfSystemExit();
      internal::ShowTraceback(code_py_->AsConsole(), internal::FetchException(),
                              /*from_runcode=*/false);
      return false;
    }
  }
  // exec(code, self.locals) as code.py's runcode does it, but from C.
  PyObject* globals = locals().get();
  if (PyDict_GetItemString(globals, "__builtins__") == nullptr &&
      PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) != 0) {
    ThrowPythonError("__builtins__");
  }
  PyRef result = PyRef::Steal(PyEval_EvalCode(code.get(), globals, globals));
  if (!result) {
    internal::ThrowIfSystemExit();
    internal::ShowTraceback(code_py_->AsConsole(), internal::FetchException(),
                            /*from_runcode=*/false);
  }
  return false;
}

}  // namespace pycon
