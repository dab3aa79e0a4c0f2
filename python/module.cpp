// replay._replay: replay's command line inside the interpreter that imports
// it (python -m replay).
#include <Python.h>

#include <iostream>
#include <string>
#include <vector>

#include "pycon/py_ref.h"
#include "replay/cli/command_line.h"

namespace {

/// main(args: list[str]) -> int: runs `replay ARGS...`.
PyObject* Main(PyObject* /*module*/, PyObject* args) {
  PyObject* list = nullptr;
  if (!PyArg_ParseTuple(args, "O!:main", &PyList_Type, &list)) return nullptr;
  std::vector<std::string> owned = {"python -m replay"};
  for (Py_ssize_t i = 0; i < PyList_Size(list); ++i) {
    pycon::PyRef bytes = pycon::PyRef::Steal(PyUnicode_EncodeFSDefault(PyList_GetItem(list, i)));
    if (!bytes) return nullptr;
    owned.emplace_back(PyBytes_AsString(bytes.get()));
  }
  std::vector<char*> argv;
  for (std::string& arg : owned) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int status = 2;
  try {
    status = replay::CommandLineMain(static_cast<int>(owned.size()), argv.data());
  } catch (const std::exception& error) {
    std::cerr << "replay: " << error.what() << "\n";
  }
  std::cout.flush();
  std::cerr.flush();
  if (PyErr_Occurred()) PyErr_Clear();  // reported by the command already
  return PyLong_FromLong(status);
}

PyMethodDef kMethods[] = {
    {"main", Main, METH_VARARGS, "main(args) -> int: runs `replay ARGS...` in this interpreter."},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef kModule = {PyModuleDef_HEAD_INIT,
                       "_replay",
                       "replay's command line, inside this interpreter.",
                       -1,
                       kMethods,
                       nullptr,
                       nullptr,
                       nullptr,
                       nullptr};

}  // namespace

// Exported whatever the visibility preset: Python 3.8's PyMODINIT_FUNC does
// not say "default".
extern "C" __attribute__((visibility("default"))) PyObject* PyInit__replay() {
  return PyModule_Create(&kModule);
}
