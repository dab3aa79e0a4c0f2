"""Record a console transcript with the standard library's code.InteractiveConsole.

This is the oracle of the project: every expected transcript is produced here,
by the stdlib console of the Python that runs this script, never by replay's
own core. Run it with the Python that replay embeds:

    python3 -u record_stdlib.py INPUT            # INPUT holds one console line per line
    python3 -u record_stdlib.py --transcript T   # re-record the inputs of transcript T

The transcript goes to standard output (fd 1 and fd 2 should be the same pipe,
standard input /dev/null), exactly as a terminal shows a session of
`python3 -u -c "import code; code.interact(banner='', exitmsg='')"` fed with
these lines (the reference, docs/transcript-format.md "The reference"): for each line the prompt
as input() writes it (str(prompt) to the current sys.stdout, then flushed), the
line and its newline as the terminal echoes them (to the file descriptor, never
through sys.stdout), then whatever the console wrote. The session has
sys.argv == [''], sys.path[0] == '' and Python's default SIGINT handler, and
the stack below user code of the reference: code.interact is called from this
script's module frame, as `python3 -c` calls it, and reads through code.py's
own raw_input (whose input() is this script's). The transcript ends when the input ends (no final prompt), or when SystemExit ends
the session (its message, if it is not None or an int, is printed as Python
does at exit).

With --transcript, the input lines are taken from T the way `replay run` reads
a console transcript. Before each prompt, the text the console wrote since the
last input is matched against T; where it matches it is skipped whole (so output
without a final newline, or output that looks like a prompt, is not mistaken for
input). Then the text the prompt showed (what str(sys.ps1) or str(sys.ps2)
became on the terminal; it may span lines, or be empty if sys.stdout is not the
terminal) followed by a line is input; a line equal to the prompt's last line
without its trailing whitespace is an empty input; every other line is output
and skipped.
"""
import _signal
import code
import os
import sys
import tempfile
import traceback
import types


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
    return next_input


def main(argv):
    """Sets this process up as the reference starts (the terminal, argv, path,
    SIGINT, the console's input); returns finish(ended_at_prompt), which
    writes the transcript and ends the process; or an exit status."""
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
    prompt_at = 0  # where the last prompt starts on the screen

    def take_output():
        nonlocal seen
        size = os.fstat(1).st_size
        output = os.pread(1, size - seen, seen).decode('utf-8', 'surrogateescape')
        seen = size
        return output

    def readfunc(prompt):
        # input() as it works when stdin is not a terminal: stderr flushed,
        # str(prompt) written to the current sys.stdout and flushed. Then
        # the terminal echoes the line and its newline, below sys.stdout.
        nonlocal prompt_at
        sys.stdout.flush()
        sys.stderr.flush()
        output = take_output()
        prompt_at = seen
        sys.stdout.write(str(prompt))
        sys.stdout.flush()
        shown = take_output()
        try:
            line = next_input(shown, output)
        except StopIteration:
            raise _EndOfInput
        os.write(1, (line + '\n').encode('utf-8', 'surrogateescape'))
        take_output()
        return line

    # As `python3 -c` starts: argv [''], the current directory first on the
    # path, Python's own SIGINT handler (even if this process inherited
    # SIGINT ignored); _signal is imported at start-up, signal is not.
    sys.argv = ['']
    sys.path[0] = ''
    _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    # The console reads with code.py's own raw_input, whose input() is
    # readfunc: its frame is the one a console of the stdlib has.
    raw_input = code.InteractiveConsole.raw_input
    code.InteractiveConsole.raw_input = types.FunctionType(
        raw_input.__code__, dict(vars(code), input=readfunc), raw_input.__name__,
        raw_input.__defaults__)

    def finish(ended_at_prompt):
        if ended_at_prompt:
            # The transcript ends with the last input: no final prompt.
            os.ftruncate(1, prompt_at)
        sys.stdout.flush()
        sys.stderr.flush()
        size = os.fstat(1).st_size
        os.write(terminal, os.pread(1, size, 0))
        # Like replay, the session ends here: atexit handlers and threads
        # left behind are not part of the transcript.
        os._exit(0)
    return finish


if __name__ == '__main__':
    finish = main(sys.argv)
    if not callable(finish):
        sys.exit(finish)
    # Called from the module frame, as `python3 -c` calls it: the stack
    # below the user's code is code.interact's.
    try:
        code.interact(banner='', exitmsg='')
    except _EndOfInput:
        finish(True)
    except SystemExit as e:
        if e.code is not None and not isinstance(e.code, int):
            sys.stderr.write(str(e.code) + '\n')
    except BaseException:
        # code.py itself failed (as replay reports an error): shown as
        # Python shows an uncaught exception.
        traceback.print_exc()
    finish(False)
