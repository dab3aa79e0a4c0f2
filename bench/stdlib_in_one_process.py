"""Baseline (b): one python3 process replays every transcript with the stdlib
code.InteractiveConsole, one after another, with no isolation.

    python3 stdlib_in_one_process.py FILE...

Inputs are taken from each transcript by tests/support/record_stdlib.py's own code;
output goes to one StringIO per transcript. Prints the number of transcripts
whose replay equals the file.
"""
import code
import io
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'support'))
import record_stdlib  # noqa: E402  (the recorder's way of finding inputs)


class _EndOfInput(BaseException):
    pass


def replay(text):
    out = io.StringIO()
    next_input = record_stdlib._transcript_source(text)
    seen = 0

    def readfunc(prompt):
        nonlocal seen
        prompt = str(prompt)
        try:
            line = next_input(prompt, out.getvalue()[seen:])
        except StopIteration:
            raise _EndOfInput
        out.write(prompt + line + '\n')
        seen = len(out.getvalue())
        return line

    # No isolation, but each transcript starts with the console's own
    # prompts and hooks, so that one transcript's settings do not cut short
    # the replay of the next.
    for name in ('ps1', 'ps2'):
        if hasattr(sys, name):
            delattr(sys, name)
    sys.displayhook, sys.excepthook = sys.__displayhook__, sys.__excepthook__
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        code.interact(banner='', readfunc=readfunc, exitmsg='')
    except (_EndOfInput, SystemExit):
        pass
    finally:
        sys.stdout, sys.stderr = saved
    return out.getvalue()


def main(paths):
    same = 0
    for path in paths:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        same += replay(text) == text
    print(f'{same}/{len(paths)} identical')


if __name__ == '__main__':
    main(sys.argv[1:])
