// InteractiveConsole against code.InteractiveConsole of the linked Python:
// the same lines go through both, in the same embedded interpreter, and the
// captured output, prompts, push results and outcome must be the same.
// Cases are ported from CPython's Lib/test/test_code_module.py (3.11, 3.13).
#include "pycon/interactive_console.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pycon/python_error.h"
#include "pycon/temporary_attribute.h"
#include "python_test_support.h"

namespace {

using pycon::Check;
using pycon::MakeStr;
using pycon::PyRef;
using pycon::Str;
using pycon_test::DescribeLast;
using pycon_test::Eval;
using pycon_test::ExitOutcome;
using pycon_test::ForgetLast;
using pycon_test::Outcome;
using pycon_test::OutputCapture;
using pycon_test::Repr;
using pycon_test::Strings;
using pycon_test::SysState;
using pycon_test::TypeName;

/// Python side of the comparison: drives the stdlib console.
constexpr const char* kStdlibConsoleSource = R"(
import builtins, code, inspect, io, sys, traceback

def make_input(lines, prompts, at_end=EOFError):
    """A raw_input/input replacement: records the prompt, returns the next
    line; None stands for Ctrl-C; after the last line raises at_end."""
    feed = iter(lines)
    def read(prompt=''):
        prompts.append(str(prompt))
        try:
            line = next(feed)
        except StopIteration:
            raise at_end from None
        if line is None:
            raise KeyboardInterrupt
        return line
    return read

def outcome(exc):
    if exc is None:
        return 'returned'
    if isinstance(exc, SystemExit):
        return 'SystemExit(%r)' % (exc.code,)
    return type(exc).__name__

def stdlib_has_local_exit():
    return 'local_exit' in inspect.signature(code.InteractiveConsole).parameters

def stdlib_interact(lines, prompts, banner, exitmsg, filename, local_exit):
    kwargs = {'local_exit': True} if local_exit else {}
    console = code.InteractiveConsole(filename=filename, **kwargs)
    if lines is not None:
        console.raw_input = make_input(lines, prompts)
    try:
        console.interact(banner, exitmsg)
    except BaseException as e:
        return outcome(e)
    return 'returned'

def stdlib_push(items, filename, locals):
    """Pushes each str; None resets the buffer. Returns the push results and
    the buffer after each item."""
    console = code.InteractiveConsole(locals, filename=filename)
    results, buffers = [], []
    for item in items:
        if item is None:
            console.resetbuffer()
            results.append('reset')
        else:
            try:
                results.append(repr(bool(console.push(item))))
            except BaseException as e:
                results.append(outcome(e))
        buffers.append(list(console.buffer))
    return results, buffers

def describe_prompt(name):
    return repr(getattr(sys, name)) if hasattr(sys, name) else 'unset'
)";

const pycon_test::Oracle kOracle(kStdlibConsoleSource, "stdlib console oracle");

PyRef Optional(const std::optional<std::string>& text) {
  return text ? MakeStr(*text) : PyRef::Borrow(Py_None);
}

/// One line of input; std::nullopt stands for Ctrl-C at that prompt.
using Line = std::optional<std::string>;
const Line kCtrlC = std::nullopt;

PyRef PyLines(const std::vector<Line>& lines) {
  PyRef list = Check(PyList_New(0), "list");
  for (const Line& line : lines) PyList_Append(list.get(), Optional(line).get());
  return list;
}

/// What one interact() run showed and left behind.
struct Session {
  std::string out;  ///< stdout and stderr, unless split
  std::string err;  ///< stderr if split
  std::vector<std::string> prompts;
  std::string outcome;  ///< "returned", "SystemExit(<repr code>)" or an exception type
  std::string last;     ///< sys.last_* described by describe_last()
  std::string ps1_after;
  std::string ps2_after;
};

struct Run {
  std::optional<std::string> banner = "";
  std::optional<std::string> exitmsg = std::nullopt;
  pycon::ConsoleOptions options;
  bool split = false;
  /// Read through builtins.input (the default line source) instead of a
  /// LineSource.
  bool builtin_input = false;
};

/// A run that shows neither banner nor exit message.
Run Silent() {
  Run run;
  run.exitmsg = std::string();
  return run;
}

void Finish(Session& session) {
  session.last = DescribeLast();
  session.ps1_after = Str(kOracle.Call("describe_prompt", Py_BuildValue("(s)", "ps1")).get());
  session.ps2_after = Str(kOracle.Call("describe_prompt", Py_BuildValue("(s)", "ps2")).get());
}

/// Replaces builtins.input with a feed of `lines` while it lives.
class BuiltinInput {
 public:
  BuiltinInput(const std::vector<Line>& lines, PyObject* at_end = PyExc_EOFError) {
    prompts_ = Check(PyList_New(0), "list");
    PyRef feed = kOracle.Call(
        "make_input", Py_BuildValue("(NOO)", PyLines(lines).release(), prompts_.get(), at_end));
    builtins_ = Check(PyImport_ImportModule("builtins"), "builtins");
    saved_ = Check(PyObject_GetAttrString(builtins_.get(), "input"), "input");
    PyObject_SetAttrString(builtins_.get(), "input", feed.get());
  }
  ~BuiltinInput() { PyObject_SetAttrString(builtins_.get(), "input", saved_.get()); }
  std::vector<std::string> Prompts() const { return Strings(prompts_.get()); }

 private:
  PyRef prompts_;
  PyRef builtins_;
  PyRef saved_;
};

/// Runs `lines` through our console's Interact (in a console made by the
/// caller, so a test may use it again).
Session OurInteract(pycon::InteractiveConsole& console, const std::vector<Line>& lines,
                    const Run& run = {}) {
  SysState restore;
  ForgetLast();
  Session session;
  size_t next = 0;
  console.SetRawInput([&](const std::string& prompt) -> std::optional<std::string> {
    session.prompts.push_back(prompt);
    if (next == lines.size()) return std::nullopt;
    const Line& line = lines[next++];
    if (!line) throw pycon::KeyboardInterruptError();
    return *line;
  });
  std::optional<BuiltinInput> input;
  if (run.builtin_input) {
    console.SetRawInput(nullptr);
    input.emplace(lines);
  }
  {
    OutputCapture capture(run.split);
    try {
      console.Interact(run.banner, run.exitmsg);
      session.outcome = "returned";
    } catch (const pycon::SystemExitError& exit) {
      session.outcome = ExitOutcome(exit);
    } catch (const pycon::PythonError& error) {
      session.outcome = TypeName(error.type().get());
    } catch (const pycon::KeyboardInterruptError&) {
      session.outcome = "KeyboardInterrupt";
    } catch (const std::exception& error) {
      session.outcome = std::string("C++ exception: ") + error.what();
    }
    session.out = capture.Out();
    session.err = capture.Err();
  }
  if (input) session.prompts = input->Prompts();
  Finish(session);
  return session;
}

Session OurInteract(const std::vector<Line>& lines, const Run& run = {}) {
  pycon::InteractiveConsole console(run.options);
  return OurInteract(console, lines, run);
}

/// Runs `lines` through code.InteractiveConsole().interact().
Session StdlibInteract(const std::vector<Line>& lines, const Run& run = {}) {
  SysState restore;
  ForgetLast();
  Session session;
  PyRef prompts = Check(PyList_New(0), "list");
  std::optional<BuiltinInput> input;
  if (run.builtin_input) input.emplace(lines);
  {
    OutputCapture capture(run.split);
    PyRef outcome = kOracle.Call(
        "stdlib_interact",
        Py_BuildValue(
            "(NONNNO)",
            run.builtin_input ? PyRef::Borrow(Py_None).release() : PyLines(lines).release(),
            prompts.get(), Optional(run.banner).release(), Optional(run.exitmsg).release(),
            MakeStr(run.options.filename).release(), run.options.local_exit ? Py_True : Py_False));
    session.outcome = Str(outcome.get());
    session.out = capture.Out();
    session.err = capture.Err();
  }
  session.prompts = input ? input->Prompts() : Strings(prompts.get());
  Finish(session);
  return session;
}

void CheckSame(const Session& ours, const Session& stdlib) {
  CHECK(ours.out == stdlib.out);
  CHECK(ours.err == stdlib.err);
  CHECK(ours.prompts == stdlib.prompts);
  CHECK(ours.outcome == stdlib.outcome);
  CHECK(ours.last == stdlib.last);
  CHECK(ours.ps1_after == stdlib.ps1_after);
  CHECK(ours.ps2_after == stdlib.ps2_after);
}

/// Runs the same lines through both consoles and compares everything.
/// Returns the stdlib's session, for a test to check that the stdlib did
/// what the test is about (so that the comparison does not hold vacuously).
Session CheckSameInteract(const std::vector<Line>& lines, const Run& run = {}) {
  Session ours = OurInteract(lines, run);
  Session stdlib = StdlibInteract(lines, run);
  CheckSame(ours, stdlib);
  return stdlib;
}

/// Push results ("True"/"False"/"SystemExit(...)"/"reset") and the buffer
/// after each item, with the output of the whole run.
struct Pushes {
  std::vector<std::string> results;
  std::vector<std::vector<std::string>> buffers;
  std::string out;
  std::string last;
};

/// Pushes each line into our console (under `filename` if given);
/// std::nullopt resets the buffer.
Pushes OurPushes(pycon::InteractiveConsole& console, const std::vector<Line>& items,
                 std::optional<std::string> filename = std::nullopt) {
  SysState restore;
  ForgetLast();
  Pushes pushes;
  {
    OutputCapture capture;
    for (const Line& item : items) {
      if (!item) {
        console.ResetBuffer();
        pushes.results.push_back("reset");
      } else {
        pushes.results.push_back(Outcome(
            [&] { return filename ? console.Push(*item, *filename) : console.Push(*item); }));
      }
      pushes.buffers.push_back(console.buffer());
    }
    pushes.out = capture.Out();
  }
  pushes.last = DescribeLast();
  return pushes;
}

Pushes StdlibPushes(const std::vector<Line>& items, const std::string& filename = "<console>",
                    PyRef locals = PyRef::Borrow(Py_None)) {
  SysState restore;
  ForgetLast();
  Pushes pushes;
  {
    OutputCapture capture;
    PyRef result =
        kOracle.Call("stdlib_push", Py_BuildValue("(NNO)", PyLines(items).release(),
                                                  MakeStr(filename).release(), locals.get()));
    pushes.results = Strings(PyTuple_GET_ITEM(result.get(), 0));
    PyObject* buffers = PyTuple_GET_ITEM(result.get(), 1);
    for (Py_ssize_t i = 0; i < PyList_Size(buffers); ++i) {
      pushes.buffers.push_back(Strings(PyList_GET_ITEM(buffers, i)));
    }
    pushes.out = capture.Out();
  }
  pushes.last = DescribeLast();
  return pushes;
}

void CheckSame(const Pushes& ours, const Pushes& stdlib) {
  CHECK(ours.results == stdlib.results);
  CHECK(ours.buffers == stdlib.buffers);
  CHECK(ours.out == stdlib.out);
  CHECK(ours.last == stdlib.last);
}

/// Pushes the same lines into both consoles and compares; returns the
/// stdlib's pushes (see CheckSameInteract).
Pushes CheckSamePushes(const std::vector<Line>& items) {
  pycon::InteractiveConsole console;
  Pushes ours = OurPushes(console, items);
  Pushes stdlib = StdlibPushes(items);
  CheckSame(ours, stdlib);
  return stdlib;
}

/// How many times `part` occurs in `text`.
size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

bool StdlibHasLocalExit() {
  return PyObject_IsTrue(kOracle.Call("stdlib_has_local_exit").get()) == 1;
}

}  // namespace

// --- prompts (test_ps1, test_ps2) -----------------------------------------

TEST_CASE("Interact sets sys.ps1 and sys.ps2 when they are missing", "[console][prompt]") {
  SysState restore;
  PySys_SetObject("ps1", nullptr);
  PySys_SetObject("ps2", nullptr);
  PyErr_Clear();
  Session stdlib = CheckSameInteract({});
  CHECK(stdlib.ps1_after == "'>>> '");
  CHECK(stdlib.ps2_after == "'... '");
  CHECK(stdlib.prompts == std::vector<std::string>{">>> "});
}

TEST_CASE("Interact keeps and uses custom sys.ps1 and sys.ps2", "[console][prompt]") {
  SysState restore;
  PySys_SetObject("ps1", MakeStr("custom1> ").get());
  PySys_SetObject("ps2", MakeStr("custom2> ").get());
  Session stdlib = CheckSameInteract({"if 1:", "  x = 1", "", "x"});
  CHECK(stdlib.prompts ==
        std::vector<std::string>{"custom1> ", "custom2> ", "custom2> ", "custom1> ", "custom1> "});
  CHECK(stdlib.ps1_after == "'custom1> '");
}

TEST_CASE("Interact reads the prompts afresh at every prompt", "[console][prompt]") {
  SysState restore;
  Session stdlib = CheckSameInteract(
      {"import sys", "sys.ps1 = 'new> '", "sys.ps2 = 'more> '", "if 1:", " pass", ""});
  CHECK(stdlib.prompts ==
        std::vector<std::string>{">>> ", ">>> ", "new> ", "new> ", "more> ", "more> ", "new> "});
}

TEST_CASE("A prompt that is not a str is shown as str() of it", "[console][prompt]") {
  SysState restore;
  PySys_SetObject("ps1", PyRef::Steal(PyLong_FromLong(42)).get());
  Session stdlib = CheckSameInteract({"1"});
  CHECK(stdlib.prompts.front() == "42");
}

TEST_CASE("Code that deletes sys.ps1 ends Interact as in the stdlib", "[console][prompt]") {
  SysState restore;
  Session stdlib = CheckSameInteract({"import sys", "del sys.ps1"});
  CHECK(stdlib.outcome == "AttributeError");
}

TEST_CASE("Prompt and PromptIfText read sys.ps1 and sys.ps2", "[console][prompt]") {
  SysState restore;
  pycon::InteractiveConsole console;
  PySys_SetObject("ps1", MakeStr("A> ").get());
  PySys_SetObject("ps2", kOracle.Eval("3.5").get());
  CHECK(console.Prompt(false) == "A> ");
  CHECK(console.Prompt(true) == Str(kOracle.Eval("str(3.5)").get()));
  CHECK(console.PromptIfText(false) == std::optional<std::string>("A> "));
  CHECK_FALSE(console.PromptIfText(true).has_value());
}

// --- where output goes (test_console_stderr, test_syntax_error) ----------

TEST_CASE("Results go to sys.stdout and errors to sys.stderr", "[console][output]") {
  Run run;
  run.split = true;
  Session stdlib = CheckSameInteract({"'antioch'", "", "undefined"}, run);
  CHECK(stdlib.out.find("'antioch'") != std::string::npos);
  CHECK(stdlib.err.find("NameError") != std::string::npos);
}

TEST_CASE("A syntax error is shown without a traceback", "[console][errors]") {
  Session stdlib = CheckSameInteract({"def f():", "    x = ?", ""});
  CHECK(stdlib.out.find("SyntaxError: ") != std::string::npos);
  CHECK(stdlib.out.find("Traceback") == std::string::npos);
}

TEST_CASE("An indentation error is shown", "[console][errors]") {
  Session stdlib = CheckSameInteract({"  1"});
  CHECK(stdlib.out.find("IndentationError: unexpected indent") != std::string::npos);
}

TEST_CASE("Source that cannot be encoded is shown as the encoding error", "[console][errors]") {
  // Bytes of a UTF-16 surrogate arrive as lone surrogates (surrogateescape).
  Session stdlib = CheckSameInteract({"'\xed\xa0\x80'"});
  CHECK(stdlib.out.find("UnicodeEncodeError: ") != std::string::npos);
}

TEST_CASE("A line with a NUL character is handled as the stdlib handles it", "[console][errors]") {
  Session stdlib = CheckSameInteract({std::string("1\0", 2), "2"});
#if PY_VERSION_HEX < 0x030D0000
  CHECK(stdlib.out.find("null") != std::string::npos);
#else
  // 3.13's code.py compares len(lines) >= value.lineno with a lineno of
  // None: its console fails with TypeError, and so does ours.
  CHECK(stdlib.outcome.find("TypeError") != std::string::npos);
#endif
}

TEST_CASE("Compiler warnings are shown as the stdlib shows them", "[console][errors]") {
  const std::vector<Line> lines = {"1 is 1", "'\\d'", "1 is 1"};
  SECTION("under the default warnings filters") {
    Session stdlib = CheckSameInteract(lines);
    // Each "1 is 1" warns; the escape is a SyntaxWarning from 3.12 on, a
    // DeprecationWarning (not shown by default) before.
    CHECK(Count(stdlib.out, "<console>:1: SyntaxWarning: \"is\" with") == 2);
    CHECK(Count(stdlib.out, "invalid escape sequence") == (PY_VERSION_HEX >= 0x030C0000 ? 1 : 0));
  }
  SECTION("with every warning shown") {
    kOracle.Exec(
        "import warnings\nshow_all = warnings.catch_warnings()\nshow_all.__enter__()\n"
        "warnings.simplefilter('always')");
    Session stdlib = CheckSameInteract(lines);
    kOracle.Exec("show_all.__exit__(None, None, None)");
    CHECK(Count(stdlib.out, "<console>:1: SyntaxWarning: \"is\" with") == 2);
    CHECK(Count(stdlib.out, "invalid escape sequence") == 1);
  }
}

TEST_CASE("Runtime errors show a traceback naming <console>", "[console][errors]") {
  Session stdlib = CheckSameInteract({"def f():", "    raise ValueError('BOOM!')", "", "f()"});
  CHECK(stdlib.out.find("File \"<console>\", line 2, in f") != std::string::npos);
}

TEST_CASE("An explicit cause is shown (test_cause_tb)", "[console][errors]") {
  Session stdlib = CheckSameInteract({"raise ValueError('') from AttributeError"});
  CHECK(stdlib.out.find("AttributeError\n\nThe above exception was the direct cause of the "
                        "following exception:\n\nTraceback (most recent call last):\n  File "
                        "\"<console>\", line 1, in <module>\nValueError\n") != std::string::npos);
}

TEST_CASE("An implicit context is shown (test_context_tb)", "[console][errors]") {
  Session stdlib = CheckSameInteract({"try: ham\nexcept: eggs\n"});
  CHECK(stdlib.out.find("NameError: name 'ham' is not defined\n\nDuring handling of the above "
                        "exception, another exception occurred:\n\nTraceback (most recent call "
                        "last):\n  File \"<console>\", line 2, in <module>\nNameError: name 'eggs' "
                        "is not defined\n") != std::string::npos);
}

TEST_CASE("The console's filename appears in tracebacks", "[console][errors]") {
  Run run;
  run.options.filename = "<stdin>";
  Session stdlib = CheckSameInteract({"1/0", "a b"}, run);
  CHECK(stdlib.out.find("File \"<stdin>\", line 1") != std::string::npos);
}

TEST_CASE("sys.last_* describe the last error as the stdlib's do", "[console][errors]") {
  SECTION("runtime error") {
    Session stdlib = CheckSameInteract({"1/0"});
    CHECK(stdlib.last.find("last_type=ZeroDivisionError") == 0);
  }
  SECTION("syntax error") {
    Session stdlib = CheckSameInteract({"x = ?"});
    CHECK(stdlib.last.find("last_type=SyntaxError") == 0);
  }
  SECTION("an error, then a success: still the error") {
    Session stdlib = CheckSameInteract({"[][0]", "1"});
    CHECK(stdlib.last.find("last_type=IndexError") == 0);
  }
}

TEST_CASE("traceback.print_last() shows what the stdlib console leaves", "[console][errors]") {
  // print_last() shows something more than the error itself (what it shows
  // depends on the version: 3.12 and 3.13.0 show "NoneType: None").
  SECTION("runtime error") {
    Session alone = StdlibInteract({"1/0"});
    Session stdlib = CheckSameInteract({"1/0", "import traceback; traceback.print_last()"});
    CHECK(stdlib.out.size() > alone.out.size());
    CHECK(stdlib.last.find("last_type=ZeroDivisionError") == 0);
  }
  SECTION("syntax error") {
    Session alone = StdlibInteract({"x = ?"});
    Session stdlib = CheckSameInteract({"x = ?", "import traceback; traceback.print_last()"});
    CHECK(stdlib.out.size() > alone.out.size());
    CHECK(stdlib.last.find("last_type=SyntaxError") == 0);
  }
}

// --- hooks (test_sysexcepthook and friends) --------------------------------

TEST_CASE("A user sys.excepthook takes precedence", "[console][hooks]") {
  SysState restore;
  kOracle.Exec(
      "import sys\nsys.excepthook = lambda t, v, tb: sys.stderr.write("
      "'hook: %s: %s\\n' % (t.__name__, v))");
  Session stdlib = CheckSameInteract(
      {"def f():", "    raise ValueError('BOOM!')", "", "f()", "def g():", "    x = ?", "", "  1"});
  CHECK(stdlib.out.find("hook: ValueError: BOOM!\n") != std::string::npos);
  CHECK(stdlib.out.find("Traceback") == std::string::npos);
}

TEST_CASE("A user sys.excepthook gets the stdlib's traceback", "[console][hooks]") {
  SysState restore;
  kOracle.Exec(
      "import sys, traceback\nsys.excepthook = lambda t, v, tb: sys.stderr.write("
      "''.join(traceback.format_exception(t, v, tb)))");
  SECTION("runtime error") {
    Session stdlib = CheckSameInteract({"def f():", "    raise ValueError('BOOM!')", "", "f()"});
    CHECK(stdlib.out.find("Traceback (most recent call last):\n") != std::string::npos);
    CHECK(stdlib.out.find("File \"<console>\", line 2, in f\n") != std::string::npos);
#if PY_VERSION_HEX < 0x030D0000
    // Up to 3.12 the hook's traceback starts in code.py's runcode.
    CHECK(stdlib.out.find("code.py\", line ") != std::string::npos);
    CHECK(stdlib.out.find(", in runcode\n") != std::string::npos);
#endif
  }
  SECTION("syntax error") {
    Session stdlib = CheckSameInteract({"def f():", "    x = ?", ""});
    CHECK(stdlib.out.find("File \"<console>\", line 2") != std::string::npos);
    CHECK(stdlib.out.find("SyntaxError: ") != std::string::npos);
  }
}

TEST_CASE("A sys.excepthook that is not callable", "[console][hooks]") {
  SysState restore;
  kOracle.Exec("import sys\nsys.excepthook = 1");
  Session stdlib = CheckSameInteract({"1/0", "a = 123", "print(a)"});
#if PY_VERSION_HEX >= 0x030D0000
  // The hook's failure is shown, then the original exception; the session
  // goes on.
  CHECK(stdlib.out.find("Error in sys.excepthook:") == 0);
  CHECK(stdlib.out.find("ZeroDivisionError") != std::string::npos);
  CHECK(stdlib.out.find("123\n") != std::string::npos);
#else
  // The hook's failure ends the session.
  CHECK(stdlib.outcome == "TypeError");
  CHECK(stdlib.prompts.size() == 1);
#endif
}

TEST_CASE("A sys.excepthook raising SystemExit ends the session", "[console][hooks]") {
  SysState restore;
  kOracle.Exec(
      "import sys\ndef _raise_exit(*args):\n    raise SystemExit\nsys.excepthook = _raise_exit");
  Session stdlib = CheckSameInteract({"1/0", "print('not reached')"});
  CHECK(stdlib.outcome == "SystemExit(None)");
}

TEST_CASE("A user sys.displayhook takes precedence", "[console][hooks]") {
  SysState restore;
  kOracle.Exec("import sys\nsys.displayhook = lambda v: sys.stdout.write('<%r>\\n' % (v,))");
  Session stdlib = CheckSameInteract({"42", "None", "'x'"});
  CHECK(stdlib.out.find("<42>\n<None>\n<'x'>\n") != std::string::npos);
}

// --- banner and exit message (test_banner, test_exit_msg) ----------------

TEST_CASE("Banner: default, custom, none", "[console][banner]") {
  Run run;
  SECTION("default") {
    run.banner = std::nullopt;
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out.find("(InteractiveConsole)\n") != std::string::npos);
  }
  SECTION("custom") {
    run.banner = "Foo";
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out.rfind("Foo\n", 0) == 0);
  }
  SECTION("none") {
    run.banner = "";
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out == "\nnow exiting InteractiveConsole...\n");
  }
}

TEST_CASE("Exit message: default, none, custom", "[console][banner]") {
  Run run;
  SECTION("default") {
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out == "\nnow exiting InteractiveConsole...\n");
  }
  SECTION("none") {
    run.exitmsg = "";
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out == "\n");
  }
  SECTION("custom, not ASCII") {
    run.exitmsg = "bye! \xce\xb6\xd0\xb6";  // GREEK SMALL LETTER ZETA, CYRILLIC SMALL LETTER ZHE
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out == "\nbye! \xce\xb6\xd0\xb6\n");
  }
}

// --- end of input, Ctrl-C, exit -------------------------------------------

TEST_CASE("End of input writes a newline and ends Interact", "[console][eof]") {
  Run run = Silent();
  SECTION("at the first prompt") {
    Session stdlib = CheckSameInteract({}, run);
    CHECK(stdlib.out == "\n");
    CHECK(stdlib.outcome == "returned");
  }
  SECTION("in the middle of a statement") {
    Session stdlib = CheckSameInteract({"if 1:", "  print('never run')"}, run);
    CHECK(stdlib.out == "\n");
  }
}

TEST_CASE("Ctrl-C from a line source resets the buffer", "[console][interrupt]") {
  SECTION("at the first prompt") {
    Session stdlib = CheckSameInteract({kCtrlC, "1"});
    CHECK(stdlib.out.find("\nKeyboardInterrupt\n1\n") != std::string::npos);
  }
  SECTION("in the middle of a statement") {
    Session stdlib = CheckSameInteract({"if 1:", kCtrlC, "2"});
    CHECK(stdlib.prompts == std::vector<std::string>{">>> ", "... ", ">>> ", ">>> "});
  }
}

TEST_CASE("KeyboardInterrupt raised by user code is a traceback", "[console][interrupt]") {
  Session stdlib = CheckSameInteract({"raise KeyboardInterrupt", "3"});
  CHECK(stdlib.out.find("KeyboardInterrupt\n3\n") != std::string::npos);
}

TEST_CASE("The default line source is builtins.input", "[console][input]") {
  Run run;
  run.builtin_input = true;
  SECTION("lines and end of input") {
    Session stdlib = CheckSameInteract({"x = 6", "if x:", "  x * 7", ""}, run);
    CHECK(stdlib.out.find("42\n") != std::string::npos);
  }
  SECTION("KeyboardInterrupt from input()") {
    Session stdlib = CheckSameInteract({"if 1:", kCtrlC, "5"}, run);
    CHECK(stdlib.out.find("\nKeyboardInterrupt\n5\n") != std::string::npos);
  }
}

TEST_CASE("Another exception from input() ends Interact", "[console][input]") {
  Session stdlib;
  {
    SysState restore;
    BuiltinInput input({"1"}, PyExc_RuntimeError);
    OutputCapture capture;
    PyRef outcome = kOracle.Call("stdlib_interact", Py_BuildValue("(OOsssO)", Py_None, Py_None, "",
                                                                  "", "<console>", Py_False));
    stdlib.outcome = Str(outcome.get());
    stdlib.out = capture.Out();
  }
  Session ours;
  {
    SysState restore;
    BuiltinInput input({"1"}, PyExc_RuntimeError);
    OutputCapture capture;
    pycon::InteractiveConsole console;
    try {
      console.Interact("", "");
      ours.outcome = "returned";
    } catch (const pycon::PythonError& error) {
      ours.outcome = TypeName(error.type().get());
    }
    ours.out = capture.Out();
  }
  CHECK(stdlib.outcome == "RuntimeError");
  CHECK(ours.outcome == stdlib.outcome);
  CHECK(ours.out == stdlib.out);
}

TEST_CASE("SystemExit ends Interact with SystemExitError", "[console][exit]") {
  SECTION("with a message") {
    Session stdlib = CheckSameInteract({"x = 1", "raise SystemExit('bye')", "x"});
    CHECK(stdlib.outcome == "SystemExit('bye')");
  }
  SECTION("inside a block") {
    Session stdlib = CheckSameInteract({"if 1:", "  raise SystemExit(3)", ""});
    CHECK(stdlib.outcome == "SystemExit(3)");
  }
  SECTION("sys.exit()") {
    Session stdlib = CheckSameInteract({"import sys", "sys.exit()"});
    CHECK(stdlib.outcome == "SystemExit(None)");
  }
}

TEST_CASE("local_exit: exit() ends Interact, not its caller", "[console][exit]") {
  SysState restore;
  // site's exit() closes sys.stdin; keep the real one out of reach.
  PyRef io = Check(PyImport_ImportModule("io"), "io");
  PySys_SetObject("stdin", Check(PyObject_CallMethod(io.get(), "StringIO", nullptr), "").get());
  PyRef builtins = Check(PyImport_ImportModule("builtins"), "builtins");
  PyRef exit_before = Check(PyObject_GetAttrString(builtins.get(), "exit"), "exit");
  PyRef quit_before = Check(PyObject_GetAttrString(builtins.get(), "quit"), "quit");

  Run run;
  run.options.local_exit = true;
  for (const char* line : {"exit()", "quit()", "exit(3)", "raise SystemExit('x')"}) {
    INFO(line);
    pycon::InteractiveConsole console(run.options);
    Session ours = OurInteract(console, {"y = 1", line, "print('not reached')"}, run);
    if (StdlibHasLocalExit()) {
      CheckSame(ours, StdlibInteract({"y = 1", line, "print('not reached')"}, run));
    } else {
      // Expected from CPython 3.13's code.py and TestInteractiveConsoleLocalExit.
      CHECK(ours.outcome == "returned");
      CHECK(ours.out == "\nnow exiting InteractiveConsole...\n");
      CHECK(ours.prompts == std::vector<std::string>{">>> ", ">>> "});
    }
    // 3.13's push() leaves the line that raised in the buffer.
    CHECK(console.buffer() == std::vector<std::string>{line});
    // The caller goes on, with the console and its namespace.
    console.ResetBuffer();
    Session again = OurInteract(console, {"y + 1"}, run);
    CHECK(again.out == "2\n\nnow exiting InteractiveConsole...\n");
  }
  PyRef exit_after = Check(PyObject_GetAttrString(builtins.get(), "exit"), "exit");
  PyRef quit_after = Check(PyObject_GetAttrString(builtins.get(), "quit"), "quit");
  CHECK(exit_after.get() == exit_before.get());
  CHECK(quit_after.get() == quit_before.get());
}

TEST_CASE("local_exit: exit is a Quitter while Interact runs", "[console][exit]") {
  Run run;
  run.options.local_exit = true;
  Session ours = OurInteract({"exit", "quit"}, run);
  if (StdlibHasLocalExit()) {
    CheckSame(ours, StdlibInteract({"exit", "quit"}, run));
  } else {
    // Expected from CPython 3.13's code.Quitter.__repr__.
    CHECK(ours.out ==
          "Use exit or Ctrl-D (i.e. EOF) to exit\nUse quit or Ctrl-D (i.e. EOF) to exit\n"
          "\nnow exiting InteractiveConsole...\n");
  }
}

TEST_CASE("local_exit: builtins are restored when replacing one fails", "[console][exit]") {
  SysState restore;
  kOracle.Exec(
      "def failing_quitter():\n"
      "    seen = []\n"
      "    def make(name):\n"
      "        seen.append((name, builtins.exit, builtins.quit))\n"
      "        if len(seen) == 2:\n"
      "            raise RuntimeError('no second Quitter')\n"
      "        return 'Quitter(%r)' % name\n"
      "    return make, seen\n");
  PyRef failing = kOracle.Call("failing_quitter");
  PyRef builtins = Check(PyImport_ImportModule("builtins"), "builtins");
  PyRef exit_before = Check(PyObject_GetAttrString(builtins.get(), "exit"), "exit");
  PyRef quit_before = Check(PyObject_GetAttrString(builtins.get(), "quit"), "quit");
  std::string outcome;
  {
    // The console makes its Quitters with code.Quitter (which code.py has
    // from 3.13 on).
    pycon::TemporaryAttribute patch(Check(PyImport_ImportModule("code"), "code"), "Quitter",
                                    PyRef::Borrow(PyTuple_GET_ITEM(failing.get(), 0)));
    OutputCapture capture;
    pycon::ConsoleOptions options;
    options.local_exit = true;
    pycon::InteractiveConsole console(options);
    console.SetRawInput([](const std::string&) -> std::optional<std::string> { return {}; });
    try {
      console.Interact("", "");
      outcome = "returned";
    } catch (const pycon::PythonError& error) {
      outcome = TypeName(error.type().get());
    }
  }
  CHECK(outcome == "RuntimeError");
  // The second Quitter failed, with builtins.exit replaced already.
  PyObject* seen = PyTuple_GET_ITEM(failing.get(), 1);
  REQUIRE(PyList_GET_SIZE(seen) == 2);
  CHECK(Repr(PyList_GET_ITEM(seen, 1)).find("('quit', \"Quitter('exit')\", ") == 0);
  PyRef exit_after = Check(PyObject_GetAttrString(builtins.get(), "exit"), "exit");
  PyRef quit_after = Check(PyObject_GetAttrString(builtins.get(), "quit"), "quit");
  CHECK(quit_after.get() == quit_before.get());
  if (PY_VERSION_HEX >= 0x030D0000) {
    // code.py's own interact (3.13) restores the builtins only in the
    // `finally` of its loop, which a failing Quitter never reaches: exit
    // stays replaced, as with the stdlib console.
    CHECK(Repr(exit_after.get()) == "\"Quitter('exit')\"");
    REQUIRE(PyObject_SetAttrString(builtins.get(), "exit", exit_before.get()) == 0);
  } else {
    // Up to 3.12 local_exit is the core's own: it restores every builtin.
    CHECK(exit_after.get() == exit_before.get());
  }
}

TEST_CASE("local_exit: a missing exit or quit stays missing", "[console][exit]") {
  PyRef builtins = Check(PyImport_ImportModule("builtins"), "builtins");
  // Puts builtins.quit back whatever happens.
  pycon::TemporaryAttribute keep(builtins, "quit", PyRef::Borrow(Py_None));
  REQUIRE(PyObject_DelAttrString(builtins.get(), "quit") == 0);
  Run run;
  run.options.local_exit = true;
  Session ours = OurInteract({"exit", "quit"}, run);
  if (StdlibHasLocalExit()) {
    CheckSame(ours, StdlibInteract({"exit", "quit"}, run));
  } else {
    CHECK(ours.out.find("Use exit or Ctrl-D (i.e. EOF) to exit\n") == 0);
    CHECK(ours.out.find("NameError: name 'quit' is not defined") != std::string::npos);
  }
  CHECK(PyObject_HasAttrString(builtins.get(), "quit") == 0);
}

// --- ReadLine ------------------------------------------------------------------

TEST_CASE("ReadLine reads through builtins.input", "[console][input]") {
  SysState restore;
  SECTION("input() reading sys.stdin") {
    PyRef io = Check(PyImport_ImportModule("io"), "io");
    PySys_SetObject(
        "stdin", Check(PyObject_CallMethod(io.get(), "StringIO", "s", "line one\nline \xc3\xa9\n"),
                       "StringIO")
                     .get());
    OutputCapture capture(true);
    CHECK(pycon::ReadLine("> ") == std::optional<std::string>("line one"));
    CHECK(pycon::ReadLine("... ") == std::optional<std::string>("line \xc3\xa9"));
    CHECK(pycon::ReadLine(">>> ") == std::nullopt);
    CHECK(capture.Out() == "> ... >>> ");
  }
  SECTION("KeyboardInterrupt and other exceptions") {
    {
      BuiltinInput input({kCtrlC, "after"});
      CHECK_THROWS_AS(pycon::ReadLine("1> "), pycon::KeyboardInterruptError);
      CHECK(pycon::ReadLine("2> ") == std::optional<std::string>("after"));
      CHECK(input.Prompts() == std::vector<std::string>{"1> ", "2> "});
    }
    BuiltinInput input({}, PyExc_RuntimeError);
    try {
      pycon::ReadLine("> ");
      FAIL("no PythonError");
    } catch (const pycon::PythonError& error) {
      CHECK(error.type().get() == PyExc_RuntimeError);
    }
  }
  CHECK_FALSE(PyErr_Occurred());
}

// --- push -------------------------------------------------------------------

TEST_CASE("Push returns whether more input is needed", "[console][push]") {
  SECTION("complete, incomplete, invalid") {
    Pushes stdlib = CheckSamePushes({"x = 1", "if x:", "  print(x)", "", "def f(:", "(1,", "2)"});
    CHECK(stdlib.results ==
          std::vector<std::string>{"False", "True", "True", "False", "False", "True", "False"});
  }
  SECTION("the buffer holds the incomplete statement") {
    Pushes stdlib = CheckSamePushes({"class C:", "  a = 1", ""});
    CHECK(stdlib.buffers[1] == std::vector<std::string>{"class C:", "  a = 1"});
  }
  SECTION("a line with inner newlines") {
    Pushes stdlib = CheckSamePushes({"if 1:\n  x = 2\n", "x"});
    CHECK(stdlib.results == std::vector<std::string>{"False", "False"});
    CHECK(stdlib.out == "2\n");
  }
}

TEST_CASE("ResetBuffer drops the incomplete statement", "[console][push]") {
  Pushes stdlib = CheckSamePushes({"if 1:", std::nullopt, "7"});
  CHECK(stdlib.out == "7\n");
}

TEST_CASE("Push leaves the buffer as it was when SystemExit escapes", "[console][push][exit]") {
  Pushes stdlib = CheckSamePushes({"raise SystemExit(3)", "x = 1", "4"});
  CHECK(stdlib.results.front() == "SystemExit(3)");
  CHECK(stdlib.buffers.front() == std::vector<std::string>{"raise SystemExit(3)"});
}

TEST_CASE("__future__ imports are remembered across pushes", "[console][push][future]") {
  Pushes stdlib = CheckSamePushes({"from __future__ import barry_as_FLUFL", "1 <> 2", "1 != 2"});
  CHECK(stdlib.out.find("True\n") != std::string::npos);
}

TEST_CASE("__future__ imports belong to one console", "[console][push][future]") {
  {
    pycon::InteractiveConsole first;
    OurPushes(first, {"from __future__ import barry_as_FLUFL"});
  }
  Pushes ours = CheckSamePushes({"1 <> 2"});
  CHECK(ours.out.find("SyntaxError") != std::string::npos);
}

TEST_CASE("Push takes a filename for one call", "[console][push]") {
  pycon::InteractiveConsole console;
  Pushes ours;
  {
    SysState restore;
    OutputCapture capture;
    ours.results.push_back(console.Push("1/0", "other.py") ? "True" : "False");
    ours.results.push_back(console.Push("1/0") ? "True" : "False");
    ours.out = capture.Out();
  }
  // A console made with that filename is the stdlib's equivalent.
  Pushes other = StdlibPushes({"1/0"}, "other.py");
  Pushes usual = StdlibPushes({"1/0"});
  CHECK(other.out.find("File \"other.py\", line 1") != std::string::npos);
  CHECK(usual.out.find("File \"<console>\", line 1") != std::string::npos);
  CHECK(ours.results == std::vector<std::string>{"False", "False"});
  CHECK(ours.out == other.out + usual.out);
}

TEST_CASE("The namespace: default and given", "[console][locals]") {
  SECTION("default") {
    Pushes stdlib = CheckSamePushes({"sorted(globals())", "__name__", "__doc__"});
    CHECK(stdlib.out == "['__builtins__', '__doc__', '__name__']\n'__console__'\n");
  }
  SECTION("given") {
    PyRef ours_locals = kOracle.Eval("{'__name__': 'custom', 'seed': 5}");
    PyRef stdlib_locals = kOracle.Eval("{'__name__': 'custom', 'seed': 5}");
    pycon::InteractiveConsole console({}, ours_locals);
    CHECK(console.locals().get() == ours_locals.get());
    std::vector<Line> lines = {"seed * 2", "__name__", "y = 1"};
    Pushes ours = OurPushes(console, lines);
    CheckSame(ours, StdlibPushes(lines, "<console>", stdlib_locals));
    CHECK(PyDict_GetItemString(ours_locals.get(), "y") != nullptr);
    CHECK(PyObject_RichCompareBool(ours_locals.get(), stdlib_locals.get(), Py_EQ) == 1);
  }
}

// --- code.interact() --------------------------------------------------------

TEST_CASE("Interact() is code.interact: namespace, readfunc, banner, exit message",
          "[console][interact]") {
  SysState restore;
  const std::vector<std::string> lines = {"x = 6 * 7", "x", "__name__", "1/0"};
  kOracle.Exec(
      "def stdlib_code_interact(lines, banner, exitmsg):\n"
      "    feed = iter(lines)\n"
      "    def readfunc(prompt):\n"
      "        try:\n"
      "            return next(feed)\n"
      "        except StopIteration:\n"
      "            raise EOFError from None\n"
      "    local = {'__name__': 'given'}\n"
      "    code.interact(banner, readfunc, local, exitmsg)\n"
      "    return local['x']\n");
  for (auto [banner, exitmsg] :
       {std::pair<std::optional<std::string>, std::optional<std::string>>{"hello", "bye"},
        {std::nullopt, std::nullopt},
        {"", ""}}) {
    std::string ours, stdlib;
    PyRef our_x, stdlib_x;
    {
      OutputCapture capture;
      PyRef local = Eval("{'__name__': 'given'}");
      size_t next = 0;
      pycon::Interact(
          banner,
          [&](const std::string&) -> std::optional<std::string> {
            if (next == lines.size()) return std::nullopt;
            return lines[next++];
          },
          local, exitmsg);
      our_x = PyRef::Borrow(PyDict_GetItemString(local.get(), "x"));
      ours = capture.Out();
    }
    {
      OutputCapture capture;
      PyRef py_lines = Check(PyList_New(0), "list");
      for (const std::string& line : lines) PyList_Append(py_lines.get(), MakeStr(line).get());
      stdlib_x = kOracle.Call(
          "stdlib_code_interact",
          Py_BuildValue("(ONN)", py_lines.get(),
                        banner ? MakeStr(*banner).release() : PyRef::Borrow(Py_None).release(),
                        exitmsg ? MakeStr(*exitmsg).release() : PyRef::Borrow(Py_None).release()));
      stdlib = capture.Out();
    }
    CHECK(ours == stdlib);
    CHECK(ours.find("'given'\n") != std::string::npos);
    REQUIRE(our_x);
    CHECK(Repr(our_x.get()) == Repr(stdlib_x.get()));
  }
}

TEST_CASE("push: a filename given to Push is the one its source is compiled under", "[console]") {
  // As a stdlib console made with that filename (up to 3.12 code.py's push
  // takes none: the core compiles the buffer under it itself).
  std::vector<Line> items = {"if 1:", "  1/0", "", "x = ?", "(1,", "2)"};
  pycon::InteractiveConsole console;
  Pushes ours = OurPushes(console, items, "<mine>");
  Pushes stdlib = StdlibPushes(items, "<mine>");
  CheckSame(ours, stdlib);
  CHECK(stdlib.out.find("File \"<mine>\", line 2") != std::string::npos);
}
