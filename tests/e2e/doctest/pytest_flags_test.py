"""pytest's option flags give pytest's verdicts, inline and from pytest's
configuration.

    python3 pytest_flags_test.py REPLAY CORPUS

CORPUS (tests/e2e/doctest/pytest_flags) holds `inline/`: documentation
files and a module whose examples use `# doctest: +NUMBER`, `+ALLOW_UNICODE`
and `+ALLOW_BYTES` (floats with fewer and more digits than Python prints,
lists of floats, exponents, values NUMBER must not accept, u'' and b'' in
nested reprs, prefixes after word characters), and `config/`: files that
need the flags from the project's pytest configuration (some turning them
off or on inline). Each scenario lays out a project -- the files under
`docs/`, configuration files where pytest looks for them (each kind pytest
reads: pytest.ini, .pytest.ini, pyproject.toml as a string and as an
array, tox.ini, setup.cfg; files pytest passes over or that take precedence)
-- and runs Debian's `python3 -m pytest --doctest-glob='*.txt'
--doctest-continue-on-failure` (with `--doctest-modules` for the module) and
`replay run --mode doctest docs` from the project's root. For each file,
the verdict (passed or failed) and the lines of the failing examples must
agree. Two scenarios check replay's layers: `--option` and `[tool.replay]
doctest-options` replace pytest's flags, compared with pytest given the same
flags by `-o doctest_optionflags=...`. And configuration files pytest
refuses to start with (REFUSED) make replay refuse to run too, naming the
file.

pytest's default, when its configuration does not set doctest_optionflags,
is ELLIPSIS (replay's is doctest's: none); no expected output of the corpus
holds `...`, so that default changes no verdict here.

Flag semantics do not depend on the Python version: pytest runs on Debian's
python3, replay embeds whichever Python it was built for.
"""
import pathlib
import re
import shutil
import sys
import tempfile

import testlib

PYTEST_PYTHON = '/usr/bin/python3'
ALL = 'NUMBER ALLOW_UNICODE ALLOW_BYTES'

# name: (configuration files {path in the project: text}, extra pytest
# arguments, extra replay arguments, corpus directory).
SCENARIOS = {
    'inline flags, no configuration': ({}, [], [], 'inline'),
    'pytest.ini': ({'pytest.ini': '[pytest]\ndoctest_optionflags = %s\n' % ALL}, [], [], 'config'),
    '.pytest.ini, NUMBER alone': (
        {'.pytest.ini': '[pytest]\n# a comment\ndoctest_optionflags = NUMBER\n'}, [], [], 'config'),
    'pyproject.toml, a string': ({'pyproject.toml': (
        '[project]\nname = "x"\n\n[tool.pytest.ini_options]\n'
        'doctest_optionflags = "ALLOW_UNICODE ALLOW_BYTES"\n')}, [], [], 'config'),
    'pyproject.toml, an array': ({'pyproject.toml': (
        '[tool.pytest.ini_options]\ndoctest_optionflags = ["NUMBER", "ALLOW_BYTES"]\n')},
        [], [], 'config'),
    'tox.ini, continuation lines': ({'tox.ini': (
        '[tox]\nenvlist = py3\n\n[pytest]\ndoctest_optionflags =\n    NUMBER\n'
        '    ALLOW_UNICODE\n\n    ALLOW_BYTES\n')}, [], [], 'config'),
    'setup.cfg': ({'setup.cfg': (
        '[metadata]\nname = x\n\n[tool:pytest]\ndoctest_optionflags: NUMBER ALLOW_UNICODE\n')},
        [], [], 'config'),
    'setup.cfg, quoted words and a comment between continuation lines': ({'setup.cfg': (
        '[tool:pytest]\ndoctest_optionflags = \'NUMBER\'\n; ALLOW_BYTES\n'
        '    "ALLOW_UNICODE"\n')}, [], [], 'config'),
    'COMPARISON_FLAGS': ({'pytest.ini': '[pytest]\ndoctest_optionflags = COMPARISON_FLAGS NUMBER\n'},
                         [], [], 'config'),
    # Precedence: the first file pytest takes, walking up from docs/.
    'a pytest.ini without a section hides setup.cfg above': ({
        'docs/pytest.ini': '', 'setup.cfg': '[tool:pytest]\ndoctest_optionflags = %s\n' % ALL},
        [], [], 'config'),
    'tox.ini without [pytest] is passed over': ({
        'docs/tox.ini': '[tox]\nenvlist = py3\n',
        'pyproject.toml': '[tool.pytest.ini_options]\ndoctest_optionflags = "%s"\n' % ALL},
        [], [], 'config'),
    'pyproject.toml without the table is passed over': ({
        'docs/pyproject.toml': '[project]\nname = "docs"\n',
        'tox.ini': '[pytest]\ndoctest_optionflags = ALLOW_BYTES NUMBER\n'}, [], [], 'config'),
    '.pytest.ini without [pytest] is passed over': ({
        'docs/.pytest.ini': '[other]\nkey = value\n',
        'setup.cfg': '[tool:pytest]\ndoctest_optionflags = ALLOW_UNICODE\n'}, [], [], 'config'),
    'in one directory, pytest.ini before pyproject.toml': ({
        'pytest.ini': '[pytest]\ndoctest_optionflags = NUMBER\n',
        'pyproject.toml': '[tool.pytest.ini_options]\ndoctest_optionflags = "ALLOW_UNICODE"\n'},
        [], [], 'config'),
    # replay's layers: --option and [tool.replay] replace pytest's flags.
    '--option replaces them': ({'pytest.ini': '[pytest]\ndoctest_optionflags = %s\n' % ALL},
                               ['-o', 'doctest_optionflags=ALLOW_BYTES'],
                               ['--option', 'ALLOW_BYTES'], 'config'),
    '[tool.replay] doctest-options replaces them': ({
        'setup.cfg': '[tool:pytest]\ndoctest_optionflags = %s\n' % ALL,
        'pyproject.toml': '[tool.replay]\ndoctest-options = ["NUMBER"]\n'},
        ['-o', 'doctest_optionflags=NUMBER'], [], 'config'),
}

# Configuration files pytest refuses to start with: replay refuses them too
# (status 2), naming the file. {path: text}
REFUSED = {
    '[pytest] in setup.cfg': {'setup.cfg': '[pytest]\ndoctest_optionflags = NUMBER\n'},
    'an unclosed quote': {'tox.ini': '[pytest]\ndoctest_optionflags = NUMBER "ALLOW\n'},
    'a line iniconfig refuses': {'pytest.ini': '[pytest]\nnot a key or value\n'},
    'a value before any section': {'setup.cfg': 'doctest_optionflags = NUMBER\n'},
    'invalid TOML': {'pyproject.toml': '[tool.pytest.ini_options]\ndoctest_optionflags = [\n'},
}

SUMMARY = re.compile(r'^(PASSED|FAILED|ERROR) (\S+?)(?:::\S*)?(?: - .*)?$', re.M)
FAILURE = re.compile(r'^(\S+):(\d+): (?:DocTestFailure|UnexpectedException)$', re.M)


def pytest_verdicts(root):
    """{file name: (verdict, failing lines)} of pytest run in `root` on docs/."""
    done = testlib.run(PYTEST_PYTHON, '-m', 'pytest', '-p', 'no:cacheprovider', '-rA',
                       '--doctest-glob=*.txt', '--doctest-modules',
                       '--doctest-continue-on-failure', *root[1], 'docs', cwd=root[0])
    out = done.stdout.decode('utf-8', 'replace')
    verdicts = {}
    for outcome, path in SUMMARY.findall(out):
        verdicts[pathlib.PurePath(path).name] = ('passed' if outcome == 'PASSED' else 'failed', [])
    for path, line in FAILURE.findall(out):
        verdicts[pathlib.PurePath(path).name][1].append(int(line))
    if done.returncode not in (0, 1) or not verdicts:
        raise AssertionError('pytest: status %d\n%s%s' % (
            done.returncode, out, done.stderr.decode('utf-8', 'replace')))
    return {name: (verdict, sorted(lines)) for name, (verdict, lines) in verdicts.items()}, out


def replay_verdicts(replay, root, args):
    done, report = testlib.run_report(replay, '--mode', 'doctest', '--prompts', 'off',
                                      '--color', 'never', *args, 'docs', cwd=root)
    if report is None:
        raise AssertionError('replay: status %d\n%s%s' % (
            done.returncode, done.stdout.decode('utf-8', 'replace'),
            done.stderr.decode('utf-8', 'replace')))
    verdicts = {}
    for path, entry in testlib.by_path(report).items():
        pattern = re.compile(r'^%s:(\d+): (?:failed example|unexpected exception)' %
                             re.escape(path), re.M)
        lines = sorted(int(n) for n in pattern.findall(entry['diff'] or ''))
        # A file whose examples are all skipped (COMPARISON_FLAGS holds SKIP)
        # is `skipped` in replay, as stdlib doctest attempts none; pytest
        # passes it.
        status = 'passed' if entry['status'] == 'skipped' else entry['status']
        verdicts[pathlib.PurePath(path).name] = (status, lines)
    return verdicts


def main():
    replay, corpus = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    if testlib.run(PYTEST_PYTHON, '-m', 'pytest', '--version').returncode != 0:
        print('FAILED: no pytest for %s: install python3-pytest (ci/setup)' % PYTEST_PYTHON)
        return 1
    problems, compared, kinds = [], 0, set()
    for name, (files, pytest_args, replay_args, source) in SCENARIOS.items():
        before = len(problems)
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp) / 'project'
            shutil.copytree(corpus / source, root / 'docs')
            for path, text in files.items():
                (root / path).write_text(text, encoding='utf-8')
            want, out = pytest_verdicts((root, pytest_args))
            got = replay_verdicts(replay, root, replay_args)
        if set(want) != set(got):
            problems.append('%s: pytest ran %s, replay %s' % (name, sorted(want), sorted(got)))
        for file in sorted(set(want) & set(got)):
            compared += 1
            kinds.add(want[file][0])
            if want[file] != got[file]:
                problems.append('%s: %s: pytest %s, replay %s' % (
                    name, file, want[file], got[file]))
        if len(problems) > before:
            print('pytest said, in %s:\n%s' % (name, out[-3000:]))
    for name, files in REFUSED.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp) / 'project'
            shutil.copytree(corpus / 'config', root / 'docs')
            for path, text in files.items():
                (root / path).write_text(text, encoding='utf-8')
            theirs = testlib.run(PYTEST_PYTHON, '-m', 'pytest', '-p', 'no:cacheprovider',
                                 '--doctest-glob=*.txt', 'docs', cwd=root)
            ours = testlib.run(replay, 'run', '--mode', 'doctest', 'docs', cwd=root)
        err = ours.stderr.decode('utf-8', 'replace')
        # pytest refuses with a usage error (status 4), a collection error
        # that interrupts the session (2) or a traceback before it (1).
        if theirs.returncode in (0, 1) and b'test session starts' in theirs.stdout:
            problems.append('%s: pytest ran the tests (status %d)' % (name, theirs.returncode))
        if ours.returncode != 2 or str(root / list(files)[0]) not in err:
            problems.append('%s: replay status %d, %r' % (name, ours.returncode, err))
    if kinds != {'passed', 'failed'}:
        problems.append('the scenarios should give passed and failed files: %s' % sorted(kinds))
    for problem in problems:
        print(problem)
    print('%d file verdicts compared with pytest over %d scenarios: %d problems' % (
        compared, len(SCENARIOS), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
