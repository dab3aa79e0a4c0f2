// pycon_code: the core as a Python module that provides what the `code`
// module provides (InteractiveInterpreter, InteractiveConsole, interact,
// compile_command, with code.py's signatures, subclassable), so that the
// linked Python's own test_code_module can run against the core with
// sys.modules['code'] replaced by it (tests/e2e/code_module/).
//
// As in the core, code.py's own functions run the console, here with this
// module's globals (so that what a test patches on the module, `sys` or
// `input`, is what they use), and showsyntaxerror and showtraceback are the
// core's C++ (src/code_py_312.cpp or src/code_py_313.cpp).
#include <Python.h>

#include <string>

#include "code_py.h"
#include "pycon/python_error.h"

namespace {

using pycon::internal::Console;

/// code.py's classes and interact(), rebound to this module's globals, with
/// the core's error display. Runs in the module's namespace, where
/// _showsyntaxerror, _showtraceback and _instancemethod are defined.
constexpr const char* kModuleSource = R"(
import code as _stdlib
import builtins
import sys
import traceback
from codeop import CommandCompiler, compile_command

__all__ = list(_stdlib.__all__)


def _rebind(function):
    rebound = type(function)(function.__code__, globals(), function.__name__,
                             function.__defaults__, function.__closure__)
    rebound.__kwdefaults__ = function.__kwdefaults__
    rebound.__qualname__ = function.__qualname__
    rebound.__doc__ = function.__doc__
    return rebound


def _class(stdlib_class, bases):
    namespace = {name: _rebind(value) if isinstance(value, type(_rebind)) else value
                 for name, value in vars(stdlib_class).items()
                 if name not in ('__dict__', '__weakref__')}
    for name, method in (('showsyntaxerror', _showsyntaxerror),
                         ('showtraceback', _showtraceback)):
        if name in namespace:
            namespace[name] = _instancemethod(method)
    namespace['__module__'] = __name__
    return type(stdlib_class.__name__, bases, namespace)


InteractiveInterpreter = _class(_stdlib.InteractiveInterpreter, ())
InteractiveConsole = _class(_stdlib.InteractiveConsole, (InteractiveInterpreter,))
interact = _rebind(_stdlib.interact)
if hasattr(_stdlib, 'Quitter'):
    Quitter = _stdlib.Quitter
del _class
)";

/// The console `self` with the `sys` this module's globals name now.
Console ConsoleOf(PyObject* module, PyObject* self) {
  PyObject* sys = PyDict_GetItemString(PyModule_GetDict(module), "sys");
  if (sys == nullptr) throw std::runtime_error("pycon_code has no sys");
  return Console{self, sys};
}

/// InteractiveInterpreter.showsyntaxerror(self, filename=None, **kwargs)
/// (3.13 passes source=).
PyObject* ShowSyntaxError(PyObject* module, PyObject* args, PyObject* kwargs) {
  static const char* keywords[] = {"self", "filename", "source", nullptr};
  PyObject *self = nullptr, *filename = Py_None, *source = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OO", const_cast<char**>(keywords), &self,
                                   &filename, &source)) {
    return nullptr;
  }
  return pycon::CallFromPython([&] {
    std::string name = filename == Py_None ? std::string() : pycon::Str(filename);
    std::string text = source == nullptr ? std::string() : pycon::Str(source);
    pycon::internal::PendingException error = pycon::internal::HandledException();
    if (error.type) {
      pycon::internal::ShowSyntaxError(ConsoleOf(module, self), std::move(error), name, text);
    }
  });
}

/// InteractiveInterpreter.showtraceback(self)
PyObject* ShowTraceback(PyObject* module, PyObject* self) {
  return pycon::CallFromPython([&] {
    pycon::internal::PendingException error = pycon::internal::HandledException();
    if (error.type) pycon::internal::ShowTraceback(ConsoleOf(module, self), std::move(error));
  });
}

/// A function that binds as a method (C functions do not by themselves).
PyObject* InstanceMethod(PyObject*, PyObject* function) { return PyInstanceMethod_New(function); }

PyMethodDef kMethods[] = {
    {"_showsyntaxerror",
     reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&ShowSyntaxError)),
     METH_VARARGS | METH_KEYWORDS, nullptr},
    {"_showtraceback", &ShowTraceback, METH_O, nullptr},
    {"_instancemethod", &InstanceMethod, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef kModule = {PyModuleDef_HEAD_INIT,
                       "pycon_code",
                       "The replay core as the code module (see core/python/pycon_code.cpp).",
                       -1,
                       kMethods,
                       nullptr,
                       nullptr,
                       nullptr,
                       nullptr};

}  // namespace

PyMODINIT_FUNC PyInit_pycon_code() {
  pycon::PyRef module = pycon::PyRef::Steal(PyModule_Create(&kModule));
  if (!module) return nullptr;
  PyObject* globals = PyModule_GetDict(module.get());
  if (PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) != 0) return nullptr;
  pycon::PyRef result =
      pycon::PyRef::Steal(PyRun_String(kModuleSource, Py_file_input, globals, globals));
  if (!result) return nullptr;
  return module.release();
}
