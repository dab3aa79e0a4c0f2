"""What the project's test scripts share.

- record(): a transcript as the stdlib console of this Python shows it
  (tests/record_stdlib.py in a subprocess) — the truth console mode is
  compared with;
- markdown_to_doctest(): the examples of a markdown document as doctest text,
  line for line — the truth doctest mode's markdown handling is compared with,
  computed here independently of replay;
- finish(): the failures and the closing "N passed, N failed" line.

Scripts import it after putting tests/ on sys.path.
"""
import pathlib
import re
import subprocess
import sys


def record(recorder, *args):
    """The bytes tests/record_stdlib.py (`recorder`), run by this Python with
    `args`, writes: what the stdlib console shows."""
    return subprocess.run([sys.executable, '-u', str(recorder), *map(str, args)],
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=60).stdout


FENCE = re.compile(r'^[ \t]*(`{3,}|~{3,})(.*)$')


def markdown_to_doctest(text):
    """The examples of markdown `text`, line for line: the lines inside fences
    whose info string starts with pycon, python or py (any case), or inside
    bare fences holding a `>>>` line, kept; every other line, fence lines
    included, made empty. A fence is three or more backticks or tildes (a
    backtick fence has no backtick in its info), closed by at least as many
    of the same with nothing after them, or by the end of the text."""
    lines = text.split('\n')
    keep = [False] * len(lines)

    def fence(line):
        match = FENCE.match(line)
        if not match:
            return None
        marks, info = match.group(1), match.group(2).strip(' \t')
        if marks[0] == '`' and '`' in info:
            return None
        return marks[0], len(marks), info

    i = 0
    while i < len(lines):
        opening = fence(lines[i])
        if opening is None:
            i += 1
            continue
        close = i + 1
        while close < len(lines):
            closing = fence(lines[close])
            if closing and closing[0] == opening[0] and closing[1] >= opening[1] \
                    and not closing[2]:
                break
            close += 1
        info = opening[2]
        if info:
            examples = re.split(r'[ \t{]', info, maxsplit=1)[0].lower() in ('pycon', 'python', 'py')
        else:
            examples = any(line.lstrip(' \t').startswith('>>>') for line in lines[i + 1:close])
        if examples:
            for k in range(i + 1, close):
                keep[k] = True
        i = close + 1
    return '\n'.join(line if kept else '' for line, kept in zip(lines, keep))


def descendants(pid):
    """The live processes whose parent chain leads to `pid`, from /proc."""
    parents = {}
    for entry in pathlib.Path('/proc').iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / 'stat').read_text().rsplit(')', 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError):
                pass
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def finish(failures, checked=None):
    """Prints each failure and the closing line; returns the exit status.
    `checked`: how many checks ran (None: the script is one check)."""
    for failure in failures:
        print('FAILED:', failure)
    if checked is None:
        print(f'{0 if failures else 1} passed, {1 if failures else 0} failed')
    else:
        print(f'{checked - len(failures)} passed, {len(failures)} failed')
    return 1 if failures else 0
