"""Record a console transcript with the literal reference, in a pseudo terminal.

This is the oracle of the project: every expected transcript is produced here,
by the reference itself (docs/transcript-format.md "The reference"), never by
replay's own core. Run it with the Python that replay embeds:

    python3 record_stdlib.py INPUT            # INPUT holds one console line per line
    python3 record_stdlib.py --transcript T   # re-record the inputs of transcript T

It starts the reference command with the Python that runs it,

    python3 -u -c "import code; code.interact(banner='', exitmsg='')"

in a pseudo terminal (TERM=dumb, so that readline draws no escape sequences;
INPUTRC=/dev/null; no PYTHONSTARTUP or PYTHONUNBUFFERED; 10000 columns), and types each line only when the
interpreter waits reading the terminal: it has read all that was typed and
shown something since (the echo of a keystroke, at least), its main thread is
blocked in the system call that reads standard input (readline's pselect6 on
fd 0, or a read of fd 0 when input() does not use readline), as
/proc/PID/syscall shows, and the terminal has been quiet for a moment. The transcript, written to standard
output, is what the terminal shows, with the pseudo terminal's CRLF made LF
and the terminal's echo of each typed line replaced by the line and a newline
(readline echoes a tab as spaces). The session ends when the input ends (the
last prompt, unanswered, is left out and the process group killed: atexit
handlers and threads left running are not part of the transcript) or when the
interpreter exits (SystemExit: everything it shows up to its exit is kept).
Every wait has a time limit (TIMEOUT seconds): a session that never waits for
input again is killed, what it showed written out, and the status is 1
(RECORD_TIMEOUT in the environment sets another limit).

The prompt is learnt from the terminal, never assumed: where it is needed (the
last prompt, or a --transcript whose text differs from the screen), a Ctrl-L
makes readline redraw it ("\\r\\n" and the whole prompt), and that redraw is
left out of the transcript. When input() does not use readline (sys.stdout or
sys.stdin replaced), a Ctrl-L would be typed into the line, so the prompt is
guessed: the trailing `>>> ` or `... ` of the screen, or nothing.

With --transcript, the input lines are taken from T the way `replay run` reads
a console transcript. Where the screen since the last input (output and
prompt) is what T holds at that point, the rest of that line of T is the
input. Otherwise the text the console wrote since the last input is matched
against T and, where it matches, skipped whole (so output without a final
newline, or output that looks like a prompt, is not mistaken for input); then
the prompt followed by a line is input; a line equal to the prompt's last line
without its trailing whitespace is an empty input; every other line is output
and skipped.
"""
import fcntl
import os
import platform
import select
import signal
import struct
import sys
import termios
import time

REFERENCE = "import code; code.interact(banner='', exitmsg='')"
# Seconds a session may run without waiting for input (RECORD_TIMEOUT).
TIMEOUT = float(os.environ.get('RECORD_TIMEOUT', '30'))
QUIET = 0.03  # seconds without output after which a waiting session is idle
SILENT = 1.0  # seconds after which a session that shows nothing (no echo) may be idle
COLUMNS = 10000

# System call numbers: (read, select, pselect6, poll, ppoll).
_SYSCALLS = {
    'x86_64': {'read': 0, 'select': (23, 270)},
    'aarch64': {'read': 63, 'select': (72,)},
}.get(platform.machine(), {'read': None, 'select': ()})


def _read_text(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    text = data.decode('utf-8')
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()
    if lines and all(line.endswith('\r') for line in lines):
        text = text.replace('\r\n', '\n')
    return text


def _plain_source(text):
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()
    it = iter(lines)

    def next_input(prompt, output):
        return next(it)
    return next_input


def _transcript_source(text):
    """next_input(prompt, output): the next input line of the transcript
    `text`, given the prompt the console shows and what it wrote since the
    last input; StopIteration at the end."""
    pos = 0

    def input_at(start, prompt):
        # The input whose prompt (its last line `tail`, after the lines of
        # `head`) starts at `start`, and where the text after it starts.
        cut = prompt.rfind('\n') + 1
        head, tail = prompt[:cut], prompt[cut:]
        if not text.startswith(head, start):
            return None
        begin = start + len(head)
        end = text.find('\n', begin)
        end = len(text) if end < 0 else end
        line = text[begin:end]
        if line.startswith(tail):
            return line[len(tail):], min(end + 1, len(text))
        if line == tail.rstrip():
            return '', min(end + 1, len(text))
        return None

    def next_input(prompt, output):
        nonlocal pos
        if text.startswith(output, pos):
            pos += len(output)
        elif pos and text[pos - 1] != '\n':
            pos = text.find('\n', pos) + 1 or len(text)
        while pos < len(text):
            found = input_at(pos, prompt)
            if found is not None:
                line, pos = found
                return line
            pos = text.find('\n', pos) + 1 or len(text)
        raise StopIteration

    def exact(shown):
        # The input after `shown`, if the transcript holds `shown` next.
        nonlocal pos
        if not shown or not text.startswith(shown, pos) or pos + len(shown) >= len(text) \
                and not shown:
            return None
        begin = pos + len(shown)
        end = text.find('\n', begin)
        end = len(text) if end < 0 else end
        pos = min(end + 1, len(text))
        return text[begin:end]
    next_input.exact = exact
    return next_input


class Terminal:
    """A program in a pseudo terminal: what it shows, and when it waits."""

    def __init__(self, argv, env, any_thread=False):
        # any_thread: the program reads the terminal in a thread other than
        # its main one (the asyncio REPL), so that any thread's wait counts.
        self.any_thread = any_thread
        self.fd, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack('HHHH', 50, COLUMNS, 0, 0))
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(self.fd)
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.close(self.slave)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        # The parent keeps the terminal's other end open to see how much of
        # what was typed the program has not read yet (_unread).
        self.running = True
        self.status = None

    def _unread(self):
        """Bytes typed that the program has not read yet."""
        count = fcntl.ioctl(self.slave, termios.FIONREAD, struct.pack('i', 0))
        return struct.unpack('i', count)[0]

    def _waits_on(self):
        """'readline' if the program's main thread (with any_thread, any of
        its threads) waits in readline (select on fd 0), 'read' if in a read
        of fd 0, else None."""
        if not self.any_thread:
            return self._thread_waits_on(f'/proc/{self.pid}/syscall')
        try:
            threads = os.listdir(f'/proc/{self.pid}/task')
        except OSError:
            return None
        for thread in sorted(threads):
            waits_on = self._thread_waits_on(f'/proc/{self.pid}/task/{thread}/syscall')
            if waits_on:
                return waits_on
        return None

    @staticmethod
    def _thread_waits_on(path):
        try:
            with open(path) as f:
                fields = f.read().split()
        except OSError:
            return None
        if not fields or not fields[0].isdigit() or len(fields) < 2:
            return None
        number, first = int(fields[0]), int(fields[1], 16)
        if number in _SYSCALLS['select'] and first == 1:
            return 'readline'
        if number == _SYSCALLS['read'] and first == 0:
            return 'read'
        return None

    def _exited(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait(self, timeout=TIMEOUT):
        """What the program shows until it waits reading the terminal, idle,
        or ends (then self.running is False), as text with CRLF made LF."""
        out = b''
        start = time.monotonic()
        deadline = start + timeout
        while True:
            if select.select([self.fd], [], [], 0.005)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: every end of the terminal is closed
                    chunk = b''
                if chunk:
                    out += chunk
                    continue
                self.running = False
                break
            if self._exited():
                # Whatever is still in the terminal's buffer, then the end.
                while select.select([self.fd], [], [], QUIET)[0]:
                    try:
                        chunk = os.read(self.fd, 65536)
                    except OSError:
                        chunk = b''
                    if not chunk:
                        break
                    out += chunk
                self.running = False
                break
            # Idle: everything typed is read, and the program, having
            # answered it (every keystroke is echoed; on a loaded machine the
            # echo can come late, and the program may not have run yet), is
            # waiting to read the terminal again, quiet for a moment.
            self.waits_on = self._waits_on()
            if self.waits_on and (out or time.monotonic() > start + SILENT) \
                    and not self._unread() \
                    and not select.select([self.fd], [], [], QUIET)[0] \
                    and self._waits_on() == self.waits_on:
                break
            if time.monotonic() > deadline:
                self.kill()
                raise TimeoutError(out)
        return out.decode('utf-8', 'surrogateescape').replace('\r\n', '\n')

    def type(self, line):
        """Types `line` and Enter; returns what the program shows then,
        without the terminal's echo of the line."""
        data = line.encode('utf-8', 'surrogateescape')
        if data:
            os.write(self.fd, data)
            self.wait()  # the echo, drawn as readline or the terminal draws it
            if not self.running:
                return ''
        os.write(self.fd, b'\r')
        shown = self.wait()
        return shown[1:] if shown.startswith('\n') else shown

    def prompt(self, shown):
        """The prompt at the end of `shown`, what the program showed before it
        waits: redrawn by readline (Ctrl-L), or guessed."""
        if self.waits_on == 'readline':
            os.write(self.fd, b'\x0c')
            redrawn = self.wait()
            if redrawn.startswith('\n') and shown.endswith(redrawn[1:]):
                return redrawn[1:]
        tail = shown[shown.rfind('\n') + 1:]
        return tail[-4:] if tail.endswith(('>>> ', '... ')) else ''

    def kill(self):
        if self.status is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(self.pid, 0)
            self.status = -1
        if self.fd is not None:
            os.close(self.fd)
            os.close(self.slave)
            self.fd = None


def environment():
    env = dict(os.environ, TERM='dumb', INPUTRC='/dev/null')
    # PYTHONUNBUFFERED too: a terminal's python3 buffers its streams unless
    # told (the reference command says -u itself).
    for name in ('PYTHONSTARTUP', 'PYTHONUNBUFFERED', 'COLUMNS', 'LINES'):
        env.pop(name, None)
    return env


def record(argv, next_input, any_thread=False):
    """The transcript of the program `argv` in a terminal, fed by
    next_input; (text, whether it ended in time). any_thread: as Terminal's."""
    terminal = Terminal(argv, environment(), any_thread)
    screen = []
    try:
        shown = terminal.wait()
        while terminal.running:
            exact = getattr(next_input, 'exact', None)
            line = exact(shown) if exact else None
            if line is None:
                prompt = terminal.prompt(shown)
                output = shown[:len(shown) - len(prompt)]
                try:
                    line = next_input(prompt, output)
                except StopIteration:
                    screen.append(output)  # the last prompt is left out
                    break
            screen.append(shown + line + '\n')
            shown = terminal.type(line)
        else:
            screen.append(shown)
    except TimeoutError as e:
        screen.append(e.args[0].decode('utf-8', 'surrogateescape').replace('\r\n', '\n'))
        return ''.join(screen), False
    finally:
        terminal.kill()
    return ''.join(screen), True


def main(argv):
    if len(argv) == 3 and argv[1] == '--transcript':
        next_input = _transcript_source(_read_text(argv[2]))
    elif len(argv) == 2:
        next_input = _plain_source(_read_text(argv[1]))
    else:
        sys.stderr.write(__doc__)
        return 2
    text, in_time = record([sys.executable, '-u', '-c', REFERENCE], next_input)
    sys.stdout.buffer.write(text.encode('utf-8', 'surrogateescape'))
    sys.stdout.flush()
    if not in_time:
        sys.stderr.write(f'\n{argv[0]}: the session did not wait for input within '
                         f'{TIMEOUT:g} s; killed\n')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
