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

void EnsurePrompt(const char* name, const char* value) {
  if (PySys_GetObject(name) == nullptr) PySys_SetObject(name, MakeStr(value).get());
}

std::string DefaultBanner() {
  PyRef version = PyRef::Borrow(PySys_GetObject("version"));
  PyRef platform = PyRef::Borrow(PySys_GetObject("platform"));
  return "Python " + Str(version.get()) + " on " + Str(platform.get()) +
         "\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n"
         "(InteractiveConsole)\n";
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
    : InteractiveInterpreter(std::move(locals)), options_(std::move(options)) {}

bool InteractiveConsole::Push(std::string_view line, std::optional<std::string_view> filename,
                              std::string_view symbol) {
  buffer_.emplace_back(line);
  std::string source;
  for (size_t i = 0; i < buffer_.size(); ++i) {
    if (i > 0) source += '\n';
    source += buffer_[i];
  }
  bool more = RunSource(source, filename.value_or(options_.filename), symbol);
  if (!more) ResetBuffer();
  return more;
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
  return raw_input_ ? raw_input_(prompt) : ReadLine(prompt);
}

void InteractiveConsole::Interact(const std::optional<std::string>& banner,
                                  const std::optional<std::string>& exitmsg) {
  EnsurePrompt("ps1", ">>> ");
  EnsurePrompt("ps2", "... ");
  if (!banner) {
    Write(DefaultBanner());
  } else if (!banner->empty()) {
    Write(*banner + "\n");
  }
  std::optional<LocalExit> local_exit;
  if (options_.local_exit) local_exit.emplace();
  if (!internal::ExitMessageOnEveryExit()) {
    RunLoop();
    WriteExitMessage(*this, exitmsg);
    return;
  }
  struct ExitMessage {
    InteractiveConsole& console;
    const std::optional<std::string>& message;
    ~ExitMessage() {
      try {
        WriteExitMessage(console, message);
      } catch (...) {
      }
    }
  } exit_message{*this, exitmsg};
  RunLoop();
}

void InteractiveConsole::RunLoop() {
  bool more = false;
  while (true) {
    try {
      std::optional<std::string> line = RawInput(Prompt(more));
      if (!line) {
        Write("\n");
        break;
      }
      more = Push(*line);
    } catch (const KeyboardInterruptError&) {
      Write("\nKeyboardInterrupt\n");
      ResetBuffer();
      more = false;
    } catch (const PythonError& error) {
      if (!error.type() ||
          PyErr_GivenExceptionMatches(error.type().get(), PyExc_KeyboardInterrupt) == 0) {
        throw;
      }
      Write("\nKeyboardInterrupt\n");
      ResetBuffer();
      more = false;
    } catch (const SystemExitError&) {
      if (!options_.local_exit) throw;
      Write("\n");
      break;
    }
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
