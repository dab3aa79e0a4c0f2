#include "pycon/python_error.h"

namespace pycon {

PythonError::PythonError(std::string what, PyRef type, PyRef value, PyRef traceback)
    : std::runtime_error(std::move(what)),
      type_(std::move(type)),
      value_(std::move(value)),
      traceback_(std::move(traceback)) {}

void PythonError::Restore() const {
  PyErr_Restore(PyRef(type_).release(), PyRef(value_).release(), PyRef(traceback_).release());
}

PyRef SystemExitError::code() const {
  PyRef code = PyRef::Steal(PyObject_GetAttrString(exception_.get(), "code"));
  if (!code) {
    PyErr_Clear();
    return PyRef::Borrow(Py_None);
  }
  return code;
}

std::string SystemExitError::ExitMessage() const {
  PyRef exit_code = code();
  if (exit_code.get() == Py_None || PyLong_Check(exit_code.get())) return {};
  return Str(exit_code.get()) + "\n";
}

int SystemExitError::ExitStatus() const {
  PyRef exit_code = code();
  if (exit_code.get() == Py_None) return 0;
  if (!PyLong_Check(exit_code.get())) return 1;
  // As Python's own exit: an int too big for a long gives -1.
  int status = static_cast<int>(PyLong_AsLong(exit_code.get()));
  PyErr_Clear();
  return status;
}

namespace {

std::string Describe(PyObject* type, PyObject* value) {
  std::string text;
  if (type != nullptr) {
    const char* name = reinterpret_cast<PyTypeObject*>(type)->tp_name;
    text = name != nullptr ? name : "?";
  }
  if (value != nullptr) {
    PyRef str = PyRef::Steal(PyObject_Str(value));
    if (str) {
      Py_ssize_t size = 0;
      const char* utf8 = PyUnicode_AsUTF8AndSize(str.get(), &size);
      if (utf8 != nullptr && size > 0) text += ": " + std::string(utf8, size);
    }
    PyErr_Clear();
  }
  return text;
}

}  // namespace

void ThrowPythonError(const std::string& context) {
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  PyRef type_ref = PyRef::Steal(type), value_ref = PyRef::Steal(value),
        traceback_ref = PyRef::Steal(traceback);
  std::string what = context;
  if (type_ref) what += ": " + Describe(type_ref.get(), value_ref.get());
  throw PythonError(what, std::move(type_ref), std::move(value_ref), std::move(traceback_ref));
}

PyRef Check(PyObject* new_reference, const std::string& context) {
  if (new_reference == nullptr) ThrowPythonError(context);
  return PyRef::Steal(new_reference);
}

std::string Str(PyObject* object) {
  PyRef str = Check(PyObject_Str(object), "str()");
  PyRef bytes = Check(PyUnicode_AsEncodedString(str.get(), "utf-8", "backslashreplace"),
                      "encoding str() as UTF-8");
  return std::string(PyBytes_AS_STRING(bytes.get()), PyBytes_GET_SIZE(bytes.get()));
}

PyRef MakeStr(std::string_view text, const char* errors) {
  return Check(PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), errors),
               "decoding UTF-8 text");
}

void SetPythonErrorFromCaughtException() noexcept {
  try {
    throw;
  } catch (const SystemExitError& exit) {
    PyErr_SetObject(PyExc_SystemExit, exit.exception().get());
  } catch (const KeyboardInterruptError&) {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
  } catch (const PythonError& error) {
    if (error.type()) {
      error.Restore();
    } else {
      PyErr_SetString(PyExc_RuntimeError, error.what());
    }
  } catch (const std::exception& error) {
    PyErr_SetString(PyExc_RuntimeError, error.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "unknown C++ exception");
  }
}

}  // namespace pycon
