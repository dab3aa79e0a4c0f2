"""--sandbox confines a transcript: each attempt it makes fails there and
succeeds without it.

    python3 sandbox_test.py REPLAY AS_MODULE

AS_MODULE: a script running `python -m replay` of this build, or `none`.

One transcript tries to write a file beside itself, connect to a TCP server
this test listens on (on a non-loopback address of the host if it has one,
else on 127.0.0.1: the sandbox's loopback is its own), read a file planted in
$HOME, start a daemon in a session of its own, and SIGKILL the replay process
(its pid as the test sees it, and its parent as the transcript sees it).
Run without --sandbox (the control), each effect is seen: the file exists,
the server got a connection, the secret is in the report, replay is killed.
With --sandbox none is: the file is absent, the server saw nothing, the
secret is not in the report, replay survives and reports the file, and no
daemon outlives the run; with a bwrap that cannot make namespaces, --sandbox
exits 2 and runs nothing. Exits 77 where bubblewrap or the kernel cannot
confine (and checks that --sandbox then refuses with exit 2).
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile

import testlib

SECRET = 'planted-secret-5b1d'
DAEMON = ['sleep', '3017']  # an argument no other process has


def host_address():
    """A non-loopback address of this host, or 127.0.0.1 if it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(('192.0.2.1', 9))  # no packet is sent
            address = probe.getsockname()[0]
        except OSError:
            address = '127.0.0.1'
    return address


def transcript(target, address, port, pid_file):
    lines = [
        'import os, signal, socket, subprocess',
        'def tried(f):',
        '    try:',
        '        return f()',
        '    except Exception as e:',
        '        return type(e).__name__',
        '',
        f'tried(lambda: open({str(target)!r}, "w").write("written"))',
        f'tried(lambda: socket.create_connection(({address!r}, {port}), timeout=5).close())',
        f'tried(lambda: open(os.path.join(os.environ["HOME"], "secret")).read())',
        f'tried(lambda: subprocess.Popen({DAEMON!r}, start_new_session=True).pid > 0)',
        f'tried(lambda: os.kill(int(open({str(pid_file)!r}).read()), signal.SIGKILL))',
        'tried(lambda: os.kill(os.getppid(), signal.SIGKILL))',
        'print("still here")',
    ]
    return ''.join(('... ' if line.startswith(' ') or not line and i else '>>> ') + line + '\n'
                   for i, line in enumerate(lines))


def daemons():
    found = []
    for entry in pathlib.Path('/proc').iterdir():
        try:
            if (entry / 'cmdline').read_bytes().split(b'\0')[:2] == [x.encode() for x in DAEMON]:
                found.append(int(entry.name))
        except (OSError, ValueError):
            pass
    return found


def attempt(replay, tmp, sandbox, name):
    """Runs the transcript; (CompletedProcess, report or None, connections, wrote)."""
    corpus = tmp / name
    corpus.mkdir()
    home = tmp / 'home'
    target, pid_file = corpus / 'written.txt', corpus / 'runner.pid'
    server = socket.socket()
    server.bind((host_address(), 0))
    server.listen(8)
    server.setblocking(False)
    address, port = server.getsockname()
    (corpus / 'attempts.pycon').write_text(transcript(target, address, port, pid_file))
    args = ['--sandbox'] if sandbox else []
    done = testlib.run(replay, 'run', '--report-json', '-', '--color', 'never', *args, corpus,
                       env={**os.environ, 'HOME': str(home)}, text=True, timeout=60,
                       preexec_fn=lambda: pid_file.write_text(str(os.getpid())))
    connections = 0
    while True:
        try:
            server.accept()[0].close()
            connections += 1
        except BlockingIOError:
            break
    server.close()
    try:
        report = json.loads(done.stdout)
    except ValueError:
        report = None
    return done, report, connections, target.exists()


def main(replay, as_module):
    failures = []
    bwrap = shutil.which('bwrap')
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'home').mkdir()
        (tmp / 'home' / 'secret').write_text(SECRET)
        # A bwrap that cannot make namespaces (as in a container forbidding
        # them): exit 2 with its message, nothing run.
        fake = tmp / 'fake-bin'
        fake.mkdir()
        (fake / 'bwrap').write_text('#!/bin/sh\necho "bwrap: No permissions to create new '
                                    'namespace" >&2\nexit 1\n')
        (fake / 'bwrap').chmod(0o755)
        (tmp / 'ran.pycon').write_text(f'>>> open({str(tmp / "ran")!r}, "w").close()\n')
        refused = testlib.run(replay, 'run', '--sandbox', tmp / 'ran.pycon', text=True,
                              env={**os.environ, 'PATH': f'{fake}:{os.environ["PATH"]}'})
        if refused.returncode != 2 or 'No permissions to create new namespace' not in \
                refused.stderr or (tmp / 'ran').exists():
            failures.append(f'a bwrap that cannot confine: {refused}, '
                            f'ran: {(tmp / "ran").exists()}')
        usable = bwrap and testlib.run(bwrap, '--unshare-all', '--die-with-parent',
                                       '--ro-bind', '/', '/', 'true').returncode == 0
        if not usable:
            (tmp / 'one.pycon').write_text('>>> 1\n1\n')
            refused = testlib.run(replay, 'run', '--sandbox', tmp / 'one.pycon', text=True)
            if refused.returncode != 2 or 'nothing was run unconfined' not in refused.stderr:
                print(f'FAILED: without bubblewrap support --sandbox gave {refused}')
                return 1
            print('SKIPPED: bubblewrap cannot make namespaces here (bwrap '
                  f'{"missing" if not bwrap else "failed"}); --sandbox refuses with exit 2')
            return testlib.finish(failures) if failures else 77

        control, _, connections, wrote = attempt(replay, tmp, False, 'control')
        if control.returncode != -9:
            failures.append(f'control: replay was not killed by the transcript: {control}')
        if not wrote or connections == 0:
            failures.append(f'control: wrote={wrote}, connections={connections}: the attempts '
                            'do not reach what they should')
        for pid in daemons():
            os.kill(pid, 9)  # the control's runner was killed: its daemon may be left

        runners = [('replay', replay)] + ([('python -m replay', as_module)]
                                          if as_module != 'none' else [])
        for name, runner in runners:
            done, report, connections, wrote = attempt(runner, tmp, True, name.replace(' ', '_'))
            if wrote:
                failures.append(f'{name}: the sandboxed transcript wrote a file beside itself')
            if connections:
                failures.append(f'{name}: the sandboxed transcript connected to the host '
                                f'({connections})')
            if SECRET in done.stdout + done.stderr:
                failures.append(f'{name}: the sandboxed transcript read the file planted in $HOME')
            if done.returncode != 1 or report is None or len(report['transcripts']) != 1:
                failures.append(f'{name}: the sandboxed run did not survive and report: {done}')
            elif 'still here' not in report['transcripts'][0]['diff']:
                failures.append(f'{name}: the sandboxed transcript did not run to its end:\n'
                                + report['transcripts'][0]['diff'])
            left = daemons()
            if left:
                failures.append(f'{name}: a daemon the sandboxed transcript started '
                                f'outlived the run: {left}')
                for pid in left:
                    os.kill(pid, 9)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
