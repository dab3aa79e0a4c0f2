// Owning references to Python objects.
#pragma once

#include <Python.h>

#include <utility>

namespace pycon {

/// An owning reference to a Python object (or null). Built only by Steal or
/// Borrow, so whether a reference is new or borrowed is decided where it is
/// made. The only place in the project that decrements reference counts.
class PyRef {
 public:
  PyRef() = default;
  /// Takes over a new reference (as returned by most C-API calls).
  static PyRef Steal(PyObject* object) { return PyRef(object); }
  /// Adds a reference to a borrowed object.
  static PyRef Borrow(PyObject* object) {
    Py_XINCREF(object);
    return PyRef(object);
  }

  /// Copies share the object, each with a reference of its own.
  PyRef(const PyRef& other) : object_(other.object_) { Py_XINCREF(object_); }
  PyRef(PyRef&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  PyRef& operator=(PyRef other) noexcept {
    std::swap(object_, other.object_);
    return *this;
  }
  /// Drops the reference (the GIL must be held).
  ~PyRef() { Py_XDECREF(object_); }

  /// The object, borrowed (null if none).
  PyObject* get() const { return object_; }
  /// Gives up ownership, for C-API calls that steal a reference.
  PyObject* release() { return std::exchange(object_, nullptr); }
  /// Whether there is an object.
  explicit operator bool() const { return object_ != nullptr; }

 private:
  explicit PyRef(PyObject* object) : object_(object) {}
  PyObject* object_ = nullptr;
};

}  // namespace pycon
