#include "pycon/temporary_attribute.h"

#include "pycon/python_error.h"

namespace pycon {

TemporaryAttribute::TemporaryAttribute(PyRef object, std::string name, PyRef value)
    : name_(std::move(name)) {
  PyRef old_value = PyRef::Steal(PyObject_GetAttrString(object.get(), name_.c_str()));
  if (!old_value) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) ThrowPythonError("reading " + name_);
    PyErr_Clear();
  }
  if (PyObject_SetAttrString(object.get(), name_.c_str(), value.get()) != 0) {
    ThrowPythonError("setting " + name_);
  }
  object_ = std::move(object);
  old_value_ = std::move(old_value);
}

TemporaryAttribute::~TemporaryAttribute() {
  if (!object_) return;
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  // A null value deletes the attribute; one deleted already is as it was.
  if (PyObject_SetAttrString(object_.get(), name_.c_str(), old_value_.get()) != 0) {
    if (!old_value_ && PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
    } else {
      PyErr_WriteUnraisable(object_.get());
    }
  }
  PyErr_Restore(type, value, traceback);
}

}  // namespace pycon
