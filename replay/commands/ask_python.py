# Run by a python with -S -c (AskPython): what it is, one line each: its
# sys.executable, its version (3.11.7), the real path of its standard
# library's directory (empty if unknown), and sys.version with its
# whitespace made single spaces (the build line, as Py_GetVersion() says it).
import os
import sys
f = getattr(os, '__file__', None)
lines = [sys.executable, '%d.%d.%d' % sys.version_info[:3],
         os.path.realpath(os.path.dirname(f)) if f else '', ' '.join(sys.version.split())]
sys.stdout.write('\n'.join(lines))
