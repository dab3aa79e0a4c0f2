# Run by a fresh python (-c): what a transcript could see of its start-up
# state. Imports nothing, so the modules are start-up's own.
import sys
m = sorted(sys.modules)
p = sys.path[1:] if sys.path[:1] == [''] else sys.path
n = sorted(vars(sys.modules['__main__']))
c = sorted(sys.path_importer_cache)
sys.stdout.write(repr((m, p, n, c)))
