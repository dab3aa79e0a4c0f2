"""--update in doctest mode restores broken expected output, and only that.

    python3 update_test.py REPLAY CORPUS

For each *.txt / *.rst / *.md file of CORPUS, stdlib doctest of this Python
(the one replay embeds) names the examples that pass: for markdown, run on
the file's examples computed here (lines outside console fences made empty).
Of those, the first whose expected output is literal (no `...`, no
<BLANKLINE>) gets its first expected line changed. `replay run --update
--prompts off` runs on the altered file and on an unaltered copy (the corpus
fails on purpose in places, and --update rewrites those examples in both):
afterwards the altered line must read as in the original, and the two files
must be byte-identical (prose, directives, fences, indentation and the other
examples handled alike); the altered file is reported updated, and an
unaltered copy that passes is not touched (bytes and mtime).
Files whose examples all pass have a second check: a wildcard line under
ELLIPSIS in a failing example is kept when it still matches.

    python3 update_test.py REPLAY CORPUS DOCSTRINGS

also checks docstrings: each module of DOCSTRINGS passes stdlib doctest
(warnings as errors); for each of its passing examples with literal output, a
copy gets that output's first line changed. Stdlib doctest on the copy gives
what the example prints; the plain rewrite (those lines, after what stands
before the example's `>>>`, over the old ones) is faithful if the module then compiles
without warnings, stdlib doctest passes it and no f-string holds the line.
After one `replay run --update` over all copies, a faithful case must read
as that rewrite, byte for byte, and pass stdlib doctest on import; any other
must be unchanged byte for byte and named in a `NOT UPDATED copy:line:` line
(the example's line) and in the JSON report's `examples_not_updated`.
`--update-version` leaves a module as it is and writes no other file.
"""
import ast
import doctest
import importlib.util
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import warnings

import testlib

class Recorder(doctest.DocTestRunner):
    def __init__(self):
        super().__init__(verbose=False)
        self.passed = []

    def report_success(self, out, test, example, got):
        if got == example.want:  # literally, not through an option
            self.passed.append(example)


def passing_literal_example(path):
    text = path.read_text(encoding='utf-8')
    if path.suffix == '.md':
        text = testlib.markdown_to_doctest(text)
    try:
        test = doctest.DocTestParser().get_doctest(text, {'__name__': '__main__'},
                                                   path.stem, str(path), 0)
    except ValueError:
        return None
    runner = Recorder()
    runner.run(test, out=lambda s: None)
    for example in runner.passed:
        if example.want and '...' not in example.want and '<BLANKLINE>' not in example.want \
                and example.exc_msg is None:
            return example
    return None


def main(replay, corpus, docstrings=None):
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        cases = []
        for source in sorted(pathlib.Path(corpus).iterdir()):
            if source.suffix not in ('.txt', '.rst', '.md'):
                continue
            example = passing_literal_example(source)
            if example is None:
                continue
            # Lines as doctest counts them (universal newlines), with their ends.
            lines = source.read_bytes().splitlines(keepends=True)
            want_line = example.lineno + len(example.source.splitlines())
            # The file line of the first expected line (after any bare `...`).
            while not lines[want_line].strip() or lines[want_line].strip() == b'...':
                want_line += 1
            altered = list(lines)
            body = altered[want_line].rstrip(b'\r\n')
            altered[want_line] = body + b' (changed)' + altered[want_line][len(body):]
            target = tmp / source.name
            target.write_bytes(b''.join(altered))
            control = tmp / ('control_' + source.name)
            shutil.copyfile(source, control)
            cases.append((source, target, control, want_line + 1))
        if len(cases) < 5:
            failures.append(f'only {len(cases)} corpus files have a literal passing example')
        controls = {c[2]: (c[2].read_bytes(), os.stat(c[2]).st_mtime_ns) for c in cases}
        _, report = testlib.run_report(replay, '--mode', 'doctest', '--prompts', 'off', '--update',
                                       *[p for c in cases for p in c[1:3]],
                                       stdout=subprocess.DEVNULL, stderr=None, timeout=300)
        verdicts = testlib.by_path(report)
        for source, target, control, line in cases:
            checked += 1
            restored = target.read_bytes().splitlines(keepends=True)[line - 1]
            if restored != source.read_bytes().splitlines(keepends=True)[line - 1]:
                failures.append(f'{source.name}: line {line} reads {restored!r} after --update')
            elif target.read_bytes() != control.read_bytes():
                failures.append(f'{source.name}: after breaking line {line}, --update wrote\n'
                                + target.read_text(errors='replace'))
            elif not verdicts[str(target)]['updated']:
                failures.append(f'{source.name}: the report does not say it was updated')
            if (control.read_bytes(), os.stat(control).st_mtime_ns) != controls[control] \
                    and verdicts[str(control)]['status'] == 'passed':
                failures.append(f'{source.name}: a passing file was touched')

        # Wildcards that still match are kept: one example with two lines,
        # the first a wildcard that matches, the second wrong.
        wild = tmp / 'wild.txt'
        wild.write_text('>>> print("id", id(1) > 0); print("two")  # doctest: +ELLIPSIS\n'
                        'id ...\nthree\n')
        testlib.run(replay, 'run', '--mode', 'doctest', '--update', wild,
                    stdout=subprocess.DEVNULL, stderr=None)
        checked += 1
        if wild.read_text() != ('>>> print("id", id(1) > 0); print("two")  # doctest: +ELLIPSIS\n'
                                'id ...\ntwo\n'):
            failures.append(f'the wildcard line was not kept:\n{wild.read_text()}')
        checked += check_line_ends(replay, tmp, failures)
        if docstrings:
            checked += check_docstrings(replay, pathlib.Path(docstrings), tmp, failures)
    return testlib.finish(failures, checked)


# Prose and examples holding every line end universal newlines know (\r\n,
# lone \r, \n) and characters str.splitlines() would split on but doctest
# does not (\f, \x1c-\x1e, \x85, U+2028, U+2029): --update rewrites only the
# failing example's output line, every other byte stays.
LINE_END_CASES = [
    (b'Prose\rmore\n\n>>> print(1)\n2\n\nMore\n', b'2\n', b'1\n'),
    (b'A\r\nB\rC\n\n>>> print(1)\r2\r\rD\r\n', b'2\r', b'1\r'),
    ('Form\x0cfeed \x1c\x1d\x1e \u0085 \u2028 \u2029 end\n\n>>> print("\x0c|\u2028")\n'
     'x\n\nAfter \u2029\r\n'.encode(), b'x\n', '\x0c|\u2028\n'.encode()),
]


def check_line_ends(replay, tmp, failures):
    for n, (text, old, new) in enumerate(LINE_END_CASES):
        path = tmp / f'line_ends_{n}.txt'
        path.write_bytes(text)
        result = testlib.run(replay, 'run', '--mode', 'doctest', '--update', path, stderr=None)
        expected = text.replace(old, new, 1)
        if path.read_bytes() != expected:
            failures.append(f'line ends case {n}: --update wrote {path.read_bytes()!r}, '
                            f'expected {expected!r}')
        elif b'UPDATED' not in result.stdout:
            failures.append(f'line ends case {n}: not reported as updated')
        again = testlib.run(replay, 'run', '--mode', 'doctest', path, stdout=subprocess.DEVNULL,
                            stderr=None)
        if again.returncode != 0:
            failures.append(f'line ends case {n}: the updated file does not pass')
    return len(LINE_END_CASES)


class GotRecorder(doctest.DocTestRunner):
    """Records the examples that pass literally and what failing ones print."""

    def __init__(self):
        super().__init__(verbose=False)
        self.passed, self.failed = [], []

    def report_success(self, out, test, example, got):
        if got == example.want:
            self.passed.append((test, example))

    def report_failure(self, out, test, example, got):
        self.failed.append((test, example, got))

    def report_unexpected_exception(self, out, test, example, exc_info):
        self.failed.append((test, example, None))


def stdlib_doctest(path, name):
    """Stdlib doctest's runner after running the docstrings of module `path`
    imported as `name`; compiling it with a warning raises it."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        spec.loader.exec_module(module)
    runner = GotRecorder()
    for test in doctest.DocTestFinder().find(module, name):
        runner.run(test, out=lambda s: None)
    return runner


def example_line(lines, test, example):
    """The 0-based line of the file where `example`'s `>>>` is."""
    if test.lineno is not None:
        return test.lineno + example.lineno
    first = b'>>> ' + example.source.splitlines()[0].strip().encode()
    return next(k for k, line in enumerate(lines) if line.strip() == first)


def faithful(path, name, line):
    """Whether module `path` compiles without warnings, passes stdlib
    doctest, and no f-string holds its 1-based `line`."""
    try:
        runner = stdlib_doctest(path, name)
    except (SyntaxError, Warning):
        return False
    tree = ast.parse(path.read_bytes())
    computed = any(isinstance(node, ast.JoinedStr) and node.lineno <= line <= node.end_lineno
                   for node in ast.walk(tree))
    return not runner.failed and not computed


def check_docstrings(replay, corpus, tmp, failures):
    (tmp / 'plain').mkdir()
    cases = []  # (target, altered bytes, plain rewrite or None, example line)
    for source in sorted(corpus.glob('*.py')):
        runner = stdlib_doctest(source, 'original_' + source.stem)
        if runner.failed:
            failures.append(f'{source.name}: stdlib doctest fails it as it is')
        lines = source.read_bytes().splitlines(keepends=True)
        for n, (test, example) in enumerate(runner.passed):
            if not example.want or '...' in example.want or '<BLANKLINE>' in example.want:
                continue
            at = example_line(lines, test, example)
            want_at = at + len(example.source.splitlines())
            altered = list(lines)
            body = altered[want_at].rstrip(b'\r\n')
            altered[want_at] = body + b' (changed)' + altered[want_at][len(body):]
            name = f'{source.stem}_{n}'
            target = tmp / f'{name}.py'
            target.write_bytes(b''.join(altered))
            failed = stdlib_doctest(target, 'altered_' + name).failed
            if len(failed) != 1 or failed[0][2] is None:
                failures.append(f'{target.name}: changing line {want_at + 1} did not fail one example')
                continue
            got = failed[0][2].encode().splitlines()
            margin = lines[at][:lines[at].index(b'>>>')]  # what stands before it
            old = altered[want_at:want_at + len(example.want.splitlines())]
            plain_lines = [margin + new + line[len(line.rstrip(b'\r\n')):]
                           for new, line in zip(got, old)]
            plain = b''.join(altered[:want_at] + plain_lines + altered[want_at + len(old):])
            plain_path = tmp / 'plain' / target.name
            plain_path.write_bytes(plain)
            keep = faithful(plain_path, 'plain_' + name, want_at + 1)
            cases.append((target, b''.join(altered), plain if keep else None, at + 1))
    done, report = testlib.run_report(replay, '--mode', 'doctest', '--prompts', 'off', '--update',
                                      *[c[0] for c in cases], stderr=None, timeout=300)
    shown = done.stdout.decode(errors='replace')
    verdicts = testlib.by_path(report)
    for target, altered, plain, line in cases:
        now = target.read_bytes()
        if plain is not None:
            if now != plain:
                failures.append(f'{target.name}: --update wrote {now!r}, expected {plain!r}')
            elif not verdicts[str(target)]['updated']:
                failures.append(f'{target.name}: the report does not say it was updated')
            elif stdlib_doctest(target, 'updated_' + target.stem).failed:
                failures.append(f'{target.name}: stdlib doctest fails it after --update')
        else:
            if now != altered:
                failures.append(f'{target.name}: a rewrite is not faithful, yet --update wrote '
                                f'{now!r}')
            if f'NOT UPDATED {target}:{line}: ' not in shown:
                failures.append(f'{target.name}: no "NOT UPDATED {target}:{line}: " line in\n'
                                + shown)
            listed = verdicts[str(target)].get('examples_not_updated', [])
            if not any(refused.startswith(f'{target}:{line}: ') for refused in listed):
                failures.append(f'{target.name}: the JSON report lists {listed}')
    # --update-version writes no version-specific copy of a module (an
    # import would never take it): the module stays as it is.
    target, altered, _, _ = next(c for c in cases if c[2] is not None)
    version = tmp / 'version' / target.name
    version.parent.mkdir()
    version.write_bytes(altered)
    done = testlib.run(replay, 'run', '--mode', 'doctest', '--update-version', version,
                       stderr=None)
    written = [p.name for p in version.parent.iterdir() if p.name != '.replay_cache']
    if version.read_bytes() != altered or written != [version.name] \
            or f'NOT UPDATED {version}: --update-version' not in done.stdout.decode():
        failures.append(f'--update-version of a module wrote {written}:\n'
                        + done.stdout.decode(errors='replace'))
    updated = sum(1 for c in cases if c[2] is not None)
    if updated < 8 or len(cases) - updated < 4:
        failures.append(f'{updated} faithful and {len(cases) - updated} refused cases: the '
                        'corpus must hold at least 8 and 4')
    return len(cases)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
