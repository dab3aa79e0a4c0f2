// PythonError, Check, Str and MakeStr against what Python itself reports.
#include "pycon/python_error.h"

#include <catch2/catch.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

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

// --- CallFromPython: C++ called from Python, as Python sees it ---------------

namespace {

constexpr const char* kCallerSource = R"(
def call(function, argument):
    """What Python code sees when it calls `function(argument)`."""
    try:
        return ('returned', function(argument))
    except BaseException as e:
        return (type(e).__name__, e)
)";

const pycon_test::Oracle kCaller(kCallerSource, "caller");

/// The C++ side of a test: what the trampoline runs.
using Body = std::function<PyObject*(PyObject* arg)>;

/// A trampoline of the shape replay's callbacks have.
PyObject* Trampoline(PyObject* capsule, PyObject* arg) {
  return (*static_cast<Body*>(PyCapsule_GetPointer(capsule, nullptr)))(arg);
}

PyMethodDef kTrampoline = {"trampoline", Trampoline, METH_O, nullptr};

/// ('returned', result) or (exception type name, exception): what Python
/// code gets from calling a function that runs `body` with `argument`.
std::pair<std::string, PyRef> CallFromPythonCode(Body body, PyObject* argument = Py_None) {
  PyRef capsule = pycon::Check(PyCapsule_New(&body, nullptr, nullptr), "capsule");
  PyRef function = pycon::Check(PyCFunction_New(&kTrampoline, capsule.get()), "function");
  PyRef result = kCaller.Call("call", Py_BuildValue("(OO)", function.get(), argument));
  return {pycon::Str(PyTuple_GET_ITEM(result.get(), 0)),
          PyRef::Borrow(PyTuple_GET_ITEM(result.get(), 1))};
}

}  // namespace

TEST_CASE("CallFromPython returns what the body returns", "[python_error][call_from_python]") {
  SECTION("void: None") {
    bool ran = false;
    auto [outcome, value] =
        CallFromPythonCode([&](PyObject*) { return pycon::CallFromPython([&] { ran = true; }); });
    CHECK(ran);
    CHECK(outcome == "returned");
    CHECK(value.get() == Py_None);
  }
  SECTION("a PyRef, handed over") {
    PyObject* list = nullptr;
    auto [outcome, value] = CallFromPythonCode(
        [&](PyObject* arg) {
          return pycon::CallFromPython([&] {
            PyRef made = pycon::Check(PyList_New(0), "list");
            PyList_Append(made.get(), arg);
            list = made.get();
            return made;
          });
        },
        Eval("'item'").get());
    CHECK(outcome == "returned");
    CHECK(value.get() == list);
    CHECK(pycon_test::Repr(value.get()) == "['item']");
    // Only `value` holds it: the new reference was handed over, not leaked.
    CHECK(Py_REFCNT(list) == 1);
  }
  SECTION("a PyObject*: a new reference, or null with an exception pending") {
    auto [outcome, value] = CallFromPythonCode(
        [](PyObject*) { return pycon::CallFromPython([] { return PyLong_FromLong(7); }); });
    CHECK(outcome == "returned");
    CHECK(pycon_test::Repr(value.get()) == "7");
    auto [failed, error] = CallFromPythonCode([](PyObject*) {
      return pycon::CallFromPython([]() -> PyObject* {
        PyErr_SetString(PyExc_LookupError, "missing");
        return nullptr;
      });
    });
    CHECK(failed == "LookupError");
    CHECK(pycon::Str(error.get()) == "missing");
  }
}

TEST_CASE("CallFromPython turns C++ exceptions into Python ones",
          "[python_error][call_from_python]") {
  SECTION("SystemExitError: SystemExit, the same instance") {
    PyRef exit = Eval("SystemExit('bye')");
    auto [outcome, value] = CallFromPythonCode([&](PyObject*) {
      return pycon::CallFromPython([&] { throw pycon::SystemExitError(exit); });
    });
    CHECK(outcome == "SystemExit");
    CHECK(value.get() == exit.get());
  }
  SECTION("KeyboardInterruptError: KeyboardInterrupt") {
    auto [outcome, value] = CallFromPythonCode([](PyObject*) {
      return pycon::CallFromPython([] { throw pycon::KeyboardInterruptError(); });
    });
    CHECK(outcome == "KeyboardInterrupt");
  }
  SECTION("PythonError: the exception it carries") {
    PyRef caught;
    auto [outcome, value] = CallFromPythonCode(
        [&](PyObject* arg) {
          return pycon::CallFromPython([&] {
            try {
              pycon::Check(PyObject_GetItem(arg, pycon::MakeStr("missing").get()), "looking up");
            } catch (const pycon::PythonError& error) {
              caught = error.value();
              throw;
            }
          });
        },
        Eval("{}").get());
    CHECK(outcome == "KeyError");
    REQUIRE(caught);
    CHECK(value.get() == caught.get());
  }
  SECTION("PythonError without an exception: RuntimeError with its message") {
    auto [outcome, value] = CallFromPythonCode([](PyObject*) {
      return pycon::CallFromPython([] { pycon::ThrowPythonError("nothing pending"); });
    });
    CHECK(outcome == "RuntimeError");
    CHECK(pycon::Str(value.get()) == "nothing pending");
  }
  SECTION("std::exception: RuntimeError with its what()") {
    auto [outcome, value] = CallFromPythonCode([](PyObject*) {
      return pycon::CallFromPython([]() -> PyRef { throw std::out_of_range("out of range"); });
    });
    CHECK(outcome == "RuntimeError");
    CHECK(pycon::Str(value.get()) == "out of range");
  }
  SECTION("anything else: RuntimeError") {
    auto [outcome, value] =
        CallFromPythonCode([](PyObject*) { return pycon::CallFromPython([] { throw 42; }); });
    CHECK(outcome == "RuntimeError");
  }
  CHECK_FALSE(PyErr_Occurred());
}

TEST_CASE("SystemExitError::ExitStatus is the status python exits with", "[python_error]") {
  for (std::string code : {"None", "0", "3", "True", "'bye'", "(1, 2)", "-1", "256"}) {
    pycon::SystemExitError exit(Eval("SystemExit(" + code + ")"));
    PyRef status = Eval(
        "__import__('subprocess').call([__import__('sys').executable, '-c', "
        "\"raise SystemExit(" +
        code + ")\"], stderr=__import__('subprocess').DEVNULL)");
    INFO(code);
    CHECK((exit.ExitStatus() & 0xff) == PyLong_AsLong(status.get()));
  }
}
