// PyRef: reference counts as CPython reports them with Py_REFCNT.
#include "pycon/py_ref.h"

#include <catch2/catch.hpp>
#include <utility>

namespace {

using pycon::PyRef;

/// A new list: a mortal object whose count starts at one.
PyObject* NewObject() { return PyList_New(0); }

}  // namespace

TEST_CASE("A default PyRef is null", "[py_ref]") {
  PyRef ref;
  CHECK(ref.get() == nullptr);
  CHECK_FALSE(ref);
  CHECK(PyRef::Borrow(nullptr).get() == nullptr);
}

TEST_CASE("Steal takes over a reference, Borrow adds one", "[py_ref]") {
  PyObject* object = NewObject();
  REQUIRE(Py_REFCNT(object) == 1);
  Py_INCREF(object);  // the test's own reference
  {
    PyRef stolen = PyRef::Steal(object);
    CHECK(Py_REFCNT(object) == 2);
    CHECK(stolen.get() == object);
    CHECK(stolen);
    {
      PyRef borrowed = PyRef::Borrow(object);
      CHECK(Py_REFCNT(object) == 3);
    }
    CHECK(Py_REFCNT(object) == 2);
  }
  CHECK(Py_REFCNT(object) == 1);
  Py_DECREF(object);
}

TEST_CASE("Copying adds a reference, moving does not", "[py_ref]") {
  PyObject* object = NewObject();
  Py_INCREF(object);
  PyRef first = PyRef::Steal(object);
  REQUIRE(Py_REFCNT(object) == 2);
  {
    PyRef copy = first;
    CHECK(Py_REFCNT(object) == 3);
    CHECK(copy.get() == object);
    PyRef moved = std::move(copy);
    CHECK(Py_REFCNT(object) == 3);
    CHECK(moved.get() == object);
    CHECK(copy.get() == nullptr);  // NOLINT(bugprone-use-after-move): moved-from is null
  }
  CHECK(Py_REFCNT(object) == 2);
  first = PyRef();
  CHECK(Py_REFCNT(object) == 1);
  Py_DECREF(object);
}

TEST_CASE("Assignment drops the old object and keeps the new one", "[py_ref]") {
  PyObject* a = NewObject();
  PyObject* b = NewObject();
  Py_INCREF(a);
  Py_INCREF(b);
  {
    PyRef ref_a = PyRef::Steal(a);
    PyRef ref_b = PyRef::Steal(b);
    ref_a = ref_b;
    CHECK(Py_REFCNT(a) == 1);
    CHECK(Py_REFCNT(b) == 3);
    CHECK(ref_a.get() == b);
    const PyRef& same = ref_a;  // (a self-assignment compilers do not flag)
    ref_a = same;               // self-assignment keeps the count
    CHECK(Py_REFCNT(b) == 3);
    ref_b = std::move(ref_a);
    CHECK(Py_REFCNT(b) == 2);
  }
  CHECK(Py_REFCNT(a) == 1);
  CHECK(Py_REFCNT(b) == 1);
  Py_DECREF(a);
  Py_DECREF(b);
}

TEST_CASE("release gives up ownership without decrementing", "[py_ref]") {
  PyObject* object = NewObject();
  PyRef ref = PyRef::Steal(object);
  PyObject* released = ref.release();
  CHECK(released == object);
  CHECK(ref.get() == nullptr);
  CHECK(Py_REFCNT(object) == 1);
  Py_DECREF(released);
}
