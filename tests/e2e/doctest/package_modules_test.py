"""A package's module is imported once, under its package's name, as
`pytest --doctest-modules` and `doctest.testmod` on the imported module see it.

    python3 package_modules_test.py REPLAY

The package `shop` imports its module `items` in its `__init__.py`; the
module records each time its body runs, and its docstrings check that
`sys.modules["shop.items"] is shop.items`, that its body ran once, and an
`isinstance` against its own class of an object the package made. For each
of the package's files, replay's verdict, examples and failures (`replay run
--prompts off FILE`) must be those of this Python's doctest.testmod on the
module imported by its dotted name (the package's parent first on
sys.path), and its verdict that of Debian's `python3 -m pytest
--doctest-modules FILE`.
"""
import json
import pathlib
import sys
import tempfile

import testlib

PYTEST_PYTHON = '/usr/bin/python3'

FILES = {
    'shop/__init__.py': '''\
"""A shop.

>>> import sys, shop
>>> shop.items is sys.modules['shop.items']
True
"""
loads = []
from . import items  # noqa: E402


def make():
    return items.Item('pen')
''',
    'shop/items.py': '''\
"""Items of the shop.

>>> import sys, shop
>>> sys.modules['shop.items'] is shop.items
True
>>> shop.loads
['shop.items']
>>> isinstance(shop.make(), Item)
True
"""
import shop

shop.loads.append(__name__)


class Item:
    """An item.

    >>> Item('cup').name
    'cup'
    """

    def __init__(self, name):
        self.name = name
''',
    # A module the package does not import: imported once too, and named
    # by its package.
    'shop/extra.py': '''\
"""Extra.

>>> import sys, shop
>>> sys.modules['shop.extra'] is shop.extra
True
"""
''',
}

MARK = '@@replay-package-result@@ '
TESTMOD = r'''
import doctest, importlib, json, os, sys
path = sys.argv[1]
name = path[:-3].replace('/', '.')
if name.endswith('.__init__'):
    name = name[:-len('.__init__')]
sys.path.insert(0, os.getcwd())
module = importlib.import_module(name)
del sys.path[0]
results = doctest.testmod(module)
print('\n' + MARK + json.dumps({'attempted': results.attempted, 'failed': results.failed}))
'''.replace('MARK', repr(MARK))


def main():
    replay = pathlib.Path(sys.argv[1]).resolve()
    if testlib.run(PYTEST_PYTHON, '-m', 'pytest', '--version').returncode != 0:
        print('FAILED: no pytest for %s: install python3-pytest (ci/setup)' % PYTEST_PYTHON)
        return 1
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        project = pathlib.Path(tmp)
        for name, text in FILES.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text, encoding='utf-8')
        for name in FILES:
            truth, _ = testlib.stdlib_json_result(TESTMOD, MARK, name, [], project)
            status = 'failed' if truth['failed'] else 'passed'
            pytest = testlib.run(PYTEST_PYTHON, '-m', 'pytest', '-q', '-p', 'no:cacheprovider',
                                 '--doctest-modules', name, cwd=project)
            pytest_status = {0: 'passed', 1: 'failed'}.get(pytest.returncode)
            if pytest_status != status:
                failures.append('%s: testmod %s, pytest status %d:\n%s' % (
                    name, status, pytest.returncode, pytest.stdout.decode(errors='replace')))
            done, report = testlib.run_report(replay, '--color', 'never', '--prompts', 'off',
                                              name, cwd=project)
            entry = testlib.by_path(report).get(name)
            if entry is None:
                failures.append('%s: not in the report (status %d): %s' % (
                    name, done.returncode, done.stderr.decode(errors='replace')))
                continue
            got = (entry['status'], entry['examples'], entry['failures'])
            want = (status, truth['attempted'], truth['failed'])
            if got != want:
                failures.append('%s: testmod (status, attempted, failed) %r, replay %r\n%s' % (
                    name, want, got, json.dumps(entry, indent=1)))
            if status != 'passed':
                failures.append('%s: the reference should pass' % name)
    return testlib.finish(failures, len(FILES))


if __name__ == '__main__':
    sys.exit(main())
