# Runs a setup file (--setup) in a console's namespace, what it writes
# discarded. Given: source and path (the file's), namespace (the console's).
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    exec(compile(source, path, 'exec'), namespace)
