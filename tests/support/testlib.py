"""What the project's e2e test scripts share.

ctest finds this module for every script under tests/e2e by PYTHONPATH
(tests/e2e/CMakeLists.txt). Run a script by hand the same way, from the
source tree, e.g.:

    PYTHONPATH=tests/support python3 tests/e2e/cli/cli_test.py build/replay/replay tests/support/record_stdlib.py

(each script's docstring names its arguments). Importing this module takes
its directory off PYTHONPATH again, so that what a script starts (replay,
the recorders, other Pythons, venvs) sees the environment it would see
without it.

- run(), sh(), bare(): a program run to its end, its output captured;
- run_report(), by_path(): `replay run` with its JSON report read back;
- record_repl_session(): a session of the python3 (or asyncio) REPL;
- expect_statuses(): `replay run`'s exit status under several options;
- record(), record_session(), record_all(): a transcript as the reference (`python3 -u -c
  "import code; code.interact(...)"` of a Python, in a pseudo terminal)
  shows it (tests/support/record_stdlib.py in a subprocess) — the truth
  console mode is compared with;
- markdown_to_doctest(): the examples of a markdown document as doctest text,
  line for line — the truth doctest mode's markdown handling is compared with,
  computed here independently of replay;
- stdlib_json_result(), RUNNER_ARGUMENTS: a stdlib runner's verdict;
- descendants(): the processes a process started;
- pyenv_python(), tested_pythons(), suite_for(): the Pythons and suites of
  the tests of several Pythons;
- finish(): the failures and the closing "N passed, N failed" line.
"""
import glob
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = pathlib.Path(__file__).resolve().parent


def _leave_pythonpath():
    """Takes this directory off PYTHONPATH (unset when nothing else is on it)."""
    entries = os.environ.get('PYTHONPATH', '').split(os.pathsep)
    kept = [e for e in entries if not e or pathlib.Path(e).resolve() != HERE]
    if kept == entries:
        return
    if any(kept):
        os.environ['PYTHONPATH'] = os.pathsep.join(kept)
    else:
        del os.environ['PYTHONPATH']


_leave_pythonpath()


def run(program, *args, timeout=120, **options):
    """Runs `program` with `args` (each made a str) to its end, as
    subprocess.run does with `options`; by default standard input is
    /dev/null, standard output and error are captured as bytes apart, and
    the run may take `timeout` seconds. Returns the CompletedProcess."""
    options = {'stdin': subprocess.DEVNULL, 'stdout': subprocess.PIPE,
               'stderr': subprocess.PIPE, **options}
    return subprocess.run([str(program), *map(str, args)], timeout=timeout, **options)


def sh(program, *args, **options):
    """run() with standard error in standard output (`.stdout` holds both)."""
    return run(program, *args, **{'stderr': subprocess.STDOUT, **options})


def bare(program, *args, env=None, timeout=900):
    """sh() as text, in an environment holding only PATH (or `env`): how
    the tests of installs run a program, as a user's fresh shell would."""
    return sh(program, *args, text=True, timeout=timeout,
              env=env if env is not None else {'PATH': os.environ['PATH']})


def run_report(replay, *args, report=None, **options):
    """Runs `replay run --report-json REPORT ARGS` as run() does with
    `options`, REPORT the path `report` (a file left there is removed
    first) or a fresh file of its own; returns (the CompletedProcess, the
    report as json.loads reads it, or None if the run wrote none)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(report or pathlib.Path(tmp) / 'report.json')
        if path.exists():
            path.unlink()
        done = run(replay, 'run', '--report-json', path, *args, **options)
        return done, json.loads(path.read_text(encoding='utf-8')) if path.exists() else None


def by_path(report):
    """{path as the report names it: entry} of a JSON report's transcripts;
    {} for no report (None)."""
    return {} if report is None else {entry['path']: entry for entry in report['transcripts']}


def record(recorder, *args, python=sys.executable, **options):
    """The bytes tests/support/record_stdlib.py (`recorder`), run by `python`
    (this Python unless named) with `args`, writes: what the stdlib console
    shows. `options` go to subprocess.run (cwd: the recorder's directory, None
    for this one; env)."""
    return sh(python, '-u', recorder, *args, timeout=60, **options).stdout


def record_session(recorder, inputs, **options):
    """record() of the console input lines `inputs` (text, one line a line),
    given to the recorder in a file of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / 'inputs.txt'
        path.write_text(inputs, encoding='utf-8')
        return record(recorder, path, **options)


def record_repl_session(repl_recorder, inputs, *options):
    """tests/support/record_repl.py (`repl_recorder`) with `options` (e.g.
    --asyncio) on the input lines `inputs`, given in a file of its own: the
    CompletedProcess, as text, of what the REPL showed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / 'inputs.txt'
        path.write_text(inputs, encoding='utf-8')
        return run(sys.executable, repl_recorder, *options, path, text=True)


def expect_statuses(failures, replay, path, cases, shown):
    """`replay run ARGS PATH` for each (ARGS, status) of `cases`: a run that
    ends with another status is a failure, shown with `shown` (what PATH
    holds) and the run's output."""
    for args, status in cases:
        result = run(replay, 'run', *args, path, text=True)
        if result.returncode != status:
            failures.append(f'{" ".join(args)}: status {result.returncode}, not {status}:\n'
                            f'{shown}\n{result.stdout}{result.stderr}')


def record_all(recorder, jobs, **options):
    """[record(recorder, *args, **options) for args in jobs], recorded
    several at a time: a recording mostly waits (the recorder types a line
    only once the console is idle), so running them side by side takes a
    fraction of the time and little more CPU."""
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(4 * (os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda args: record(recorder, *args, **options), jobs))


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


# A process of this Python that runs each stdlib runner in a child it forks
# after importing what every runner imports first (doctest, json, sys): the
# child's state is that of `python -c RUNNER` once those imports are done,
# without an interpreter start-up per verdict (hundreds per test, about 80 ms
# of CPU each). Requests on fd 0, one JSON line each; the child's exit
# status back on fd 1. The child's stdin is /dev/null, as run() gives.
_FORK_SERVER = r'''
import doctest, json, os, sys
requests = os.fdopen(0, 'rb', buffering=0)
for line in iter(requests.readline, b''):
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            for fd, name in ((1, 'out'), (2, 'err')):
                os.dup2(os.open(job[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
            os.chdir(job['cwd'])
            sys.argv = ['-c'] + job['args']
            exec(compile(job['runner'], '<string>', 'exec'),
                 {'__name__': '__main__', '__builtins__': __builtins__})
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except BaseException:
            import traceback
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    os.write(1, b'%d\n' % os.waitpid(pid, 0)[1])
'''
_fork_servers = threading.local()


def stdlib_json_result(runner, mark, path, flags, cwd):
    """Runs Python code `runner` (which prints its result as JSON on a line
    starting with `mark`) on `path` with `flags` as `python -c RUNNER PATH
    FLAGS...` of this Python would, in a child forked by a fork server of
    this thread (_FORK_SERVER); returns (the result, everything it printed)."""
    server = getattr(_fork_servers, 'process', None)
    if server is None:
        server = _fork_servers.process = subprocess.Popen(
            [sys.executable, '-c', _FORK_SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    with tempfile.TemporaryDirectory() as tmp:
        out, err = pathlib.Path(tmp, 'out'), pathlib.Path(tmp, 'err')
        job = {'runner': runner, 'args': [str(path), *flags], 'cwd': str(cwd),
               'out': str(out), 'err': str(err)}
        server.stdin.write(json.dumps(job).encode() + b'\n')
        server.stdin.flush()
        if not server.stdout.readline():
            raise AssertionError(f'the fork server of {sys.executable} died')
        stdout, stderr = (f.read_bytes().decode('utf-8', 'replace') if f.exists() else ''
                          for f in (out, err))
    results = [line for line in stdout.splitlines() if line.startswith(mark)]
    if not results:
        raise AssertionError('stdlib doctest on %s gave no result:\n%s\n%s' % (
            path, stdout, stderr))
    return json.loads(results[-1][len(mark):]), stdout


def pyenv_python(minor):
    """The newest pyenv Python `minor` (e.g. '3.12') installed here, or None."""
    root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    found = sorted(glob.glob(f'{root}/versions/{minor}.*/bin/python{minor}'),
                   key=lambda p: [int(x) for x in p.split('/')[-3].split('.') if x.isdigit()])
    return found[-1] if found else None


def tested_pythons():
    """This Python and pyenv's latest 3.13 (3.12 when this is 3.13): the
    tests that build replay anew for several Pythons build it twice, each
    build minutes of CI time (every version is tested by ci/test's matrix);
    exits if the other is missing."""
    other = '3.12' if sys.version_info[:2] == (3, 13) else '3.13'
    pythons = [sys.executable, pyenv_python(other)]
    if None in pythons:
        sys.exit(f'needs pyenv Python {other} besides {sys.executable}: {pythons}')
    return pythons


def suite_for(python, recorder, corpus, out, rerecord=True):
    """The bundled suite `corpus` as `python`'s stdlib console shows it, in
    `out`: its inputs re-recorded by `recorder` run by `python`, or with
    `rerecord` false the files as they are (for the Python they were
    recorded with); plus `zz_altered.pycon`, which must fail. Returns `out`."""
    if rerecord:
        files = sorted(pathlib.Path(corpus).rglob('*.pycon'))
        recordings = record_all(recorder, [('--transcript', p) for p in files], python=python)
        for path, recorded in zip(files, recordings):
            target = out / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(recorded)
    else:
        shutil.copytree(corpus, out)
    (out / 'zz_altered.pycon').write_text('>>> 6 * 7\n43\n')
    return out


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
