// InteractiveInterpreter against code.InteractiveInterpreter of the linked
// Python: the same source goes through both, in the same embedded
// interpreter, and return values, output and sys.last_* must be the same.
// The source tables are codeop's (Lib/test/test_codeop.py); SystemExit is
// checked against what the linked python executable prints when it exits.
#include "pycon/interactive_interpreter.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pycon/python_error.h"
#include "python_test_support.h"

namespace {

using pycon::Check;
using pycon::MakeStr;
using pycon::PyRef;
using pycon::Str;
namespace codeop = pycon_test::codeop;
using pycon_test::DescribeLast;
using pycon_test::ExitOutcome;
using pycon_test::ForgetLast;
using pycon_test::Outcome;
using pycon_test::OutputCapture;
using pycon_test::Repr;
using pycon_test::Strings;
using pycon_test::SysState;

constexpr const char* kStdlibInterpreterSource = R"(
import code, os, subprocess, sys

def outcome(exc):
    if isinstance(exc, SystemExit):
        return 'SystemExit(%r)' % (exc.code,)
    return type(exc).__name__

def stdlib_runsource(sources, filename, symbol, locals):
    """runsource() of each source in one interpreter: the results."""
    interpreter = code.InteractiveInterpreter(locals)
    results = []
    for source in sources:
        try:
            results.append(repr(interpreter.runsource(source, filename, symbol)))
        except BaseException as e:
            results.append(outcome(e))
    return results

def stdlib_runcode(codeobject):
    try:
        code.InteractiveInterpreter().runcode(codeobject)
    except BaseException as e:
        return outcome(e)
    return 'returned'

def stdlib_showsyntaxerror(exception, filename):
    interpreter = code.InteractiveInterpreter()
    try:
        raise exception
    except BaseException:
        interpreter.showsyntaxerror(filename)

def stdlib_showtraceback(exception):
    interpreter = code.InteractiveInterpreter()
    try:
        raise exception
    except BaseException:
        interpreter.showtraceback()

def stdlib_write(text):
    code.InteractiveInterpreter().write(text)

def stdlib_default_locals():
    return code.InteractiveInterpreter().locals

def exit_message(expression):
    """What the linked python prints to stderr when SystemExit(expression)
    ends it."""
    process = subprocess.run(
        [sys.executable, '-c', 'raise SystemExit(%s)' % expression],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding='utf-8',
        env=dict(os.environ, PYTHONIOENCODING='utf-8'))
    return process.stderr

def describe_last_error():
    """sys.last_type and sys.last_value only."""
    return '%s: %r' % (sys.last_type.__name__, sys.last_value)

def raise_it(exception):
    raise exception

hook_calls = []
def recording_hook(t, v, tb):
    hook_calls.append('%s: %r traceback=%s' % (t.__name__, v, 'None' if tb is None else 'set'))
)";

const pycon_test::Oracle kOracle(kStdlibInterpreterSource, "stdlib interpreter oracle");

/// What a run of RunSource calls returned, showed and left in sys.last_*.
struct Runs {
  std::vector<std::string> results;  ///< "True", "False", "SystemExit(...)" or a type name
  std::string out;
  std::string last;
};

Runs OurRunSource(pycon::InteractiveInterpreter& interpreter,
                  const std::vector<std::string>& sources, const std::string& filename,
                  const std::string& symbol) {
  ForgetLast();
  Runs runs;
  {
    OutputCapture capture;
    for (const std::string& source : sources) {
      runs.results.push_back(
          Outcome([&] { return interpreter.RunSource(source, filename, symbol); }));
    }
    runs.out = capture.Out();
  }
  runs.last = DescribeLast();
  return runs;
}

Runs StdlibRunSource(const std::vector<std::string>& sources, const std::string& filename,
                     const std::string& symbol, PyRef locals = PyRef::Borrow(Py_None)) {
  ForgetLast();
  Runs runs;
  PyRef list = Check(PyList_New(0), "list");
  for (const std::string& source : sources) PyList_Append(list.get(), MakeStr(source).get());
  {
    OutputCapture capture;
    PyRef results = kOracle.Call("stdlib_runsource",
                                 Py_BuildValue("(ONNO)", list.get(), MakeStr(filename).release(),
                                               MakeStr(symbol).release(), locals.get()));
    runs.results = Strings(results.get());
    runs.out = capture.Out();
  }
  runs.last = DescribeLast();
  return runs;
}

/// Runs `sources` through one interpreter of each kind and compares.
/// Returns the stdlib's runs, for a test to check that the stdlib did what
/// the test is about (so that the comparison does not hold vacuously).
Runs CheckSameRuns(const std::vector<std::string>& sources, const std::string& filename = "<input>",
                   const std::string& symbol = "single") {
  pycon::InteractiveInterpreter interpreter;
  Runs ours = OurRunSource(interpreter, sources, filename, symbol);
  Runs stdlib = StdlibRunSource(sources, filename, symbol);
  CHECK(ours.results == stdlib.results);
  CHECK(ours.out == stdlib.out);
  CHECK(ours.last == stdlib.last);
  return stdlib;
}

/// Each source in a fresh interpreter of each kind; the stdlib's runs of
/// them, each giving `expected_result`.
std::vector<Runs> CheckEachSame(const std::vector<std::string>& sources,
                                const std::string& expected_result,
                                const std::string& symbol = "single") {
  std::vector<Runs> all;
  for (const std::string& source : sources) {
    INFO("source: " << Repr(source) << ", symbol: " << symbol);
    all.push_back(CheckSameRuns({source}, "<input>", symbol));
    CHECK(all.back().results == std::vector<std::string>{expected_result});
  }
  return all;
}

/// Each source invalid: the stdlib shows an error and sets sys.last_*.
void CheckEachInvalid(const std::vector<std::string>& sources, const std::string& symbol) {
  for (const Runs& stdlib : CheckEachSame(sources, "False", symbol)) {
    INFO(stdlib.out);
    CHECK(stdlib.out.find("Error: ") != std::string::npos);
    CHECK(stdlib.last.find("last_type=") == 0);
  }
}

/// How many times `part` occurs in `text`.
size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

// --- RunSource over codeop's tables -----------------------------------------

TEST_CASE("RunSource runs valid source (codeop's valid table)", "[interpreter][codeop]") {
  CheckEachSame({"", "\n"}, "False");
  CheckEachSame(codeop::kValid, "False");
  CheckEachSame(codeop::kValidEval, "False", "eval");
}

TEST_CASE("RunSource asks for more (codeop's incomplete table)", "[interpreter][codeop]") {
  CheckEachSame(codeop::kIncomplete, "True");
#if PY_VERSION_HEX >= 0x030D0000
  CheckEachSame(codeop::kIncomplete313, "True");
#endif
  CheckEachSame(codeop::kIncompleteEval, "True", "eval");
}

TEST_CASE("RunSource shows invalid source (codeop's invalid table)", "[interpreter][codeop]") {
  CheckEachInvalid(codeop::kInvalid, "single");
  CheckEachInvalid({"'\\e' 1"}, "single");  // test_codeop's test_invalid_warning
  CheckEachInvalid(codeop::kInvalidEval, "eval");
  CheckEachInvalid(codeop::kInvalidExec, "exec");
  CheckEachInvalid({"def foo(x,x):\n   pass\n"}, "exec");  // its test_syntax_errors
}

TEST_CASE("RunSource shows a syntax error with the given filename", "[interpreter][errors]") {
  Runs stdlib = CheckSameRuns({"x = ?", "1 +* 2"}, "my_file.py");
  CHECK(Count(stdlib.out, "File \"my_file.py\", line 1") == 2);
}

TEST_CASE("RunSource shows runtime errors and sets sys.last_*", "[interpreter][errors]") {
  SECTION("NameError") {
    Runs stdlib = CheckSameRuns({"undefined_name"});
    CHECK(stdlib.out.find("Traceback (most recent call last):\n") == 0);
    CHECK(stdlib.out.find("NameError: name 'undefined_name' is not defined\n") !=
          std::string::npos);
    CHECK(stdlib.last.find("last_type=NameError") == 0);
  }
  SECTION("error in a function") {
    Runs stdlib = CheckSameRuns({"def f():\n  return 1/0\n", "f()"}, "<input>", "exec");
    CHECK(stdlib.out.find(", in f\n") != std::string::npos);
    CHECK(stdlib.last.find("last_type=ZeroDivisionError") == 0);
  }
  SECTION("chained") {
    Runs stdlib = CheckSameRuns({"try: ham\nexcept: eggs\n"});
    CHECK(stdlib.out.find("During handling of the above exception") != std::string::npos);
  }
  SECTION("KeyboardInterrupt raised by code") {
    Runs stdlib = CheckSameRuns({"raise KeyboardInterrupt"});
    CHECK(stdlib.results == std::vector<std::string>{"False"});
    CHECK(stdlib.out.find("\nKeyboardInterrupt\n") != std::string::npos);
  }
#if PY_VERSION_HEX >= 0x030B0000
  SECTION("exception with notes") {
    Runs stdlib = CheckSameRuns({"e = ValueError('v')", "e.add_note('a note')", "raise e"});
    CHECK(stdlib.out.find("ValueError: v\na note\n") != std::string::npos);
  }
  SECTION("exception group") {
    Runs stdlib = CheckSameRuns({"raise ExceptionGroup('g', [ValueError(1), TypeError(2)])"});
    CHECK(stdlib.out.find("ExceptionGroup: g (2 sub-exceptions)") != std::string::npos);
  }
#endif
}

TEST_CASE("traceback.print_last() after RunSource shows what the stdlib leaves",
          "[interpreter][errors]") {
  // print_last() shows something more than the error itself (what it shows
  // depends on the version: 3.12 and 3.13.0 show "NoneType: None").
  SECTION("runtime error") {
    Runs alone = StdlibRunSource({"1/0"}, "<input>", "single");
    Runs stdlib = CheckSameRuns({"1/0", "import traceback; traceback.print_last()"});
    CHECK(stdlib.out.size() > alone.out.size());
    CHECK(stdlib.last.find("last_type=ZeroDivisionError") == 0);
  }
  SECTION("syntax error") {
    Runs alone = StdlibRunSource({"1 +* 2"}, "<input>", "single");
    Runs stdlib = CheckSameRuns({"1 +* 2", "import traceback; traceback.print_last()"});
    CHECK(stdlib.out.size() > alone.out.size());
    CHECK(stdlib.last.find("last_type=SyntaxError") == 0);
  }
}

TEST_CASE("__future__ imports are remembered across RunSource calls", "[interpreter][future]") {
  Runs stdlib = CheckSameRuns({"from __future__ import barry_as_FLUFL", "1 <> 2", "1 != 2"});
  CHECK(stdlib.out.find("True\n") == 0);
  CHECK(stdlib.out.find("SyntaxError") != std::string::npos);
}

TEST_CASE("RunSource prints expression values through sys.displayhook", "[interpreter][hooks]") {
  SECTION("default") {
    Runs stdlib = CheckSameRuns({"1 + 1", "None", "'text'", "[1, 'a']"});
    CHECK(stdlib.out == "2\n'text'\n[1, 'a']\n");
  }
  SECTION("user hook") {
    SysState restore;
    kOracle.Exec("import sys\nsys.displayhook = lambda v: sys.stdout.write('<%r>\\n' % (v,))");
    Runs stdlib = CheckSameRuns({"1 + 1", "None"});
    CHECK(stdlib.out == "<2>\n<None>\n");
  }
}

TEST_CASE("A user sys.excepthook takes precedence over the default display",
          "[interpreter][hooks]") {
  SysState restore;
  kOracle.Exec("import sys\nsys.excepthook = recording_hook");
  kOracle.Exec("hook_calls.clear()");
  pycon::InteractiveInterpreter interpreter;
  Runs ours = OurRunSource(interpreter, {"1/0", "a b", "  1"}, "<input>", "single");
  std::vector<std::string> our_calls = Strings(kOracle.Eval("hook_calls").get());
  kOracle.Exec("hook_calls.clear()");
  Runs stdlib = StdlibRunSource({"1/0", "a b", "  1"}, "<input>", "single");
  std::vector<std::string> stdlib_calls = Strings(kOracle.Eval("hook_calls").get());
  CHECK(ours.out.empty());
  CHECK(ours.out == stdlib.out);
  CHECK(our_calls.size() == 3);
  CHECK(our_calls == stdlib_calls);
  CHECK(ours.last == stdlib.last);
}

TEST_CASE("A failing sys.excepthook", "[interpreter][hooks]") {
  SysState restore;
  SECTION("not callable") {
    kOracle.Exec("import sys\nsys.excepthook = 1");
    Runs stdlib = CheckSameRuns({"1/0", "a = 123", "print(a)"});
    CHECK(stdlib.out.find("123\n") != std::string::npos);
#if PY_VERSION_HEX >= 0x030D0000
    // The hook's failure is shown, then the original exception.
    CHECK(stdlib.results[0] == "False");
    CHECK(stdlib.out.find("Error in sys.excepthook:") == 0);
    CHECK(stdlib.out.find("ZeroDivisionError") != std::string::npos);
#else
    // The hook's failure escapes runsource.
    CHECK(stdlib.results[0] == "TypeError");
#endif
  }
  SECTION("raising SystemExit") {
    kOracle.Exec(
        "import sys\ndef _raise_exit(*args):\n    raise SystemExit(4)\nsys.excepthook = "
        "_raise_exit");
    Runs stdlib = CheckSameRuns({"1/0"});
    CHECK(stdlib.results == std::vector<std::string>{"SystemExit(4)"});
  }
}

// --- SystemExit --------------------------------------------------------------

TEST_CASE("SystemExit from user code becomes SystemExitError", "[interpreter][exit]") {
  // expression -> what `python -c "raise SystemExit(expression)"` prints.
  for (const char* expression :
       {"", "None", "0", "3", "True", "'bye'", "''", "3.5", "'caf\xc3\xa9'", "[1, 'two']"}) {
    INFO("SystemExit(" << expression << ")");
    std::string source = std::string("raise SystemExit(") + expression + ")";
    Runs stdlib = CheckSameRuns({source});
    CHECK(stdlib.results[0].find("SystemExit(") == 0);
    pycon::InteractiveInterpreter interpreter;
    try {
      interpreter.RunSource(source);
      FAIL("no SystemExitError");
    } catch (const pycon::SystemExitError& exit) {
      std::string printed = Str(
          kOracle.Call("exit_message", Py_BuildValue("(N)", MakeStr(expression).release())).get());
      CHECK(exit.ExitMessage() == printed);
      CHECK(std::string(exit.what()) == "SystemExit");
      CHECK(PyObject_IsInstance(exit.exception().get(), PyExc_SystemExit) == 1);
    }
  }
}

TEST_CASE("sys.exit() and exit codes through SystemExitError", "[interpreter][exit]") {
  pycon::InteractiveInterpreter interpreter;
  try {
    interpreter.RunSource("import sys; sys.exit('message')");
    FAIL("no SystemExitError");
  } catch (const pycon::SystemExitError& exit) {
    CHECK(Repr(exit.code().get()) == "'message'");
    CHECK(exit.ExitMessage() == "message\n");
  }
  try {
    interpreter.RunSource("raise SystemExit(1, 2)");
    FAIL("no SystemExitError");
  } catch (const pycon::SystemExitError& exit) {
    CHECK(Repr(exit.code().get()) == Str(kOracle.Eval("repr(SystemExit(1, 2).code)").get()));
    CHECK(exit.ExitMessage() ==
          Str(kOracle.Call("exit_message", Py_BuildValue("(s)", "1, 2")).get()));
  }
}

// --- RunCode, ShowSyntaxError, ShowTraceback, Write ---------------------------

TEST_CASE("RunCode runs a code object as runcode() does", "[interpreter][runcode]") {
  struct Case {
    const char* source;
    const char* outcome;  ///< what the stdlib's runcode does
    const char* shown;    ///< part of what it shows
  };
  for (const Case& c :
       {Case{"print('hello')", "returned", "hello\n"}, Case{"1/0", "returned", "ZeroDivisionError"},
        Case{"raise SystemExit('out')", "SystemExit('out')", ""}}) {
    const char* source = c.source;
    INFO(source);
    PyRef code_object =
        kOracle.Eval(std::string("compile(") + Repr(source) + ", '<code>', 'exec')");
    std::string our_outcome = "returned";
    std::string our_out;
    ForgetLast();
    {
      OutputCapture capture;
      pycon::InteractiveInterpreter interpreter;
      try {
        interpreter.RunCode(code_object.get());
      } catch (const pycon::SystemExitError& exit) {
        our_outcome = ExitOutcome(exit);
      }
      our_out = capture.Out();
    }
    std::string our_last = DescribeLast();
    ForgetLast();
    std::string stdlib_outcome, stdlib_out;
    {
      OutputCapture capture;
      stdlib_outcome =
          Str(kOracle.Call("stdlib_runcode", Py_BuildValue("(O)", code_object.get())).get());
      stdlib_out = capture.Out();
    }
    CHECK(stdlib_outcome == c.outcome);
    CHECK(stdlib_out.find(c.shown) != std::string::npos);
    CHECK(our_outcome == stdlib_outcome);
    CHECK(our_out == stdlib_out);
    CHECK(our_last == DescribeLast());
  }
}

TEST_CASE("ShowSyntaxError shows the pending syntax error", "[interpreter][errors]") {
  struct Case {
    const char* exception;
    const char* filename;
  };
  std::vector<Case> cases = {
      {"SyntaxError('bad', ('<orig>', 1, 3, 'a b c\\n'))", "<stuffed>"},
      {"SyntaxError('bad', ('<orig>', 1, 3, 'a b c\\n'))", ""},
      {"IndentationError('deep', ('<orig>', 2, 1, '  x\\n'))", "<stuffed>"},
      {"OverflowError('too big')", "<stuffed>"},
      {"ValueError('source code string cannot contain null bytes')", "<stuffed>"}};
#if PY_VERSION_HEX >= 0x030A0000
  // Since 3.10 a SyntaxError carries end_lineno and end_offset.
  cases.push_back({"SyntaxError('bad', ('<orig>', 1, 3, 'a b c\\n', 1, 4))", "<stuffed>"});
#endif
  for (const Case& c : cases) {
    INFO(c.exception << " with filename '" << c.filename << "'");
    PyRef exception = kOracle.Eval(c.exception);
    ForgetLast();
    std::string our_out;
    {
      OutputCapture capture;
      pycon::InteractiveInterpreter interpreter;
      // Raised by Python code, so that it has a traceback as in the stdlib.
      PyObject* raise_it = kOracle.Function("raise_it");
      REQUIRE(PyObject_CallFunctionObjArgs(raise_it, exception.get(), nullptr) == nullptr);
      interpreter.ShowSyntaxError(c.filename);
      CHECK_FALSE(PyErr_Occurred());
      our_out = capture.Out();
    }
    std::string our_last = DescribeLast();
    exception = kOracle.Eval(c.exception);
    ForgetLast();
    std::string stdlib_out;
    {
      OutputCapture capture;
      kOracle.Call("stdlib_showsyntaxerror",
                   Py_BuildValue("(ON)", exception.get(),
                                 *c.filename ? MakeStr(c.filename).release()
                                             : PyRef::Borrow(Py_None).release()));
      stdlib_out = capture.Out();
    }
    // The stdlib shows the exception, by its type's name.
    std::string type_name(c.exception, std::string_view(c.exception).find('('));
    CHECK(stdlib_out.find(type_name + ": ") != std::string::npos);
    CHECK(our_out == stdlib_out);
    CHECK(our_last == DescribeLast());
  }
}

TEST_CASE("ShowTraceback shows the pending exception", "[interpreter][errors]") {
  // Without a traceback here; the stdlib's own frame is dropped from its.
  PyRef exception = kOracle.Eval("ValueError('boom')");
  ForgetLast();
  std::string our_out;
  {
    OutputCapture capture;
    pycon::InteractiveInterpreter interpreter;
    PyErr_SetObject(PyExc_ValueError, exception.get());
    interpreter.ShowTraceback();
    CHECK_FALSE(PyErr_Occurred());
    our_out = capture.Out();
  }
  std::string our_last = Str(kOracle.Call("describe_last_error").get());
  exception = kOracle.Eval("ValueError('boom')");
  ForgetLast();
  std::string stdlib_out;
  {
    OutputCapture capture;
    kOracle.Call("stdlib_showtraceback", Py_BuildValue("(O)", exception.get()));
    stdlib_out = capture.Out();
  }
  CHECK(our_out == "ValueError: boom\n");
  CHECK(our_out == stdlib_out);
  CHECK(our_last == "ValueError: ValueError('boom')");
  CHECK(our_last == Str(kOracle.Call("describe_last_error").get()));
}

TEST_CASE("Write writes to sys.stderr only", "[interpreter][output]") {
  const std::string text = "line one\nno newline \xe2\x82\xac";
  std::string our_out, our_err, stdlib_out, stdlib_err;
  {
    OutputCapture capture(true);
    pycon::InteractiveInterpreter interpreter;
    interpreter.Write(text);
    our_out = capture.Out();
    our_err = capture.Err();
  }
  {
    OutputCapture capture(true);
    kOracle.Call("stdlib_write", Py_BuildValue("(N)", MakeStr(text).release()));
    stdlib_out = capture.Out();
    stdlib_err = capture.Err();
  }
  CHECK(our_err == text);
  CHECK(our_out == stdlib_out);
  CHECK(our_err == stdlib_err);
}

// --- the namespace -------------------------------------------------------------

TEST_CASE("The default namespace is the stdlib's", "[interpreter][locals]") {
  pycon::InteractiveInterpreter interpreter;
  PyRef stdlib_locals = kOracle.Call("stdlib_default_locals");
  CHECK(PyDict_Check(interpreter.locals().get()));
  CHECK(PyObject_RichCompareBool(interpreter.locals().get(), stdlib_locals.get(), Py_EQ) == 1);
  Runs stdlib = CheckSameRuns({"sorted(globals())", "__name__"});
  CHECK(stdlib.out == "['__builtins__', '__doc__', '__name__']\n'__console__'\n");
}

TEST_CASE("Given locals are the namespace", "[interpreter][locals]") {
  PyRef ours = kOracle.Eval("{'__name__': 'given', 'n': 20}");
  PyRef stdlib = kOracle.Eval("{'__name__': 'given', 'n': 20}");
  pycon::InteractiveInterpreter interpreter(ours);
  CHECK(interpreter.locals().get() == ours.get());
  std::vector<std::string> sources = {"n + 1", "__name__", "m = n * 2"};
  Runs our_runs = OurRunSource(interpreter, sources, "<input>", "single");
  Runs stdlib_runs = StdlibRunSource(sources, "<input>", "single", stdlib);
  CHECK(our_runs.out == stdlib_runs.out);
  CHECK(PyObject_RichCompareBool(ours.get(), stdlib.get(), Py_EQ) == 1);
  CHECK(Repr(PyDict_GetItemString(ours.get(), "m")) == "40");
}

TEST_CASE("An interpreter can be moved", "[interpreter]") {
  pycon::InteractiveInterpreter first;
  {
    OutputCapture capture;
    first.RunSource("from __future__ import barry_as_FLUFL");
    first.RunSource("kept = 1");
  }
  pycon::InteractiveInterpreter moved = std::move(first);
  CHECK(PyDict_GetItemString(moved.locals().get(), "kept") != nullptr);
  Runs runs = OurRunSource(moved, {"1 <> 2", "kept"}, "<input>", "single");
  CHECK(runs.out == "True\n1\n");
}
