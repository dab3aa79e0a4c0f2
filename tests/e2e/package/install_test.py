"""`cmake --install` and find_package(replay), as a project using replay sees them.

    python3 install_test.py BUILD_DIR CONSUMER_DIR RECORDER

Installs BUILD_DIR into a temporary prefix, then configures the consumer
project (CONSUMER_DIR: find_package(replay), replay_add_transcripts) against
it with transcripts recorded here by the stdlib console (RECORDER): two good
ones (one in a subdirectory), and a bad copy. Its ctest must register one
test per good file and one for the bad directory, pass the good ones and
fail the bad one, and write the JUnit and JSON reports asked for; the
installed replay must run on its own (its libpython found from the install).
"""
import functools
import json
import pathlib
import shutil
import sys
import tempfile

import testlib


# Builds, installs and packages take minutes.
sh = functools.partial(testlib.sh, timeout=300)


def write_transcripts(recorder, root):
    sessions = {'good/arith.pycon': 'x = 6 * 7\nprint(x)\n',
                'good/sub/error.pycon': 'def f():\n    return 1/0\n\nf()\n'}
    for name, source in sessions.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (root / 'input.txt').write_text(source)
        path.write_bytes(testlib.record(recorder, root / 'input.txt'))
    (root / 'bad').mkdir()
    good = (root / 'good/arith.pycon').read_bytes()
    (root / 'bad/arith.pycon').write_bytes(good.replace(b'42', b'43'))
    (root / 'docs/sub').mkdir(parents=True)
    (root / 'docs/guide.md').write_text('```pycon\n>>> 6 * 7\n42\n```\n')
    (root / 'docs/sub/api.rst').write_text('Adding:\n\n>>> 1 + 1\n2\n')


def check_consumer(build, transcripts, failures):
    # A document added after CMake ran: the next build configures again.
    (transcripts / 'docs/sub/new.txt').write_text('>>> print("new")\nnew\n')
    built = sh('cmake', '--build', build)
    if built.returncode != 0:
        failures.append('the consumer did not build:\n' + built.stdout.decode())
    listed = sh('ctest', '-N', cwd=build).stdout.decode()
    for test in ('good/arith.pycon', 'good/sub/error.pycon', 'bad', 'docs/guide.md',
                 'docs/sub/api.rst', 'docs/sub/new.txt'):
        if f': {test}\n' not in listed:
            failures.append(f'ctest -N does not list {test}:\n{listed}')
    for label in ('expected_to_pass', 'docs'):
        result = sh('ctest', '-L', label, cwd=build)
        if result.returncode != 0 or b'100% tests passed' not in result.stdout:
            failures.append(f'the tests labelled {label} did not pass:\n'
                            + result.stdout.decode())
    result = sh('ctest', '-L', 'expected_to_fail', cwd=build)
    if result.returncode == 0 or b'1 tests failed out of 1' not in result.stdout:
        failures.append('the bad transcript did not fail:\n' + result.stdout.decode())
    reports = build / 'replay-reports'
    for name in ('good-arith.pycon.xml', 'good-sub-error.pycon.xml'):
        if b'<testsuite' not in (reports / name).read_bytes():
            failures.append(f'no JUnit report {name}')
    report = json.loads((reports / 'bad.json').read_text())
    if '"failed"' not in json.dumps(report):
        failures.append(f'the JSON report of bad says {report}')


def main(build_dir, consumer, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        prefix = tmp / 'prefix'
        installed = sh('cmake', '--install', build_dir, '--prefix', prefix)
        replay = prefix / 'bin' / 'replay'
        if installed.returncode != 0 or sh(replay, '--version').returncode != 0:
            failures.append('cmake --install gave no working replay:\n'
                            + installed.stdout.decode())
            return testlib.finish(failures)
        write_transcripts(recorder, tmp / 'transcripts')
        configured = sh('cmake', '-S', consumer, '-B', tmp / 'build',
                        f'-DCMAKE_PREFIX_PATH={prefix}', f'-DTRANSCRIPTS={tmp / "transcripts"}')
        if configured.returncode != 0:
            failures.append('the consumer did not configure:\n' + configured.stdout.decode())
        else:
            check_consumer(tmp / 'build', tmp / 'transcripts', failures)
        # PER_FILE where the mode finds nothing (docs/ holding a transcript
        # only): CMake stops, naming the test and the directory.
        shutil.rmtree(tmp / 'transcripts/docs')
        (tmp / 'transcripts/docs').mkdir()
        (tmp / 'transcripts/docs/only.pycon').write_bytes(b'>>> 1\n1\n')
        refused = sh('cmake', '-S', consumer, '-B', tmp / 'build-empty',
                     f'-DCMAKE_PREFIX_PATH={prefix}', f'-DTRANSCRIPTS={tmp / "transcripts"}')
        text = refused.stdout.decode()
        if refused.returncode == 0 or 'replay_add_transcripts(docs PER_FILE)' not in text \
                or 'lists no file to test' not in text:
            failures.append('PER_FILE finding no document configured:\n' + text)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
