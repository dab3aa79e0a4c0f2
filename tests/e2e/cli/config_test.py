"""[tool.replay] configuration, FILE:LINE, --last-failed and --update-version.

    python3 config_test.py REPLAY RECORDER

- the nearest pyproject.toml with a [tool.replay] table at or above the
  common ancestor of the paths is read (one without the table is passed
  over), its directory the rootdir; `paths` (relative to the rootdir) run
  when no path is given, from any directory; `exclude` leaves `_build/` and
  `CHANGELOG.md` out of directory searches (a file named on the command line
  still runs); `modes` picks a mode by glob; `doctest-options`, `timeout`
  and `prompts` apply, and the command line overrides each; `--config FILE`
  names the file; a malformed or unknown key is status 2 naming
  file:line:column (and the key meant);
- `FILE:LINE` checks the one example at or around LINE of a doctest file
  (those before it run unchecked) with the verdict stdlib doctest gives that
  example; prose, a directory or a console transcript with `:LINE` is
  refused with the reason;
- `--last-failed` runs only the files that failed or errored last time
  (`.replay_cache/lastfailed` in the rootdir), all of them when none did;
- `--update-version` writes a failing transcript's output, as the stdlib
  console records it, to `name.pyXY.pycon` for the running Python, leaving
  `name.pycon` as it was; the next run passes;
- a replay_setup.py runs in the namespace of each docstring of a module.
"""
import doctest
import pathlib
import sys
import tempfile

import testlib

TAG = 'py%d%d' % sys.version_info[:2]


def report(replay, *args, cwd=None):
    """Status and {path relative to cwd or as given: entry} of a run."""
    done, data = testlib.run_report(replay, '--color', 'never', *args, cwd=cwd)
    return done, testlib.by_path(data)


def make_project(root):
    (root / 'docs/_build').mkdir(parents=True)
    (root / 'docs/examples').mkdir()
    (root / 'docs/a.txt').write_text('>>> 1 + 1\n2\n')
    (root / 'docs/_build/copy.txt').write_text('>>> 1 + 1\n3\n')
    (root / 'docs/CHANGELOG.md').write_text('```pycon\n>>> 1 + 1\n3\n```\n')
    (root / 'docs/ellipsis.txt').write_text(">>> print('abcdef')\nabc...\n")
    (root / 'docs/examples/session.txt').write_text('>>> 1 + 1\n2\n')
    (root / 'pyproject.toml').write_text(
        '[project]\nname = "demo"\n\n[tool.replay]\npaths = ["docs"]\nmode = "doctest"\n'
        'exclude = ["_build/", "CHANGELOG.md"]\ndoctest-options = ["ELLIPSIS"]\n'
        '\n[tool.replay.modes]\n"examples/*.txt" = "console"\n')
    # Passed over: no [tool.replay] table.
    (root / 'docs/pyproject.toml').write_text('[project]\nname = "inner"\n')


def check_config(replay, tmp, failures):
    root = tmp / 'proj'
    make_project(root)
    # ELLIPSIS is what makes ellipsis.txt pass: the truth from doctest.
    ellipsis = str(root / 'docs/ellipsis.txt')
    runner = doctest.DocTestRunner(verbose=False)
    test = doctest.DocTestParser().get_doctest((root / 'docs/ellipsis.txt').read_text(), {},
                                               'ellipsis', ellipsis, 0)
    assert runner.run(test, out=lambda s: None).failed == 1
    runner = doctest.DocTestRunner(verbose=False, optionflags=doctest.ELLIPSIS)
    assert runner.run(test, out=lambda s: None).failed == 0
    for cwd in (root, root / 'docs/examples'):
        done, entries = report(replay, cwd=cwd)
        names = sorted(pathlib.Path(p).name for p in entries)
        if done.returncode != 0 or names != ['a.txt', 'ellipsis.txt', 'session.txt']:
            failures.append(f'no path, from {cwd}: status {done.returncode}, files {names}, '
                            f'{done.stderr!r}')
        modes = {pathlib.Path(p).name: e['mode'] for p, e in entries.items()}
        if modes.get('session.txt') != 'console' or modes.get('a.txt') != 'doctest':
            failures.append(f'modes by glob: {modes}')
    # A file named on the command line runs even if excluded.
    done, entries = report(replay, root / 'docs/CHANGELOG.md')
    if done.returncode != 1:
        failures.append(f'an excluded file named explicitly should run and fail: {done.returncode}')
    # The command line overrides the configuration.
    done, entries = report(replay, '--option', 'NORMALIZE_WHITESPACE', ellipsis)
    if done.returncode != 1:
        failures.append('--option should replace doctest-options of [tool.replay]')
    done = testlib.run(replay, 'run', '-v', root / 'docs')
    if f'rootdir {root},'.encode() not in done.stdout:
        failures.append(f'-v should name the rootdir {root}: {done.stdout!r}')


def check_timeout_and_prompts(replay, tmp, failures):
    root = tmp / 'slow'
    root.mkdir()
    (root / 'sleep.txt').write_text('>>> import time; time.sleep(3)\n')
    (root / 'pyproject.toml').write_text('[tool.replay]\ntimeout = 0.5\nprompts = "warn"\n')
    done, entries = report(replay, root / 'sleep.txt')
    entry = entries.get(str(root / 'sleep.txt'), {})
    if entry.get('status') != 'error' or 'timed out after 0.5 s' not in entry.get('message', ''):
        failures.append(f'timeout = 0.5 should time out: {entry}')
    done, entries = report(replay, '--timeout', '10', root / 'sleep.txt')
    if done.returncode != 0:
        failures.append(f'--timeout should override timeout of [tool.replay]: {done.stderr!r}')
    # prompts = "warn": a prompt finding does not fail the file.
    (root / 'sleep.txt').write_text('>>> for i in range(1):\n...     print(i)\n0\n')
    for args, status in (([], 0), (['--prompts', 'fail'], 1)):
        done, _ = report(replay, *args, root / 'sleep.txt')
        if done.returncode != status:
            failures.append(f'prompts = "warn" with {args}: status {done.returncode}')


def check_bad_config(replay, tmp, failures):
    root = tmp / 'bad'
    root.mkdir()
    (root / 'a.txt').write_text('>>> 1\n1\n')
    cases = [
        ('[tool.replay]\ntimout = 3\n', ":2:1: [tool.replay]: unknown key 'timout' "
                                        "(did you mean 'timeout'?)"),
        ('[tool.replay]\nmode = "doctset"\n', ":2:8: [tool.replay] mode: 'doctset' is not one"),
        ('[tool.replay]\n\ntimeout = -1\n', ':3:11: [tool.replay] timeout: expected a number'),
        ('[tool.replay\n', ':1:13: not valid TOML'),
        ('[tool.replay]\ndoctest-options = ["ELIPSIS"]\n',
         ':2: [tool.replay] doctest-options ELIPSIS: not a doctest option flag '
         '(did you mean ELLIPSIS?)'),
        ('[tool.replay]\nsetup = "nothere.py"\n', ':2:9: [tool.replay] setup: no such file'),
        ('[tool.replay]\npaths = ["a.txt", "nothere"]\n',
         ':2:19: [tool.replay] paths: nothere: no such file or directory'),
    ]
    for text, message in cases:
        (root / 'pyproject.toml').write_text(text)
        done = testlib.run(replay, 'run', *([] if 'paths' in text else [root / 'a.txt']), cwd=root)
        expected = (str(root / 'pyproject.toml') + message).encode()
        if done.returncode != 2 or expected not in done.stderr:
            failures.append(f'{text!r}: status {done.returncode}, {done.stderr!r}, '
                            f'wanted {expected!r}')
    (root / 'pyproject.toml').write_text('[project]\nname = "x"\n')
    done = testlib.run(replay, 'run', cwd=root)
    if done.returncode != 2 or b'no path given' not in done.stderr:
        failures.append(f'no path and no configuration: {done.returncode} {done.stderr!r}')
    # --config FILE: that file, even where no pyproject.toml would be found.
    (tmp / 'other.toml').write_text('[tool.replay]\nmode = "doctest"\npaths = ["bad"]\n')
    done = testlib.run(replay, 'run', '--config', tmp / 'other.toml', cwd=root)
    if done.returncode != 0 or b'1 passed' not in done.stdout:
        failures.append(f'--config: {done.returncode} {done.stdout!r} {done.stderr!r}')


def check_lines(replay, recorder, tmp, failures):
    root = tmp / 'lines'
    root.mkdir()
    doc = root / 'doc.md'
    doc.write_text('# Title\n\n```pycon\n>>> x = 2\n>>> x + 1\n4\n>>> print(x,\n...       x)\n'
                   '2 2\n```\n\nProse.\n')
    txt = root / 'doc.txt'
    txt.write_text('>>> x = 2\n>>> x + 1\n4\n>>> print(x,\n...       x)\n2 2\n\nProse.\n')
    # The truth: doctest's verdict on each example, in order (x + 1 fails).
    test = doctest.DocTestParser().get_doctest(txt.read_text(), {}, 'doc', str(txt), 0)
    runner = doctest.DocTestRunner(verbose=False)
    failed_lines = []
    runner.report_failure = lambda out, t, example, got: failed_lines.append(example.lineno + 1)
    runner.run(test, out=lambda s: None)
    assert failed_lines == [2]
    for path, offset in ((txt, 0), (doc, 3)):
        for line, status in ((1, 'passed'), (2, 'failed'), (3, 'failed'), (4, 'passed'),
                             (5, 'passed'), (6, 'passed')):
            selected = f'{path}:{line + offset}'
            done, entries = report(replay, selected)
            entry = entries.get(str(path), {})
            if entry.get('status') != status or entry.get('examples') != 1:
                failures.append(f'{selected}: {entry.get("status")} '
                                f'({entry.get("examples")} examples), wanted {status}: '
                                f'{entry.get("message")}')
        done, entries = report(replay, f'{path}:{8 + offset}')
        entry = entries.get(str(path), {})
        if entry.get('status') != 'error' or 'no example starts at or contains line' \
                not in entry.get('message', ''):
            failures.append(f'{path}:{8 + offset} (prose): {entry}')
    (root / 't.pycon').write_bytes(testlib.record_session(recorder, '1 + 1\n'))
    for selected, why in ((f'{root}/t.pycon:1', b'runs as a whole'),
                          (f'{root}:1', b'a directory has no lines')):
        done = testlib.run(replay, 'run', selected)
        if done.returncode != 2 or why not in done.stderr:
            failures.append(f'{selected}: {done.returncode} {done.stderr!r}')


def check_last_failed(replay, recorder, tmp, failures):
    root = tmp / 'lf'
    root.mkdir()
    good = testlib.record_session(recorder, '1 + 1\n')
    for name in ('a', 'b', 'c'):
        (root / f'{name}.pycon').write_bytes(good)
    (root / 'b.pycon').write_bytes(good.replace(b'2', b'3'))
    cache = root / '.replay_cache/lastfailed'

    def ran(*args):
        done, entries = report(replay, *args, root)
        return done.returncode, sorted(pathlib.Path(p).name for p in entries)

    if ran('--last-failed') != (1, ['a.pycon', 'b.pycon', 'c.pycon']):
        failures.append('--last-failed with no cache should run all')
    if cache.read_text() != 'b.pycon\n':
        failures.append(f'cache after b failed: {cache.read_text()!r}')
    if ran('--last-failed') != (1, ['b.pycon']):
        failures.append('--last-failed should run only b.pycon')
    # One example of a failing doctest file passing does not clear the file.
    (root / 'd.txt').write_text('>>> 1\n1\n>>> 2\n3\n')
    report(replay, root / 'd.txt')
    report(replay, f'{root}/d.txt:1')
    if cache.read_text() != 'b.pycon\nd.txt\n':
        failures.append(f'd.txt:1 passing should leave d.txt recorded: {cache.read_text()!r}')
    (root / 'd.txt').unlink()  # a file that is gone is forgotten by the next run
    (root / 'b.pycon').write_bytes(good)
    if ran('--lf') != (0, ['b.pycon']):
        failures.append('--lf should run b.pycon, now passing')
    if cache.read_text() != '' or ran('--lf') != (0, ['a.pycon', 'b.pycon', 'c.pycon']):
        failures.append('after b passed, --lf should run all')


def check_update_version(replay, recorder, tmp, failures):
    root = tmp / 'uv'
    root.mkdir()
    truth = testlib.record_session(recorder, 'print(6 * 7)\n')
    stale = truth.replace(b'42', b'41')
    (root / 'a.pycon').write_bytes(stale)
    done, data = testlib.run_report(replay, '--update-version', root / 'a.pycon')
    specific = root / f'a.{TAG}.pycon'
    if done.returncode != 1 or f'UPDATED {specific}'.encode() not in done.stdout:
        failures.append(f'--update-version: {done.returncode} {done.stdout!r}')
    entry = data['transcripts'][0]
    if entry.get('updated_path') != str(specific) or not entry['updated']:
        failures.append(f'--update-version: JSON {entry}')
    if not specific.exists() or specific.read_bytes() != truth:
        failures.append(f'{specific.name} should hold what the stdlib console shows')
    if (root / 'a.pycon').read_bytes() != stale:
        failures.append('--update-version should leave a.pycon as it was')
    done, entries = report(replay, root)
    statuses = {pathlib.Path(p).name: e['status'] for p, e in entries.items()}
    if done.returncode != 0 or statuses != {'a.pycon': 'skipped', specific.name: 'passed'}:
        failures.append(f'after --update-version: {done.returncode} {statuses}')
    # A doctest file: the new file passes stdlib doctest, the old one is kept.
    doc = root / 'b.txt'
    doc.write_text('Text.\n\n>>> print(6 * 7)\n41\n')
    done = testlib.run(replay, 'run', '--update-version', doc)
    specific = root / f'b.{TAG}.txt'
    if done.returncode != 1 or not specific.exists() \
            or doc.read_text() != 'Text.\n\n>>> print(6 * 7)\n41\n':
        failures.append(f'--update-version on b.txt: {done.returncode} {done.stdout!r}')
    elif doctest.testfile(str(specific), module_relative=False, report=False) != (0, 1):
        failures.append(f'{specific.name} should pass stdlib doctest: {specific.read_text()!r}')


def check_module_setup(replay, tmp, failures):
    """replay_setup.py runs in the namespace of every docstring of a module."""
    root = tmp / 'msetup'
    root.mkdir()
    (root / 'm.py').write_text('""">>> GREETING\n\'hi\'\n"""\n\n\ndef f():\n'
                               '    """\n    >>> GREETING + \'!\'\n    \'hi!\'\n    """\n')
    done, entries = report(replay, root / 'm.py')
    if entries.get(str(root / 'm.py'), {}).get('failures') != 2:
        failures.append(f'without a setup, both docstrings should fail: {entries}')
    (root / 'replay_setup.py').write_text("GREETING = 'hi'\nprint('not shown')\n")
    done, entries = report(replay, root / 'm.py')
    entry = entries.get(str(root / 'm.py'), {})
    if done.returncode != 0 or entry.get('examples') != 2:
        failures.append(f'with replay_setup.py, both docstrings should pass: {entry}')


def main(replay, recorder):
    replay, recorder = str(pathlib.Path(replay).resolve()), pathlib.Path(recorder).resolve()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        check_config(replay, tmp, failures)
        check_timeout_and_prompts(replay, tmp, failures)
        check_bad_config(replay, tmp, failures)
        check_lines(replay, recorder, tmp, failures)
        check_last_failed(replay, recorder, tmp, failures)
        check_update_version(replay, recorder, tmp, failures)
        check_module_setup(replay, tmp, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
