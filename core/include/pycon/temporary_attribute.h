// An attribute set for a while: `setattr`, and the old state back at the end.
#pragma once

#include <string>

#include "pycon/py_ref.h"

namespace pycon {

/// Sets `object.name = value` for as long as it lives; when it goes, the
/// attribute is as it was before: the old value set back, or the attribute
/// deleted if there was none. Move-only.
class TemporaryAttribute {
 public:
  /// Remembers the attribute and sets it. Throws PythonError if it cannot be
  /// read (other than by AttributeError) or set; nothing is changed then.
  TemporaryAttribute(PyRef object, std::string name, PyRef value);
  /// Restores the attribute. Never throws: a failure to restore is reported
  /// as Python reports errors it cannot raise (sys.unraisablehook), and an
  /// exception pending before is pending after.
  ~TemporaryAttribute();
  TemporaryAttribute(TemporaryAttribute&& other) noexcept = default;
  TemporaryAttribute& operator=(TemporaryAttribute&&) = delete;
  TemporaryAttribute(const TemporaryAttribute&) = delete;
  TemporaryAttribute& operator=(const TemporaryAttribute&) = delete;

 private:
  PyRef object_;  ///< null once moved from
  std::string name_;
  PyRef old_value_;  ///< null if there was no attribute
};

}  // namespace pycon
