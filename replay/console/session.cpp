#include "replay/console/session.h"

#include <errno.h>
#include <unistd.h>

#include <stdexcept>
#include <string_view>

#include "pycon/python_error.h"

namespace replay {

namespace {

/// The inputs ran out: ends Interact() without the EOF newline.
struct EndOfInput {};

void FlushStream(const char* name) {
  PyObject* stream = PySys_GetObject(name);
  if (stream == nullptr || stream == Py_None) return;
  pycon::PyRef result = pycon::PyRef::Steal(PyObject_CallMethod(stream, "flush", nullptr));
  if (!result) PyErr_Clear();
}

void WriteStdout(const std::string& text) {
  PyObject* out = PySys_GetObject("stdout");
  if (out == nullptr) throw std::runtime_error("lost sys.stdout");
  pycon::Check(PyObject_CallMethod(out, "write", "N", pycon::MakeStr(text).release()),
               "sys.stdout.write");
}

/// What the terminal does with a typed line: echoes it, below sys.stdout.
void EchoToTerminal(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // as a terminal that lost its screen: nothing shows
    text.remove_prefix(static_cast<size_t>(n));
  }
}

/// The session starts as `python3 -c` starts it: the current directory
/// first on sys.path.
void StartAsCommand() {
  PyObject* path = PySys_GetObject("path");
  if (path == nullptr || !PyList_Check(path)) return;
  pycon::PyRef empty = pycon::MakeStr("");
  if (PyList_Insert(path, 0, empty.get()) != 0) pycon::ThrowPythonError("sys.path.insert");
}

/// The session's output as the replay consumes it, with the offset of each
/// piece in the whole.
class SessionOutput {
 public:
  explicit SessionOutput(const SessionHooks& hooks) : hooks_(hooks) {}
  /// What was written since the last call, the Python streams flushed.
  std::string Take() {
    FlushStream("stdout");
    FlushStream("stderr");
    std::string output = hooks_.take_output ? hooks_.take_output() : std::string();
    consumed_ += output.size();
    return output;
  }
  /// Where the text Take() returned last starts.
  size_t OffsetOf(const std::string& taken) const { return consumed_ - taken.size(); }

 private:
  const SessionHooks& hooks_;
  size_t consumed_ = 0;
};

/// The console's line source during a replay: each prompt takes the output
/// so far to the input source, which gives the next line.
class ReplayLineSource {
 public:
  ReplayLineSource(pycon::InteractiveConsole& console, InputSource& inputs,
                   const SessionHooks& hooks, SessionOutput& output, ConsoleResult& result)
      : console_(console), inputs_(inputs), hooks_(hooks), output_(output), result_(result) {}

  std::optional<std::string> operator()(const std::string& prompt) {
    std::string written = output_.Take();
    size_t offset = output_.OffsetOf(written);
    // Until the input is found, what runs is the showing of its prompt.
    if (hooks_.on_line) hooks_.on_line(inputs_.LineHere());
    // The prompt as input() shows it: through the current sys.stdout,
    // flushed; what reached the terminal of it is the prompt to look for.
    WriteStdout(prompt);
    std::string shown = output_.Take();
    std::string other = console_.PromptIfText(console_.buffer().empty()).value_or("");
    std::optional<Input> input = inputs_.Next(shown, other, written, offset);
    if (!input) {
      // The transcript ends with its last input: the prompt that found
      // none is no part of it.
      if (!shown.empty())
        inputs_.substitutions.push_back({output_.OffsetOf(shown), shown.size(), ""});
      throw EndOfInput{};
    }
    ++result_.inputs;
    if (console_.buffer().empty()) {
      ++result_.statements;
      statement_line_ = input->line_number;
    }
    if (hooks_.on_line) hooks_.on_line(statement_line_);
    EchoToTerminal(input->line + "\n");
    output_.Take();  // the echo is no output to match
    return input->line;
  }

 private:
  pycon::InteractiveConsole& console_;
  InputSource& inputs_;
  const SessionHooks& hooks_;
  SessionOutput& output_;
  ConsoleResult& result_;
  int statement_line_ = 0;
};

/// Runs `setup` in `namespace_dict` with sys.stdout and sys.stderr
/// discarded; its exception, if it raises, as a pycon::PythonError.
void RunSetup(const SetupFile& setup, PyObject* namespace_dict) {
  static const char kRunSetup[] =
      "import contextlib, io\n"
      "with contextlib.redirect_stdout(io.StringIO()), "
      "contextlib.redirect_stderr(io.StringIO()):\n"
      "    exec(compile(source, path, 'exec'), namespace)\n";
  pycon::PyRef globals = pycon::Check(PyDict_New(), "the setup's namespace");
  PyObject* builtins = PyEval_GetBuiltins();
  if (PyDict_SetItemString(globals.get(), "__builtins__", builtins) != 0 ||
      PyDict_SetItemString(globals.get(), "source", pycon::MakeStr(setup.source).get()) != 0 ||
      PyDict_SetItemString(globals.get(), "path", pycon::MakeStr(setup.path).get()) != 0 ||
      PyDict_SetItemString(globals.get(), "namespace", namespace_dict) != 0) {
    pycon::ThrowPythonError("preparing the setup file");
  }
  pycon::Check(PyRun_String(kRunSetup, Py_file_input, globals.get(), globals.get()),
               "running the setup file " + setup.path);
}

}  // namespace

ConsoleResult ReplayConsole(pycon::InteractiveConsole& console, InputSource& inputs,
                            const SessionHooks& hooks) {
  ConsoleResult result;
  StartAsCommand();
  SessionOutput output(hooks);
  console.SetRawInput(ReplayLineSource(console, inputs, hooks, output, result));
  try {
    console.InteractAsCommand(std::string(), std::string());
  } catch (const EndOfInput&) {
  } catch (const pycon::SystemExitError& exit) {
    std::string message = exit.ExitMessage();
    if (!message.empty()) console.Write(message);
  }
  console.SetRawInput(nullptr);
  std::string rest = output.Take();
  inputs.Finish(rest, output.OffsetOf(rest));
  result.substitutions = std::move(inputs.substitutions);
  return result;
}

pycon::InteractiveConsole MakeConsole(ConsoleReference reference) {
  if (reference == ConsoleReference::kInteract) return pycon::InteractiveConsole();
  // What python3 without a script runs in: the __main__ module, and input
  // read from <stdin>.
  PyObject* main = PyImport_AddModule("__main__");  // borrowed
  if (main == nullptr) pycon::ThrowPythonError("the __main__ module");
  pycon::ConsoleOptions options;
  options.filename = "<stdin>";
  return pycon::InteractiveConsole(options, pycon::PyRef::Borrow(PyModule_GetDict(main)));
}

Session ConsoleTranscriptSession(std::string name, std::string text, SetupFile setup,
                                 const Placeholders& placeholders, ConsoleReference reference) {
  return Session{std::move(name), [text = std::move(text), setup = std::move(setup), placeholders,
                                   reference](const SessionHooks& hooks) {
                   pycon::InteractiveConsole console = MakeConsole(reference);
                   if (!setup.path.empty()) RunSetup(setup, console.locals().get());
                   TranscriptInputs inputs(text, placeholders);
                   return ReplayConsole(console, inputs, hooks).ToJson();
                 }};
}

Session InputLinesSession(std::string name, std::string text) {
  return Session{std::move(name), [text = std::move(text)](const SessionHooks& hooks) {
                   pycon::InteractiveConsole console;
                   PlainInputs inputs(text);
                   return ReplayConsole(console, inputs, hooks).ToJson();
                 }};
}

}  // namespace replay
