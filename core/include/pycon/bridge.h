// The bridge for code outside the core: Python reached from C++ without the
// C API — source run in a namespace, imports, attributes, calls, values
// converted both ways, and C++ functions that Python can call.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pycon/py_ref.h"
#include "pycon/python_error.h"

namespace pycon {

/// The bridge's error rule. Every function here that calls the C API either
/// succeeds or throws PythonError, the core's one error type, carrying the
/// Python exception the call raised (ThrowPythonError: fetched, so none is
/// left pending); none returns null for a failure or leaves an exception
/// set. That holds for exceptions raised by the Python code a bridge
/// function runs (Exec, Call): replay's own programs failing are errors of
/// ours. User code is run by the console (InteractiveInterpreter), whose
/// exceptions are output, not errors. Unless a function says otherwise, its
/// arguments must not be null PyRefs. The GIL must be held.

/// A new namespace for running source: a dict holding only `__builtins__`
/// (the builtins of the running code, as exec() gives a dict without them),
/// and `__name__` if `name` is not empty.
PyRef NewNamespace(std::string_view name = {});

/// The namespace of the `__main__` module (the module is made if there is
/// none): where `python3` runs what it reads.
PyRef MainNamespace();

/// `source` compiled as a module ('exec' mode) named `filename` in
/// tracebacks: a code object.
PyRef Compile(std::string_view source, std::string_view filename);

/// Runs code object `code` in `namespace_dict` (globals and locals); the
/// names it binds stay there. `context`, if given, starts the message of
/// the PythonError (as for ThrowPythonError): what was being done.
void Exec(const PyRef& code, const PyRef& namespace_dict, const std::string& context = {});

/// Compiles `source` as `filename` and runs it in `namespace_dict`.
void Exec(std::string_view source, std::string_view filename, const PyRef& namespace_dict,
          const std::string& context = {});

/// `import module`: the module (for a dotted name, the submodule).
PyRef Import(const std::string& module);

/// getattr(object, name).
PyRef GetAttr(const PyRef& object, const std::string& name);

/// mapping[key], for a str key.
PyRef GetItem(const PyRef& mapping, std::string_view key);

/// mapping[key] = value, for a str key.
void SetItem(const PyRef& mapping, std::string_view key, const PyRef& value);

/// sys.<name>, or a null PyRef if sys has no such attribute.
PyRef SysAttr(const std::string& name);

/// sys.flags replaced by a copy of itself whose field `name` is `value`:
/// what the command line that starts Python sets (`-q`: quiet). Only code
/// that reads sys.flags sees it; the interpreter's configuration stays.
void SetSysFlag(const std::string& name, const PyRef& value);

/// callable(*args). `context` as for Exec.
PyRef Call(const PyRef& callable, const std::vector<PyRef>& args = {},
           const std::string& context = {});

/// object.name(*args). `context` as for Exec.
PyRef CallMethod(const PyRef& object, const std::string& name, const std::vector<PyRef>& args = {},
                 const std::string& context = {});

/// None.
PyRef None();

/// Whether `object` is None.
bool IsNone(const PyRef& object);

/// Whether `object` is a list (or a subclass of list).
bool IsList(const PyRef& object);

/// A Python int.
PyRef MakeInt(long value);

/// A Python list of str, each made by MakeStr.
PyRef MakeStrList(const std::vector<std::string>& items);

/// The value of a Python int (or of an object with __index__); throws if
/// it does not fit a long.
long ToLong(const PyRef& object);

/// The items of an iterable (list(iterable)).
std::vector<PyRef> Items(const PyRef& iterable);

/// str(object) as UTF-8 (lone surrogates escaped); see Str(PyObject*).
std::string Str(const PyRef& object);

/// str() of each item of an iterable.
std::vector<std::string> Strs(const PyRef& iterable);

/// C++ code that Python may call: receives the positional arguments,
/// returns the result (a null PyRef stands for None). What it throws
/// reaches Python as CallFromPython says: KeyboardInterruptError as
/// KeyboardInterrupt, PythonError as its exception, any other exception as
/// RuntimeError.
using Callback = std::function<PyRef(const std::vector<PyRef>& args)>;

/// A Python function (a builtin, so no frame of ours shows in a traceback)
/// named `name`, with docstring `doc` (none if empty), that calls `body`
/// with its positional arguments; it takes no keyword arguments. The
/// function owns `body`, which goes when the function does.
PyRef MakeFunction(std::string name, Callback body, std::string doc = {});

}  // namespace pycon
