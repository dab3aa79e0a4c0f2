// TemporaryAttribute, checked by what Python's getattr and hasattr report.
#include "pycon/temporary_attribute.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "pycon/python_error.h"
#include "python_test_support.h"

namespace {

using pycon::PyRef;
using pycon::TemporaryAttribute;
using pycon_test::SysState;

constexpr const char* kTargetsSource = R"(
import sys

class Target:
    """Attributes may be set and deleted until `locked` is set."""
    locked = False
    def __setattr__(self, name, value):
        if type(self).locked:
            raise PermissionError('locked: ' + name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        if type(self).locked:
            raise PermissionError('locked: ' + name)
        object.__delattr__(self, name)

unraisable = []
def record_unraisable(report):
    unraisable.append(type(report.exc_value).__name__)
)";

const pycon_test::Oracle kOracle(kTargetsSource, "attribute targets");

/// A new Target with `value` as its attribute `a` (none if null).
PyRef NewTarget(const PyRef& value = {}) {
  kOracle.Exec("Target.locked = False");
  PyRef target = kOracle.Eval("Target()");
  if (value) PyObject_SetAttrString(target.get(), "a", value.get());
  return target;
}

/// getattr(object, 'a'), or null if there is none.
PyRef Get(const PyRef& object) {
  PyRef value = PyRef::Steal(PyObject_GetAttrString(object.get(), "a"));
  if (!value) PyErr_Clear();
  return value;
}

}  // namespace

TEST_CASE("TemporaryAttribute sets, then restores the old value", "[temporary_attribute]") {
  PyRef old_value = kOracle.Eval("object()");
  PyRef new_value = kOracle.Eval("object()");
  PyRef target = NewTarget(old_value);
  {
    TemporaryAttribute patch(target, "a", new_value);
    CHECK(Get(target).get() == new_value.get());
  }
  CHECK(Get(target).get() == old_value.get());
  CHECK_FALSE(PyErr_Occurred());
}

TEST_CASE("TemporaryAttribute deletes an attribute there was not", "[temporary_attribute]") {
  PyRef target = NewTarget();
  PyRef value = kOracle.Eval("1");
  {
    TemporaryAttribute patch(target, "a", value);
    CHECK(Get(target).get() == value.get());
  }
  CHECK(PyObject_HasAttrString(target.get(), "a") == 0);
  SECTION("and one deleted meanwhile is left deleted, unreported") {
    SysState restore({"unraisablehook"});
    kOracle.Exec("unraisable.clear(); sys.unraisablehook = record_unraisable");
    {
      TemporaryAttribute patch(target, "a", value);
      PyObject_DelAttrString(target.get(), "a");
    }
    CHECK(PyObject_HasAttrString(target.get(), "a") == 0);
    CHECK(pycon_test::Repr(kOracle.Eval("unraisable").get()) == "[]");
    CHECK_FALSE(PyErr_Occurred());
  }
}

TEST_CASE("TemporaryAttribute nested on one attribute restores each level",
          "[temporary_attribute]") {
  PyRef first = kOracle.Eval("'first'");
  PyRef second = kOracle.Eval("'second'");
  PyRef target = NewTarget();
  {
    TemporaryAttribute outer(target, "a", first);
    {
      TemporaryAttribute inner(target, "a", second);
      CHECK(Get(target).get() == second.get());
    }
    CHECK(Get(target).get() == first.get());
  }
  CHECK(PyObject_HasAttrString(target.get(), "a") == 0);
}

TEST_CASE("A moved TemporaryAttribute restores once", "[temporary_attribute]") {
  PyRef old_value = kOracle.Eval("'old'");
  PyRef target = NewTarget(old_value);
  {
    TemporaryAttribute first(target, "a", kOracle.Eval("'new'"));
    TemporaryAttribute moved = std::move(first);
    CHECK(pycon::Str(Get(target).get()) == "new");
  }
  CHECK(Get(target).get() == old_value.get());
}

TEST_CASE("TemporaryAttribute that cannot set throws and changes nothing",
          "[temporary_attribute]") {
  PyRef old_value = kOracle.Eval("'old'");
  PyRef target = NewTarget(old_value);
  kOracle.Exec("Target.locked = True");
  try {
    TemporaryAttribute patch(target, "a", kOracle.Eval("'new'"));
    FAIL("no PythonError");
  } catch (const pycon::PythonError& error) {
    CHECK(error.type().get() == PyExc_PermissionError);
  }
  kOracle.Exec("Target.locked = False");
  CHECK(Get(target).get() == old_value.get());
  CHECK_FALSE(PyErr_Occurred());
}

TEST_CASE("TemporaryAttribute that cannot restore reports it and does not throw",
          "[temporary_attribute]") {
  SysState restore({"unraisablehook"});
  kOracle.Exec("unraisable.clear(); sys.unraisablehook = record_unraisable");
  PyRef target = NewTarget(kOracle.Eval("'old'"));
  // An exception pending when it goes is pending after.
  PyErr_SetString(PyExc_KeyError, "pending");
  {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    TemporaryAttribute patch(target, "a", kOracle.Eval("'new'"));
    kOracle.Exec("Target.locked = True");
    PyErr_Restore(type, value, traceback);
  }
  CHECK(PyErr_ExceptionMatches(PyExc_KeyError));
  PyErr_Clear();
  kOracle.Exec("Target.locked = False");
  CHECK(pycon::Str(Get(target).get()) == "new");
  CHECK(pycon_test::Repr(kOracle.Eval("unraisable").get()) == "['PermissionError']");
}
