# Gives the host interpreter (python -m replay) the start-up state that
# startup_probe.py found in a fresh one. Defines refresh(probe) and flags().
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
    # coverage.py measuring the host stays (child_coverage.py finds it), and
    # so do the submodules it reaches as attributes of the packages that stay
    # (importlib.machinery): a program run by `python -m coverage run` sees
    # coverage imported too.
    coverage = sys.modules.get('coverage')
    current = getattr(getattr(coverage, 'Coverage', None), 'current', None)
    measured = current is not None and current() is not None
    if measured:
        keep.update(name for name in sys.modules if name.partition('.')[0] == 'coverage')
    for name in [name for name in sys.modules if name not in keep]:
        module = sys.modules.pop(name)
        parent, _, child = name.rpartition('.')
        if (not measured and parent in keep
                and getattr(sys.modules.get(parent), child, None) is module):
            delattr(sys.modules[parent], child)
    for entry in [entry for entry in sys.path_importer_cache if entry not in finders]:
        del sys.path_importer_cache[entry]
