"""Faults from outside: a full disk, SIGKILL mid-update, SIGTERM mid-run.

    python3 faults_test.py REPLAY RECORDER

Every path is made here, in a temporary directory.
- A full disk (the runner's RLIMIT_FSIZE, SIGXFSZ ignored, so writes fail
  with EFBIG as on a full file system): a JSON or JUnit report that does not
  fit leaves the old report wholly as it was, names the file, exits 2, and
  leaves no temporary file; an `--update` that does not fit leaves the
  transcript wholly old, says why (`NOT UPDATED file: cannot write: ...`)
  and exits 2; so does one with two hard links, which is written in place
  (its inode and links kept), checked before a byte is written.
- `replay run --update` killed (SIGKILL, injected by strace at its first
  fsync, when a 14 MB temporary is written but not yet renamed): the
  transcript is wholly old, and the next `--update` in that directory
  removes the temporary left behind and updates the file. Skipped, said
  so, without strace.
- SIGTERM to `replay run --update --report-json` while transcripts loop and
  start processes of their own: exit 130, every process the run started is
  gone (checked in the process table), the report is whole JSON, and each
  transcript is wholly old.
Expected transcripts come from the stdlib recorder.
"""
import json
import os
import pathlib
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import testlib

LIMIT = 4096  # bytes a file of the runner may hold: the "disk"


def full_disk():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))


def failing(recorder, tmp, name):
    """A transcript whose diff and update are larger than the disk."""
    path = tmp / (name + '.pycon')
    path.write_bytes(testlib.record_session(recorder, 'print("x" * 6000)\n')
                     .replace(b'x' * 6000, b'y' * 6000))
    return path


def check_full_disk(replay, recorder, tmp, failures):
    transcript = failing(recorder, tmp, 'big')
    for option in ('--report-json', '--junit'):
        report = tmp / ('report' + option)
        report.write_bytes(b'old report\n')
        result = testlib.run(replay, 'run', option, report, transcript, preexec_fn=full_disk)
        err = result.stdout.decode() + result.stderr.decode()
        if result.returncode != 2 or f'{report}: cannot keep the entries' not in err \
                or 'File too large' not in err:
            failures.append(f'{option} on a full disk: exit {result.returncode}, {err[:400]!r}')
        if report.read_bytes() != b'old report\n':
            failures.append(f'{option} on a full disk: the old report was changed')
    before = transcript.read_bytes()
    result = testlib.run(replay, 'run', '--update', transcript, preexec_fn=full_disk)
    out = result.stdout.decode() + result.stderr.decode()
    if transcript.read_bytes() != before:
        failures.append('--update on a full disk: the transcript was changed')
    if f'NOT UPDATED {transcript}: cannot write: File too large' not in out \
            or result.returncode != 2:
        failures.append(f'--update on a full disk: exit {result.returncode}, {out[:400]!r}')
    # Two hard links: written in place, so only once it is known to fit.
    other = tmp / 'big_link.pycon'
    os.link(transcript, other)
    inode = transcript.stat().st_ino
    result = testlib.run(replay, 'run', '--update', transcript, preexec_fn=full_disk)
    out = result.stdout.decode() + result.stderr.decode()
    if transcript.read_bytes() != before or transcript.stat().st_ino != inode \
            or transcript.stat().st_nlink != 2:
        failures.append('--update in place on a full disk: the transcript was changed')
    if f'NOT UPDATED {transcript}: cannot write: File too large' not in out \
            or result.returncode != 2:
        failures.append(f'--update in place on a full disk: exit {result.returncode}, '
                        f'{out[:400]!r}')
    other.unlink()
    # .replay_cache (the --last-failed record of the failing run) is no
    # temporary file.
    left = sorted(p.name for p in tmp.iterdir()
                  if p.name.startswith('.') and p.name != '.replay_cache')
    if left:
        failures.append(f'temporary files left on a full disk: {left}')
    return 4


def check_killed_mid_update(replay, tmp, failures):
    strace = shutil.which('strace')
    if strace is None:
        print('SKIPPED: a replay killed while it writes an update (needs strace)')
        return 0
    where = tmp / 'killed'
    where.mkdir()
    transcript = where / 'big.pycon'
    transcript.write_bytes(b'>>> print("x" * 14000000)\nno\n')
    before = transcript.read_bytes()
    killed = testlib.run(strace, '-f', '-qq', '-o', os.devnull, '-e', 'trace=fsync',
                         '-e', 'inject=fsync:signal=KILL:when=1', replay, 'run', '--update',
                         transcript)
    left = [p for p in where.iterdir() if p.name.startswith('.') and p.name != '.replay_cache']
    if killed.returncode == 1 and b'Operation not permitted' in killed.stderr:
        print(f'SKIPPED: strace cannot trace here: {killed.stderr[-200:]!r}')
        return 0
    if transcript.read_bytes() != before or len(left) != 1 or left[0].stat().st_size < 14000000:
        failures.append(f'killed mid-update: the transcript changed or no temporary is left '
                        f'({sorted(os.listdir(where))}); {killed.stderr[-300:]!r}')
    result = testlib.run(replay, 'run', '--update', transcript)
    left = [p.name for p in where.iterdir() if p.name.startswith('.')
            and p.name != '.replay_cache']
    if left or b'UPDATED' not in result.stdout or transcript.read_bytes() == before:
        failures.append(f'the next --update did not remove the stale temporary: {left}, '
                        f'{result.stdout[-300:]!r}')
    return 2


def alive(pid):
    try:
        state = pathlib.Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()[0]
    except OSError:
        return False
    return state != 'Z'  # a zombie has ended; only its parent may not have reaped it yet


def check_sigterm(replay, recorder, tmp, failures):
    loops = []
    for k in range(3):
        path = tmp / f'loop{k}.pycon'
        path.write_text('>>> import subprocess\n'
                        '>>> p = subprocess.Popen(["sleep", "300"])\n'
                        '>>> while True: pass\n...\n>>> print(1)\n2\n')
        loops.append(path)
    before = {path: path.read_bytes() for path in loops}
    report = tmp / 'sigterm.json'
    runner = subprocess.Popen([replay, 'run', '-j', '2', '--update', '--report-json', report,
                               *loops], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    started = set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(started) < 4:  # 2 children, 2 sleeps
        started |= testlib.descendants(runner.pid)
        time.sleep(0.05)
    runner.send_signal(signal.SIGTERM)
    runner.communicate(timeout=30)
    time.sleep(0.2)
    left = sorted(pid for pid in started if alive(pid))
    if len(started) < 4:
        failures.append(f'SIGTERM: only {len(started)} processes seen starting')
    if runner.returncode != 130:
        failures.append(f'SIGTERM: exit {runner.returncode}, not 130')
    if left:
        failures.append(f'SIGTERM: processes left running: {left}')
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    try:
        json.loads(report.read_text())
    except (OSError, ValueError) as error:
        failures.append(f'SIGTERM: the report is not whole JSON: {error}')
    for path, content in before.items():
        if path.read_bytes() != content:
            failures.append(f'SIGTERM: {path} was changed')
    return 4


def main(replay, recorder):
    failures = []
    recorder = pathlib.Path(recorder)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        checked = check_full_disk(replay, recorder, tmp, failures)
        checked += check_killed_mid_update(replay, tmp, failures)
        checked += check_sigterm(replay, recorder, tmp, failures)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
