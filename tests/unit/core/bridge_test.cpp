// The bridge, checked by what Python itself reports of the namespaces,
// values and functions it makes (the oracle below), and its error rule: a
// failure is a PythonError carrying the exception, none left pending.
#include "pycon/bridge.h"

#include <catch2/catch.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "pycon/python_session.h"
#include "python_test_support.h"

namespace {

using pycon::PyRef;
using pycon::PythonError;

constexpr const char* kBridgeSource = R"(
import sys, traceback

def outcome(function, *args):
    """What calling `function` does: its result's repr, or the exception's
    type name and message."""
    try:
        return repr(function(*args))
    except BaseException as e:
        return '%s: %s' % (type(e).__name__, e)

def frames(function):
    """The functions named in the traceback of what calling `function` raises."""
    try:
        function()
    except BaseException as e:
        return [frame.name for frame in traceback.extract_tb(e.__traceback__)]
    return None

class Stream(list):
    """A list that is also a stream: write() appends."""
    def write(self, text):
        self.append(text)
        return len(text)
)";

const pycon_test::Oracle kOracle(kBridgeSource, "bridge oracle");

/// The type name of the exception a PythonError carries.
std::string ErrorType(const PythonError& error) { return pycon_test::TypeName(error.type().get()); }

/// Runs `body`, which must throw a PythonError; returns its exception's type
/// name, after checking that no exception is left pending.
template <typename Body>
std::string FailureOf(Body&& body) {
  try {
    body();
  } catch (const PythonError& error) {
    CHECK_FALSE(PyErr_Occurred());
    return ErrorType(error);
  }
  FAIL("no PythonError");
  return {};
}

/// repr() of a bridge value, for comparison with what the oracle evaluates.
std::string Repr(const PyRef& object) { return pycon_test::Repr(object.get()); }

}  // namespace

TEST_CASE("A new namespace runs source with the builtins", "[bridge]") {
  PyRef globals = pycon::NewNamespace();
  pycon::Exec("x = len('abc')\nimport sys as s\n", "<test>", globals);
  CHECK(pycon::ToLong(pycon::GetItem(globals, "x")) == 3);
  CHECK(pycon::GetItem(globals, "s").get() == PyImport_AddModule("sys"));
  CHECK(Repr(pycon::Call(kOracle.Eval("sorted"), {globals})) == "['__builtins__', 's', 'x']");
  SECTION("named: __name__ as given, which classes take for their module") {
    PyRef named = pycon::NewNamespace("tool");
    pycon::Exec("class C: pass\n", "<test>", named);
    CHECK(pycon::Str(pycon::GetAttr(pycon::GetItem(named, "C"), "__module__")) == "tool");
  }
}

TEST_CASE("Compiled code runs in the namespace given, under its file name", "[bridge]") {
  PyRef code = pycon::Compile("def f():\n    return 1 / 0\n", "prog.py");
  PyRef globals = pycon::NewNamespace();
  pycon::Exec(code, globals);
  PyRef f = pycon::GetItem(globals, "f");
  CHECK(pycon::Str(pycon::Call(kOracle.Eval("outcome"), {f})) ==
        pycon::Str(kOracle.Eval("outcome(lambda: 1 / 0)")));
  CHECK(pycon::Str(pycon::GetAttr(pycon::GetAttr(f, "__code__"), "co_filename")) == "prog.py");
}

TEST_CASE("A failure is a PythonError carrying the exception, none left pending", "[bridge]") {
  PyRef globals = pycon::NewNamespace();
  CHECK(FailureOf([&] { pycon::Exec("1 / 0\n", "<test>", globals); }) == "ZeroDivisionError");
  CHECK(FailureOf([&] { pycon::Compile("def (:\n", "<test>"); }) == "SyntaxError");
  CHECK(FailureOf([] { pycon::Import("no_such_module_for_the_bridge"); }) == "ModuleNotFoundError");
  CHECK(FailureOf([&] { pycon::GetAttr(globals, "missing"); }) == "AttributeError");
  CHECK(FailureOf([&] { pycon::GetItem(globals, "missing"); }) == "KeyError");
  CHECK(FailureOf([] { pycon::Call(kOracle.Eval("int"), {pycon::MakeStr("x")}); }) == "ValueError");
  CHECK(FailureOf([] { pycon::CallMethod(kOracle.Eval("[]"), "pop"); }) == "IndexError");
  CHECK(FailureOf([] { pycon::ToLong(kOracle.Eval("2 ** 200")); }) == "OverflowError");
  CHECK(FailureOf([] { pycon::MakeStr("\xff", "strict"); }) == "UnicodeDecodeError");
  CHECK(FailureOf([] { pycon::Items(kOracle.Eval("1")); }) == "TypeError");
  SECTION("the message starts with the context given, then the exception") {
    try {
      pycon::Exec("raise ValueError('bad')\n", "<test>", globals, "running the setup file s.py");
      FAIL("no PythonError");
    } catch (const PythonError& error) {
      CHECK(std::string(error.what()) == "running the setup file s.py: ValueError: bad");
    }
    try {
      pycon::CallMethod(kOracle.Eval("object()"), "write", {}, "sys.stdout.write");
      FAIL("no PythonError");
    } catch (const PythonError& error) {
      CHECK(std::string(error.what()).rfind("sys.stdout.write: AttributeError", 0) == 0);
    }
  }
}

TEST_CASE("Import, attributes, items and sys as Python has them", "[bridge]") {
  CHECK(pycon::Import("os.path").get() == kOracle.Eval("sys.modules['os.path']").get());
  CHECK(pycon::GetAttr(pycon::Import("sys"), "path").get() == pycon::SysAttr("path").get());
  CHECK_FALSE(pycon::SysAttr("no_such_attribute_for_the_bridge"));
  CHECK_FALSE(PyErr_Occurred());
  PyRef dict = kOracle.Eval("{}");
  pycon::SetItem(dict, "k", pycon::MakeInt(7));
  CHECK(Repr(dict) == "{'k': 7}");
  CHECK(pycon::MainNamespace().get() == kOracle.Eval("vars(sys.modules['__main__'])").get());
}

TEST_CASE("Calls pass their arguments in order", "[bridge]") {
  PyRef stream = kOracle.Eval("Stream()");
  CHECK(pycon::ToLong(pycon::CallMethod(stream, "write", {pycon::MakeStr("ab")})) == 2);
  PyRef joined = pycon::Call(kOracle.Eval("lambda *a: '-'.join(map(str, a))"),
                             {pycon::MakeInt(1), pycon::MakeStr("x"), pycon::None()});
  CHECK(pycon::Str(joined) == "1-x-None");
  CHECK(Repr(stream) == "['ab']");
  CHECK_THROWS_AS(pycon::Call(kOracle.Eval("print"), {PyRef()}), std::invalid_argument);
}

TEST_CASE("Values convert as Python converts them", "[bridge]") {
  CHECK(pycon::IsNone(pycon::None()));
  CHECK(pycon::IsNone(kOracle.Eval("print()")));
  CHECK_FALSE(pycon::IsNone(kOracle.Eval("0")));
  CHECK(pycon::IsList(kOracle.Eval("Stream()")));
  CHECK_FALSE(pycon::IsList(kOracle.Eval("()")));
  CHECK(pycon::ToLong(pycon::MakeInt(-5)) == -5);
  CHECK(pycon::ToLong(kOracle.Eval("True")) == 1);
  CHECK(Repr(pycon::MakeStrList({"a", "\xc3\xa9", ""})) == Repr(kOracle.Eval("['a', 'é', '']")));
  CHECK(pycon::Strs(kOracle.Eval("{'b': 1, 'a': 2}")) == std::vector<std::string>{"b", "a"});
  CHECK(pycon::Strs(kOracle.Eval("(1, None, 'x')")) == std::vector<std::string>{"1", "None", "x"});
  std::vector<PyRef> items = pycon::Items(kOracle.Eval("iter([3, 4])"));
  REQUIRE(items.size() == 2);
  CHECK(pycon::ToLong(items[1]) == 4);
}

TEST_CASE("MakeFunction: a builtin that calls C++", "[bridge][make_function]") {
  std::vector<std::string> seen;
  PyRef function = pycon::MakeFunction(
      "record",
      [&seen](const std::vector<PyRef>& args) {
        for (const PyRef& arg : args) seen.push_back(pycon::Str(arg));
        return args.empty() ? PyRef() : args.front();
      },
      "Records its arguments.");
  PyRef outcome = kOracle.Eval("outcome");
  CHECK(pycon::Str(pycon::Call(outcome, {function, pycon::MakeStr("a"), pycon::MakeInt(2)})) ==
        "'a'");
  CHECK(seen == std::vector<std::string>{"a", "2"});
  CHECK(pycon::Str(pycon::Call(outcome, {function})) == "None");
  CHECK(pycon::Str(pycon::GetAttr(function, "__name__")) == "record");
  CHECK(pycon::Str(pycon::GetAttr(function, "__doc__")) == "Records its arguments.");
  CHECK(pycon::Str(pycon::Call(kOracle.Eval("lambda f: type(f).__name__"), {function})) ==
        "builtin_function_or_method");
  SECTION("no docstring if none is given") {
    PyRef bare = pycon::MakeFunction("bare", [](const std::vector<PyRef>&) { return PyRef(); });
    CHECK(pycon::IsNone(pycon::GetAttr(bare, "__doc__")));
  }
}

TEST_CASE("MakeFunction: what the body throws reaches Python as an exception",
          "[bridge][make_function]") {
  PyRef outcome = kOracle.Eval("outcome");
  auto raising = [&](pycon::Callback body) {
    return pycon::Str(pycon::Call(outcome, {pycon::MakeFunction("f", std::move(body))}));
  };
  CHECK(raising([](const std::vector<PyRef>&) -> PyRef { throw std::runtime_error("broken"); }) ==
        "RuntimeError: broken");
  CHECK(raising([](const std::vector<PyRef>&) -> PyRef {
          throw pycon::KeyboardInterruptError();
        }) == "KeyboardInterrupt: ");
  CHECK(raising([](const std::vector<PyRef>&) -> PyRef {
          pycon::Import("no_such_module_for_the_bridge");
          return PyRef();
        }) == pycon::Str(kOracle.Eval("outcome(__import__, 'no_such_module_for_the_bridge')")));
  SECTION("with no frame of ours in the traceback") {
    PyRef interrupt = pycon::MakeFunction("interrupted", [](const std::vector<PyRef>&) -> PyRef {
      throw pycon::KeyboardInterruptError();
    });
    CHECK(Repr(pycon::Call(kOracle.Eval("frames"), {interrupt})) == "['frames']");
  }
}

TEST_CASE("MakeFunction: the function owns its body", "[bridge][make_function]") {
  auto token = std::make_shared<int>(0);
  std::weak_ptr<int> watch = token;
  {
    PyRef function = pycon::MakeFunction(
        "f", [token](const std::vector<PyRef>&) { return pycon::MakeInt(*token); });
    token.reset();
    CHECK_FALSE(watch.expired());
    CHECK(pycon::ToLong(pycon::Call(function)) == 0);
  }
  CHECK(watch.expired());
}

TEST_CASE("PythonRunning says so while the test's session holds Python", "[bridge]") {
  CHECK(pycon::PythonRunning());
}
