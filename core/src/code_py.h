// Where code.py differs between versions of Python. Each family of versions
// implements this interface in a source file of its own, and
// core/CMakeLists.txt compiles the one for the linked Python:
//  - code_py_312.cpp, code.py of 3.8 to 3.12: source and code run through
//    code.py's own runsource and runcode (so tracebacks keep its frames),
//    and a user's sys.excepthook is simply called;
//  - code_py_313.cpp, code.py of 3.13 and later: _showtraceback's display,
//    and a failing sys.excepthook reported with the original exception.
#pragma once

#include <memory>
#include <string_view>

#include "c_api.h"
#include "pycon/py_ref.h"

namespace pycon::internal {

/// code.InteractiveInterpreter's runsource, runcode, showsyntaxerror and
/// showtraceback, as the linked Python's code.py has them.
class CodePy {
 public:
  virtual ~CodePy() = default;

  /// code.py's runsource(source, filename, symbol): true if more input is
  /// needed. Throws SystemExitError if the code raised SystemExit.
  virtual bool RunSource(std::string_view source, std::string_view filename,
                         std::string_view symbol) = 0;

  /// code.py's runcode(code). Throws SystemExitError.
  virtual void RunCode(PyObject* code) = 0;

  /// code.py's showsyntaxerror(filename) of `error`, raised compiling
  /// `source` (empty if not known); sets sys.last_*.
  virtual void ShowSyntaxError(PendingException error, std::string_view filename,
                               std::string_view source) = 0;

  /// code.py's showtraceback() of `error`; sets sys.last_*.
  virtual void ShowTraceback(PendingException error) = 0;
};

/// The linked Python's code.py, running code in `locals` and compiling with
/// `compiler` (a codeop.CommandCompiler).
std::unique_ptr<CodePy> MakeCodePy(PyRef locals, PyRef compiler);

/// Whether code.py's interact() writes its exit message however it ends
/// (3.13: in a `finally`) or only when the loop ends at end of input.
bool ExitMessageOnEveryExit();

}  // namespace pycon::internal
