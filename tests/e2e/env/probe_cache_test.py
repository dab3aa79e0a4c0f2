"""`--python` asks an interpreter what it is once, not at every run.

    python3 probe_cache_test.py REPLAY

In a venv of this Python whose executables are copies (`--copies`, so that
the test may change one), with XDG_CACHE_HOME in a temporary directory,
strace (installed by ci/setup) records the programs each run starts:

- the first `replay --python VENV run` starts the venv's python (the probe);
- the second starts nothing but replay itself (the probe's answer is in the
  cache, docs/performance.md);
- after the executable changes (a new modification time), the next run
  probes again;
- every run passes a transcript whose expected output is what the venv's
  python itself says of its sys.prefix and sys.version.

Skipped, saying so, without strace or where it cannot trace.
"""
import os
import pathlib
import shutil
import sys
import tempfile

import testlib

STATE = "import sys; print(sys.prefix); print(sys.version)"


def started(strace, replay, venv, transcript, cache, log):
    """The programs (execve paths) `replay --python VENV run TRANSCRIPT`
    starts, after replay itself; and the run."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    run = testlib.sh(strace, '-f', '-qq', '-o', log, '-e', 'trace=execve', replay,
                     '--python', venv, 'run', transcript, env=env, text=True)
    programs = []
    for line in pathlib.Path(log).read_text().splitlines():
        if 'execve("' in line and '= 0' in line:
            programs.append(line.split('execve("', 1)[1].split('"', 1)[0])
    return programs[1:], run


def main(replay):
    strace = shutil.which('strace')
    if strace is None:
        print('SKIPPED: needs strace')
        return 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        venv = tmp / 'venv'
        testlib.run(sys.executable, '-m', 'venv', '--copies', '--without-pip', venv, check=True)
        shown = testlib.run(venv / 'bin' / 'python', '-c', STATE, check=True, text=True).stdout
        transcript = tmp / 'state.pycon'
        transcript.write_text(f'>>> {STATE}\n{shown}', encoding='utf-8')
        cache, log = tmp / 'cache', tmp / 'strace.log'

        first, run = started(strace, replay, venv, transcript, cache, log)
        if run.returncode != 0 and 'Operation not permitted' in run.stdout:
            print(f'SKIPPED: strace cannot trace here: {run.stdout[-200:]!r}')
            return 0
        second, run2 = started(strace, replay, venv, transcript, cache, log)
        for path in venv.glob('bin/python*'):
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
        third, run3 = started(strace, replay, venv, transcript, cache, log)

        for name, result in (('first', run), ('second', run2), ('after the change', run3)):
            if result.returncode != 0:
                failures.append(f'the {name} run failed:\n{result.stdout}')
        if not any(p.startswith(str(venv)) for p in first):
            failures.append(f'the first run started no python of the venv: {first}')
        if second:
            failures.append(f'the second run started programs (no cache?): {second}')
        if not any(p.startswith(str(venv)) for p in third):
            failures.append(f'the run after the executable changed did not probe it: {third}')
    for failure in failures:
        print(failure)
    print('checked: a probe on the first run, none on the second, a probe after a change')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
