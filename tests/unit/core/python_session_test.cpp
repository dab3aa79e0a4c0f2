// PythonSession, as seen from inside the session python_test_main holds.
#include "pycon/python_session.h"

#include <catch2/catch.hpp>
#include <string>

#include "pycon/py_ref.h"
#include "pycon/python_error.h"
#include "python_test_support.h"

namespace {

/// str() of `expression`'s value, evaluated in a new namespace.
std::string EvalStr(const char* expression) {
  return pycon::Str(pycon_test::Eval(expression).get());
}

constexpr const char* kExecutableSource = R"(
import os, subprocess, sys

REPORT = 'import sys; print(repr((sys.version, sys.prefix, sys.base_prefix)))'

def ours():
    return repr((sys.version, sys.prefix, sys.base_prefix))

def executables():
    """What sys.executable reports of itself when it runs."""
    process = subprocess.run([sys.executable, '-c', REPORT], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, encoding='utf-8')
    return process.stdout.strip() or process.stderr
)";

const pycon_test::Oracle kExecutable(kExecutableSource, "executable oracle");

}  // namespace

TEST_CASE("PythonVersion is platform.python_version()", "[session]") {
  CHECK(pycon::PythonVersion() == EvalStr("__import__('platform').python_version()"));
}

TEST_CASE("The session starts Python as the console expects", "[session]") {
  CHECK(Py_IsInitialized());
  CHECK(EvalStr("__import__('sys').argv") == "['']");
  // SessionOptions::preload
  CHECK(EvalStr("'codeop' in __import__('sys').modules") == "True");
  CHECK(EvalStr("'traceback' in __import__('sys').modules") == "True");
  // site was imported: exit and quit exist.
  CHECK(EvalStr("hasattr(__import__('builtins'), 'exit')") == "True");
}

TEST_CASE("A second session is refused", "[session]") {
  CHECK_THROWS_AS(pycon::PythonSession(), std::logic_error);
}

TEST_CASE("A running Python is adopted when adopt_running says how", "[session]") {
  bool called = false;
  pycon::SessionOptions options;
  options.preload = {"colorsys"};  // a module nothing here imports
  options.adopt_running = [&] {
    called = true;
    CHECK(EvalStr("'colorsys' in __import__('sys').modules") == "False");
  };
  {
    pycon::PythonSession adopted(options);
    CHECK(called);
    CHECK(EvalStr("'colorsys' in __import__('sys').modules") == "True");
  }
  // The adopting session does not end the interpreter it took over.
  CHECK(Py_IsInitialized());
  CHECK(EvalStr("1 + 1") == "2");
}

TEST_CASE("sys.executable is the linked Python's own executable", "[session][executable]") {
  // python_test_main leaves SessionOptions::executable empty.
  std::string executable = pycon::LinkedPythonExecutable();
  REQUIRE_FALSE(executable.empty());
  CHECK(EvalStr("__import__('sys').executable") == executable);
  CHECK(executable.substr(executable.rfind('/') + 1) ==
        "python3." + std::to_string(PY_MINOR_VERSION));
  CHECK(EvalStr("__import__('os').path.isfile(__import__('sys').executable)") == "True");
  CHECK(EvalStr("__import__('os').access(__import__('sys').executable, __import__('os').X_OK)") ==
        "True");
  // Run, it is the same Python with the same installation.
  std::string ours = pycon::Str(kExecutable.Call("ours").get());
  CHECK(pycon::Str(kExecutable.Call("executables").get()) == ours);
}

TEST_CASE("PythonBuild is sys.version with its whitespace made single spaces", "[session]") {
  CHECK(pycon::PythonBuild() == EvalStr("' '.join(__import__('sys').version.split())"));
  CHECK(pycon::PythonBuild().rfind(pycon::PythonVersion() + " (", 0) == 0);
}
