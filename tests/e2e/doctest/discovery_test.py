"""A directory search in doctest mode takes the files pytest collects.

    python3 discovery_test.py REPLAY

A project tree with what real projects hold besides their docs and
packages -- a virtual environment `.venv` and one named `env` (made by
this Python's venv), a Sphinx build tree `docs/_build` (with its
`_sources/*.rst.txt` copies), `build/`, `dist/`, `node_modules/`, `.tox/`,
`*.egg-info/`, `__pycache__/`, and a package's `__main__.py` that writes a
file when imported -- every file holding an example (but the copies and
lists of `_build` and `*.egg-info`, which replay skips besides pytest's
norecursedirs, are `*.txt`, which pytest's glob here does not take, as a
project runs it). `replay run --mode
doctest .` must check the set of files Debian's `python3 -m pytest
--collect-only -q --doctest-glob='*.rst' --doctest-modules` collects (a
file's items named `FILE::...`), and neither may run `__main__.py`. Then the
same with `norecursedirs` set alike in `[tool.pytest.ini_options]` and
`[tool.replay]`. Also: `replay run` on `__main__.py` itself is an error that
does not import it.
"""
import pathlib
import subprocess
import sys
import tempfile

import testlib

PYTEST_PYTHON = '/usr/bin/python3'

RST = 'A page.\n\n>>> 1 + 1\n2\n'
MODULE = '"""A module.\n\n>>> 2 * 3\n6\n"""\n'
MAIN = ('"""Runs the program.\n\n>>> 1\n1\n"""\nimport pathlib\n'
        "pathlib.Path(__file__).resolve().parents[2].joinpath('MAIN_RAN').write_text('ran')\n")

TREE = {
    'README.rst': RST,
    'docs/guide.rst': RST,
    'docs/api/index.rst': RST,
    'docs/_build/html/_sources/guide.rst.txt': RST,
    'docs/_build/html/_sources/api/index.rst.txt': RST,
    'src/mypkg/__init__.py': MODULE,
    'src/mypkg/core.py': MODULE,
    'src/mypkg/sub/__init__.py': MODULE,
    'src/mypkg/sub/deep.py': MODULE,
    'src/mypkg/__main__.py': MAIN,
    'legacy/old.rst': RST,
    'build/lib/mypkg/__init__.py': MODULE,
    'build/lib/mypkg/core.py': MODULE,
    'build/notes.rst': RST,
    'dist/notes.rst': RST,
    'node_modules/pkg/README.rst': RST,
    '.tox/py311/notes.rst': RST,
    'mypkg.egg-info/SOURCES.txt': 'src/mypkg/core.py\n',
    'mypkg.egg-info/top_level.txt': 'mypkg\n',
    'src/mypkg/__pycache__/notes.rst': RST,
}
VENVS = ['.venv', 'env']  # `env` is no name of norecursedirs: found by pyvenv.cfg
IN_VENV = {'notes.rst': RST, 'lib/site-packages/vpkg/__init__.py': MODULE,
           'lib/site-packages/vpkg/mod.py': MODULE}

PYPROJECT = '''\
[tool.pytest.ini_options]
norecursedirs = [".*", "build", "_build", "legacy", "*.egg-info"]

[tool.replay]
norecursedirs = [".*", "build", "_build", "legacy", "*.egg-info"]
'''


def make_tree(root):
    for name, text in TREE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding='utf-8')
    for venv in VENVS:
        subprocess.run([sys.executable, '-m', 'venv', '--without-pip', root / venv], check=True)
        for name, text in IN_VENV.items():
            (root / venv / name).parent.mkdir(parents=True, exist_ok=True)
            (root / venv / name).write_text(text, encoding='utf-8')


def pytest_files(root):
    done = testlib.run(PYTEST_PYTHON, '-m', 'pytest', '--collect-only', '-q', '-p',
                       'no:cacheprovider', '--doctest-glob=*.rst', '--doctest-modules', cwd=root)
    lines = done.stdout.decode(errors='replace').splitlines()
    files = sorted({line.split('::')[0] for line in lines if '::' in line})
    if done.returncode != 0 or not files:
        raise AssertionError('pytest --collect-only: status %d\n%s%s' % (
            done.returncode, '\n'.join(lines), done.stderr.decode(errors='replace')))
    return files


def replay_files(replay, root):
    done, report = testlib.run_report(replay, '--color', 'never', '--prompts', 'off', '--mode',
                                      'doctest', '.', cwd=root)
    if done.returncode != 0:
        raise AssertionError('replay run --mode doctest .: status %d\n%s%s' % (
            done.returncode, done.stdout.decode(errors='replace'),
            done.stderr.decode(errors='replace')))
    return sorted(str(pathlib.PurePath(path)) for path in testlib.by_path(report))


def compare(replay, root, what, failures):
    want, got = pytest_files(root), replay_files(replay, root)
    if want != got:
        failures.append('%s: pytest collects %s;\n  replay checks %s' % (what, want, got))
    if (root / 'MAIN_RAN').exists():
        failures.append('%s: __main__.py was imported' % what)


def main():
    replay = pathlib.Path(sys.argv[1]).resolve()
    if testlib.run(PYTEST_PYTHON, '-m', 'pytest', '--version').returncode != 0:
        print('FAILED: no pytest for %s: install python3-pytest (ci/setup)' % PYTEST_PYTHON)
        return 1
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / 'project'
        root.mkdir()
        make_tree(root)
        compare(replay, root, 'the default norecursedirs', failures)
        (root / 'pyproject.toml').write_text(PYPROJECT, encoding='utf-8')
        compare(replay, root, 'norecursedirs of pyproject.toml', failures)
        done, report = testlib.run_report(replay, '--color', 'never', 'src/mypkg/__main__.py',
                                          cwd=root)
        entry = testlib.by_path(report).get('src/mypkg/__main__.py', {})
        if done.returncode != 1 or entry.get('status') != 'error' \
                or (root / 'MAIN_RAN').exists():
            failures.append('replay run src/mypkg/__main__.py: status %d, %r; imported: %s' % (
                done.returncode, entry, (root / 'MAIN_RAN').exists()))
    return testlib.finish(failures, 3)


if __name__ == '__main__':
    sys.exit(main())
