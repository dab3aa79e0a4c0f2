#include "c_api.h"

#include <stdexcept>
#include <string>

#include "pycon/python_error.h"

namespace pycon::internal {

PyRef Import(const char* module) { return Check(PyImport_ImportModule(module), module); }

PyRef Attr(PyObject* object, const char* name) {
  return Check(PyObject_GetAttrString(object, name), name);
}

PyRef SysAttr(const char* name) { return PyRef::Borrow(PySys_GetObject(name)); }

void SetSys(const char* name, PyObject* value) {
  if (PySys_SetObject(name, value) != 0) ThrowPythonError(std::string("setting sys.") + name);
}

PyRef NoneIfNull(const PyRef& object) { return object ? object : PyRef::Borrow(Py_None); }

PendingException FetchException() {
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (traceback != nullptr && value != nullptr) PyException_SetTraceback(value, traceback);
  return {PyRef::Steal(type), PyRef::Steal(value), PyRef::Steal(traceback)};
}

void ThrowIfSystemExit() {
  if (!PyErr_ExceptionMatches(PyExc_SystemExit)) return;
  PendingException exit = FetchException();
  throw SystemExitError(exit.value);
}

void WriteToStderr(PyObject* text) {
  PyRef err = SysAttr("stderr");
  if (!err) throw std::runtime_error("lost sys.stderr");
  Check(PyObject_CallMethod(err.get(), "write", "O", text), "sys.stderr.write");
}

}  // namespace pycon::internal
