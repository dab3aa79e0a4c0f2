"""Nothing is silently untested, and a run selects what it is asked to.

    python3 selection_test.py REPLAY RECORDER

- a run that selects no file exits with status 5 and says so (pytest's "no
  tests collected"), with or without reports;
- an empty transcript and a doctest file doctest attempts no example of are
  `skipped` ("no examples"), in the terminal, JSON and JUnit reports, and do
  not fail the run.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "support"))
import testlib  # noqa: E402


def run(replay, *args, env=None):
    return subprocess.run([replay, *map(str, args)], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                          env=env)


def check_nothing_selected(replay, tmp, failures):
    docs = tmp / 'docs'
    docs.mkdir()
    (docs / 'a.md').write_text('```pycon\n>>> 1\n1\n```\n', encoding='utf-8')
    for args in (['run', docs], ['run', '--junit', tmp / 'n.xml', docs]):
        done = run(replay, *args)
        if done.returncode != 5 or b'no file selected' not in done.stderr \
                or b'--mode doctest' not in done.stderr:
            failures.append(f'replay {args}: status {done.returncode}, {done.stderr!r}')
    if b'tests="0"' not in (tmp / 'n.xml').read_bytes():
        failures.append('an empty run should still write its JUnit report')
    if run(replay, 'run', '--mode', 'doctest', docs).returncode != 0:
        failures.append('--mode doctest should find docs/a.md')


def check_skipped(replay, recorder, tmp, failures):
    empty = tmp / 'empty.pycon'
    empty.write_bytes(b'')
    good = tmp / 'good.pycon'
    (tmp / 'in.txt').write_text('1 + 1\n', encoding='utf-8')
    good.write_bytes(testlib.record(recorder, tmp / 'in.txt'))
    prose = tmp / 'prose.txt'
    prose.write_text('No examples here, >>> not at the start.\n', encoding='utf-8')
    done = run(replay, 'run', '--color', 'never', '--report-json', tmp / 'r.json',
               '--junit', tmp / 'r.xml', empty, good, prose)
    out = done.stdout.decode()
    if done.returncode != 0:
        failures.append(f'skipped files should not fail the run: {done.returncode}')
    for path in (empty, prose):
        if f'SKIP {path}: no examples\n' not in out:
            failures.append(f'no SKIP line for {path}: {out!r}')
    if '1 passed, 0 failed, 0 errors, 2 skipped' not in out:
        failures.append(f'summary: {out!r}')
    report = json.loads((tmp / 'r.json').read_text(encoding='utf-8'))
    statuses = [(e['status'], e['message']) for e in report['transcripts']]
    if statuses != [('skipped', f'{empty}: no examples'), ('passed', ''),
                    ('skipped', f'{prose}: no examples')]:
        failures.append(f'JSON statuses: {statuses}')
    if report['summary']['skipped'] != 2:
        failures.append(f'JSON summary: {report["summary"]}')
    if (tmp / 'r.xml').read_text(encoding='utf-8').count('<skipped message=') != 2:
        failures.append('JUnit should hold two skipped testcases')


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        check_nothing_selected(replay, tmp, failures)
        check_skipped(replay, recorder, tmp, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
