#include "replay/doctest/session.h"

#include <algorithm>
#include <stdexcept>

#include "pycon/interactive_interpreter.h"
#include "pycon/python_error.h"
#include "replay/doctest/driver.h"
#include "replay/doctest/markdown.h"
#include "replay/doctest/prompts.h"
#include "replay/doctest/text.h"

namespace replay {

namespace {

using pycon::Check;
using pycon::PyRef;

constexpr char kOnExampleCapsule[] = "replay.doctest.on_example";

/// Calls the std::function<void(int)> held by the capsule `self`.
PyObject* CallOnExample(PyObject* self, PyObject* line) {
  return pycon::CallFromPython([&] {
    auto* on_example =
        static_cast<const std::function<void(int)>*>(PyCapsule_GetPointer(self, kOnExampleCapsule));
    if (on_example == nullptr) pycon::ThrowPythonError("the example hook");
    long value = PyLong_AsLong(line);
    if (value == -1 && PyErr_Occurred()) pycon::ThrowPythonError("the example's line");
    if (*on_example) (*on_example)(static_cast<int>(value));
  });
}

PyMethodDef kOnExampleMethod = {"on_example", CallOnExample, METH_O,
                                "Tells replay which example starts (its 1-based line)."};

/// replay/doctest/driver.py compiled. Compiled once, in the process that
/// forks the sessions (compiling imports nothing), and kept for the life of
/// the process: never released, as the interpreter may be gone by then.
PyObject* DriverCode() {
  static PyObject* const code =
      Check(Py_CompileString(kDoctestDriverSource, "replay/doctest/driver.py", Py_file_input),
            "compiling the doctest driver")
          .release();
  return code;
}

/// The driver's namespace, with replay/doctest/driver.py run in it.
PyRef LoadDriver() {
  PyRef globals = Check(PyDict_New(), "creating the doctest driver's namespace");
  PyRef builtins = Check(PyImport_ImportModule("builtins"), "importing builtins");
  PyRef name = pycon::MakeStr("replay_doctest_driver");
  if (PyDict_SetItemString(globals.get(), "__builtins__", builtins.get()) != 0 ||
      PyDict_SetItemString(globals.get(), "__name__", name.get()) != 0) {
    pycon::ThrowPythonError("setting up the doctest driver");
  }
  Check(PyEval_EvalCode(DriverCode(), globals.get(), globals.get()), "loading the doctest driver");
  return globals;
}

/// Python's warnings ignored while it lives, the filters restored after
/// (warnings.catch_warnings): the prompt check compiles the examples, and
/// the warnings of that are no output of theirs.
class WarningsIgnored {
 public:
  WarningsIgnored() {
    PyRef warnings = Check(PyImport_ImportModule("warnings"), "importing warnings");
    catcher_ = Check(PyObject_CallMethod(warnings.get(), "catch_warnings", nullptr),
                     "warnings.catch_warnings()");
    Check(PyObject_CallMethod(catcher_.get(), "__enter__", nullptr), "catch_warnings.__enter__");
    Check(PyObject_CallMethod(warnings.get(), "simplefilter", "s", "ignore"),
          "warnings.simplefilter('ignore')");
  }
  ~WarningsIgnored() {
    PyRef done = PyRef::Steal(
        PyObject_CallMethod(catcher_.get(), "__exit__", "OOO", Py_None, Py_None, Py_None));
    if (!done) PyErr_Clear();
  }
  WarningsIgnored(const WarningsIgnored&) = delete;
  WarningsIgnored& operator=(const WarningsIgnored&) = delete;

 private:
  PyRef catcher_;
};

std::vector<WrittenExample> Examples(PyObject* file_run) {
  PyRef list = Check(PyObject_GetAttrString(file_run, "examples"), "FileRun.examples");
  PyRef items = Check(PySequence_Fast(list.get(), "examples must be a list"), "FileRun.examples");
  std::vector<WrittenExample> examples;
  for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(items.get()); ++i) {
    WrittenExample example;
    PyObject *lines = nullptr, *next = nullptr;
    if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(items.get(), i), "iiOO", &example.line,
                          &example.indent, &lines, &next)) {
      pycon::ThrowPythonError("reading an example");
    }
    PyRef line_items = Check(PySequence_Fast(lines, "lines must be a list"), "example lines");
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(line_items.get()); ++k) {
      example.lines.push_back(pycon::Str(PySequence_Fast_GET_ITEM(line_items.get(), k)));
    }
    if (next != Py_None) example.next = pycon::Str(next);
    examples.push_back(std::move(example));
  }
  return examples;
}

}  // namespace

std::vector<std::string> DoctestOptionFlagNames() {
  PyRef doctest = Check(PyImport_ImportModule("doctest"), "importing doctest");
  PyRef flags = Check(PyObject_GetAttrString(doctest.get(), "OPTIONFLAGS_BY_NAME"),
                      "doctest.OPTIONFLAGS_BY_NAME");
  PyRef keys = Check(PySequence_List(flags.get()), "the names of doctest's option flags");
  std::vector<std::string> names;
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys.get()); ++i)
    names.push_back(pycon::Str(PyList_GET_ITEM(keys.get(), i)));
  std::sort(names.begin(), names.end());
  return names;
}

bool ConsoleWaitsForMore(const std::string& source) {
  try {
    return !pycon::CompileCommand(source).has_value();
  } catch (const pycon::PythonError&) {
    return false;  // code.py shows the error; the statement is over
  }
}

namespace {

/// FileRun(text, path, flags) of the driver: the file parsed.
PyRef ParseFile(const std::string& path, const std::string& text, const DoctestOptions& options) {
  PyRef driver = LoadDriver();
  PyObject* file_run_type = PyDict_GetItemString(driver.get(), "FileRun");
  if (file_run_type == nullptr) throw std::runtime_error("the doctest driver has no FileRun");
  PyRef flags = Check(PyList_New(0), "creating the option list");
  for (const std::string& flag : options.option_flags) {
    if (PyList_Append(flags.get(), pycon::MakeStr(flag).get()) != 0) {
      pycon::ThrowPythonError("creating the option list");
    }
  }
  return Check(
      PyObject_CallFunctionObjArgs(
          file_run_type, pycon::MakeStr(text).get(), pycon::MakeStr(path).get(), flags.get(),
          pycon::MakeStr(options.setup.path).get(), pycon::MakeStr(options.setup.source).get(),
          PyRef::Steal(PyLong_FromLong(options.line)).get(), nullptr),
      "parsing the doctest file");
}

/// The driver's JSON as a result; a driver that writes something else is a
/// failure of ours.
DoctestResult ReadDriverResult(PyObject* json, const std::string& path) {
  Expected<DoctestResult> result = DoctestResult::FromJson(pycon::Str(json), path);
  if (!result) throw std::runtime_error(result.error().ToString());
  return std::move(*result);
}

}  // namespace

DoctestResult RunDoctest(const std::string& path, const std::string& text,
                         const DoctestOptions& options,
                         const std::function<void(int)>& on_example) {
  PyRef file_run = ParseFile(path, text, options);
  PyRef error =
      Check(PyObject_CallMethod(file_run.get(), "error_json", nullptr), "FileRun.error_json");
  if (error.get() != Py_None) return ReadDriverResult(error.get(), path);

  // Before any example runs, so that nothing they do can change the check.
  std::vector<PromptFinding> findings;
  {
    WarningsIgnored quiet;
    findings = CheckPrompts(Examples(file_run.get()), ConsoleWaitsForMore);
  }
  PyRef capsule = Check(
      PyCapsule_New(const_cast<std::function<void(int)>*>(&on_example), kOnExampleCapsule, nullptr),
      "wrapping the example hook");
  PyRef hook = Check(PyCFunction_New(&kOnExampleMethod, capsule.get()), "the example hook");
  PyRef json = Check(PyObject_CallMethod(file_run.get(), "run", "O", hook.get()),
                     "running the doctest file");
  DoctestResult result = ReadDriverResult(json.get(), path);
  result.findings = std::move(findings);
  return result;
}

Session DoctestSession(std::string path, const TranscriptText& file, DoctestOptions options) {
  DriverCode();  // here, not in every child
  std::string doctest_text = DoctestText(path, file.text, file.bom);
  std::string name = path;
  return Session{std::move(name), [path = std::move(path), text = std::move(doctest_text),
                                   options = std::move(options)](const SessionHooks& hooks) {
                   return RunDoctest(path, text, options, hooks.on_line).ToJson();
                 }};
}

}  // namespace replay
