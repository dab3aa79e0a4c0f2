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
"""
import doctest
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

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


def main(replay, corpus):
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


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
