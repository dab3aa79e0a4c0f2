#include "replay/console/session.h"

#include <errno.h>
#include <unistd.h>

#include <stdexcept>
#include <string_view>

#include "pycon/bridge.h"
#include "pycon/interactive_console.h"
#include "pycon/python_session.h"
#include "replay/console/repl_streams.h"
#include "replay/console/run_setup.h"

namespace replay {

namespace {

/// The inputs ran out: ends Interact() without the EOF newline.
struct EndOfInput {};

void FlushStream(const char* name) {
  pycon::PyRef stream = pycon::SysAttr(name);
  if (!stream || pycon::IsNone(stream)) return;
  try {
    pycon::CallMethod(stream, "flush");
  } catch (const pycon::PythonError&) {
    // A stream that cannot flush loses nothing the replay reads.
  }
}

void WriteStdout(const std::string& text) {
  pycon::PyRef out = pycon::SysAttr("stdout");
  if (!out) throw std::runtime_error("lost sys.stdout");
  pycon::CallMethod(out, "write", {pycon::MakeStr(text)}, "sys.stdout.write");
}

/// What reaches the terminal below sys.stdout: the echo of a typed line, and
/// the python3 REPL's prompts.
void WriteToTerminal(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(STDOUT_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // as a terminal that lost its screen: nothing shows
    text.remove_prefix(static_cast<size_t>(n));
  }
}

/// The session starts as `python3 -c` starts it: the current directory
/// first on sys.path (`python3 -m` puts its full name there).
void StartAsCommand(bool module) {
  pycon::PyRef path = pycon::SysAttr("path");
  if (!path || !pycon::IsList(path)) return;
  pycon::PyRef first =
      module ? pycon::Call(pycon::GetAttr(pycon::Import("os"), "getcwd")) : pycon::MakeStr("");
  pycon::CallMethod(path, "insert", {pycon::MakeInt(0), first}, "sys.path.insert");
}

/// The `-c` source of the reference command (docs/transcript-format.md).
constexpr char kReferenceSource[] = "import code; code.interact(banner='', exitmsg='')";

/// What the console `reference`'s command leaves: `python3 -u -c SOURCE`
/// gives its session sys.argv ['-c'], sys.orig_argv (3.10+) the command (the
/// embedded Python's executable as the program), and a __main__ holding the
/// `code` module SOURCE imported; `python3 -q` (the REPL) gives [''] and
/// [executable, '-q'] (and sys.flags.quiet 1) and, without -u, buffered
/// streams (repl_streams.py); `python3 -m asyncio` gives
/// [asyncio/__main__.py's path] and [executable, '-m', 'asyncio'].
void StartAs(ConsoleReference reference) {
  if (reference == ConsoleReference::kAsyncio) {
    pycon::PyRef sys = pycon::GetAttr(pycon::Import("sys"), "__dict__");
    std::string main = pycon::Str(pycon::GetAttr(pycon::Import("asyncio.__main__"), "__file__"));
    pycon::SetItem(sys, "argv", pycon::MakeStrList({main}));
    if (pycon::SysAttr("orig_argv")) {
      std::string python = pycon::Str(pycon::SysAttr("executable"));
      pycon::SetItem(sys, "orig_argv", pycon::MakeStrList({python, "-m", "asyncio"}));
    }
    return;
  }
  bool interact = reference == ConsoleReference::kInteract;
  pycon::PyRef sys = pycon::GetAttr(pycon::Import("sys"), "__dict__");
  pycon::SetItem(sys, "argv", pycon::MakeStrList({interact ? "-c" : ""}));
  if (pycon::SysAttr("orig_argv")) {
    std::string python = pycon::Str(pycon::SysAttr("executable"));
    pycon::SetItem(sys, "orig_argv",
                   interact ? pycon::MakeStrList({python, "-u", "-c", kReferenceSource})
                            : pycon::MakeStrList({python, "-q"}));
  }
  if (!interact) {
    pycon::SetSysFlag("quiet", pycon::MakeInt(1));  // python3 -q
    pycon::Exec(kReplStreamsSource, "replay/console/repl_streams.py", pycon::NewNamespace(),
                "making the REPL's standard streams");
    return;
  }
  pycon::SetItem(pycon::GetAttr(pycon::Import("__main__"), "__dict__"), "code",
                 pycon::Import("code"));
  // 3.13 keeps the `-c` source as "<string>" for tracebacks: code run by
  // exec, eval or compile under that default name shows its line there.
  std::string version = pycon::PythonVersion();
  if (std::stoi(version.substr(version.find('.') + 1)) >= 13) {
    pycon::Exec(std::string("import linecache\nsource = \"") + kReferenceSource +
                    "\"\nlinecache.cache['<string>'] = (len(source), None, [source + "
                    "'\\n'], '<string>')\n",
                "<replay>", pycon::NewNamespace(), "keeping the -c source");
  }
}

/// The session's output as the replay consumes it, with the offset of each
/// piece in the whole.
class SessionOutput {
 public:
  explicit SessionOutput(const SessionHooks& hooks) : hooks_(hooks) {}
  /// What reached the terminal since the last call; with `flush`, the
  /// Python streams flushed first (at the end of the session, as Python's
  /// exit flushes them; input() flushes only what the reference does).
  std::string Take(bool flush = false) {
    if (flush) {
      FlushStream("stdout");
      FlushStream("stderr");
    }
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
                   const SessionHooks& hooks, SessionOutput& output, ConsoleResult& result,
                   ConsoleReference reference)
      : console_(console),
        inputs_(inputs),
        hooks_(hooks),
        output_(output),
        result_(result),
        repl_(reference == ConsoleReference::kPython) {}

  std::optional<std::string> operator()(const std::string& prompt) {
    // What input() does, call for call: sys.stderr flushed, the prompt
    // written to the current sys.stdout, sys.stdout flushed (a replaced
    // stream sees exactly these calls). The python3 REPL's line reader
    // flushes nothing: its loop flushes after each statement (the core's).
    if (!repl_) FlushStream("stderr");
    std::string written = output_.Take();
    size_t offset = output_.OffsetOf(written);
    // Until the input is found, what runs is the showing of its prompt.
    if (hooks_.on_line) hooks_.on_line(inputs_.LineHere());
    if (repl_) {
      // The REPL's line reader writes the prompt to the terminal itself
      // (readline's C stdout, or C stderr without readline), whatever
      // sys.stdout is.
      WriteToTerminal(prompt);
    } else {
      WriteStdout(prompt);
      FlushStream("stdout");
    }
    // What reached the terminal of the prompt is the prompt to look for.
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
    WriteToTerminal(input->line + "\n");
    output_.Take();  // the echo is no output to match
    return input->line;
  }

 private:
  pycon::InteractiveConsole& console_;
  InputSource& inputs_;
  const SessionHooks& hooks_;
  SessionOutput& output_;
  ConsoleResult& result_;
  bool repl_;  ///< prompts and flushes as the python3 REPL's own loop
  int statement_line_ = 0;
};

/// Runs `setup` in `namespace_dict` with sys.stdout and sys.stderr
/// discarded; its exception, if it raises, as a pycon::PythonError.
void RunSetup(const SetupFile& setup, const pycon::PyRef& namespace_dict) {
  pycon::PyRef globals = pycon::NewNamespace();
  pycon::SetItem(globals, "source", pycon::MakeStr(setup.source));
  pycon::SetItem(globals, "path", pycon::MakeStr(setup.path));
  pycon::SetItem(globals, "namespace", namespace_dict);
  pycon::Exec(kRunSetupSource, "replay/console/run_setup.py", globals,
              "running the setup file " + setup.path);
}

}  // namespace

ConsoleResult ReplayConsole(pycon::InteractiveConsole& console, InputSource& inputs,
                            const SessionHooks& hooks, ConsoleReference reference) {
  ConsoleResult result;
  StartAsCommand(console.options().asyncio);
  SessionOutput output(hooks);
  console.SetRawInput(ReplayLineSource(console, inputs, hooks, output, result, reference));
  try {
    console.InteractAsCommand(std::string(), std::string());
  } catch (const EndOfInput&) {
  } catch (const pycon::SystemExitError& exit) {
    std::string message = exit.ExitMessage();
    if (!message.empty()) console.Write(message);
  }
  console.SetRawInput(nullptr);
  std::string rest = output.Take(/*flush=*/true);
  inputs.Finish(rest, output.OffsetOf(rest));
  result.substitutions = std::move(inputs.substitutions);
  return result;
}

pycon::InteractiveConsole MakeConsole(ConsoleReference reference) {
  if (reference == ConsoleReference::kInteract) return pycon::InteractiveConsole();
  if (reference == ConsoleReference::kAsyncio) {
    pycon::ConsoleOptions options;
    options.asyncio = true;
    return pycon::InteractiveConsole(options);
  }
  // What python3 without a script runs in: the __main__ module, and input
  // read from <stdin>.
  pycon::ConsoleOptions options;
  options.filename = "<stdin>";
  options.python_repl = true;  // its loop: no frame below the user's code
  return pycon::InteractiveConsole(options, pycon::MainNamespace());
}

Session ConsoleTranscriptSession(std::string name, std::string text, SetupFile setup,
                                 const Placeholders& placeholders, ConsoleReference reference) {
  return Session{std::move(name), [text = std::move(text), setup = std::move(setup), placeholders,
                                   reference](const SessionHooks& hooks) {
                   StartAs(reference);
                   pycon::InteractiveConsole console = MakeConsole(reference);
                   if (!setup.path.empty()) RunSetup(setup, console.locals());
                   TranscriptInputs inputs(text, placeholders);
                   return ReplayConsole(console, inputs, hooks, reference).ToJson();
                 }};
}

Session InputLinesSession(std::string name, std::string text) {
  return Session{std::move(name), [text = std::move(text)](const SessionHooks& hooks) {
                   StartAs(ConsoleReference::kInteract);
                   pycon::InteractiveConsole console;
                   PlainInputs inputs(text);
                   return ReplayConsole(console, inputs, hooks).ToJson();
                 }};
}

}  // namespace replay
