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
import json
import pathlib
import re
import subprocess
import sys


def record(recorder, *args, cwd=None):
    """The bytes tests/record_stdlib.py (`recorder`), run by this Python with
    `args` in directory `cwd` (None: this one), writes: what the stdlib
    console shows."""
    return subprocess.run([sys.executable, '-u', str(recorder), *map(str, args)],
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=60, cwd=cwd).stdout


FENCE = re.compile(r'^[ \t]*(`{3,}|~{3,})(.*)$')
QUOTE = re.compile(r'^(?:[ ]{0,3}>(?:[ \t]|$))*')
CONSOLE = {'pycon', 'pycon3', 'python', 'python3', 'py', 'py3', 'python-console', 'ipython',
           'ipython3'}
CODE_DIRECTIVES = {'code-block', 'code', 'sourcecode', 'code-cell'}
OTHER_DIRECTIVES = {'testcode', 'testoutput', 'testsetup', 'testcleanup', 'math', 'raw',
                    'mermaid', 'graphviz', 'csv-table', 'literalinclude', 'ipython'}


def _first_word(text):
    return re.split(r'[ \t{]', text.strip(' \t'), maxsplit=1)[0].lower()


def _fence_kind(info):
    """'run', 'if-prompts', 'markdown' or 'other', for a fence's info string."""
    if not info:
        return 'if-prompts'
    match = re.match(r'\{([^}]*)\}?(.*)$', info)
    if not match:
        return 'run' if _first_word(info) in CONSOLE else 'other'
    name, argument = match.group(1).strip().lower(), _first_word(match.group(2))
    if name.startswith('.'):
        return 'run' if _first_word(name[1:]) in CONSOLE else 'other'
    if name in ('doctest', 'eval-rst'):
        return 'run'
    if name in CODE_DIRECTIVES:
        return 'run' if argument in CONSOLE else 'other'
    return 'other' if name in OTHER_DIRECTIVES else 'markdown'


class _Markdown:
    """A markdown document split into lines, quote markers and bodies."""

    def __init__(self, text):
        self.lines = text.split('\n')
        self.prefix = [len(QUOTE.match(line).group(0)) for line in self.lines]
        self.depth = [line[:n].count('>') for line, n in zip(self.lines, self.prefix)]
        self.body = [line[n:] for line, n in zip(self.lines, self.prefix)]
        self.keep = [False] * len(self.lines)
        self.skip = set()

    def fence(self, k):
        match = FENCE.match(self.body[k])
        if not match:
            return None
        marks, info = match.group(1), match.group(2).strip(' \t')
        if marks[0] == '`' and '`' in info:
            return None
        return marks[0], len(marks), info

    def prompt(self, k):
        return self.body[k].lstrip(' \t').startswith('>>>')

    def indent(self, k):
        stripped = self.body[k].lstrip(' \t')
        return len(self.body[k][:len(self.body[k]) - len(stripped)].expandtabs(4)) \
            if stripped else None

    def fenced(self, i, opening):
        """Reads the block fenced on line i; returns the next line to read."""
        close, closed = i + 1, False
        while close < len(self.lines) and self.depth[close] >= self.depth[i]:
            closing = self.fence(close)
            if self.depth[close] == self.depth[i] and closing and closing[0] == opening[0] \
                    and closing[1] >= opening[1] and not closing[2]:
                closed = True
                break
            close += 1
        kind = _fence_kind(opening[2])
        if kind == 'markdown':
            if closed:
                self.skip.add(close)
            return i + 1
        run = kind == 'run' or (kind == 'if-prompts' and any(map(self.prompt, range(i + 1, close))))
        for k in range(i + 1, close):
            self.keep[k] = run
        return close + 1 if closed else close

    def indented(self, i):
        """Reads the indented code block starting on line i; returns the next."""
        end = i
        while end < len(self.lines) and self.depth[end] == self.depth[i] \
                and (self.indent(end) is None or self.indent(end) >= 4) \
                and (end == i or self.fence(end) is None):
            end += 1
        if any(map(self.prompt, range(i, end))):
            for k in range(i, end):
                self.keep[k] = True
        return end

    def examples(self):
        i = 0
        while i < len(self.lines):
            opening = self.fence(i) if i not in self.skip else None
            level = self.indent(i)
            if opening is not None:
                i = self.fenced(i, opening)
            elif i not in self.skip and level is not None and level >= 4 \
                    and (i == 0 or self.indent(i - 1) is None):
                i = self.indented(i)
            else:
                i += 1
        return '\n'.join(' ' * self.prefix[k] + self.body[k] if self.keep[k] else ''
                         for k in range(len(self.lines)))


def markdown_to_doctest(text):
    """The examples of markdown `text`, line for line, as docs/doctest-mode.md
    ("Markdown") states them: the lines of fences of a console language (pycon, python, py, with
    3s, python-console, ipython; as MyST {doctest}, {eval-rst} or
    {code-block} LANG), of bare fences holding a `>>>` line and of indented
    code blocks holding one, kept, with block-quote markers made spaces;
    every other line made empty. Fences inside block quotes close in the same
    quote, or where it ends; MyST directives such as {note} hold markdown."""
    return _Markdown(text).examples()


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


# The start of a stdlib runner (stdlib_json_result): `path` and the doctest
# option `flags` named by the other arguments.
RUNNER_ARGUMENTS = r'''
path, names = sys.argv[1], sys.argv[2:]
flags = 0
for name in names:
    flags |= doctest.OPTIONFLAGS_BY_NAME[name]
'''


def stdlib_json_result(runner, mark, path, flags, cwd):
    """Runs Python code `runner` (which prints its result as JSON on a line
    starting with `mark`) on `path` with `flags` in a fresh interpreter of
    this Python; returns (the result, everything it printed)."""
    run = subprocess.run([sys.executable, '-c', runner, str(path)] + list(flags),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=str(cwd), timeout=120)
    stdout = run.stdout.decode('utf-8', 'replace')
    results = [line for line in stdout.splitlines() if line.startswith(mark)]
    if not results:
        raise AssertionError('stdlib doctest on %s gave no result:\n%s\n%s' % (
            path, stdout, run.stderr.decode('utf-8', 'replace')))
    return json.loads(results[-1][len(mark):]), stdout


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
