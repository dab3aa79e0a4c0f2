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
