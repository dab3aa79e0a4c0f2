"""The wheel, built offline from the tree, installed into a fresh venv per Python.

    python3 wheel_test.py SOURCE_DIR RECORDER CORPUS WHEELHOUSE

For this Python and pyenv's latest 3.13, or 3.12 for 3.13 (the test fails if it is
missing): a copy of SOURCE_DIR (as a source distribution would hold it) is
built into a wheel by `pip wheel --no-index --find-links WHEELHOUSE` (the
build backend, setuptools and wheel, comes from WHEELHOUSE: Debian's
/usr/share/python-wheels), in a venv of that Python; the wheel, named
replay_console-*-cp3X-*.whl, is installed with `pip install --no-index`
into another fresh venv. There, `replay run` and `python -m replay run`
must pass the bundled suite (CORPUS; for other Pythons than the one it was
recorded with, its inputs re-recorded by that Python's stdlib console,
RECORDER) and fail a deliberately altered transcript; `replay -v` names the
venv's Python; `--python` naming the venv's python is accepted, naming
another (the base Python) is refused with exit status 2.
"""
import os
import pathlib
import shutil
import sys
import tempfile

import testlib


def copy_source(source, target):
    """The tracked tree: no build directories, no VCS data."""
    def ignore(directory, names):
        top = pathlib.Path(directory) == source
        return [n for n in names if n in ('__pycache__', '.git')
                or (top and (n.startswith('build') or n == 'dist'))]
    shutil.copytree(source, target, ignore=ignore)


def build_wheel(python, source, wheelhouse, tmp, failures):
    builder = tmp / 'build-venv'
    testlib.bare(python, '-m', 'venv', builder)
    # A unity build (CMake's, through setup.py's REPLAY_CMAKE_ARGS): the code
    # of the wheel users build, in about a third less CPU time.
    env = {'PATH': os.environ['PATH'], 'REPLAY_CMAKE_ARGS': '-DCMAKE_UNITY_BUILD=ON'}
    result = testlib.bare(builder / 'bin' / 'python', '-m', 'pip', 'wheel', '--no-index',
                          '--find-links', wheelhouse, '-w', tmp / 'dist', source, env=env)
    wheels = list((tmp / 'dist').glob('replay_console-0.1.0-cp3*-linux_x86_64.whl'))
    if result.returncode != 0 or len(wheels) != 1:
        failures.append(f'{python}: pip wheel: exit {result.returncode}\n{result.stdout[-4000:]}')
        return None
    return wheels[0]


def check_installed(python, wheel, suite, tmp, failures):
    venv = tmp / 'venv'
    testlib.bare(python, '-m', 'venv', venv)
    result = testlib.bare(venv / 'bin' / 'python', '-m', 'pip', 'install', '--no-index', wheel)
    if result.returncode != 0:
        failures.append(f'{wheel.name}: pip install: {result.stdout[-3000:]}')
        return
    good = [str(p) for p in sorted(suite.rglob('*.pycon')) if p.name != 'zz_altered.pycon']
    env = {'PATH': os.environ['PATH']}
    for command in ([venv / 'bin' / 'replay'], [venv / 'bin' / 'python', '-m', 'replay']):
        name = ' '.join(map(str, command))
        result = testlib.bare(*command, '-v', 'run', *good, env=env)
        first = result.stdout.splitlines()[0] if result.stdout else ''
        if result.returncode != 0 or f'sys.prefix {venv}' not in first:
            failures.append(f'{name} run: exit {result.returncode}\n{result.stdout[-3000:]}')
        if testlib.bare(*command, 'run', suite / 'zz_altered.pycon', env=env).returncode != 1:
            failures.append(f'{name}: the altered transcript did not fail')
    # The module runs as its interpreter: --python may name it (any of the
    # venv's names for it), not another one.
    replay = venv / 'bin' / 'replay'
    result = testlib.bare(replay, '--python', venv / 'bin' / 'python', 'run', *good[:3], env=env)
    if result.returncode != 0:
        failures.append(f'replay --python {venv}/bin/python: exit {result.returncode}\n'
                        + result.stdout[-2000:])
    result = testlib.bare(replay, '--python', python, 'run', *good[:3], env=env)
    if result.returncode != 2 or 'another Python' not in result.stdout:
        failures.append(f'replay --python {python} (not the venv): exit {result.returncode}\n'
                        + result.stdout[-2000:])


def main():
    source, recorder, corpus, wheelhouse = map(pathlib.Path, sys.argv[1:5])
    pythons = testlib.tested_pythons()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        copy_source(source, tmp / 'src')
        for n, python in enumerate(pythons):
            work = tmp / f'python-{n}'
            work.mkdir()
            suite = testlib.suite_for(python, recorder, corpus, work / 'suite', rerecord=n > 0)
            wheel = build_wheel(python, tmp / 'src', wheelhouse, work, failures)
            before = len(failures)
            if wheel is not None:
                check_installed(python, wheel, suite, work, failures)
            if len(failures) == before:
                print(f'{wheel.name}: replay and python -m replay pass the suite')
    sys.exit(testlib.finish(failures))


if __name__ == '__main__':
    main()
