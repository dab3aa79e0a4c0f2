// PythonError, Check, Str and MakeStr against what Python itself reports.
#include "pycon/python_error.h"

#include <catch2/catch.hpp>
#include <string>

#include "python_test_support.h"

namespace {

using pycon::PyRef;
using pycon_test::Eval;

}  // namespace

TEST_CASE("Check passes a new reference through", "[python_error]") {
  PyObject* object = PyList_New(0);
  PyRef ref = pycon::Check(object, "list");
  CHECK(ref.get() == object);
  CHECK(Py_REFCNT(object) == 1);
}

TEST_CASE("Check throws the pending exception as a PythonError", "[python_error]") {
  PyRef dict = pycon::Check(PyDict_New(), "dict");
  try {
    pycon::Check(PyObject_GetItem(dict.get(), pycon::MakeStr("missing").get()), "looking up");
    FAIL("no PythonError");
  } catch (const pycon::PythonError& error) {
    CHECK_FALSE(PyErr_Occurred());
    CHECK(error.type().get() == PyExc_KeyError);
    CHECK(PyObject_IsInstance(error.value().get(), PyExc_KeyError) == 1);
    // The message names the context and the exception as str() shows it.
    CHECK(std::string(error.what()) == "looking up: KeyError: " + pycon::Str(error.value().get()));
    error.Restore();
    CHECK(PyErr_ExceptionMatches(PyExc_KeyError));
    PyErr_Clear();
  }
}

TEST_CASE("ThrowPythonError with nothing pending names only the context", "[python_error]") {
  PyErr_Clear();
  try {
    pycon::ThrowPythonError("no error");
  } catch (const pycon::PythonError& error) {
    CHECK(std::string(error.what()) == "no error");
    CHECK_FALSE(error.type());
  }
}

TEST_CASE("Str is str() as UTF-8", "[python_error]") {
  CHECK(pycon::Str(Eval("3.5").get()) == "3.5");
  CHECK(pycon::Str(Eval("'caf\\u00e9'").get()) == "caf\xc3\xa9");
  CHECK(pycon::Str(Eval("[1, 'a']").get()) == "[1, 'a']");
  // Lone surrogates are escaped, as str.encode('utf-8', 'backslashreplace') does.
  CHECK(pycon::Str(Eval("'a\\ud800b'").get()) == "a\\ud800b");
  CHECK_THROWS_AS(pycon::Str(Eval("type('Bad', (), {'__str__': lambda self: 1/0})()").get()),
                  pycon::PythonError);
  PyErr_Clear();
}

TEST_CASE("MakeStr decodes UTF-8, escaping invalid bytes as surrogates", "[python_error]") {
  PyRef text = pycon::MakeStr("caf\xc3\xa9");
  CHECK(PyUnicode_GetLength(text.get()) == 4);
  CHECK(PyUnicode_ReadChar(text.get(), 3) == 0xE9);
  PyRef expected = Eval("b'a\\xffb'.decode('utf-8', 'surrogateescape')");
  PyRef escaped = pycon::MakeStr(
      "a\xff"
      "b");
  CHECK(PyObject_RichCompareBool(escaped.get(), expected.get(), Py_EQ) == 1);
  PyRef with_nul = pycon::MakeStr(std::string_view("a\0b", 3));
  CHECK(PyUnicode_GetLength(with_nul.get()) == 3);
}
