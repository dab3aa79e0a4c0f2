"""Record a console transcript with the standard library's code.InteractiveConsole.

This is the oracle of the project: every expected transcript is produced here,
by the stdlib console of the Python that runs this script, never by replay's
own core. Run it with the Python that replay embeds:

    python3 -u record_stdlib.py INPUT            # INPUT holds one console line per line
    python3 -u record_stdlib.py --transcript T   # re-record the inputs of transcript T

The transcript goes to standard output (fd 1 and fd 2 should be the same pipe,
standard input /dev/null), exactly as a terminal shows a session of
`code.interact(banner='', exitmsg='')` fed with these lines: for each line the
prompt, the line, a newline, then whatever the console wrote. The transcript
ends when the input ends (no final prompt), or when SystemExit ends the session
(its message, if it is not None or an int, is printed as Python does at exit).

With --transcript, the input lines are taken from T the way `replay run` reads
a console transcript. Before each prompt, the text the console wrote since the
last input is matched against T; where it matches it is skipped whole (so output
without a final newline, or output that looks like a prompt, is not mistaken for
input). Then a line that starts with the prompt the console shows at that
moment (sys.ps1 or sys.ps2, whatever the session set them to) is input; a line
equal to the prompt without its trailing whitespace is an empty input; every
other line is output and skipped.
"""
import code
import os
import sys
import tempfile


class _EndOfInput(BaseException):
    """Raised by the line source when the input is exhausted."""


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
    pos = 0

    def next_input(prompt, output):
        nonlocal pos
        if text.startswith(output, pos):
            pos += len(output)
        elif pos and text[pos - 1] != '\n':
            pos = text.find('\n', pos) + 1 or len(text)
        while pos < len(text):
            end = text.find('\n', pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            pos = min(end + 1, len(text))
            if line.startswith(prompt):
                return line[len(prompt):]
            if line == prompt.rstrip():
                return ''
        raise StopIteration
    return next_input


def main(argv):
    if len(argv) == 3 and argv[1] == '--transcript':
        next_input = _transcript_source(_read_text(argv[2]))
    elif len(argv) == 2:
        next_input = _plain_source(_read_text(argv[1]))
    else:
        sys.stderr.write(__doc__)
        return 2

    # The session writes into a temporary file standing in for the terminal
    # (fd 1 and fd 2 both), so that the text written since the last input,
    # at any level (sys.stdout, os.write, child processes), can be read back.
    terminal = os.dup(1)
    screen = tempfile.TemporaryFile()
    os.dup2(screen.fileno(), 1)
    os.dup2(screen.fileno(), 2)
    seen = 0

    def readfunc(prompt):
        # What input() shows when stdin is not a terminal: str(prompt), then
        # (echoed here, as a terminal would) the line and its newline.
        nonlocal seen
        sys.stdout.flush()
        sys.stderr.flush()
        size = os.fstat(1).st_size
        output = os.pread(1, size - seen, seen).decode('utf-8', 'surrogateescape')
        prompt = str(prompt)
        try:
            line = next_input(prompt, output)
        except StopIteration:
            raise _EndOfInput
        sys.stdout.write(prompt + line + '\n')
        sys.stdout.flush()
        seen = os.fstat(1).st_size
        return line

    sys.argv = ['']
    try:
        code.interact(banner='', readfunc=readfunc, exitmsg='')
    except _EndOfInput:
        pass
    except SystemExit as e:
        if e.code is not None and not isinstance(e.code, int):
            sys.stderr.write(str(e.code) + '\n')
    sys.stdout.flush()
    sys.stderr.flush()
    size = os.fstat(1).st_size
    os.write(terminal, os.pread(1, size, 0))
    # Like replay, the session ends here: atexit handlers and threads left
    # behind are not part of the transcript.
    os._exit(0)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
