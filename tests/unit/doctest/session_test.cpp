// Doctest mode in-process: the console check against the stdlib console,
// and the driver's result for small texts.
#include "replay/doctest/session.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "pycon/python_error.h"
#include "replay/doctest/prompts.h"

namespace {

using pycon::Check;
using pycon::PyRef;

constexpr const char* kStdlibConsole = R"(
import code

class CompileOnly(code.InteractiveConsole):
    """The stdlib console, compiling but never running what it is given."""
    def runcode(self, code):
        pass
    def showsyntaxerror(self, *args, **kwargs):
        pass
    def showtraceback(self, *args, **kwargs):
        pass

def waits(lines):
    """Whether the stdlib console shows ... after each of `lines`."""
    console = CompileOnly()
    return [bool(console.push(line)) for line in lines]
)";

/// What the stdlib console says after each line: waits for more or not.
std::vector<bool> StdlibWaits(const std::vector<std::string>& lines) {
  static PyRef globals = [] {
    PyRef dict = Check(PyDict_New(), "dict");
    PyRef builtins = Check(PyImport_ImportModule("builtins"), "builtins");
    PyDict_SetItemString(dict.get(), "__builtins__", builtins.get());
    Check(PyRun_String(kStdlibConsole, Py_file_input, dict.get(), dict.get()), "helper");
    return dict;
  }();
  PyRef list = Check(PyList_New(0), "list");
  for (const std::string& line : lines) PyList_Append(list.get(), pycon::MakeStr(line).get());
  PyRef result = Check(PyObject_CallFunctionObjArgs(PyDict_GetItemString(globals.get(), "waits"),
                                                    list.get(), nullptr),
                       "waits");
  std::vector<bool> waits;
  for (Py_ssize_t i = 0; i < PyList_Size(result.get()); ++i) {
    waits.push_back(PyObject_IsTrue(PyList_GetItem(result.get(), i)) == 1);
  }
  return waits;
}

/// What ConsoleWaitsForMore says, fed as a console feeds its buffer.
std::vector<bool> OurWaits(const std::vector<std::string>& lines) {
  std::vector<bool> waits;
  std::string buffer;
  bool more = false;
  for (const std::string& line : lines) {
    buffer = more ? buffer + "\n" + line : line;
    more = replay::ConsoleWaitsForMore(buffer);
    waits.push_back(more);
  }
  return waits;
}

nlohmann::json Run(const std::string& text, std::vector<std::string> flags = {},
                   std::vector<int>* started = nullptr) {
  std::function<void(int)> on_example = [&](int line) {
    if (started != nullptr) started->push_back(line);
  };
  replay::DoctestOptions options;
  options.option_flags = std::move(flags);
  return nlohmann::json::parse(replay::RunDoctest("dir/t.txt", text, options, on_example).ToJson());
}

}  // namespace

TEST_CASE("doctest: the console check agrees with the stdlib console") {
  std::vector<std::vector<std::string>> sessions = {
      {"x = 1", "y = 2"},
      {"for i in range(3):", "    print(i)", "", "z"},
      {"if x:", "    pass", "else:", "    pass", ""},
      {"def f():", "    x = 1", "", "    return x"},
      {"@decorator", "def f(): pass", ""},
      {"x = (1,", "2)", "y"},
      {"s = '''a", "b'''", "t"},
      {"1 +", "2"},
      {"# a comment", "x"},
      {"class A:", "    '''doc'''", "    def m(self):", "        return 1", "", "A"},
      {"x = [", "", "]"},
      {"try:", "    1/0", "except ZeroDivisionError:", "    pass", ""},
      {"with open('f') as f:", "    pass", ""},
      {"print('a'); print('b')", "lambda: (yield)"},
      {"x = 1 \\", "+ 2", "x"},
  };
  for (const auto& lines : sessions) {
    INFO(lines[0]);
    CHECK(OurWaits(lines) == StdlibWaits(lines));
  }
}

TEST_CASE("doctest: counts, reports and the lines of the examples") {
  std::vector<int> started;
  nlohmann::json result =
      Run("Text.\n"
          "\n"
          "    >>> x = 2\n"
          "    >>> print(x)\n"
          "    3\n"
          "    >>> print('before'); 1/0\n",
          {}, &started);
  CHECK(result["attempted"] == 3);
  CHECK(result["failed"] == 2);
  CHECK(started == std::vector<int>{3, 4, 6});
  REQUIRE(result["reports"].size() == 3);
  const nlohmann::json& failure = result["reports"][1];
  CHECK(failure["line"] == 4);
  CHECK(failure["want_line"] == 5);
  CHECK(failure["source"] == "print(x)\n");
  CHECK(failure["want"] == "3\n");
  CHECK(failure["got"] == "2\n");
  CHECK(failure["outcome"] == "failure");
  const nlohmann::json& boom = result["reports"][2];
  CHECK(boom["outcome"] == "exception");
  CHECK(boom["got"] == "before\n");
  std::string traceback = boom["exception"];
  CHECK(traceback.rfind("Traceback (most recent call last):\n", 0) == 0);
  CHECK(traceback.find("ZeroDivisionError") != std::string::npos);
  CHECK(result["findings"].empty());
}

TEST_CASE("doctest: option flags from the command line") {
  std::string text = ">>> print(list(range(20)))\n[0, 1, ..., 19]\n";
  CHECK(Run(text)["failed"] == 1);
  CHECK(Run(text, {"ELLIPSIS"})["failed"] == 0);
  nlohmann::json unknown = Run(text, {"ELIPSIS"});
  REQUIRE(unknown.contains("error"));
  CHECK(unknown["error"]["line"] == 0);
  CHECK(unknown["error"]["message"].get<std::string>().find("'ELIPSIS'") != std::string::npos);
}

TEST_CASE("doctest: a ValueError of doctest's parser names the line") {
  nlohmann::json result = Run("a\nb\n>>>x = 1\n");
  REQUIRE(result.contains("error"));
  CHECK(result["error"]["line"] == 3);
  CHECK(result["error"]["message"].get<std::string>().find("lacks blank after >>>") !=
        std::string::npos);
  result = Run("  >>> x = 1\n  ... y\n x\n");
  REQUIRE(result.contains("error"));
  CHECK(result["error"]["line"] == 3);
}

TEST_CASE("doctest: prompt findings come with the result") {
  nlohmann::json result = Run(">>> def f():\n...     return 1\n>>> f()\n1\n");
  CHECK(result["failed"] == 0);
  REQUIRE(result["findings"].size() == 1);
  CHECK(result["findings"][0]["kind"] == "prompt-in-open-block");
  CHECK(result["findings"][0]["line"] == 3);
}

TEST_CASE("doctest: an example closed by an empty ... line has no finding") {
  nlohmann::json result = Run(">>> for i in range(2):\n...     print(i)\n...\n0\n1\n");
  CHECK(result["failed"] == 0);
  CHECK(result["findings"].empty());
  // Tabs are expanded before doctest parses, and so before the check.
  result = Run("\t>>> if True:\n\t...     print(1)\n        ...\n\t1\n");
  CHECK(result["failed"] == 0);
  CHECK(result["findings"].empty());
  result = Run("\t>>> if True:\n\t...     print(1)\n\t1\n");
  REQUIRE(result["findings"].size() == 1);
  CHECK(result["findings"][0]["line"] == 3);
  CHECK(result["findings"][0]["console"] == "        ...");
}

TEST_CASE("doctest: a failing example is shown as written") {
  nlohmann::json result = Run("  >>> for i in range(2):\n  ...     print(i)\n  ...\n  0\n  2\n");
  REQUIRE(result["reports"].size() == 1);
  CHECK(result["reports"][0]["written"] == ">>> for i in range(2):\n...     print(i)\n...\n");
  CHECK(result["reports"][0]["want_line"] == 4);
}
