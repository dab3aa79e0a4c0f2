// CompileCommand against the built-in compile() of the linked Python, with
// the tables of CPython's Lib/test/test_codeop.py (3.11; 3.13's additions
// where the linked Python is 3.13 or later). Warnings are compared with what
// the stdlib's codeop warns in the same interpreter, and the stdlib's must
// be those test_codeop expects, so that no comparison holds vacuously.
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
import codeop, warnings
PyCF_DONT_IMPLY_DEDENT = 0x200

def reference(source, symbol):
    """What test_codeop's assertValid compares compile_command with."""
    return compile(source, '<input>', symbol, PyCF_DONT_IMPLY_DEDENT)

def stdlib_compile_command(source, symbol):
    """What codeop.compile_command makes of source: 'code', 'incomplete' or
    the name of the exception it raises."""
    try:
        code = codeop.compile_command(source, '<input>', symbol)
    except Exception as e:
        return type(e).__name__
    return 'incomplete' if code is None else 'code'

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

/// What a compile_command made of a source, and what it warned.
struct Compiled {
  std::string outcome;  ///< "code", "incomplete" or the exception type's name
  std::vector<std::vector<std::string>> warnings;  ///< as WarningLog::Stop gives them
};

Compiled OurCompile(const std::string& source, const char* symbol, const char* action) {
  WarningLog log(action);
  Compiled compiled;
  try {
    compiled.outcome = pycon::CompileCommand(source, "<input>", symbol) ? "code" : "incomplete";
  } catch (const pycon::PythonError& error) {
    compiled.outcome = pycon_test::TypeName(error.type().get());
  }
  compiled.warnings = log.Stop();
  return compiled;
}

Compiled StdlibCompile(const std::string& source, const char* symbol, const char* action) {
  WarningLog log(action);
  Compiled compiled;
  compiled.outcome = Str(
      kOracle
          .Call("stdlib_compile_command", Py_BuildValue("(Ns)", MakeStr(source).release(), symbol))
          .get());
  compiled.warnings = log.Stop();
  return compiled;
}

/// Compiles `source` with CompileCommand and with the stdlib's codeop, each
/// under the warnings filter `action`; checks that they agree and returns
/// the stdlib's.
Compiled CheckSameCompile(const std::string& source, const char* symbol, const char* action) {
  INFO(Repr(source) << " as " << symbol << ", warnings: " << action);
  Compiled ours = OurCompile(source, symbol, action);
  Compiled stdlib = StdlibCompile(source, symbol, action);
  CHECK(ours.outcome == stdlib.outcome);
  CHECK(ours.warnings == stdlib.warnings);
  return stdlib;
}

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
  Compiled stdlib = CheckSameCompile("'\\e' is 0", "single", "always");
  // The stdlib warned as test_codeop expects: one each, in either order.
  REQUIRE(stdlib.warnings.size() == 2);
  int literal = 0, escape = 0;
  for (const std::vector<std::string>& warning : stdlib.warnings) {
    if (warning[1].find("literal") != std::string::npos && warning[0] == "SyntaxWarning") {
      ++literal;
    }
    if (warning[1].find("invalid escape sequence") != std::string::npos) ++escape;
  }
  CHECK(literal == 1);
  CHECK(escape == 1);
  // Warnings made errors are syntax errors.
  CHECK(CheckSameCompile("1 is 1", "exec", "error").outcome == "SyntaxError");
  CHECK(CheckSameCompile("'\\e'", "exec", "error").outcome == "SyntaxError");
}

TEST_CASE("CompileCommand does not warn about incomplete source (test_incomplete_warning)",
          "[codeop][warnings]") {
  Compiled stdlib = CheckSameCompile("'\\e' + (", "single", "always");
  // The same source made complete does warn, under the same filter.
  Compiled complete = CheckSameCompile("'\\e' + ()", "single", "always");
  REQUIRE(complete.warnings.size() == 1);
  CHECK(complete.warnings[0][1].find("invalid escape sequence") != std::string::npos);
#if PY_VERSION_HEX >= 0x030A0000  // added in 3.10's test_codeop (3.9's codeop fails it)
  CHECK(stdlib.outcome == "incomplete");
  CHECK(stdlib.warnings.empty());
#endif
}

#if PY_VERSION_HEX >= 0x030A0000  // added in 3.10's test_codeop
TEST_CASE("CompileCommand warns about invalid source once (test_invalid_warning)",
          "[codeop][warnings]") {
  Compiled stdlib = CheckSameCompile("'\\e' 1", "single", "always");
  CHECK(stdlib.outcome == "SyntaxError");
  REQUIRE(stdlib.warnings.size() == 1);
#if PY_VERSION_HEX >= 0x030C0000
  CHECK(stdlib.warnings[0][0] == "SyntaxWarning");
#else
  CHECK(stdlib.warnings[0][0] == "DeprecationWarning");
#endif
  CHECK(stdlib.warnings[0][1].find("invalid escape sequence") != std::string::npos);
  CHECK(stdlib.warnings[0][2] == "<input>");
}
#endif
