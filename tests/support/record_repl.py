"""Record a console transcript with the `python3` REPL itself, through a pty.

The oracle of `replay run --console python`: the transcript is what a terminal
shows of `python3 -q` (no script, no banner) typing the lines of INPUT, one
per line, each after the REPL has shown its prompt:

    python3 record_repl.py INPUT > transcript.pycon

It runs the Python that runs this script (sys.executable), in a pseudo
terminal 500 columns wide with TERM=dumb (readline then draws no escape
sequences), and with PYTHON_BASIC_REPL=1: on 3.13 the classic REPL, whose
prompts and tracebacks are those docs show (`File "<stdin>"`), not the new
one's (`File "<python-input-0>"`); older Pythons ignore it. PYTHONSTARTUP is
unset. The pty's CRLF become LF; the session ends with Ctrl-D, whose final
prompt and newline are not part of the transcript.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

PROMPTS = ('>>> ', '... ')


def _read_until_prompt(fd, timeout=30, quiet=0.1):
    """What the REPL writes until it shows a prompt and stays quiet; and
    whether it is still running."""
    out = b''
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if out.decode('utf-8', 'replace').endswith(PROMPTS):
                return out, True
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the REPL ended
            return out, False
        if not chunk:
            return out, False
        out += chunk
    raise TimeoutError(f'no prompt after {timeout} s:\n{out!r}')


def record(lines):
    env = dict(os.environ, TERM='dumb', PYTHON_BASIC_REPL='1')
    env.pop('PYTHONSTARTUP', None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, '-q'], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 500, 0, 0))
    out, running = _read_until_prompt(fd)
    for line in lines:
        if not running:
            break
        os.write(fd, line.encode() + b'\r')
        more, running = _read_until_prompt(fd)
        out += more
    if running:
        os.write(fd, b'\x04')
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    os.waitpid(pid, 0)
    text = out.decode('utf-8', 'surrogateescape').replace('\r\n', '\n')
    for end in ('>>> \n', '>>> '):  # the prompt answered by Ctrl-D
        if text.endswith(end):
            return text[:-len(end)]
    return text


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines[-1] == '':
        lines.pop()
    sys.stdout.write(record(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
