// InteractiveInterpreter against code.InteractiveInterpreter of the linked
// Python: the same source goes through both, in the same embedded
// interpreter, and return values, output and sys.last_* must be the same.
// The source tables are codeop's (Lib/test/test_codeop.py); SystemExit is
// checked against what the linked python executable prints when it exits.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "interactive_interpreter.h"
#include "python_error.h"

namespace {

using pycon::Check;
using pycon::MakeStr;
using pycon::PyRef;
using pycon::Str;

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

def forget_last():
    for name in ('last_type', 'last_value', 'last_traceback', 'last_exc'):
        if hasattr(sys, name):
            delattr(sys, name)

def describe_last():
    if not hasattr(sys, 'last_type'):
        return 'unset'
    value = getattr(sys, 'last_value', '<unset>')
    text = 'last_type=%s last_value=%s: %r traceback=%s same_tb=%s' % (
        sys.last_type.__name__, type(value).__name__, value,
        'None' if getattr(sys, 'last_traceback', None) is None else 'set',
        getattr(value, '__traceback__', None) is getattr(sys, 'last_traceback', None))
    if hasattr(sys, 'last_exc'):
        text += ' last_exc_is_last_value=%s' % (sys.last_exc is value)
    return text

def describe_last_error():
    """sys.last_type and sys.last_value only."""
    return '%s: %r' % (sys.last_type.__name__, sys.last_value)

def raise_it(exception):
    raise exception

hook_calls = []
def recording_hook(t, v, tb):
    hook_calls.append('%s: %r traceback=%s' % (t.__name__, v, 'None' if tb is None else 'set'))
)";

PyObject* Namespace() {
  static PyObject* globals = [] {
    PyObject* dict = PyDict_New();
    PyDict_SetItemString(dict, "__builtins__", PyEval_GetBuiltins());
    Check(PyRun_String(kStdlibInterpreterSource, Py_file_input, dict, dict),
          "stdlib interpreter helper");
    return dict;
  }();
  return globals;
}

PyRef Call(const char* name, PyObject* args) {
  PyRef tuple = Check(args, "building arguments");
  PyObject* function = PyDict_GetItemString(Namespace(), name);
  if (function == nullptr) throw std::runtime_error(std::string("no helper ") + name);
  return Check(PyObject_Call(function, tuple.get(), nullptr), name);
}

PyRef Eval(const std::string& expression) {
  return Check(PyRun_String(expression.c_str(), Py_eval_input, Namespace(), Namespace()),
               expression);
}

void Exec(const std::string& statements) {
  Check(PyRun_String(statements.c_str(), Py_file_input, Namespace(), Namespace()), statements);
}

std::string Repr(PyObject* object) {
  PyRef repr = Check(PyObject_Repr(object), "repr()");
  return Str(repr.get());
}

std::string TypeName(PyObject* type) {
  PyRef name = Check(PyObject_GetAttrString(type, "__name__"), "__name__");
  return Str(name.get());
}

std::vector<std::string> Strings(PyObject* list) {
  std::vector<std::string> strings;
  for (Py_ssize_t i = 0; i < PyList_Size(list); ++i) strings.push_back(Str(PyList_GET_ITEM(list, i)));
  return strings;
}

/// Saves sys.stdout, stderr, excepthook and displayhook and restores them.
class SysState {
 public:
  SysState() {
    for (const char* name : kNames) saved_.emplace_back(name, PyRef::Borrow(PySys_GetObject(name)));
  }
  ~SysState() {
    for (auto& [name, value] : saved_) PySys_SetObject(name, value.get());
  }
  SysState(const SysState&) = delete;
  SysState& operator=(const SysState&) = delete;

 private:
  static constexpr const char* kNames[] = {"stdout", "stderr", "excepthook", "displayhook"};
  std::vector<std::pair<const char*, PyRef>> saved_;
};

/// sys.stdout = sys.stderr = io.StringIO() (or one each, if `split`).
class OutputCapture {
 public:
  explicit OutputCapture(bool split = false) {
    PyRef io = Check(PyImport_ImportModule("io"), "io");
    out_ = Check(PyObject_CallMethod(io.get(), "StringIO", nullptr), "StringIO()");
    err_ = split ? Check(PyObject_CallMethod(io.get(), "StringIO", nullptr), "StringIO()") : out_;
    PySys_SetObject("stdout", out_.get());
    PySys_SetObject("stderr", err_.get());
  }
  std::string Out() const { return Text(out_); }
  std::string Err() const { return Text(err_); }

 private:
  static std::string Text(const PyRef& stream) {
    PyRef text = Check(PyObject_CallMethod(stream.get(), "getvalue", nullptr), "getvalue()");
    return Str(text.get());
  }
  SysState restore_;
  PyRef out_;
  PyRef err_;
};

std::string DescribeLast() { return Str(Call("describe_last", PyTuple_New(0)).get()); }
void ForgetLast() { Call("forget_last", PyTuple_New(0)); }

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
      try {
        runs.results.push_back(interpreter.RunSource(source, filename, symbol) ? "True" : "False");
      } catch (const pycon::SystemExitError& exit) {
        runs.results.push_back("SystemExit(" + Repr(exit.code().get()) + ")");
      } catch (const pycon::PythonError& error) {
        runs.results.push_back(TypeName(error.type().get()));
      }
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
    PyRef results =
        Call("stdlib_runsource", Py_BuildValue("(ONNO)", list.get(), MakeStr(filename).release(),
                                               MakeStr(symbol).release(), locals.get()));
    runs.results = Strings(results.get());
    runs.out = capture.Out();
  }
  runs.last = DescribeLast();
  return runs;
}

/// Runs `sources` through one interpreter of each kind and compares.
Runs CheckSameRuns(const std::vector<std::string>& sources, const std::string& filename = "<input>",
                   const std::string& symbol = "single") {
  pycon::InteractiveInterpreter interpreter;
  Runs ours = OurRunSource(interpreter, sources, filename, symbol);
  Runs stdlib = StdlibRunSource(sources, filename, symbol);
  CHECK(ours.results == stdlib.results);
  CHECK(ours.out == stdlib.out);
  CHECK(ours.last == stdlib.last);
  return ours;
}

/// Each source in a fresh interpreter of each kind.
void CheckEachSame(const std::vector<std::string>& sources, const std::string& expected_result,
                   const std::string& symbol = "single") {
  for (const std::string& source : sources) {
    INFO("source: " << Repr(MakeStr(source).get()) << ", symbol: " << symbol);
    Runs ours = CheckSameRuns({source}, "<input>", symbol);
    CHECK(ours.results == std::vector<std::string>{expected_result});
  }
}

}  // namespace

// --- RunSource over codeop's tables -----------------------------------------

TEST_CASE("RunSource runs valid source (codeop's valid table)", "[interpreter][codeop]") {
  CheckEachSame({"", "\n", "a = 1", "\na = 1", "a = 1\n", "a = 1\n\n", "\n\na = 1\n\n",
                 "def x():\n  pass\n", "if 1:\n pass\n", "\n\nif 1: pass\n", "\n\nif 1: pass\n\n",
                 "def x():\n\n pass\n", "def x():\n  pass\n  \n", "def x():\n  pass\n \n",
                 "pass\n", "3**3\n", "if 9==3:\n   pass\nelse:\n   pass\n",
                 "if 1:\n pass\n if 1:\n  pass\n else:\n  pass\n", "#a\n#b\na = 3\n",
                 "#a\n\n   \na=3\n", "a=3\n\n", "a = 9+ \\\n3", "\n\na = 1\n\n",
                 "\n\nif 1: a=1\n\n", "#a\n\n   \na=3\n\n",
                 "def f():\n try: pass\n finally: [x for x in (1,2)]\n", "def f():\n pass\n#foo\n",
                 "@a.b.c\ndef f():\n pass\n"},
                "False");
  CheckEachSame({"3**3", "(lambda z: \n z**3)", "9+ \\\n3", "9+ \\\n3\n", "\n\na**3", "\n \na**3",
                 "#a\n#b\na**3"},
                "False", "eval");
}

TEST_CASE("RunSource asks for more (codeop's incomplete table)", "[interpreter][codeop]") {
  CheckEachSame(
      {"(a **", "(a,b,", "(a,b,(", "a = (", "a = {", "b + {", "print([1,\n2,", "print({1:1,\n2:3,",
       "print((1,\n2,", "if 9==3:\n   pass\nelse:", "if 9==3:\n   pass\nelse:\n",
       "if 9==3:\n   pass\nelse:\n   pass", "if 1:", "if 1:\n", "if 1:\n pass\n if 1:\n  pass\n else:",
       "if 1:\n pass\n if 1:\n  pass\n else:\n", "if 1:\n pass\n if 1:\n  pass\n else:\n  pass",
       "def x():", "def x():\n", "def x():\n\n", "def x():\n  pass", "def x():\n  pass\n ",
       "def x():\n  pass\n  ", "\n\ndef x():\n  pass", "a = 9+ \\", "a = 'a\\", "a = '''xy",
       "if True:\n if True:\n  if True:   \n", "@a(", "@a(b", "@a(b,", "@a(b,c", "@a(b,c,",
       "from a import (", "from a import (b", "from a import (b,", "from a import (b,c",
       "from a import (b,c,", "[", "[a", "[a,", "[a,b", "[a,b,", "{", "{a", "{a:", "{a:b", "{a:b,",
       "{a:b,c", "{a:b,c:", "{a:b,c:d", "{a:b,c:d,", "a(", "a(b", "a(b,", "a(b,c", "a(b,c,", "a[",
       "a[b", "a[b,", "a[b:", "a[b:c", "a[b:c:", "a[b:c:d", "def a(", "def a(b", "def a(b,",
       "def a(b,c", "def a(b,c,", "(", "(a", "(a,", "(a,b", "(a,b,", "if a:\n pass\nelif b:",
       "if a:\n pass\nelif b:\n pass\nelse:", "while a:", "while a:\n pass\nelse:", "for a in b:",
       "for a in b:\n pass\nelse:", "try:", "try:\n pass\nexcept:", "try:\n pass\nfinally:",
       "try:\n pass\nexcept:\n pass\nfinally:", "with a:", "with a as b:", "class a:", "class a(",
       "class a(b", "class a(b,", "class a():", "[x for", "[x for x in", "[x for x in (", "(x for",
       "(x for x in", "(x for x in ("},
      "True");
#if PY_VERSION_HEX >= 0x030D0000
  CheckEachSame({"a = f\"\"\"", "a = \\"}, "True");  // added in 3.13's test_codeop
#endif
  CheckEachSame({"", "\n", "(", "(9+", "9+ \\", "lambda z: \\"}, "True", "eval");
}

TEST_CASE("RunSource shows invalid source (codeop's invalid table)", "[interpreter][codeop]") {
  CheckEachSame({"a b", "a @", "a b @", "a ** @", "a = ", "a = 9 +", "def x():\n\npass\n",
                 "\n\n if 1: pass\n\npass", "a = 9+ \\\n", "a = 'a\\ ", "a = 'a\\\n", "return 2.3",
                 "if (a == 1 and b = 2): pass", "del 1", "del (1,)", "del [1]", "del '1'",
                 "[i for i in range(10)] = (1, 2, 3)", "'\\e' 1"},
                "False");
  CheckEachSame({"a = 1", "]", "())", "[}", "9+", "lambda z:", "a b"}, "False", "eval");
  CheckEachSame({"raise = 4", "def a-b", "await?", "=!=", "a await raise b", "a await raise b?+1",
                 "def foo(x,x):\n   pass\n"},
                "False", "exec");
}

TEST_CASE("RunSource shows a syntax error with the given filename", "[interpreter][errors]") {
  Runs ours = CheckSameRuns({"x = ?", "1 +* 2"}, "my_file.py");
  CHECK(ours.out.find("File \"my_file.py\", line 1") != std::string::npos);
}

TEST_CASE("RunSource shows runtime errors and sets sys.last_*", "[interpreter][errors]") {
  SECTION("NameError") { CheckSameRuns({"undefined_name"}); }
  SECTION("error in a function") {
    Runs ours = CheckSameRuns({"def f():\n  return 1/0\n", "f()"}, "<input>", "exec");
    CHECK(ours.last.find("last_type=ZeroDivisionError") == 0);
  }
  SECTION("chained") { CheckSameRuns({"try: ham\nexcept: eggs\n"}); }
  SECTION("KeyboardInterrupt raised by code") { CheckSameRuns({"raise KeyboardInterrupt"}); }
#if PY_VERSION_HEX >= 0x030B0000
  SECTION("exception with notes") {
    CheckSameRuns({"e = ValueError('v')", "e.add_note('a note')", "raise e"});
  }
  SECTION("exception group") {
    CheckSameRuns({"raise ExceptionGroup('g', [ValueError(1), TypeError(2)])"});
  }
#endif
}

TEST_CASE("traceback.print_last() after RunSource shows what the stdlib leaves",
          "[interpreter][errors]") {
  SECTION("runtime error") { CheckSameRuns({"1/0", "import traceback; traceback.print_last()"}); }
  SECTION("syntax error") { CheckSameRuns({"1 +* 2", "import traceback; traceback.print_last()"}); }
}

TEST_CASE("__future__ imports are remembered across RunSource calls", "[interpreter][future]") {
  Runs ours = CheckSameRuns({"from __future__ import barry_as_FLUFL", "1 <> 2", "1 != 2"});
  CHECK(ours.out.find("True\n") == 0);
  CHECK(ours.out.find("SyntaxError") != std::string::npos);
}

TEST_CASE("RunSource prints expression values through sys.displayhook", "[interpreter][hooks]") {
  SECTION("default") { CheckSameRuns({"1 + 1", "None", "'text'", "[1, 'a']"}); }
  SECTION("user hook") {
    SysState restore;
    Exec("import sys\nsys.displayhook = lambda v: sys.stdout.write('<%r>\\n' % (v,))");
    Runs ours = CheckSameRuns({"1 + 1", "None"});
    CHECK(ours.out == "<2>\n<None>\n");
  }
}

TEST_CASE("A user sys.excepthook takes precedence over the default display",
          "[interpreter][hooks]") {
  SysState restore;
  Exec("import sys\nsys.excepthook = recording_hook");
  Exec("hook_calls.clear()");
  pycon::InteractiveInterpreter interpreter;
  Runs ours = OurRunSource(interpreter, {"1/0", "a b", "  1"}, "<input>", "single");
  std::vector<std::string> our_calls = Strings(Eval("hook_calls").get());
  Exec("hook_calls.clear()");
  Runs stdlib = StdlibRunSource({"1/0", "a b", "  1"}, "<input>", "single");
  std::vector<std::string> stdlib_calls = Strings(Eval("hook_calls").get());
  CHECK(ours.out.empty());
  CHECK(ours.out == stdlib.out);
  CHECK(our_calls.size() == 3);
  CHECK(our_calls == stdlib_calls);
  CHECK(ours.last == stdlib.last);
}

TEST_CASE("A failing sys.excepthook", "[interpreter][hooks]") {
  SysState restore;
  SECTION("not callable") {
    Exec("import sys\nsys.excepthook = 1");
    CheckSameRuns({"1/0", "a = 123", "print(a)"});
  }
  SECTION("raising SystemExit") {
    Exec("import sys\ndef _raise_exit(*args):\n    raise SystemExit(4)\nsys.excepthook = _raise_exit");
    Runs ours = CheckSameRuns({"1/0"});
    CHECK(ours.results == std::vector<std::string>{"SystemExit(4)"});
  }
}

// --- SystemExit --------------------------------------------------------------

TEST_CASE("SystemExit from user code becomes SystemExitError", "[interpreter][exit]") {
  // expression -> what `python -c "raise SystemExit(expression)"` prints.
  for (const char* expression :
       {"", "None", "0", "3", "True", "'bye'", "''", "3.5", "'caf\xc3\xa9'", "[1, 'two']"}) {
    INFO("SystemExit(" << expression << ")");
    std::string source = std::string("raise SystemExit(") + expression + ")";
    Runs ours = CheckSameRuns({source});
    pycon::InteractiveInterpreter interpreter;
    try {
      interpreter.RunSource(source);
      FAIL("no SystemExitError");
    } catch (const pycon::SystemExitError& exit) {
      std::string printed =
          Str(Call("exit_message", Py_BuildValue("(N)", MakeStr(expression).release())).get());
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
    CHECK(Repr(exit.code().get()) ==
          Str(Eval("repr(SystemExit(1, 2).code)").get()));
    CHECK(exit.ExitMessage() ==
          Str(Call("exit_message", Py_BuildValue("(s)", "1, 2")).get()));
  }
}

// --- RunCode, ShowSyntaxError, ShowTraceback, Write ---------------------------

TEST_CASE("RunCode runs a code object as runcode() does", "[interpreter][runcode]") {
  for (const char* source : {"print('hello')", "1/0", "raise SystemExit('out')"}) {
    INFO(source);
    PyRef code_object = Eval(std::string("compile(") + Repr(MakeStr(source).get()) +
                             ", '<code>', 'exec')");
    std::string our_outcome = "returned";
    std::string our_out;
    ForgetLast();
    {
      OutputCapture capture;
      pycon::InteractiveInterpreter interpreter;
      try {
        interpreter.RunCode(code_object.get());
      } catch (const pycon::SystemExitError& exit) {
        our_outcome = "SystemExit(" + Repr(exit.code().get()) + ")";
      }
      our_out = capture.Out();
    }
    std::string our_last = DescribeLast();
    ForgetLast();
    std::string stdlib_outcome, stdlib_out;
    {
      OutputCapture capture;
      stdlib_outcome =
          Str(Call("stdlib_runcode", Py_BuildValue("(O)", code_object.get())).get());
      stdlib_out = capture.Out();
    }
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
    PyRef exception = Eval(c.exception);
    ForgetLast();
    std::string our_out;
    {
      OutputCapture capture;
      pycon::InteractiveInterpreter interpreter;
      // Raised by Python code, so that it has a traceback as in the stdlib.
      PyObject* raise_it = PyDict_GetItemString(Namespace(), "raise_it");
      REQUIRE(PyObject_CallFunctionObjArgs(raise_it, exception.get(), nullptr) == nullptr);
      interpreter.ShowSyntaxError(c.filename);
      CHECK_FALSE(PyErr_Occurred());
      our_out = capture.Out();
    }
    std::string our_last = DescribeLast();
    exception = Eval(c.exception);
    ForgetLast();
    std::string stdlib_out;
    {
      OutputCapture capture;
      Call("stdlib_showsyntaxerror",
           Py_BuildValue("(ON)", exception.get(),
                         *c.filename ? MakeStr(c.filename).release() : PyRef::Borrow(Py_None).release()));
      stdlib_out = capture.Out();
    }
    CHECK(our_out == stdlib_out);
    CHECK(our_last == DescribeLast());
  }
}

TEST_CASE("ShowTraceback shows the pending exception", "[interpreter][errors]") {
  // Without a traceback here; the stdlib's own frame is dropped from its.
  PyRef exception = Eval("ValueError('boom')");
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
  std::string our_last = Str(Call("describe_last_error", PyTuple_New(0)).get());
  exception = Eval("ValueError('boom')");
  ForgetLast();
  std::string stdlib_out;
  {
    OutputCapture capture;
    Call("stdlib_showtraceback", Py_BuildValue("(O)", exception.get()));
    stdlib_out = capture.Out();
  }
  CHECK(our_out == "ValueError: boom\n");
  CHECK(our_out == stdlib_out);
  CHECK(our_last == "ValueError: ValueError('boom')");
  CHECK(our_last == Str(Call("describe_last_error", PyTuple_New(0)).get()));
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
    Call("stdlib_write", Py_BuildValue("(N)", MakeStr(text).release()));
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
  PyRef stdlib_locals = Call("stdlib_default_locals", PyTuple_New(0));
  CHECK(PyDict_Check(interpreter.locals().get()));
  CHECK(PyObject_RichCompareBool(interpreter.locals().get(), stdlib_locals.get(), Py_EQ) == 1);
  CheckSameRuns({"sorted(globals())", "__name__"});
}

TEST_CASE("Given locals are the namespace", "[interpreter][locals]") {
  PyRef ours = Eval("{'__name__': 'given', 'n': 20}");
  PyRef stdlib = Eval("{'__name__': 'given', 'n': 20}");
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
