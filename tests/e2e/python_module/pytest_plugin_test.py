"""The pytest plugin gives replay's verdicts as pytest items.

    pytest_plugin_test.py REPLAY PACKAGE_DIR PYTHON

PYTHON runs pytest (Debian's python3-pytest and python3-pytest-xdist),
loading replay.pytest_plugin from PACKAGE_DIR (the build's python/). Truth:
`replay run --report-json` on the same files — the plugin must report
exactly replay's verdicts, one item per file replay selects, with pytest's
-k, -x, --lf, --junitxml and -n doing what pytest users expect, and leave
pytest's interpreter untouched; and beside pytest's own --doctest-modules,
one report holding pytest's doctest items and replay's files, each as that
tool alone judges them.
"""
import json
import os
import pathlib
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import testlib

FILES = {
    'good.pycon': '>>> 1 + 1\n2\n',
    'bad.pycon': '>>> 1 + 1\n3\n',
    'sub/also_good.pycon': '>>> print("hi")\nhi\n',
    'sub/skipped.pycon': '>>> # replay: requires python >= 99.0\n>>> 1\n1\n',
    'docs/guide.md': 'Guide\n\n```pycon\n>>> 2 * 3\n6\n```\n',
    'docs/wrong.md': 'Wrong\n\n```pycon\n>>> 2 * 3\n7\n```\n',
    'notes.txt.orig': 'not a file replay selects\n',
    'pyproject.toml': '[tool.replay]\nmodes = { "docs/*.md" = "doctest" }\n',
    # What pytest's interpreter holds after the run: replay must not be in it.
    'conftest.py': (
        'import json, sys\n'
        'def pytest_unconfigure(config):\n'
        '    with open("interpreter.json", "w") as f:\n'
        '        json.dump({"modules": sorted(m for m in sys.modules if "replay" in m),\n'
        '                   "path": sys.path}, f)\n'),
}

# A project with doctests in a module, for pytest's --doctest-modules, and
# transcripts, for replay (tests/e2e/python_module, "one report").
BOTH = {
    'mod.py': ('def double(x):\n    """\n    >>> double(2)\n    4\n    """\n    return 2 * x\n\n\n'
               'def half(x):\n    """\n    >>> half(3)\n    1\n    """\n    return x / 2\n'),
    'ok.pycon': '>>> 1 + 1\n2\n',
    'wrong.pycon': '>>> 1 + 1\n3\n',
}

OUTCOME = {'passed': 'passed', 'failed': 'failed', 'error': 'failed', 'skipped': 'skipped'}


def outcome(case):
    """A JUnit test case's outcome: passed, failed (a failure or an error) or
    skipped."""
    for child in case:
        if child.tag in ('failure', 'error'):
            return 'failed'
        if child.tag == 'skipped':
            return 'skipped'
    return 'passed'


def outcomes(junit, root):
    """{file (relative to `root`, without its extension): outcome} of a JUnit
    XML file pytest wrote (its paths are relative to pytest's rootdir)."""
    result = {}
    for case in ElementTree.parse(junit).getroot().iter('testcase'):
        name = case.get('file').split(root.name + '/', 1)[-1]
        name = name.replace('.pycon', '').replace('.md', '')
        result[name] = outcome(case)
    return result


def cases(junit):
    """{(file name, test name): outcome} of every test case of a JUnit XML
    file; a replay item (one per file) has the test name ''."""
    result = {}
    for case in ElementTree.parse(junit).getroot().iter('testcase'):
        name = '' if case.get('name').startswith('replay[') else case.get('name')
        result[(os.path.basename(case.get('file')), name)] = outcome(case)
    return result


def main(replay, package_dir, python):
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name, text in FILES.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        env = dict(os.environ, PYTHONPATH=package_dir, PYTHONDONTWRITEBYTECODE='1')

        def pytest(*args, junit=None):
            junit = junit or root / 'junit.xml'
            done = testlib.run(python, '-m', 'pytest', '-p', 'replay.pytest_plugin', '--replay',
                               '--replay-command', replay, '-o', 'junit_family=xunit1',
                               f'--junitxml={junit}', *args, cwd=root, env=env)
            return done, outcomes(junit, root) if junit.exists() else {}

        # Truth: replay's own verdicts on the same paths.
        _, report = testlib.run_report(replay, '.', 'docs', cwd=root)
        truth = {}
        for entry in (report or {}).get('transcripts', []):
            path = os.path.relpath(os.path.join(root, entry['path']), root)
            truth[path.replace('.pycon', '').replace('.md', '')] = OUTCOME[entry['status']]
        if len(truth) != 6:
            failures.append(f'replay itself should check 6 files: {report}')

        done, got = pytest('-p', 'no:cacheprovider', '.', 'docs')
        checked += 1
        if got != truth:
            failures.append(f'pytest --replay gave {got}, replay gave {truth}\n'
                            f'{done.stdout.decode()}{done.stderr.decode()}')
        out = done.stdout.decode()
        checked += 1
        if '-3\n+2' not in out.replace('\r', '') or 'bad.pycon:2' not in out:
            failures.append(f'a failure should show replay\'s message and diff: {out}')
        checked += 1
        if done.returncode != 1:
            failures.append(f'pytest with failing files exited {done.returncode}')

        # The interpreter pytest ran in never imported replay's module.
        state = (root / 'interpreter.json')
        checked += 1
        if not state.exists() or [m for m in json.loads(state.read_text())['modules']
                                  if m != 'replay' and m != 'replay.pytest_plugin']:
            failures.append(f'pytest\'s interpreter imported replay\'s module: '
                            f'{state.read_text() if state.exists() else "no state"}')

        # -k selects items as pytest does; -x stops at the first failure.
        _, got = pytest('-p', 'no:cacheprovider', '.', '-k', 'also_good')
        checked += 1
        if list(got.values()) != ['passed'] or len(got) != 1:
            failures.append(f'-k also_good: {got}')
        done, got = pytest('-p', 'no:cacheprovider', '-x', '.')
        checked += 1
        if 'failed' not in got.values() or len(got) >= 4 or done.returncode != 1:
            failures.append(f'-x should stop at the first failure: {got}')

        # --lf: the second run takes only what failed in the first.
        pytest('.', 'docs')
        _, got = pytest('--lf', '.', 'docs')
        checked += 1
        if sorted(got.values()) != ['failed', 'failed']:
            failures.append(f'--lf should rerun the two failures: {got}')

        # pytest-xdist: the same verdicts from two workers.
        _, got = pytest('-p', 'no:cacheprovider', '-n', '2', '.', 'docs')
        checked += 1
        if got != truth:
            failures.append(f'pytest -n 2 gave {got}, replay gave {truth}')

        # pytest's own --doctest-modules beside the plugin, in one run: one
        # report holding pytest's doctest items, as pytest alone gives them,
        # and replay's files, as replay alone judges them.
        both = root / 'both'
        for name, text in BOTH.items():
            (both / name).parent.mkdir(parents=True, exist_ok=True)
            (both / name).write_text(text)
        alone = testlib.run(python, '-m', 'pytest', '-p', 'no:cacheprovider', '--doctest-modules',
                            '-o', 'junit_family=xunit1', f'--junitxml={root / "alone.xml"}',
                            cwd=both, env=env)
        _, report = testlib.run_report(replay, '.', cwd=both)
        expected = {**cases(root / 'alone.xml'),
                    **{(os.path.basename(entry['path']), ''): OUTCOME[entry['status']]
                       for entry in (report or {}).get('transcripts', [])}}
        done = testlib.run(python, '-m', 'pytest', '-p', 'no:cacheprovider', '--doctest-modules',
                           '-p', 'replay.pytest_plugin', '--replay', '--replay-command', replay,
                           '-o', 'junit_family=xunit1', f'--junitxml={root / "both.xml"}',
                           cwd=both, env=env)
        got = cases(root / 'both.xml') if (root / 'both.xml').exists() else {}
        checked += 1
        if (got != expected or sorted(set(expected.values())) != ['failed', 'passed']
                or alone.returncode != 1 or done.returncode != 1):
            failures.append(f'pytest --doctest-modules --replay gave {got} (exit '
                            f'{done.returncode}); pytest alone and replay alone gave {expected} '
                            f'(pytest exit {alone.returncode})\n{done.stdout.decode()}')
    return testlib.finish(failures, checked=checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
