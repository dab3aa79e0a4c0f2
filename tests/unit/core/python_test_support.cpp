// What the core tests share (see python_test_support.h).
#include "python_test_support.h"

#include <stdexcept>

#include "pycon/python_error.h"

namespace pycon_test {

using pycon::Check;
using pycon::MakeStr;
using pycon::PyRef;
using pycon::Str;

namespace {

/// The Python side of ForgetLast and DescribeLast.
constexpr const char* kSysLastSource = R"(
import sys

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
)";

const Oracle kSysLast(kSysLastSource, "sys.last_* functions");

/// A new dict holding only __builtins__.
PyRef NewNamespace() {
  PyRef globals = Check(PyDict_New(), "dict");
  PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins());
  return globals;
}

PyRef NewStringIO() {
  PyRef io = Check(PyImport_ImportModule("io"), "io");
  return Check(PyObject_CallMethod(io.get(), "StringIO", nullptr), "StringIO()");
}

/// What has been written to an io.StringIO.
std::string Text(const PyRef& stream) {
  PyRef text = Check(PyObject_CallMethod(stream.get(), "getvalue", nullptr), "getvalue()");
  return Str(text.get());
}

}  // namespace

PyObject* Oracle::globals() const {
  if (globals_ == nullptr) {
    PyRef globals = NewNamespace();
    Check(PyRun_String(source_, Py_file_input, globals.get(), globals.get()), what_);
    globals_ = globals.release();
  }
  return globals_;
}

PyObject* Oracle::Function(const char* name) const {
  PyObject* function = PyDict_GetItemString(globals(), name);
  if (function == nullptr) {
    throw std::runtime_error(std::string("no ") + name + " in " + what_);
  }
  return function;
}

PyRef Oracle::Call(const char* name) const { return Call(name, PyTuple_New(0)); }

PyRef Oracle::Call(const char* name, PyObject* args) const {
  PyRef tuple = Check(args, "building arguments");
  return Check(PyObject_Call(Function(name), tuple.get(), nullptr), name);
}

PyRef Oracle::Eval(const std::string& expression) const {
  return Check(PyRun_String(expression.c_str(), Py_eval_input, globals(), globals()), expression);
}

void Oracle::Exec(const std::string& statements) const {
  Check(PyRun_String(statements.c_str(), Py_file_input, globals(), globals()), statements);
}

PyRef Eval(const std::string& expression) {
  PyRef globals = NewNamespace();
  return Check(PyRun_String(expression.c_str(), Py_eval_input, globals.get(), globals.get()),
               expression);
}

std::string Repr(PyObject* object) {
  PyRef repr = Check(PyObject_Repr(object), "repr()");
  return Str(repr.get());
}

std::string Repr(std::string_view text) { return Repr(MakeStr(text).get()); }

std::string TypeName(PyObject* type) {
  PyRef name = Check(PyObject_GetAttrString(type, "__name__"), "__name__");
  return Str(name.get());
}

std::vector<std::string> Strings(PyObject* list) {
  std::vector<std::string> strings;
  for (Py_ssize_t i = 0; i < PyList_Size(list); ++i) {
    strings.push_back(Str(PyList_GET_ITEM(list, i)));
  }
  return strings;
}

std::string ExitOutcome(const pycon::SystemExitError& exit) {
  return "SystemExit(" + Repr(exit.code().get()) + ")";
}

std::string Outcome(const std::function<bool()>& call) {
  try {
    return call() ? "True" : "False";
  } catch (const pycon::SystemExitError& exit) {
    return ExitOutcome(exit);
  } catch (const pycon::PythonError& error) {
    return TypeName(error.type().get());
  }
}

void ForgetLast() { kSysLast.Call("forget_last"); }

std::string DescribeLast() { return Str(kSysLast.Call("describe_last").get()); }

SysState::SysState(std::initializer_list<const char*> names) {
  for (const char* name : names) saved_.emplace_back(name, PyRef::Borrow(PySys_GetObject(name)));
}

SysState::~SysState() {
  for (auto& [name, value] : saved_) {
    if (value) {
      PySys_SetObject(name, value.get());
    } else if (PySys_GetObject(name) != nullptr) {
      PySys_SetObject(name, nullptr);
    }
  }
  PyErr_Clear();
}

OutputCapture::OutputCapture(bool split) {
  out_ = NewStringIO();
  err_ = split ? NewStringIO() : out_;
  PySys_SetObject("stdout", out_.get());
  PySys_SetObject("stderr", err_.get());
}

std::string OutputCapture::Out() const { return Text(out_); }

std::string OutputCapture::Err() const {
  return err_.get() == out_.get() ? std::string() : Text(err_);
}

// From CPython's Lib/test/test_codeop.py (3.11; kIncomplete313 from 3.13).
namespace codeop {

// Packed by hand: clang-format would give each source a line of its own.
// clang-format off
const std::vector<std::string> kValid = {
    "a = 1", "\na = 1", "a = 1\n", "a = 1\n\n", "\n\na = 1\n\n", "def x():\n  pass\n",
    "if 1:\n pass\n", "\n\nif 1: pass\n", "\n\nif 1: pass\n\n", "def x():\n\n pass\n",
    "def x():\n  pass\n  \n", "def x():\n  pass\n \n", "pass\n", "3**3\n",
    "if 9==3:\n   pass\nelse:\n   pass\n", "if 1:\n pass\n if 1:\n  pass\n else:\n  pass\n",
    "#a\n#b\na = 3\n", "#a\n\n   \na=3\n", "a=3\n\n", "a = 9+ \\\n3", "\n\na = 1\n\n",
    "\n\nif 1: a=1\n\n", "#a\n\n   \na=3\n\n",
    "def f():\n try: pass\n finally: [x for x in (1,2)]\n", "def f():\n pass\n#foo\n",
    "@a.b.c\ndef f():\n pass\n"};

const std::vector<std::string> kValidEval = {
    "3**3", "(lambda z: \n z**3)", "9+ \\\n3", "9+ \\\n3\n", "\n\na**3", "\n \na**3",
    "#a\n#b\na**3"};

const std::vector<std::string> kIncomplete = {
    "(a **", "(a,b,", "(a,b,(", "a = (", "a = {", "b + {", "print([1,\n2,", "print({1:1,\n2:3,",
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
    "(x for x in", "(x for x in ("};

const std::vector<std::string> kIncomplete313 = {
    "a = f\"\"\"", "a = \\"};

const std::vector<std::string> kIncompleteEval = {
    "", "\n", "(", "(9+", "9+ \\", "lambda z: \\"};

const std::vector<std::string> kInvalid = {
    "a b", "a @", "a b @", "a ** @", "a = ", "a = 9 +", "def x():\n\npass\n",
    "\n\n if 1: pass\n\npass", "a = 9+ \\\n", "a = 'a\\ ", "a = 'a\\\n", "return 2.3",
    "if (a == 1 and b = 2): pass", "del 1", "del (1,)", "del [1]", "del '1'",
    "[i for i in range(10)] = (1, 2, 3)"};

const std::vector<std::string> kInvalidEval = {
    "a = 1", "]", "())", "[}", "9+", "lambda z:", "a b"};

const std::vector<std::string> kInvalidExec = {
    "raise = 4", "def a-b", "await?", "=!=", "a await raise b", "a await raise b?+1"};
// clang-format on

}  // namespace codeop

}  // namespace pycon_test
