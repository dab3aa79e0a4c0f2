"""CPython's own test_code_module passes against the core.

    python3 stdlib_code_module_test.py MODULE_DIR

Runs the linked Python's Lib/test/test_code_module.py twice, each in a fresh
process of this Python: against the stdlib `code` module, and against the
core, with sys.modules['code'] replaced by pycon_code (core/python/, built
into MODULE_DIR) before the test module imports it. Every test that passes
on the stdlib must pass on the core, and the second run must really have
used the core (its console's showtraceback is the core's C function), and a
core whose showtraceback shows nothing must fail some test (the control).
Exit status 77 (skipped) if this Python has no Lib/test/test_code_module.py.
"""
import importlib.util
import json
import pathlib
import sys

import testlib

RUN = r'''
import json, sys, unittest
if sys.argv[2] in ('core', 'broken'):
    sys.path.insert(0, sys.argv[1])
    import pycon_code
    sys.modules['code'] = pycon_code
    if sys.argv[2] == 'broken':  # the control: tracebacks shown by nothing
        pycon_code.InteractiveInterpreter.showtraceback = lambda self: None
from test import test_code_module
used = test_code_module.code
suite = unittest.defaultTestLoader.loadTestsFromModule(test_code_module)
def ids(suite):
    for test in suite:
        yield from ids(test) if isinstance(test, unittest.TestSuite) else [test.id()]
every = set(ids(suite))  # before the run, which empties the suite
result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
bad = {test.id() for test, _ in result.failures + result.errors + result.unexpectedSuccesses}
skipped = {test.id() for test, _ in result.skipped}
print(json.dumps({
    'module': used.__name__,
    'showtraceback': type(vars(used.InteractiveInterpreter)['showtraceback']).__name__,
    'passed': sorted(every - bad - skipped), 'failed': sorted(bad),
    'skipped': sorted(skipped)}))
'''


def test_results(module_dir, which):
    """test_code_module's results in a fresh process, `which`: stdlib, core
    or broken; and its log (None and the whole output if it did not finish)."""
    done = testlib.run(sys.executable, '-c', RUN, module_dir, which, text=True, timeout=300)
    try:
        return json.loads(done.stdout.splitlines()[-1]), done.stderr
    except (IndexError, ValueError):
        return None, done.stdout + done.stderr


def main(module_dir):
    if importlib.util.find_spec('test.test_code_module') is None:
        # Debian's python3.X ships Lib/test apart (libpython3.X-testsuite).
        print(f'skipped: Python {sys.version.split()[0]} has no test.test_code_module')
        return 77
    failures = []
    stdlib, stdlib_log = test_results(module_dir, 'stdlib')
    core, core_log = test_results(module_dir, 'core')
    broken, broken_log = test_results(module_dir, 'broken')
    if stdlib is None or core is None or broken is None:
        return testlib.finish([f'a run did not finish:\n{stdlib_log}\n{core_log}\n{broken_log}'],
                              1)
    if core['module'] != 'pycon_code' or core['showtraceback'] != 'instancemethod':
        failures.append(f'the run against the core did not use it: {core}')
    if not stdlib['passed']:
        failures.append(f'no test passed on the stdlib:\n{stdlib_log}')
    if not set(stdlib['passed']) - set(broken['passed']):
        failures.append('a core that shows no traceback passes too: the run proves nothing')
    lost = sorted(set(stdlib['passed']) - set(core['passed']))
    if lost:
        failures.append('passed on the stdlib, not on the core: ' + ', '.join(lost) +
                        '\n' + core_log[-6000:])
    print(f"test_code_module of Python {sys.version.split()[0]}: "
          f"{len(stdlib['passed'])} pass on the stdlib, {len(core['passed'])} on the core; "
          f"skipped on the core: {core['skipped'] or 'none'}")
    return testlib.finish(failures, max(len(stdlib['passed']), 1))


if __name__ == '__main__':
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve()))
