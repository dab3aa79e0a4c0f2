"""Everything a transcript starts dies with it, and a transcript dies with replay.

    python3 containment_test.py REPLAY AS_MODULE

AS_MODULE runs `python -m replay` (`none`: not built). A console transcript
starts `sleep 300` with `start_new_session=True` and a daemon (fork, setsid,
fork; the middle process exits) and writes their pids to a file; then it
ends, or sleeps past `--timeout`. Checked in the process table after replay
exits: neither process is left, through `replay` and `python -m replay`.
SIGHUP (a closed terminal) stops a run as SIGTERM does: exit 130, nothing
left. SIGKILL to replay: the session's own process dies with it (its
parent-death signal) rather than running on.
"""
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time

import testlib

START = '''>>> import os, subprocess
>>> p = subprocess.Popen(['sleep', '300'], start_new_session=True)
>>> r, w = os.pipe()
>>> if os.fork() == 0:
...     os.setsid()
...     if os.fork() == 0:
...         _ = os.write(w, b'%d' % os.getpid())
...         os.execvp('sleep', ['sleep', '300'])
...     os._exit(0)
...
>>> os.wait() and None
>>> daemon = int(os.read(r, 100))
>>> with open(PIDS, 'w') as f: f.write('%d %d %d' % (os.getpid(), p.pid, daemon)) and None
...
'''


def transcript(tmp, name, tail=''):
    pids = tmp / (name + '.pids')
    path = tmp / (name + '.pycon')
    path.write_text(f'>>> PIDS = {str(pids)!r}\n' + START + tail)
    return path, pids


def alive(pid):
    try:
        state = pathlib.Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()[0]
    except OSError:
        return False
    return state != 'Z'  # a zombie has ended; only its parent may not have reaped it yet


def read_pids(pids):
    try:
        return [int(field) for field in pids.read_text().split()]
    except (OSError, ValueError):
        return []


def left_running(pids, what, failures):
    """Checks the started processes (not the session's own) are gone."""
    started = read_pids(pids)[1:]
    if len(started) != 2:
        failures.append(f'{what}: the transcript did not start its processes')
        return
    time.sleep(0.2)
    left = [pid for pid in started if alive(pid)]
    if left:
        failures.append(f'{what}: processes left running: {left}')
        for pid in left:
            os.kill(pid, signal.SIGKILL)


def check_session_end(program, label, tmp, failures):
    for ending, tail, options, status in (
            ('ends', '', [], 0),
            ('times out', '>>> import time; time.sleep(300)\n', ['--timeout', '3'], 1)):
        name = f'{label}-{ending.replace(" ", "-")}'
        path, pids = transcript(tmp, name, tail)
        result = testlib.sh(program, 'run', *options, path)
        if result.returncode != status:
            failures.append(f'{label}, a transcript that {ending}: exit {result.returncode}, '
                            f'not {status}: {result.stdout.decode()[-600:]!r}')
        left_running(pids, f'{label}, a transcript that {ending}', failures)
    return 4  # each ending: its exit status, what is left


def wait_for(pids, runner):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(read_pids(pids)) < 3 and runner.poll() is None:
        time.sleep(0.05)


def check_signals(replay, tmp, failures):
    path, pids = transcript(tmp, 'hup', '>>> import time; time.sleep(300)\n')
    runner = subprocess.Popen([replay, 'run', path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for(pids, runner)
    runner.send_signal(signal.SIGHUP)
    runner.communicate(timeout=30)
    if runner.returncode != 130:
        failures.append(f'SIGHUP: exit {runner.returncode}, not 130')
    left_running(pids, 'SIGHUP', failures)

    path, pids = transcript(tmp, 'kill', '>>> import time; time.sleep(300)\n')
    runner = subprocess.Popen([replay, 'run', path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(pids, runner)
    runner.kill()
    runner.wait(timeout=30)
    session = read_pids(pids)[:1]
    time.sleep(0.5)
    if not session or alive(session[0]):
        failures.append(f'SIGKILL to replay: its session {session} runs on')
    for pid in read_pids(pids):  # started in new sessions: a documented gap
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    return 3


def main(replay, as_module):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        checked = check_session_end(replay, 'replay', tmp, failures)
        if as_module != 'none':
            checked += check_session_end(as_module, 'python -m replay', tmp, failures)
        checked += check_signals(replay, tmp, failures)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
