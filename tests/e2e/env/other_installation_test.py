"""Another installation of the linked minor version is refused, not mixed.

    python3 other_installation_test.py REPLAY RECORDER MODULE_DIR

replay embeds one installation's libpython; another installation of the
same minor version (Debian's /usr/bin/python3.X beside a replay linked to
pyenv's 3.X, or pyenv's beside one linked to Debian's) has its own standard
library, whose modules that build may compile in (Debian's math, zlib,
unicodedata…) and its own `site` (Debian's dist-packages). A transcript
importing math, random, zlib, unicodedata, datetime and a dist-package
(python3-packaging, ci/setup) is recorded by each Python's own stdlib
console (RECORDER run by it), then:

- with `--python` naming the other installation's python, a venv of it and a
  venv of it with --system-site-packages (as --python and as VIRTUAL_ENV),
  replay exits 2 without running anything, naming that python, saying it is
  another installation of 3.X, and naming `PYTHON -m replay` — twice, the
  second time from the probe cache ($XDG_CACHE_HOME);
- that `PYTHON -m replay run` (MODULE_DIR, this build's Python package, on
  PYTHONPATH; "no-module" in a build without it) passes the transcript as
  PYTHON's own console recorded it;
- the linked installation's own python and a venv of it still run the
  transcript as their console recorded it (twice, the cache too).

When the linked minor version is not Debian's, Debian's python3 is of
another minor version, and is still handed over or refused as such: exit 2
naming the versions available, unless a replay-3.X beside REPLAY runs it.
"""
import os
import pathlib
import subprocess
import sys
import sysconfig
import tempfile

import testlib

SESSION = '''import math, random, zlib, unicodedata, datetime
math.sqrt(2), math.factorial(20), zlib.crc32(b'replay')
unicodedata.name('\\u00e9'), random.Random(7).random()
datetime.date(2024, 2, 29) + datetime.timedelta(days=1)
import packaging; packaging.__file__
import sys; sys.prefix == sys.base_prefix
'''

MINOR = '%d.%d' % sys.version_info[:2]


def stdlib_of(python):
    """The real path of `python`'s standard library directory."""
    return subprocess.run([python, '-S', '-c', 'import os; print(os.path.realpath('
                           'os.path.dirname(os.__file__)))'], stdout=subprocess.PIPE,
                          check=True, text=True).stdout.strip()


def other_installation():
    """A python of MINOR that is not this installation (its standard library
    is elsewhere): Debian's, else pyenv's; None if there is none."""
    mine = os.path.realpath(sysconfig.get_paths()['stdlib'])
    for python in (f'/usr/bin/python{MINOR}', testlib.pyenv_python(MINOR)):
        if python and os.access(python, os.X_OK) and stdlib_of(python) != mine:
            return python
    return None


def environment(tmp, **more):
    """What replay runs with: PATH and HOME, a cache of its own, `more`."""
    env = {k: v for k, v in os.environ.items()
           if k in ('PATH', 'HOME', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS')}
    return {**env, 'XDG_CACHE_HOME': str(tmp / 'cache'), **more}


def make_venv(python, where, *options):
    subprocess.run([python, '-m', 'venv', '--without-pip', *options, str(where)], check=True,
                   env={}, timeout=120)
    return str(where / 'bin' / 'python3')


def recorded(recorder, python, tmp, name):
    """The transcript as `python`'s own stdlib console shows the session."""
    path = tmp / f'{name}.pycon'
    path.write_bytes(testlib.record(recorder, tmp / 'session.txt', python=python, env={}))
    return path


def check_refused(replay, python, venv, transcript, tmp, failures):
    ways = [(['--python', python, 'run', transcript], {})]
    if venv:
        ways.append((['run', transcript], {'VIRTUAL_ENV': venv}))
    for args, env in ways:
        for attempt in ('asked', 'cached'):
            result = testlib.run(replay, *args, env=environment(tmp, **env))
            message = result.stderr.decode()
            wanted = [f'{python}: Python ', f'is another installation of Python {MINOR}',
                      f'run `{python} -m replay`']
            if result.returncode != 2 or result.stdout or \
                    not all(part in message for part in wanted):
                failures.append(f'{args} {env} ({attempt}): exit {result.returncode}, '
                                f'{result.stdout[:300]!r}, {message!r}')


def check_module_runs(python, module_dir, transcript, tmp, failures):
    """What the refusal says to run instead runs the transcript right."""
    if module_dir == 'no-module':
        return
    result = testlib.sh(python, '-m', 'replay', 'run', transcript,
                        env=environment(tmp, PYTHONPATH=module_dir))
    if result.returncode != 0:
        failures.append(f'{python} -m replay run {transcript.name}: exit {result.returncode}\n'
                        + result.stdout.decode())


def check_linked_runs(replay, recorder, tmp, failures):
    """The linked installation's python and a venv of it run as before."""
    venv = make_venv(sys.executable, tmp / 'linked-venv')
    for python, env in ((sys.executable, {}), (venv, {'VIRTUAL_ENV': str(tmp / 'linked-venv')})):
        transcript = recorded(recorder, python, tmp, 'linked')
        args = ['run', transcript] if env else ['--python', python, 'run', transcript]
        for attempt in ('asked', 'cached'):
            result = testlib.sh(replay, *args, env=environment(tmp, **env))
            if result.returncode != 0:
                failures.append(f'the linked installation ({python}, {attempt}): exit '
                                f'{result.returncode}\n' + result.stdout.decode())


def check_other_minor(replay, tmp, failures):
    """Debian's python3, of another minor version: as before this change."""
    debian = os.path.realpath('/usr/bin/python3')
    theirs = subprocess.run([debian, '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'],
                            stdout=subprocess.PIPE, check=True, text=True).stdout.strip()
    if theirs == MINOR:
        return
    result = testlib.run(replay, '--python', debian, '--version', env=environment(tmp))
    message = result.stderr.decode()
    other_build = pathlib.Path(replay).resolve().parent / f'replay-{theirs}'
    if other_build.exists():
        if result.returncode != 0 or f'Python {theirs}' not in result.stdout.decode():
            failures.append(f'{other_build} did not run {debian}: {result}')
    elif result.returncode != 2 or f'no build for Python {theirs}' not in message \
            or f'versions available: {MINOR}' not in message:
        failures.append(f'{debian} (Python {theirs}): exit {result.returncode}, {message!r}')


def main(replay, recorder, module_dir):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp).resolve()
        (tmp / 'session.txt').write_text(SESSION)
        check_linked_runs(replay, recorder, tmp, failures)
        check_other_minor(replay, tmp, failures)
        other = other_installation()
        if other is None:
            print(f'(no other installation of Python {MINOR} here: its refusal not checked)')
            return testlib.finish(failures)
        venvs = [(other, None), (make_venv(other, tmp / 'venv'), str(tmp / 'venv')),
                 (make_venv(other, tmp / 'system', '--system-site-packages'), str(tmp / 'system'))]
        for python, venv in venvs:
            transcript = recorded(recorder, python, tmp, pathlib.Path(python).parent.parent.name)
            text = transcript.read_text()
            if 'Error' in text.split('import packaging')[0]:
                failures.append(f'{python} itself cannot run the session:\n{text}')
            if other.startswith('/usr/bin/') and venv != str(tmp / 'venv') \
                    and 'dist-packages/packaging' not in text:
                failures.append(f'{python} has no python3-packaging (ci/setup):\n{text}')
            check_refused(replay, python, venv, transcript, tmp, failures)
            check_module_runs(python, module_dir, transcript, tmp, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
