#include "replay/commands/host_interpreter.h"

#include <Python.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "pycon/py_ref.h"
#include "pycon/python_error.h"
#include "replay/commands/environment.h"

namespace replay {

namespace {

/// Run by a fresh python (`-c`): what a transcript could see of its
/// start-up state. Imports nothing, so the modules are start-up's own.
const char* const kProbeSource =
    "import sys\n"
    "m = sorted(sys.modules)\n"
    "p = sys.path[1:] if sys.path[:1] == [''] else sys.path\n"
    "n = sorted(vars(sys.modules['__main__']))\n"
    "c = sorted(sys.path_importer_cache)\n"
    "sys.stdout.write(repr((m, p, n, c)))\n";

/// Gives the host the probed state. Defines `refresh(probe)` and `flags()`.
const char* const kRefreshSource = R"py(
def flags():
    """The host's start-up options that change what start-up imports or finds."""
    import sys
    f = sys.flags
    options = [opt for opt, on in (('-I', f.isolated), ('-E', f.ignore_environment),
                                   ('-s', f.no_user_site), ('-S', f.no_site),
                                   ('-P', getattr(f, 'safe_path', False)),
                                   ('-B', f.dont_write_bytecode)) if on]
    options += ['-O'] * f.optimize + ['-b'] * f.bytes_warning
    options += ['-W' + w for w in sys.warnoptions]
    options += ['-X' + (k if v is True else '%s=%s' % (k, v)) for k, v in sys._xoptions.items()]
    return options

def _stream(fd, name, write, old, errors):
    """A standard stream as `python3 -u` makes it (Python/pylifecycle.c)."""
    import io
    try:
        buf = io.open(fd, 'wb' if write else 'rb', buffering=0 if write else -1, closefd=False)
    except OSError:
        return None
    raw = buf if write else buf.raw
    raw.name = name
    encoding = getattr(old, 'encoding', None) or 'utf-8'
    text = io.TextIOWrapper(buf, encoding, errors, newline='\n', line_buffering=False,
                            write_through=True)
    text.mode = 'w' if write else 'r'
    return text

def refresh(probe):
    import sys, builtins
    modules, path, main_names, finders = eval(probe, {'__builtins__': {}})
    for old in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            old.flush()
        except Exception:
            pass
    errors = getattr(sys.__stdout__, 'errors', None) or 'strict'
    sys.stdin = sys.__stdin__ = _stream(0, '<stdin>', False, sys.__stdin__, errors)
    sys.stdout = sys.__stdout__ = _stream(1, '<stdout>', True, sys.__stdout__, errors)
    sys.stderr = sys.__stderr__ = _stream(2, '<stderr>', True, sys.__stderr__,
                                          'backslashreplace')
    sys.argv = ['']
    sys.path[:] = path
    main = type(sys)('__main__')
    if '__annotations__' in main_names:
        main.__annotations__ = {}
    if '__loader__' in main_names:
        main.__loader__ = sys.modules['_frozen_importlib'].BuiltinImporter
    main.__builtins__ = builtins
    sys.modules['__main__'] = main
    keep = set(modules)
    for name in [name for name in sys.modules if name not in keep]:
        module = sys.modules.pop(name)
        parent, _, child = name.rpartition('.')
        if parent in keep and getattr(sys.modules.get(parent), child, None) is module:
            delattr(sys.modules[parent], child)
    for entry in [entry for entry in sys.path_importer_cache if entry not in finders]:
        del sys.path_importer_cache[entry]
)py";

/// Runs `source` in a new namespace and returns it.
pycon::PyRef RunInNewNamespace(const char* source) {
  pycon::PyRef globals = pycon::Check(PyDict_New(), "a namespace");
  if (PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins()) != 0)
    pycon::ThrowPythonError("a namespace");
  pycon::Check(PyRun_String(source, Py_file_input, globals.get(), globals.get()),
               "replay's start-up code");
  return globals;
}

/// Calls `name` of `namespace_dict` with `args` (a tuple, owned here).
pycon::PyRef Call(const pycon::PyRef& namespace_dict, const char* name, PyObject* args) {
  pycon::PyRef arguments = pycon::Check(args, "arguments");
  PyObject* function = PyDict_GetItemString(namespace_dict.get(), name);  // borrowed
  if (function == nullptr) throw std::logic_error(std::string("no function ") + name);
  return pycon::Check(PyObject_Call(function, arguments.get(), nullptr), name);
}

void RefreshHost() {
  pycon::PyRef code = RunInNewNamespace(kRefreshSource);
  pycon::PyRef flags = Call(code, "flags", PyTuple_New(0));
  PyObject* executable = PySys_GetObject("executable");  // borrowed
  std::vector<std::string> args = {executable != nullptr ? pycon::Str(executable) : ""};
  for (Py_ssize_t i = 0; i < PyList_Size(flags.get()); ++i)
    args.push_back(pycon::Str(PyList_GetItem(flags.get(), i)));
  args.insert(args.end(), {"-c", kProbeSource});
  auto [probe, status] = Capture(args);
  if (status != 0)
    throw std::runtime_error("cannot ask " + args[0] + " for a fresh start-up state: " + probe);
  Call(code, "refresh", Py_BuildValue("(s#)", probe.data(), (Py_ssize_t)probe.size()));
}

}  // namespace

void AdoptAsFresh(pycon::SessionOptions& options) { options.adopt_running = RefreshHost; }

void AdoptAsIs(pycon::SessionOptions& options) {
  options.adopt_running = [] {};
}

}  // namespace replay
