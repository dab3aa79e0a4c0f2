// The console half of Lib/code.py: input buffering, prompts, interact().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pycon/interactive_interpreter.h"

namespace pycon {

/// How a console names its input and treats exit().
struct ConsoleOptions {
  /// The file name shown in tracebacks and syntax errors.
  std::string filename = "<console>";
  /// exit() and quit() end Interact() instead of the session (code.py 3.13).
  bool local_exit = false;
  /// The console of `python -m asyncio`: the AsyncIOInteractiveConsole of
  /// the linked asyncio/__main__.py (top-level `await`; code run in an
  /// event loop on the calling thread while the console reads in another),
  /// on the namespace that REPL makes when no `locals` are given. Its file
  /// name is its class's (`filename` is set to it); InteractAsCommand runs
  /// it as that REPL does.
  bool asyncio = false;
  /// The loop of the `python3` REPL (Python/pythonrun.c's
  /// PyRun_InteractiveLoop) for InteractAsCommand: each complete input
  /// runs from C, with no Python frame below its own (sys._getframe walks,
  /// the depth of a RecursionError, warnings' stack levels are the REPL's);
  /// from 3.13 on it is compiled as the REPL compiles it, under the name
  /// `FILENAME-N` (N counting the inputs that parsed), its source kept in
  /// linecache for tracebacks; after each statement sys.stderr and
  /// sys.stdout are flushed (pythonrun.c's flush_io). Prompts, buffering,
  /// compiling and showing errors are code.py's as in Interact.
  bool python_repl = false;
};

/// The namespace `python -m asyncio` gives its REPL: `asyncio` and the
/// module attributes of asyncio/__main__.py run as `__main__`.
PyRef AsyncioReplLocals();

/// Where a console gets its lines: shows `prompt`, returns the line without
/// its newline, or std::nullopt at end of file; throws KeyboardInterruptError
/// for Ctrl-C. The default is ReadLine.
using LineSource = std::function<std::optional<std::string>(const std::string& prompt)>;

/// builtins.input(prompt), as code.py's raw_input calls it: shows `prompt`
/// and returns the line read, without its newline, or std::nullopt at end
/// of file (EOFError). Throws KeyboardInterruptError if input() raised
/// KeyboardInterrupt, PythonError if it raised anything else.
std::optional<std::string> ReadLine(const std::string& prompt);

/// code.InteractiveConsole of the linked Python: buffers lines until they
/// form a complete statement, prompts with sys.ps1 / sys.ps2 (read at every
/// prompt), and runs the read-eval-print loop. The loop, push, raw_input
/// and resetbuffer are code.py's own, so the stack below user code is a
/// stdlib console's, frame for frame; what code.py delegates (compiling,
/// showing errors, reading a line) is the core's.
class InteractiveConsole : public InteractiveInterpreter {
 public:
  /// `locals` as for InteractiveInterpreter.
  explicit InteractiveConsole(ConsoleOptions options = {}, PyRef locals = {});

  /// Appends `line` (no trailing newline) to the buffer and runs the buffer
  /// as source. Returns true if more input is needed; otherwise the buffer
  /// is reset. Throws SystemExitError if the code raised SystemExit (the
  /// buffer is then left as it was, as in code.py).
  bool Push(std::string_view line, std::optional<std::string_view> filename = std::nullopt,
            std::string_view symbol = "single");

  /// Empties the input buffer (code.py's resetbuffer).
  void ResetBuffer();
  /// The lines pushed since the last complete statement.
  std::vector<std::string> buffer() const;

  /// The prompt the console shows next: str(sys.ps2) if `more`, else
  /// str(sys.ps1).
  std::string Prompt(bool more) const;

  /// sys.ps2 if `more`, else sys.ps1, if it is a str; std::nullopt if it is
  /// not (calling str() on it could have effects).
  std::optional<std::string> PromptIfText(bool more) const;

  /// code.py's raw_input: shows `prompt` and reads a line through the line
  /// source (ReadLine unless SetRawInput gave another).
  std::optional<std::string> RawInput(const std::string& prompt);
  /// Replaces the line source: what code.py's raw_input reads where it
  /// calls input() and that reads the terminal: raw_input calls
  /// builtins.input (looked up at each call, as code.py does) unless it is
  /// Python's own input() and sys.stdin the stream it was when this was
  /// called, still open; then `source` gives the line. An empty source
  /// restores input() always.
  void SetRawInput(LineSource source);

  /// The read-eval-print loop of code.InteractiveConsole.interact: banner
  /// (std::nullopt: the default one; empty: none), prompts, KeyboardInterrupt
  /// handling, end at EOF, exit message (std::nullopt: the default one;
  /// empty: none). Throws SystemExitError unless local_exit is set.
  void Interact(const std::optional<std::string>& banner = std::nullopt,
                const std::optional<std::string>& exitmsg = std::nullopt);

  /// Interact(banner, exitmsg) as `python3 -c "import code;
  /// code.interact(banner=..., exitmsg=...)"` runs it, with this console as
  /// the one code.interact makes: from a module frame (`<module>` of
  /// "<string>", the call in the command's columns) through code.py's
  /// interact() (which imports readline). An exception out of it (the
  /// console itself failing: sys.stdin lost or closed, sys.ps1 deleted) is
  /// shown as Python shows an uncaught one (sys.excepthook), which ends it.
  /// A console with ConsoleOptions::python_repl runs as the `python3` REPL
  /// runs its loop (banner and exitmsg as Interact writes them).
  /// An asyncio console (ConsoleOptions::asyncio) runs as `python -m
  /// asyncio` runs its REPL, banner and exitmsg given to its interact():
  /// the console in a daemon thread, the event loop on this one until the
  /// console ends; from 3.13 on, "exiting asyncio REPL..." is then written
  /// and SystemExit raised (SystemExitError).
  void InteractAsCommand(const std::optional<std::string>& banner,
                         const std::optional<std::string>& exitmsg);

  /// The options the console was made with.
  const ConsoleOptions& options() const { return options_; }

 private:
  void InteractAsAsyncioRepl(const std::optional<std::string>& banner,
                             const std::optional<std::string>& exitmsg);
  void InteractAsPythonRepl(const std::optional<std::string>& banner,
                            const std::optional<std::string>& exitmsg);
  /// The REPL's push: true if more input is needed.
  bool PushToPythonRepl(PyObject* line);
  /// The REPL's compiling and running of `source`, a str (code.py's
  /// runsource, its runcode run from C).
  bool RunSourceAsPythonRepl(PyObject* source);
  /// The name the REPL gives the next input that parsed (3.13+:
  /// `FILENAME-N`; before: FILENAME).
  std::string NextPythonReplName();
  void RunInteract(const std::function<PyObject*()>& call,
                   const std::optional<std::string>& exitmsg);

  ConsoleOptions options_;
  int python_repl_inputs_ = 0;  ///< inputs the REPL loop named: the next N of `FILENAME-N`
};

/// code.interact(): a new InteractiveConsole on `local` (null: a new
/// namespace) with `local_exit`, reading through `readfunc` (as code.py's
/// raw_input's input(), see SetRawInput; empty: input(), with the readline
/// module imported if it can be, for line editing), runs
/// Interact(banner, exitmsg). Throws SystemExitError unless local_exit.
void Interact(const std::optional<std::string>& banner = std::nullopt, LineSource readfunc = {},
              PyRef local = {}, const std::optional<std::string>& exitmsg = std::nullopt,
              bool local_exit = false);

}  // namespace pycon
