"""Nothing is silently untested, and a run selects what it is asked to.

    python3 selection_test.py REPLAY RECORDER

- a run that selects no file exits with status 5 and says so (pytest's "no
  tests collected"), with or without reports;
- an empty transcript and a doctest file doctest attempts no example of are
  `skipped` ("no examples"), in the terminal (counted on one line, listed
  with -v), JSON and JUnit reports, and do not fail the run;
- `-k PATTERN` selects files (none matching: status 5), `-x` starts no file
  after the first failure, `--shard K/N` and Bazel's TEST_SHARD_INDEX /
  TEST_TOTAL_SHARDS split a run into disjoint shards whose union is the run
  (TEST_SHARD_STATUS_FILE touched, XML_OUTPUT_FILE written as JUnit);
- GitHub Actions annotations with GITHUB_ACTIONS=true or --annotations
  github; colour with FORCE_COLOR, not with NO_COLOR (unless empty) or
  TERM=dumb;
- `>>> # replay: requires python OP X.Y`, which the stdlib console and
  doctest accept unchanged (recorded, and run by doctest.testfile), skips a
  file the running Python does not meet, naming the line and both versions,
  and runs one it meets;
- `name.pyXY.pycon` beside `name.pycon` is run on Python X.Y instead of it
  (which is skipped, naming the file used); on other Pythons it is skipped;
- the nearest replay_setup.py up to the rootdir (the project's
  pyproject.toml; or --setup FILE) runs in the namespace of
  each transcript and doctest file first, its output not shown; one that
  raises makes the file an error naming it.
"""
import doctest
import platform
import os
import pathlib
import sys
import tempfile

import testlib


def check_nothing_selected(replay, tmp, failures):
    docs = tmp / 'docs'
    docs.mkdir()
    (docs / 'a.md').write_text('```pycon\n>>> 1\n1\n```\n', encoding='utf-8')
    for args in (['run', docs], ['run', '--junit', tmp / 'n.xml', docs]):
        done = testlib.run(replay, *args)
        if done.returncode != 5 or b'no file selected' not in done.stderr \
                or b'--mode doctest' not in done.stderr:
            failures.append(f'replay {args}: status {done.returncode}, {done.stderr!r}')
    if b'tests="0"' not in (tmp / 'n.xml').read_bytes():
        failures.append('an empty run should still write its JUnit report')
    if testlib.run(replay, 'run', '--mode', 'doctest', docs).returncode != 0:
        failures.append('--mode doctest should find docs/a.md')


def check_skipped(replay, recorder, tmp, failures):
    empty = tmp / 'empty.pycon'
    empty.write_bytes(b'')
    good = tmp / 'good.pycon'
    good.write_bytes(testlib.record_session(recorder, '1 + 1\n'))
    prose = tmp / 'prose.txt'
    prose.write_text('No examples here, >>> not at the start.\n', encoding='utf-8')
    done, report = testlib.run_report(replay, '--color', 'never', '--junit', tmp / 'r.xml',
                                      empty, good, prose)
    out = done.stdout.decode()
    if done.returncode != 0:
        failures.append(f'skipped files should not fail the run: {done.returncode}')
    # Counted on one line; -v lists them.
    if '2 files without examples\n' not in out or 'SKIP' in out:
        failures.append(f'files without examples not counted on one line: {out!r}')
    listed = testlib.run(replay, '-v', 'run', '--color', 'never',
                         empty, good, prose).stdout.decode()
    for path in (empty, prose):
        if f'SKIP {path}: no examples\n' not in listed:
            failures.append(f'no SKIP line for {path} with -v: {listed!r}')
    if '1 passed, 0 failed, 0 errors, 2 skipped' not in out:
        failures.append(f'summary: {out!r}')
    statuses = [(e['status'], e['message']) for e in report['transcripts']]
    if statuses != [('skipped', f'{empty}: no examples'), ('passed', ''),
                    ('skipped', f'{prose}: no examples')]:
        failures.append(f'JSON statuses: {statuses}')
    if report['summary']['skipped'] != 2:
        failures.append(f'JSON summary: {report["summary"]}')
    if (tmp / 'r.xml').read_text(encoding='utf-8').count('<skipped message=') != 2:
        failures.append('JUnit should hold two skipped testcases')


def verdicts(replay, *args, env=None):
    """The file names and statuses of a run's JSON report, and the run."""
    done, report = testlib.run_report(replay, '--color', 'never', *args, env=env)
    return [(pathlib.Path(e['path']).name, e['status']) for e in report['transcripts']], done


def check_selection(replay, recorder, tmp, failures):
    suite = tmp / 'suite'
    suite.mkdir()
    good = testlib.record_session(recorder, '1 + 1\n')
    names = ['t%d.pycon' % n for n in range(7)]
    for name in names:
        (suite / name).write_bytes(good.replace(b'2', b'3') if name in ('t2.pycon', 't4.pycon')
                                   else good)
    got, done = verdicts(replay, '-k', 't1', '-k', 'suite/t5*', suite)
    if got != [('t1.pycon', 'passed'), ('t5.pycon', 'passed')]:
        failures.append(f'-k t1 -k suite/t5*: {got}')
    done = testlib.run(replay, 'run', '-k', 'nothing-like-it', suite)
    if done.returncode != 5 or b'no file matches -k nothing-like-it' not in done.stderr:
        failures.append(f'-k matching nothing: {done.returncode} {done.stderr!r}')
    got, done = verdicts(replay, '-x', '-j', '1', suite)
    if got != [(n, 'passed') for n in names[:2]] + [('t2.pycon', 'failed')] \
            or done.returncode != 1 or b'(-x): 4 files not run' not in done.stderr:
        failures.append(f'-x: {got} {done.returncode} {done.stderr!r}')
    shards = [verdicts(replay, '--shard', f'{k}/3', suite)[0] for k in (1, 2, 3)]
    union = sorted(name for shard in shards for name, _ in shard)
    if union != names or any(not shard for shard in shards):
        failures.append(f'--shard K/3: {shards}')
    status_file, xml = tmp / 'shard-status', tmp / 'bazel.xml'
    bazel = dict(os.environ, TEST_TOTAL_SHARDS='3', TEST_SHARD_INDEX='1',
                 TEST_SHARD_STATUS_FILE=str(status_file), XML_OUTPUT_FILE=str(xml))
    got, done = verdicts(replay, suite, env=bazel)
    if got != shards[1] or not status_file.exists() or not xml.exists() \
            or xml.read_text(encoding='utf-8').count('<testcase') != len(got):
        failures.append(f'Bazel shard 1 of 3: {got}, shard 2/3 was {shards[1]}')
    if testlib.run(replay, 'run', '--shard', '3/2', suite).returncode != 2:
        failures.append('--shard 3/2 should be a usage error')


def check_ci_output(replay, tmp, failures):
    bad = tmp / 'suite' / 't2.pycon'
    plain = {k: v for k, v in os.environ.items()
             if k not in ('GITHUB_ACTIONS', 'FORCE_COLOR', 'NO_COLOR', 'TERM')}
    for env, args in ((dict(plain, GITHUB_ACTIONS='true'), []), (plain, ['--annotations', 'github'])):
        out = testlib.run(replay, 'run', *args, bad, env=env).stdout.decode()
        if f'::error file={bad},line=2,title=replay%3A failed::{bad}:2: ' not in out:
            failures.append(f'no annotation with {args or "GITHUB_ACTIONS=true"}: {out!r}')
    if '::error' in testlib.run(replay, 'run', bad, env=plain).stdout.decode():
        failures.append('annotations outside GitHub Actions')
    for extra, colour in (({'FORCE_COLOR': '1'}, True), ({'FORCE_COLOR': '1', 'NO_COLOR': '1'}, False),
                          ({'FORCE_COLOR': '1', 'NO_COLOR': ''}, True), ({}, False)):
        out = testlib.run(replay, 'run', bad, env=dict(plain, **extra)).stdout
        if (b'\x1b[' in out) != colour:
            failures.append(f'colour with {extra}: {out!r}')


def check_requirements(replay, recorder, tmp, failures):
    here = '.'.join(platform.python_version_tuple()[:2])
    major, minor = sys.version_info[:2]
    later = f'{major}.{minor + 1}'
    for op, version, skipped in (('>=', here, False), ('<', here, True), ('>=', later, True),
                                 ('==', here, False)):
        comment = f'# replay: requires python {op} {version}'
        transcript = tmp / 'req.pycon'
        transcript.write_bytes(testlib.record_session(recorder, f'{comment}\n1 + 1\n'))
        doc = tmp / 'req.rst'
        doc.write_text(f'Text.\n\n>>> {comment}\n>>> 1 + 1\n2\n', encoding='utf-8')
        if doctest.testfile(str(doc), module_relative=False).failed:
            failures.append(f'stdlib doctest does not accept {comment!r} unchanged')
        got, done = verdicts(replay, transcript, doc)
        want = 'skipped' if skipped else 'passed'
        if got != [('req.pycon', want), ('req.rst', want)]:
            failures.append(f'{comment}: {got}')
        if skipped and f'{transcript}:1: requires python {op} {version} (this is ' \
                f'{platform.python_version()})' not in done.stdout.decode():
            failures.append(f'{comment}: {done.stdout!r}')


def check_version_files(replay, recorder, tmp, failures):
    versions = tmp / 'versions'
    versions.mkdir()
    good = testlib.record_session(recorder, '1 + 1\n')
    tag = 'py%d%d' % sys.version_info[:2]
    other = 'py%d%d' % (sys.version_info[0], sys.version_info[1] + 1)
    (versions / 'a.pycon').write_bytes(good.replace(b'2', b'3'))  # another Python's output
    (versions / f'a.{tag}.pycon').write_bytes(good)
    (versions / f'a.{other}.pycon').write_bytes(good.replace(b'2', b'4'))
    (versions / 'b.pycon').write_bytes(good)
    got, done = verdicts(replay, versions)
    want = sorted([('a.pycon', 'skipped'), (f'a.{tag}.pycon', 'passed'),
                   (f'a.{other}.pycon', 'skipped'), ('b.pycon', 'passed')])
    out = done.stdout.decode()
    if sorted(got) != want or done.returncode != 0 or f'uses a.{tag}.pycon' not in out:
        failures.append(f'version files: {got}\n{out}')


def check_setup(replay, recorder, tmp, failures):
    project = tmp / 'project'
    (project / 'docs').mkdir(parents=True)
    # The rootdir: replay_setup.py is searched no higher.
    (project / 'pyproject.toml').write_text('[tool.replay]\n', encoding='utf-8')
    (project / 'replay_setup.py').write_text(
        'print("setup output")\nimport sys\nsys.stderr.write("to stderr\\n")\n'
        'GREETING = "hi"\n', encoding='utf-8')
    # What the stdlib console shows for GREETING once it is defined.
    recorded = testlib.record_session(recorder, 'GREETING = "hi"\nGREETING\n').split(b'\n', 1)[1]
    (project / 'docs' / 'a.pycon').write_bytes(recorded)
    (project / 'docs' / 'b.md').write_text("```pycon\n>>> GREETING\n'hi'\n```\n",
                                           encoding='utf-8')
    got, done = verdicts(replay, project / 'docs' / 'a.pycon', project / 'docs' / 'b.md')
    if got != [('a.pycon', 'passed'), ('b.md', 'passed')]:
        failures.append(f'replay_setup.py: {got}\n{done.stdout!r}')
    (tmp / 'other.py').write_text('GREETING = "other"\n', encoding='utf-8')
    (tmp / 'raises.py').write_text('1/0\n', encoding='utf-8')
    got, done = verdicts(replay, '--setup', tmp / 'other.py', project / 'docs' / 'b.md')
    if got != [('b.md', 'failed')]:
        failures.append(f'--setup other.py should override replay_setup.py: {got}')
    got, done = verdicts(replay, '--setup', tmp / 'raises.py', project / 'docs' / 'a.pycon')
    if got != [('a.pycon', 'error')] or b'raises.py' not in done.stdout:
        failures.append(f'a setup that raises: {got} {done.stdout!r}')


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        check_nothing_selected(replay, tmp, failures)
        check_skipped(replay, recorder, tmp, failures)
        check_selection(replay, recorder, tmp, failures)
        check_ci_output(replay, tmp, failures)
        check_requirements(replay, recorder, tmp, failures)
        check_version_files(replay, recorder, tmp, failures)
        check_setup(replay, recorder, tmp, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
