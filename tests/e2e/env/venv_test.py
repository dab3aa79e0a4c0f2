"""replay runs in the user's environment: an activated venv, or --python.

    python3 venv_test.py REPLAY RECORDER

In a fresh venv of this Python (made by its venv module, without pip), a
module installed only in the venv's site-packages, a source directory added
by a .pth file (as editable installs do) and a .pth `import` line:

- a transcript recorded by the venv's own python (RECORDER) passes under
  `replay run` with no environment variable but VIRTUAL_ENV, and with
  `--python VENV`, `--python VENV/bin/python3` (before or after `run`): the
  module imports, and sys.prefix, sys.exec_prefix, sys.base_prefix,
  sys.executable and sys.path are those the venv's python reports;
- without the venv the same transcript fails (the module is not there);
- `replay --version` and the first line of `replay -v run` name the venv's
  python and its prefix;
- a venv of another minor version (any other pyenv Python on the machine)
  is refused with exit status 2, naming its version and the one available.
"""
import glob
import os
import pathlib
import subprocess
import sys
import tempfile

import testlib

SESSION = '''import sys, os
print(sys.prefix)
print(sys.exec_prefix)
print(sys.base_prefix)
print(sys.executable)
print([p for p in sys.path if not p.endswith('support')])
import onlyhere; print(onlyhere.WHERE)
import editable_probe; print(editable_probe.NAME)
os.environ.get('REPLAY_PTH_RAN')
import more_itertools_not_installed_anywhere
'''


# A sanitizer build's settings (tests/CMakeLists.txt) reach replay, whatever
# else its environment lacks.
SANITIZER_ENV = {k: v for k, v in os.environ.items()
                 if k in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS')}


def make_venv(python, where):
    subprocess.run([python, '-m', 'venv', '--without-pip', str(where)], check=True,
                   env={}, timeout=120)
    return where / 'bin' / 'python3'


def install_probes(venv_python, tmp):
    """The module, the .pth source directory and the .pth import line."""
    purelib = subprocess.run(
        [str(venv_python), '-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        stdout=subprocess.PIPE, check=True, env={}, text=True).stdout.strip()
    site = pathlib.Path(purelib)
    (site / 'onlyhere.py').write_text("WHERE = 'the venv only'\n")
    source = tmp / 'src'
    (source / 'editable_probe').mkdir(parents=True)
    (source / 'editable_probe' / '__init__.py').write_text("NAME = 'from a .pth file'\n")
    (site / 'editable_probe.pth').write_text(f'{source}\n')
    (site / 'ran.pth').write_text("import os; os.environ['REPLAY_PTH_RAN'] = 'yes'\n")


def check_venv_runs(replay, venv, transcript, failures):
    python = str(venv / 'bin' / 'python3')
    for args, env in ((['run', transcript], {'VIRTUAL_ENV': str(venv)}),
                      (['--python', venv, 'run', transcript], {}),
                      (['run', '--python', python, transcript], {})):
        result = testlib.run(replay, *args, env={**SANITIZER_ENV, **env})
        if result.returncode != 0:
            failures.append(f'replay {args} with {env}: exit {result.returncode}\n'
                            + result.stdout.decode() + result.stderr.decode())
    if testlib.run(replay, 'run', transcript, env=SANITIZER_ENV).returncode != 1:
        failures.append('without the venv, the transcript importing its module did not fail')
    described = f'Python {sys.version.split()[0]} at {python}, sys.prefix {venv}'
    in_venv = {**SANITIZER_ENV, 'VIRTUAL_ENV': str(venv)}
    version = testlib.run(replay, '--version', env=in_venv).stdout.decode()
    if version.splitlines()[1:] != [described]:
        failures.append(f'--version in the venv says {version!r}, not {described!r}')
    verbose = testlib.run(replay, '-v', 'run', transcript, env=in_venv).stdout
    if verbose.decode().splitlines()[:1] != [f'replay: {described}']:
        failures.append(f'replay -v run begins {verbose[:200]!r}')


def check_other_version_refused(replay, tmp, failures):
    mine = '%d.%d' % sys.version_info[:2]
    root = pathlib.Path(os.path.expanduser('~/.pyenv/versions'))
    others = [p for p in sorted(glob.glob(str(root / '3.*/bin/python3')))
              if pathlib.Path(p).parent.parent.name.rsplit('.', 1)[0] != mine]
    if not others:
        print('(no Python of another minor version here: refusal not checked)')
        return
    venv = tmp / 'other'
    make_venv(others[0], venv)
    other = pathlib.Path(others[0]).parent.parent.name
    for args, env in ((['run', tmp], {'VIRTUAL_ENV': str(venv)}),
                      (['--python', others[0], '--version'], {})):
        result = testlib.run(replay, *args, env={**SANITIZER_ENV, **env})
        message = result.stderr.decode()
        if result.returncode != 2 or f'Python {other}' not in message \
                or f'versions available: {mine}' not in message:
            failures.append(f'a Python {other} ({args}, {env}) gave exit {result.returncode}, '
                            f'{message!r}')


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp).resolve()
        venv = tmp / 'venv'
        venv_python = make_venv(sys.executable, venv)
        install_probes(venv_python, tmp)
        (tmp / 'session.txt').write_text(SESSION)
        recorded = testlib.record(recorder, tmp / 'session.txt', python=venv_python, env={})
        for expected in (b'the venv only', b'from a .pth file', b"'yes'", str(venv).encode()):
            if expected not in recorded:
                failures.append(f'the venv python itself did not show {expected!r}')
        transcript = tmp / 'venv.pycon'
        transcript.write_bytes(recorded)
        check_venv_runs(replay, venv, transcript, failures)
        check_other_version_refused(replay, tmp, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
