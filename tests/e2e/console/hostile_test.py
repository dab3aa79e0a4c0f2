"""Hostile and malformed transcripts each get the right verdict, quickly.

    python3 hostile_test.py REPLAY RECORDER

Builds a directory holding transcripts that loop, crash, flood, exit, leave
threads, atexit handlers and processes behind, close their output, plus
malformed files (invalid UTF-8, NUL bytes, binary data, a FIFO, a directory
and a dangling symlink named *.pycon) and ordinary transcripts recorded by
the stdlib console. Transcripts that send the runner SIGUSR1, SIGALRM, SIGHUP or SIGTERM are
each reported by name while the run goes on. Runs `replay run --timeout 5` on it and checks every file's
status and message in the JSON report, that the ordinary ones pass, and that
the whole run takes well under a minute. Then checks Ctrl-C: exit status 130
and a report of what finished.
"""
import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import time
from xml.etree import ElementTree

import testlib

# name: (input lines, expected status, regex the message must match)
SESSIONS = {
    'infinite_loop': (['x = 1', 'while True:', '    pass', '', 'print("after")'], 'error',
                      r':2: timed out after 5 s at line 2$'),
    'segfault': (['import ctypes', 'ctypes.string_at(0)'], 'error',
                 r':2: killed by SIGSEGV \(Segmentation fault\) at line 2$'),
    'abort': (['import os', 'os.abort()'], 'error', r':2: killed by SIGABRT .* at line 2$'),
    'sigkill': (['import os, signal', 'os.kill(os.getpid(), signal.SIGKILL)'], 'error',
                r':2: killed by SIGKILL .* at line 2$'),
    'os_exit': (['import os', 'print("before")', 'os._exit(3)'], 'error',
                r':3: the process exited with status 3 at line 3 before the transcript ended$'),
    'os_exit_zero': (['import os', 'os._exit(0)', 'print("never")'], 'error',
                     r':2: the process exited with status 0 at line 2'),
    'c_stack_overflow': (['import sys, threading', 'sys.setrecursionlimit(10**6)',
                          'threading.stack_size(65536)',
                          'def deep():', '    l = []', '    for _ in range(100000): l = [l]',
                          '    repr(l)', '',
                          't = threading.Thread(target=deep); t.start(); t.join()'],
                         'error', r':9: killed by SIGSEGV .* at line 9$'),
    'stdout_flood': (['while True: print("x" * 1000)', ''], 'error',
                     r':1: output exceeded the limit of 1 MiB at line 1$'),
    'stderr_flood': (['import sys', 'while True: sys.stderr.write("y" * 4096)', ''], 'error',
                     r'output exceeded the limit of 1 MiB at line 2$'),
    'fd_flood': (['import os', 'while True: os.write(1, b"z" * 65536)', ''], 'error',
                 r'output exceeded the limit of 1 MiB'),
    # With fd 1 closed the console cannot show line 3's prompt: the stdlib's
    # code.interact dies there with the same OSError, so no run can pass.
    'close_stdout': (['import os', 'os.close(1)', 'print("lost")'], 'error',
                     r':3: the console failed at line 3: sys\.stdout\.write: '
                     r'OSError: \[Errno 9\] Bad file descriptor$'),
    # Signals that would end the runner (SIGTERM, SIGHUP interrupt a run
    # sent from outside): the runner survives, names the file, runs the rest.
    **{f'kill_runner_{name}': (['import os, signal', f'os.kill(os.getppid(), signal.{name})',
                                'print("after")'], 'error',
                               rf":\d+: sent {name} \(.*\) to replay's runner at line \d+; "
                               r'the runner ended the transcript$')
       for name in ('SIGUSR1', 'SIGALRM', 'SIGHUP', 'SIGTERM')},
    # With fd 2 closed, showing the traceback fails in code.py: the command
    # ends on that uncaught exception, which Python cannot show either.
    'close_stderr': (['import os', 'os.close(2)', '1/0', 'print("never")'], 'passed', r'^$'),
    # These finish normally; their expected text comes from the stdlib.
    'thread_left_running': (['import threading, time',
                             'threading.Thread(target=time.sleep, args=(30,)).start()',
                             'print("done")'], 'passed', r'^$'),
    'atexit_left_behind': (['import atexit, time', 'atexit.register(time.sleep, 30)',
                            'print("done")'], 'passed', r'^$'),
    'process_left_running': (['import subprocess',
                              'p = subprocess.Popen(["sleep", "30"])', 'print("done")'],
                             'passed', r'^$'),
    # The reference's terminal gives the next typed line to user code that
    # reads standard input; replay's is at end of file (docs/limits.md): a
    # verdict, never a hang.
    'stdin_at_eof': (['import sys', 'sys.stdin.read()', 'input("name? ")'], 'failed',
                     r':3: the console shows something else from this line on$'),
    'below_stdout': (['import os, sys', 'sys.__stdout__.write("a\\n")',
                      'os.write(1, b"b\\n")', 'os.system("echo c; echo d >&2")',
                      'print("e"); os.write(2, b"f\\n"); print("g")'], 'passed', r'^$'),
    'ordinary': (['x = 6 * 7', 'x', 'def f():', '    return x', '', 'f() + 1'], 'passed', r'^$'),
}

MALFORMED = {
    'invalid_utf8.pycon': (b'>>> 1\n1\n>>> "\xff"\n', r':3:6: invalid UTF-8 \(byte 0xFF\)$'),
    'nul_byte.pycon': (b'>>> 1\n1\n>>> x\x00\n', r':3:6: NUL byte'),
    'binary.pycon': (bytes(range(256)) * 4, r':1:1: NUL byte'),
}



def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / 'corpus'
        corpus.mkdir()
        expectations = {}
        for name, (lines, status, pattern) in SESSIONS.items():
            path = corpus / f'{name}.pycon'
            if status == 'passed':
                path.write_bytes(testlib.record_session(recorder, '\n'.join(lines) + '\n'))
            else:
                # Only the inputs matter: these never finish.
                path.write_text(''.join(('>>> ' if i == 0 or not lines[i - 1].startswith(
                    ('while', 'def', ' ')) or not l.startswith(' ') and l else '... ') + l + '\n'
                    for i, l in enumerate(lines)))
            expectations[str(path)] = (status, pattern)
        for name, (data, pattern) in MALFORMED.items():
            (corpus / name).write_bytes(data)
            expectations[str(corpus / name)] = ('error', pattern)
        os.mkfifo(corpus / 'fifo.pycon')
        expectations[str(corpus / 'fifo.pycon')] = ('error', r'cannot read: not a regular file')
        (corpus / 'directory.pycon').mkdir()
        expectations[str(corpus / 'directory.pycon')] = ('error', r'cannot read: is a directory')
        os.symlink(corpus / 'missing-target', corpus / 'dangling.pycon')
        expectations[str(corpus / 'dangling.pycon')] = (
            'error', r'cannot read: No such file or directory')

        start = time.monotonic()
        junit = pathlib.Path(tmp) / 'junit.xml'
        run, report = testlib.run_report(replay, '--timeout', '5', '--max-output', '1048576',
                                         '--color', 'never', '--junit', junit, corpus,
                                         stderr=subprocess.STDOUT, text=True)
        elapsed = time.monotonic() - start
        if run.returncode != 1:
            failures.append(f'exit status {run.returncode}, expected 1')
        if elapsed > 30:
            failures.append(f'the run took {elapsed:.1f} s')
        if '\r' in run.stdout or '\x1b[' in run.stdout:
            failures.append('progress or colour noise on a non-terminal')
        last_line = run.stdout.rstrip('\n').split('\n')[-1]
        if not re.fullmatch(r'\d+ passed, \d+ failed, \d+ errors, 0 skipped in [0-9.]+ s',
                            last_line):
            failures.append(f'the last line is not the summary: {last_line!r}')
        verdicts = testlib.by_path(report)
        # JUnit: well-formed XML, one testcase per file, <failure>/<error>
        # where the JSON report says failed/error.
        suite = ElementTree.parse(junit).getroot().find('testsuite')
        cases = {case.get('name'): case for case in suite.iter('testcase')}
        if set(cases) != set(verdicts):
            failures.append(f'JUnit testcases {sorted(cases)} differ from the report')
        for path, verdict in verdicts.items():
            case = cases.get(path)
            tag = {'failed': 'failure', 'error': 'error'}.get(verdict['status'])
            if case is not None and (case.find(tag) is None if tag else len(case)):
                failures.append(f'JUnit testcase {path} does not say {verdict["status"]}')
        if int(suite.get('errors')) != sum(v['status'] == 'error' for v in verdicts.values()):
            failures.append('JUnit error count differs from the report')
        if set(verdicts) != set(expectations):
            failures.append(f'report covers {sorted(verdicts)}, expected {sorted(expectations)}')
        for path, (status, pattern) in expectations.items():
            verdict = verdicts.get(path)
            if verdict is None:
                continue
            if status is None:
                ok = verdict['status'] in ('failed', 'error')
            else:
                ok = verdict['status'] == status and re.search(pattern, verdict['message'])
            if not ok:
                failures.append(f'{path}: got {verdict["status"]}: {verdict["message"]!r}; '
                                f'expected {status} matching {pattern!r}\n{verdict["diff"][:2000]}')
        timed = verdicts.get(str(corpus / 'infinite_loop.pycon'))
        if timed and not re.search(r'^ >>> while True:$.*^->>> print\("after"\)$', timed['diff'],
                                   re.M | re.S):
            failures.append('the timed-out transcript does not show its output so far:\n'
                            + timed['diff'])
        closed = verdicts.get(str(corpus / 'close_stdout.pycon'))
        if closed and not re.search(r'^ >>> os\.close\(1\)\n->>> print\("lost"\)\n\Z',
                                    closed['diff'], re.M):
            failures.append('the transcript that closed fd 1 does not show its output up to '
                            'line 3 and nothing after:\n' + closed['diff'])
        print(f'{len(expectations)} files in {elapsed:.1f} s')

        # Ctrl-C: children stopped, reports written with what finished and
        # the file that was running named as interrupted (with its line),
        # the files never started counted, 130.
        slow = pathlib.Path(tmp) / 'slow'
        slow.mkdir()
        started = pathlib.Path(tmp) / 'started'
        (slow / 'a_quick.pycon').write_bytes((corpus / 'ordinary.pycon').read_bytes())
        (slow / 'b_slow.pycon').write_text(
            f'>>> import time\n>>> open({str(started)!r}, "w").close()\n>>> time.sleep(60)\n')
        (slow / 'c_never.pycon').write_bytes((corpus / 'ordinary.pycon').read_bytes())
        report, junit = pathlib.Path(tmp) / 'interrupted.json', pathlib.Path(tmp) / 'junit.xml'
        process = subprocess.Popen([replay, 'run', '-j', '1', '--color', 'never', '--report-json',
                                    str(report), '--junit', str(junit), str(slow)],
                                   stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=20)
        if process.returncode != 130:
            failures.append(f'after SIGINT exit status {process.returncode}, expected 130')
        data = json.loads(report.read_text()) if report.exists() else None
        slow_path = str(slow / 'b_slow.pycon')
        if not data or [(v['path'], v['status']) for v in data['transcripts']] != [
                (str(slow / 'a_quick.pycon'), 'passed'), (slow_path, 'interrupted')] \
                or not re.match(re.escape(slow_path) + r': interrupted after [\d.]+ s at line 3: '
                                r'no verdict$', data['transcripts'][1]['message']) \
                or (data['summary']['interrupted'], data['summary']['interrupted_files'],
                    data['summary']['not_run']) != (True, 1, 1):
            failures.append(f'after SIGINT the report is {data}')
        xml = junit.read_text() if junit.exists() else ''
        if not re.search(r'name="%s"[^>]*>\s*<error message="[^"]*interrupted after[^"]*" '
                         r'type="interrupted"/>' % re.escape(slow_path), xml) \
                or 'errors="1"' not in xml:
            failures.append(f'after SIGINT the JUnit report is {xml}')
        if f'INTERRUPTED {slow_path}: interrupted after' not in out or not re.search(
                r'^1 passed, 0 failed, 0 errors, 0 skipped, 1 interrupted, 1 not run in '
                r'[\d.]+ s \(interrupted\)$', out, re.M):
            failures.append(f'after SIGINT the output is {out!r}')

    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
