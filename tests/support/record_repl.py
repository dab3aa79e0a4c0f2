"""Record a console transcript with the `python3` REPL itself, through a pty.

The oracle of `replay run --console python`: the transcript is what a terminal
shows of `python3 -q` (no script, no banner) typing the lines of INPUT, one
per line, each when the REPL waits reading the terminal:

    python3 record_repl.py INPUT > transcript.pycon
    python3 record_repl.py --asyncio INPUT > transcript.pycon

With --asyncio, the REPL is `python3 -m asyncio`'s (the oracle of `replay run
--console asyncio`), which reads the terminal in a thread of its own (any
thread's wait counts) and always shows a banner: the transcript starts after
it, that is after the banner's last line (`>>> import asyncio`).

It runs the Python that runs this script (sys.executable) with
PYTHON_BASIC_REPL=1: on 3.13 the classic REPL, whose prompts and tracebacks
are those docs show (`File "<stdin>"`), not the new one's
(`File "<python-input-0>"`); older Pythons ignore it. There is no -u (nor
PYTHONUNBUFFERED): the REPL's streams are buffered, as on a user's
terminal. The terminal, the detection of input waits, the echo, the learnt
prompts (custom ones included) and the time limit are record_stdlib.py's
(its Terminal): the session ends when the input ends, wherever the REPL is
(at `>>> ` or inside an open block at `... `); the last prompt, unanswered,
is left out and the REPL killed. A session that does not wait for input within the time limit is
killed, what it showed written out, and the status is 1.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import record_stdlib  # noqa: E402  (the terminal and its waits)


BANNER_END = '>>> import asyncio\n'  # the asyncio REPL's banner's last line


def main(argv):
    asyncio = argv[1:2] == ['--asyncio']
    if len(argv) != 2 + asyncio:
        sys.stderr.write(__doc__)
        return 2
    os.environ['PYTHON_BASIC_REPL'] = '1'
    next_input = record_stdlib._plain_source(record_stdlib._read_text(argv[-1]))
    if asyncio:
        text, in_time = record_stdlib.record([sys.executable, '-m', 'asyncio'], next_input,
                                             any_thread=True)
        text = text[text.find(BANNER_END) + len(BANNER_END):] if BANNER_END in text else text
    else:
        text, in_time = record_stdlib.record([sys.executable, '-q'], next_input)
    sys.stdout.buffer.write(text.encode('utf-8', 'surrogateescape'))
    sys.stdout.flush()
    if not in_time:
        sys.stderr.write(f'\n{argv[0]}: the REPL did not wait for input within '
                         f'{record_stdlib.TIMEOUT:g} s; killed\n')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
