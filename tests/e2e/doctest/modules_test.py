"""Doctest mode on Python modules gives the verdicts of stdlib doctest.

    python3 modules_test.py REPLAY MODULES

For every module of MODULES (flat modules and the package `shapes`) and each
set of --option flags in OPTION_SETS, runs `replay run --mode doctest
--prompts off` on the files and, in a subprocess per file, this Python's
doctest.testmod on the module imported as `python -m doctest mod.py` imports
it (its directory first on sys.path; a package's submodule by its dotted
name), and compares status, attempted, failed and the lines of the failing
examples doctest's report names. A module that fails to import, or whose
docstring doctest's parser refuses, must be an error with the exception.

Also: `replay run --mode doctest MODULES` finds the package's modules (a
directory's `*.py` files are taken when they are in a package, so the flat
modules there are not), auto mode takes a `.py` as a module, and `FILE:LINE`
on every example line of every module fails exactly when stdlib doctest
reports that example as failing.
"""
import pathlib
import re
import sys

import testlib

OPTION_SETS = [[], ['ELLIPSIS'], ['NORMALIZE_WHITESPACE', 'IGNORE_EXCEPTION_DETAIL'],
               ['FAIL_FAST'], ['REPORT_ONLY_FIRST_FAILURE']]

MARK = '@@replay-modules-result@@ '
STDLIB_RUNNER = r'''
import doctest, importlib, json, os, sys, traceback
''' + testlib.RUNNER_ARGUMENTS + r'''directory, filename = os.path.split(os.path.abspath(path))
parts = [] if filename == '__init__.py' else [filename[:-3]]
while os.path.isfile(os.path.join(directory, '__init__.py')):
    directory, package = os.path.split(directory)
    parts.insert(0, package)
sys.path.insert(0, directory)
try:
    # As `python -m doctest mod.py`: __import__ of the name.
    module = importlib.import_module('.'.join(parts)) if len(parts) > 1 else __import__(parts[0])
except Exception:
    result = {'import_error': traceback.format_exc().splitlines()[-1]}
else:
    del sys.path[0]
    try:
        results = doctest.testmod(module, optionflags=flags)
    except ValueError as error:
        result = {'error': str(error)}
    else:
        result = {'failed': results.failed, 'attempted': results.attempted}
        # The examples of docstrings doctest cannot place (it reports `line ?`).
        result['unplaced'] = [example.source.splitlines()[0]
                              for test in doctest.DocTestFinder().find(module)
                              if test.lineno is None for example in test.examples]
print('\n' + MARK + json.dumps(result))
'''.replace('MARK', repr(MARK))


def stdlib_verdict(path, flags):
    verdict, stdout = testlib.stdlib_json_result(STDLIB_RUNNER, MARK, path, flags, '/')
    # doctest names no line (`line ?`) for a docstring it finds none for
    # (a property's): those match any line.
    header = re.compile(r'^File "%s", line (\d+|\?), in ' % re.escape(str(path)), re.M)
    found = header.findall(stdout)
    verdict['lines'] = sorted(int(n) for n in found if n != '?')
    verdict['unnamed'] = found.count('?')
    return verdict


def replay_run(replay, args):
    done, report = testlib.run_report(replay, '--prompts', 'off', '--color', 'never', *args,
                                      timeout=600)
    if done.returncode not in (0, 1):
        raise AssertionError('replay %s: status %d\n%s' % (args, done.returncode,
                                                         done.stderr.decode()))
    return testlib.by_path(report)


def failing_lines(entry):
    pattern = re.compile(r'^%s:(\d+): (?:failed example|unexpected exception)' %
                         re.escape(entry['path']), re.M)
    return sorted(int(n) for n in pattern.findall(entry['diff']))


def written_source(path, line):
    """The source on the `>>>` line `line` of `path` (after a docstring's quotes)."""
    text = path.read_text().split('\n')[line - 1].strip()
    return text[len('"""'):][4:] if text.startswith('"""') else text[4:]


def compare(path, flags, expected, actual):
    where = '%s %s' % (path.name, ' '.join(flags) or '(no flags)')
    if 'import_error' in expected or 'error' in expected:
        wanted = expected.get('import_error') or expected.get('error')
        if actual['status'] != 'error' or wanted not in actual['message']:
            return ['%s: stdlib: %r; replay: %s %r' % (where, wanted, actual['status'],
                                                      actual['message'])]
        return []
    status = 'failed' if expected['failed'] else 'skipped' if not expected['attempted'] \
        else 'passed'
    # A failure doctest names `line ?` is one of an example it cannot place.
    lines = failing_lines(actual)
    unnamed = [n for n in lines if written_source(path, n) in expected['unplaced']]
    if len(unnamed) == expected['unnamed']:
        lines = [n for n in lines if n not in unnamed]
    got = (actual['status'], actual['examples'], actual['failures'], lines)
    want = (status, expected['attempted'], expected['failed'], expected['lines'])
    if got != want:
        return ['%s: stdlib (status, attempted, failed, failing lines) %r, replay %r\n'
                '  replay message: %s' % (where, want, got, actual['message'])]
    return []


def example_lines(path):
    return [n for n, line in enumerate(path.read_text().split('\n'), 1)
            if line.lstrip().startswith('>>>') or line.lstrip().startswith('""">>>')]


def check_lines(replay, files, truths):
    """FILE:LINE fails exactly where stdlib's report names a failing example."""
    problems, checked = [], 0
    for path in files:
        truth = truths[(path, ())]
        if 'attempted' not in truth:
            continue
        for line in example_lines(path):
            if written_source(path, line) in truth['unplaced']:
                continue  # doctest names no line for it: nothing to compare with
            entry = replay_run(replay, ['--mode', 'doctest', '%s:%d' % (path, line)])[str(path)]
            want = 'failed' if line in truth['lines'] else 'passed'
            checked += 1
            if entry['status'] != want or entry['examples'] != 1:
                problems.append('%s:%d: stdlib %s; replay %s (%d examples) %s' % (
                    path.name, line, want, entry['status'], entry['examples'], entry['message']))
    if checked < 20:
        problems.append('only %d example lines checked' % checked)
    return problems


def check_discovery(replay, modules):
    found = replay_run(replay, ['--mode', 'doctest', modules])
    names = sorted(pathlib.Path(p).relative_to(modules).as_posix() for p in found)
    if names != ['shapes/__init__.py', 'shapes/square.py']:
        return ['--mode doctest %s found %s, not the package\'s modules' % (modules, names)]
    auto = replay_run(replay, [modules / 'shapes' / '__init__.py'])
    entry = auto[str(modules / 'shapes' / '__init__.py')]
    if entry['mode'] != 'doctest' or entry['status'] != 'passed':
        return ['auto mode on a .py: %s %s' % (entry['mode'], entry['status'])]
    return []


def main():
    replay, modules = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    files = sorted(modules.rglob('*.py'))
    truths = {(path, tuple(flags)): stdlib_verdict(path, flags)
              for flags in OPTION_SETS for path in files}
    problems, statuses = [], set()
    for flags in OPTION_SETS:
        args = ['--mode', 'doctest'] + [a for f in flags for a in ('--option', f)]
        verdicts = replay_run(replay, args + ['--'] + files)
        for path in files:
            actual = verdicts.get(str(path))
            if actual is None:
                problems.append('%s: missing from the report' % path)
                continue
            statuses.add(actual['status'])
            problems += compare(path, flags, truths[(path, tuple(flags))], actual)
    problems += check_lines(replay, files, truths)
    problems += check_discovery(replay, modules)
    # The corpus must exercise every verdict, or the comparison proves little.
    if statuses != {'passed', 'failed', 'error', 'skipped'}:
        problems.append('the corpus gave only %s' % sorted(statuses))
    for problem in problems:
        print(problem)
    print('%d files x %d option sets compared with doctest.testmod: %d problems' % (
        len(files), len(OPTION_SETS), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
