"""Baseline (b): one python3 process replays every transcript with the stdlib
code.InteractiveConsole, one after another, with no isolation.

    python3 stdlib_in_one_process.py FILE...

Inputs are taken from each transcript the way tests/record_stdlib.py does;
output goes to one StringIO per transcript. Prints the number of transcripts
whose replay equals the file.
"""
import code
import io
import sys


class _EndOfInput(BaseException):
    pass


def replay(text):
    out = io.StringIO()
    pos = 0
    seen = 0

    def readfunc(prompt):
        nonlocal pos, seen
        prompt = str(prompt)
        output = out.getvalue()[seen:]
        if text.startswith(output, pos):
            pos += len(output)
        elif pos and text[pos - 1] != '\n':
            pos = text.find('\n', pos) + 1 or len(text)
        while pos < len(text):
            end = text.find('\n', pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            pos = min(end + 1, len(text))
            if line.startswith(prompt) or line == prompt.rstrip():
                line = line[len(prompt):]
                out.write(prompt + line + '\n')
                seen = len(out.getvalue())
                return line
        raise _EndOfInput

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
