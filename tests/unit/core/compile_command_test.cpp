// CompileCommand against the built-in compile() of the linked Python, with
// the tables of CPython's Lib/test/test_codeop.py (3.11; 3.13's additions
// where the linked Python is 3.13 or later).
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pycon/interactive_interpreter.h"
#include "pycon/python_error.h"
#include "python_test_support.h"

namespace {

using pycon::Check;
using pycon::MakeStr;
using pycon::PyRef;
using pycon::Str;
namespace codeop = pycon_test::codeop;
using pycon_test::Repr;

constexpr const char* kStdlibCompileSource = R"(
import warnings
PyCF_DONT_IMPLY_DEDENT = 0x200

def reference(source, symbol):
    """What test_codeop's assertValid compares compile_command with."""
    return compile(source, '<input>', symbol, PyCF_DONT_IMPLY_DEDENT)

def start_recording(action):
    recorder = warnings.catch_warnings(record=True)
    log = recorder.__enter__()
    warnings.simplefilter(action)
    return recorder, log

def stop_recording(handle):
    recorder, log = handle
    recorder.__exit__(None, None, None)
    return [(w.category.__name__, str(w.message), w.filename) for w in log]
)";

const pycon_test::Oracle kOracle(kStdlibCompileSource, "codeop oracle");

/// compile(source, '<input>', symbol, PyCF_DONT_IMPLY_DEDENT)
PyRef Reference(const std::string& source, const char* symbol) {
  return kOracle.Call("reference", Py_BuildValue("(Ns)", MakeStr(source).release(), symbol));
}

/// The type of the exception CompileCommand threw, or null if it threw none.
PyRef ThrownType(const std::string& source, const char* symbol) {
  try {
    pycon::CompileCommand(source, "<input>", symbol);
  } catch (const pycon::PythonError& error) {
    return error.type();
  }
  return {};
}

/// Warnings raised while it lives, under `action` ("always", "error").
class WarningLog {
 public:
  explicit WarningLog(const char* action)
      : handle_(kOracle.Call("start_recording", Py_BuildValue("(s)", action))) {}
  ~WarningLog() {
    if (handle_) Stop();
  }
  /// (category, message, filename) of each warning.
  std::vector<std::vector<std::string>> Stop() {
    PyRef log = kOracle.Call("stop_recording", Py_BuildValue("(O)", handle_.get()));
    handle_ = PyRef();
    std::vector<std::vector<std::string>> warnings;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(log.get()); ++i) {
      PyObject* entry = PyList_GET_ITEM(log.get(), i);
      warnings.push_back({Str(PyTuple_GET_ITEM(entry, 0)), Str(PyTuple_GET_ITEM(entry, 1)),
                          Str(PyTuple_GET_ITEM(entry, 2))});
    }
    return warnings;
  }

 private:
  PyRef handle_;
};

void CheckValid(const std::vector<std::string>& sources, const char* symbol) {
  for (const std::string& source : sources) {
    INFO(Repr(source) << " as " << symbol);
    std::optional<PyRef> code = pycon::CompileCommand(source, "<input>", symbol);
    REQUIRE(code.has_value());
    CHECK(PyCode_Check(code->get()));
    CHECK(PyObject_RichCompareBool(code->get(), Reference(source, symbol).get(), Py_EQ) == 1);
  }
}

void CheckIncomplete(const std::vector<std::string>& sources, const char* symbol) {
  for (const std::string& source : sources) {
    INFO(Repr(source) << " as " << symbol);
    CHECK_FALSE(pycon::CompileCommand(source, "<input>", symbol).has_value());
  }
}

void CheckInvalid(const std::vector<std::string>& sources, const char* symbol) {
  for (const std::string& source : sources) {
    INFO(Repr(source) << " as " << symbol);
    PyRef type = ThrownType(source, symbol);
    REQUIRE(type);
    CHECK(PyErr_GivenExceptionMatches(type.get(), PyExc_SyntaxError) == 1);
  }
}

}  // namespace

TEST_CASE("CompileCommand compiles complete source (test_valid)", "[codeop]") {
  // The special case: nothing is `pass`.
  for (const char* source : {"", "\n"}) {
    std::optional<PyRef> code = pycon::CompileCommand(source);
    REQUIRE(code.has_value());
    CHECK(PyObject_RichCompareBool(code->get(), Reference("pass", "single").get(), Py_EQ) == 1);
  }
  CheckValid(codeop::kValid, "single");
  CheckValid(codeop::kValidEval, "eval");
}

TEST_CASE("CompileCommand returns nothing for incomplete source (test_incomplete)", "[codeop]") {
  CheckIncomplete(codeop::kIncomplete, "single");
#if PY_VERSION_HEX >= 0x030D0000
  CheckIncomplete(codeop::kIncomplete313, "single");
#endif
  CheckIncomplete(codeop::kIncompleteEval, "eval");
}

TEST_CASE("CompileCommand throws SyntaxError for invalid source (test_invalid)", "[codeop]") {
  CheckInvalid(codeop::kInvalid, "single");
  CheckInvalid(codeop::kInvalidEval, "eval");
}

TEST_CASE("CompileCommand throws SyntaxError for invalid exec source (test_invalid_exec)",
          "[codeop]") {
  CheckInvalid(codeop::kInvalidExec, "exec");
}

TEST_CASE("CompileCommand names the code after the filename (test_filename)", "[codeop]") {
  std::optional<PyRef> code = pycon::CompileCommand("a = 1\n", "abc");
  REQUIRE(code.has_value());
  PyRef filename = Check(PyObject_GetAttrString(code->get(), "co_filename"), "co_filename");
  CHECK(Str(filename.get()) == "abc");
}

TEST_CASE("CompileCommand's syntax errors carry Python's message (test_syntax_errors)",
          "[codeop]") {
  try {
    pycon::CompileCommand("def foo(x,x):\n   pass\n", "<input>", "exec");
    FAIL("no PythonError");
  } catch (const pycon::PythonError& error) {
    CHECK(error.type().get() == PyExc_SyntaxError);
    CHECK(Str(error.value().get()).find("duplicate argument 'x' in function definition") !=
          std::string::npos);
    CHECK(std::string(error.what()).find("duplicate argument 'x'") != std::string::npos);
  }
}

TEST_CASE("CompileCommand warns once (test_warning)", "[codeop][warnings]") {
  {
    WarningLog log("always");
    pycon::CompileCommand("'\\e' is 0");
    std::vector<std::vector<std::string>> warnings = log.Stop();
    REQUIRE(warnings.size() == 2);
    // One each, in either order.
    int literal = 0, escape = 0;
    for (const std::vector<std::string>& warning : warnings) {
      if (warning[1].find("literal") != std::string::npos && warning[0] == "SyntaxWarning") {
        ++literal;
      }
      if (warning[1].find("invalid escape sequence") != std::string::npos) ++escape;
    }
    CHECK(literal == 1);
    CHECK(escape == 1);
  }
  {
    WarningLog log("error");
    CHECK(ThrownType("1 is 1", "exec").get() == PyExc_SyntaxError);
    CHECK(ThrownType("'\\e'", "exec").get() == PyExc_SyntaxError);
  }
}

TEST_CASE("CompileCommand does not warn about incomplete source (test_incomplete_warning)",
          "[codeop][warnings]") {
  WarningLog log("always");
  CHECK_FALSE(pycon::CompileCommand("'\\e' + (").has_value());
  CHECK(log.Stop().empty());
}

#if PY_VERSION_HEX >= 0x030A0000  // added in 3.10's test_codeop
TEST_CASE("CompileCommand warns about invalid source once (test_invalid_warning)",
          "[codeop][warnings]") {
  WarningLog log("always");
  CHECK(ThrownType("'\\e' 1", "single").get() == PyExc_SyntaxError);
  std::vector<std::vector<std::string>> warnings = log.Stop();
  REQUIRE(warnings.size() == 1);
#if PY_VERSION_HEX >= 0x030C0000
  CHECK(warnings[0][0] == "SyntaxWarning");
#else
  CHECK(warnings[0][0] == "DeprecationWarning");
#endif
  CHECK(warnings[0][1].find("invalid escape sequence") != std::string::npos);
  CHECK(warnings[0][2] == "<input>");
}
#endif
