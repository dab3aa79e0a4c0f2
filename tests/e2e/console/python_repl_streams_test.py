"""--console python: the REPL's buffered streams and the prompts it writes itself.

    python3 python_repl_streams_test.py REPLAY REPL_RECORDER

Each session below is recorded by the `python3` REPL itself
(support/record_repl.py, through a pty: the classic REPL on 3.13, no -u), then
replayed by `replay run --console python`; every one must pass. They are the
REPL's loop where it is not code.interact's (docs/console-mode.md, issue 20):
- its streams are buffered as on a terminal (line-buffered, over the
  terminal's block size) and flushed after each statement, sys.stderr first,
  and after the error of a failing one: output without a newline shows after
  a traceback, after what sys.stderr got, split where a buffer fills;
- it writes its prompts to the terminal itself, not through sys.stdout: a
  session that replaces sys.stdout (a StringIO, a writer object, None, a
  closed stream) still shows them, and the replaced stream sees no prompt,
  only the flushes after each statement.
`must_show` checks that the recording shows what makes the case a case, so
that a recorder that drifted from the REPL cannot make the test pass
vacuously. The recordings are replayed as they are (on 3.13 with the source
lines of `<stdin>` the REPL shows in tracebacks).
"""
import pathlib
import sys
import tempfile

import testlib

NEW_TEXT_TOO = sys.version_info >= (3, 13)  # what a full TextIOWrapper passes on

HOOK = "sys.excepthook = lambda t, v, tb: print('hook:', t.__name__, file=sys.stderr)\n"

UPPER = '''class Upper:
    def __init__(self, stream): self.stream, self.calls = stream, []
    def write(self, text):
        self.calls.append(text)
        return self.stream.write(text.upper())
    def flush(self):
        self.calls.append('flush')
        self.stream.flush()
'''

# name: (input lines, texts the REPL's recording must show)
SESSIONS = {
    # Item 7: buffered streams, flushed after each statement.
    'unterminated_output_before_traceback': (
        "print('abc', end=''); 1/0\nprint('next')\n",
        ['ZeroDivisionError: division by zero\nabc>>> print(\'next\')\nnext\n']),
    'unterminated_output_before_excepthook': (
        "import sys\n" + HOOK + "print('abc', end=''); 1/0\nprint('def', end=''); undefined\n"
        "1 + 1\n",
        ['hook: ZeroDivisionError\nabc>>> ', 'hook: NameError\ndef>>> 1 + 1\n2\n']),
    'stderr_flushed_before_stdout': (
        "import sys\nprint('out', end=''); print('err', end='', file=sys.stderr)\n"
        "sys.stdout.write('out'); sys.stderr.write('err')\n"
        "print('a', end=''); print('b', file=sys.stderr); print('c', end='')\n1\n",
        ['\nerrout>>> ', 'out3\n3\nerr>>> ', '\nb\nac>>> 1\n1\n']),
    # sys.stdout's TextIOWrapper passes its text on when a line ends or when
    # it would hold more than 8 KiB: up to 3.12 what it held, from 3.13 on
    # that and the new text.
    'over_8_kib_without_newline': (
        "print('x' * 10000, end=''); 1/0\n"
        "print('x' * 5000, end=''); print('y' * 5000, end=''); 1/0\n"
        "print('z' * 3000); print('w' * 2000, end=''); 1/0\n1\n",
        ['x' * 10000 + 'Traceback', "1/0\n" + 'x' * 5000 + ('y' * 5000 if NEW_TEXT_TOO else '')
         + 'Traceback', '\n' + 'z' * 3000 + '\nTraceback',
         'division by zero\n' + 'w' * 2000 + '>>> 1\n1\n']),
    # Item 8: prompts written to the terminal, whatever sys.stdout is.
    'stdout_stringio_then_restored': (
        "import io, sys\nsys.stdout = io.StringIO()\nprint('hidden')\n1 + 1\nif True:\n"
        "    'in block'\n\ncaptured, sys.stdout = sys.stdout, sys.__stdout__\n"
        "print(repr(captured.getvalue()))\n",
        [">>> print('hidden')\n>>> 1 + 1\n>>> if True:\n...     'in block'\n... \n>>> captured",
         '\n"hidden\\n2\\n\'in block\'\\n"\n']),
    'unflushed_output_kept_while_stdout_replaced': (
        "import io, sys\nprint('abc', end=''); sys.stdout = io.StringIO()\nprint('hidden')\n"
        "sys.stdout = sys.__stdout__\nprint('shown')\n",
        ['>>> sys.stdout = sys.__stdout__\nabc>>> print(\'shown\')\nshown\n']),
    'stdout_writer_object': (
        "import sys\n" + UPPER + "\nsys.stdout = Upper(sys.stdout)\nprint('hello')\n"
        "if True:\n    'lower'\n\nprint('no newline', end='')\n"
        "sys.stdout, calls = sys.stdout.stream, sys.stdout.calls\ncalls\n",
        [">>> print('hello')\nHELLO\n>>> if True:\n...     'lower'\n... \n'LOWER'\n>>> ",
         "NO NEWLINE>>> sys.stdout, calls"]),
    'stdout_writer_without_flush': (
        "import sys\nclass Sink:\n    def write(self, text): return len(text)\n\n"
        "sys.stdout = Sink()\n1 + 1\nprint('x')\nsys.stdout = sys.__stdout__\nprint('back')\n",
        [">>> 1 + 1\n>>> print('x')\n>>> sys.stdout = sys.__stdout__\n>>> print('back')\nback\n"]),
    # Where code.interact's input() fails, the REPL's prompts still show.
    'stdout_none_or_closed': (
        "import sys\nsys.stdout = None\n1 + 1\nprint('x')\nsys.stdout = sys.__stdout__\n"
        "import io; sys.stdout = io.StringIO(); sys.stdout.close()\n2\n"
        "sys.stdout = sys.__stdout__\n3\n",
        [">>> 1 + 1\nTraceback (most recent call last):\n",
         "RuntimeError: lost sys.stdout\n>>> print('x')\n>>> sys.stdout = sys.__stdout__\n>>> ",
         "ValueError: I/O operation on closed file\n>>> sys.stdout = sys.__stdout__\n>>> 3\n3\n"]),
}

def check(replay, repl_recorder, tmp, name, lines, must_show):
    recorded = testlib.record_repl_session(repl_recorder, lines)
    text = recorded.stdout
    missing = [shown for shown in must_show if shown not in text]
    if recorded.returncode != 0 or missing:
        return [f'{name}: the REPL\'s recording lacks {missing!r}:\n{text}{recorded.stderr}']
    transcript = tmp / f'{name}.pycon'
    transcript.write_text(text)
    result = testlib.sh(replay, 'run', '--console', 'python', '--color', 'never',
                        '--timeout', '20', transcript, text=True)
    if result.returncode != 0:
        return [f'{name}: the REPL\'s recording does not pass:\n{result.stdout}']
    return []


def main(replay, repl_recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (lines, must_show) in SESSIONS.items():
            failures += check(replay, repl_recorder, pathlib.Path(tmp), name, lines, must_show)
    return testlib.finish(failures, len(SESSIONS))


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
