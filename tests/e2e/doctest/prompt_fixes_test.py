"""Doctest mode's prompt fixes, as a property over a generated corpus.

    python3 prompt_fixes_test.py REPLAY [FILES] [SEED]

FILES doctest files (*.txt, some indented, some with CRLF line ends, and
*.md with pycon fences) are made from random combinations of examples
(seeded): blocks with and without their closing `...` line, `... #
doctest: +ELLIPSIS` and other comment continuation lines, empty `...` lines
after a complete statement, brackets continued across lines (with empty
lines inside), block headers continued in brackets, class and function
bodies with empty `...` lines in them, decorators, nested blocks, strings
with `...` inside, backslash continuations, expected exceptions, a block
open at the end of the file, and examples whose expected output is wrong.

Truth comes from the stdlib: doctest's verdict (attempted, failed) of each
file, and its prompt findings from code.InteractiveConsole
(prompts_test.stdlib_findings). Checked:

- by default (no --prompts), a file's status is doctest's (it passes if
  doctest passes) and its findings are listed, in one block per file with
  a `--- FILE (as written)` / `+++ FILE (as a console prompts)` header;
  `prompts = "fail"` in the configuration fails the files with findings;
- `replay run --fix-prompts` rewrites exactly the files with findings, and
  after it: the stdlib console finds no prompt to fix, replay reports none,
  doctest's verdict of each file is what it was, and the line ends are as
  they were.
"""
import contextlib
import doctest
import io
import pathlib
import random
import re
import sys
import tempfile

import prompts_test
import testlib


# Each maker returns the lines of one or more examples (unindented) whose
# sources doctest compiles; the last element of the tuple says whether its
# expected output is right.
def expr(r):
    n = r.randint(0, 99)
    return ['>>> %d + 1' % n, str(n + 1 if r.random() > 0.2 else n + 2)]


def empty_after_complete(r):
    n = r.randint(0, 9)
    return ['>>> x = [%d,' % n, '...      %d]' % (n + 1)] + [r.choice(['... ', '...'])] * \
        r.randint(1, 2) + ['>>> x', '[%d, %d]' % (n, n + 1)]


def ellipsis_directive(r):
    n = r.randint(10, 30)
    return ['>>> print(list(range(%d)))' % n, '... # doctest: +ELLIPSIS',
            '[0, 1, ..., %d]' % (n - 1 if r.random() > 0.2 else n)]


def comment_after(r):
    return ['>>> y = 3', '... # the answer, more or less', '>>> y', '3']


def loop(r):
    k = r.randint(1, 3)
    lines = ['>>> for i in range(%d):' % k, '...     print(i)']
    if r.random() < 0.3:
        lines.append('...')
    return lines + [str(i) for i in range(k)]


def def_then_call(r):
    lines = ['>>> def f(a):', '...     return a * 2']
    if r.random() < 0.3:
        lines.append('...')
    return lines + ['>>> f(4)', '8' if r.random() > 0.2 else '9']


def class_with_empty_lines(r):
    lines = ['>>> class A:', '...     x = 1'] + ['...'] * r.randint(1, 2)
    if r.random() < 0.5:
        lines.append('...     # a method')
    lines += ['...     def m(self):', '...         return self.x + 1']
    if r.random() < 0.5:
        lines.append('...')
    return lines + ['>>> A().m()', '2']


def decorator(r):
    lines = ['>>> import functools', '>>> @functools.lru_cache(maxsize=None)',
             '... def g(x):', '...     return x * 3']
    if r.random() < 0.5:
        lines.append('...')
    return lines + ['>>> g(2)', '6']


def nested(r):
    lines = ['>>> def h(n):', '...     total = 0', '...     for i in range(n):',
             '...         if i % 2:', '...             total += i', '...',
             '...     return total']
    if r.random() < 0.5:
        lines.append('...')
    return lines + ['>>> h(5)', '4']


def bracket(r):
    lines = ['>>> d = {', "...     'a': 1,"]
    if r.random() < 0.5:
        lines.append('...')
    return lines + ["...     'b': 2,", '... }', '>>> sorted(d)', "['a', 'b']"]


def header_in_brackets(r):
    lines = ['>>> for v in [1,', '...           2]:', '...     print(v)']
    if r.random() < 0.4:
        lines.append('...')
    return lines + ['1', '2']


def dots_in_strings(r):
    return ['>>> s = "a ... b"', '>>> s', "'a ... b'", '>>> t = """first', '... ...', '...',
            '... last"""', '>>> t.count(chr(10))', '3']


def backslash(r):
    return ['>>> z = 1 + \\', '...     2', '>>> z', '3']


def exception(r):
    return ['>>> 1 / 0', 'Traceback (most recent call last):', '...',
            'ZeroDivisionError: division by zero']


def comment_after_closed_block(r):
    return ['>>> def p():', '...     return 2', '...', '... # doctest: +NORMALIZE_WHITESPACE',
            '>>> p()', '2']


def try_block(r):
    lines = ['>>> try:', "...     int('x')", '... except ValueError:', "...     print('bad')"]
    if r.random() < 0.3:
        lines.append('...')
    return lines + ['bad']


def open_if(r):
    return ['>>> if True:', '...     w = 1', '... else:', '...     w = 2']


# Statements left open in a bracket, whose continuation lines lack their
# `... `: doctest fails them (it compiles the open line alone), and the fix
# (`... ` in front of the lines that continue it) makes them pass.
OPEN_BRACKETS = {
    'open_list.txt': 'A list:\n\n>>> x = [1,\n...  2,\n 3]\n>>> x\n[1, 2, 3]\n',
    'open_call.txt': ">>> d = dict(a=1,\n...          b=2,\n             c=3)\n>>> sorted(d)\n"
                     "['a', 'b', 'c']\n",
    'open_prompt.txt': '    >>> t = (1,\n    >>>      2)\n    >>> t\n    (1, 2)\n',
    'open_quote.md': '> ```pycon\n> >>> s = """a\n> b"""\n> >>> s\n> \'a\\nb\'\n> ```\n',
}

MAKERS = [expr, empty_after_complete, ellipsis_directive, comment_after, loop, def_then_call,
          class_with_empty_lines, decorator, nested, bracket, header_in_brackets,
          dots_in_strings, backslash, exception, comment_after_closed_block, try_block, open_if]


def make_file(r, index):
    """(name, bytes) of one generated doctest file."""
    markdown = r.random() < 0.2
    indent = '' if markdown else r.choice(['', '    '])
    parts = ['Generated file %d.' % index, '']
    for _ in range(r.randint(2, 7)):
        lines = [indent + line for line in r.choice(MAKERS)(r)]
        if markdown:
            lines = ['```pycon'] + lines + ['```']
        parts += lines + [''] + ([r.choice(['Some prose.', 'More text.']), ''] if r.random() < 0.5
                                 else [])
    if r.random() < 0.3:  # a block open at the very end
        while parts and parts[-1] == '':
            parts.pop()
        if not markdown:
            parts += [indent + line for line in open_if(r)]
    end = '\r\n' if r.random() < 0.2 else '\n'
    text = end.join(parts) + (end if r.random() < 0.8 else '')
    return 'gen%03d%s' % (index, '.md' if markdown else '.txt'), text.encode('utf-8')


def doctest_text(path):
    text = path.read_text(encoding='utf-8')  # universal newlines, as testfile reads
    return testlib.markdown_to_doctest(text) if path.suffix == '.md' else text


def doctest_verdict(path):
    """(attempted, failed) of stdlib doctest for the file, run as testfile runs it;
    doctest's error if its parser refuses the file."""
    try:
        test = doctest.DocTestParser().get_doctest(doctest_text(path), {'__name__': '__main__'},
                                                   path.name, str(path), 0)
    except ValueError as error:
        return 'refused: %s' % error
    runner = doctest.DocTestRunner(verbose=False)
    with contextlib.redirect_stdout(io.StringIO()):
        runner.run(test, out=lambda text: None)
        results = runner.summarize(verbose=False)
    return results.attempted, results.failed


def line_ends(data):
    return sorted(set(re.findall(rb'\r\n|\r|\n', data)))


def reported_findings(entry):
    return re.findall(r'^%s:\d+: prompt \[' % re.escape(entry['path']), entry['diff'], re.M)


def main():
    replay = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 17
    r = random.Random(seed)
    failures = []
    checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        files = []
        for index in range(count):
            name, data = make_file(r, index)
            (root / name).write_bytes(data)
            files.append(root / name)
        before = {p: doctest_verdict(p) for p in files}
        written = {p: p.read_bytes() for p in files}
        truth = {p: prompts_test.stdlib_findings(doctest_text(p)) for p in files}
        with_findings = [p for p in files if truth[p]]
        kinds = {kind for p in files for kind, _ in truth[p]}
        if len(kinds) < 3 or len(with_findings) < count // 3 or \
                not any(failed for _, failed in before.values()):
            failures.append('the corpus is too plain: kinds %s, %d files with findings, '
                            'failing files %d' % (sorted(kinds), len(with_findings),
                                                  sum(1 for v in before.values() if v[1])))

        # The default: doctest's verdict, the findings shown as one diff block.
        done, report = testlib.run_report(replay, '--mode', 'doctest', '--color', 'never',
                                          *files, cwd=root, timeout=600)
        entries = {pathlib.Path(e['path']).name: e for e in report['transcripts']}
        shown = done.stdout.decode('utf-8', 'replace')
        for p in files:
            checks += 1
            entry = entries[p.name]
            status = 'failed' if before[p][1] else 'passed'
            if entry['status'] != status or (entry['examples'], entry['failures']) != before[p]:
                failures.append('%s by default: %s %d/%d, doctest %r' % (
                    p.name, entry['status'], entry['examples'], entry['failures'], before[p]))
            if len(reported_findings(entry)) != len(truth[p]):
                failures.append('%s by default: findings %d, the stdlib console %d' % (
                    p.name, len(reported_findings(entry)), len(truth[p])))
            header = '--- %s (as written)\n+++ %s (as a console prompts)\n' % (
                entry['path'], entry['path'])
            if entry['diff'].count(header) != (1 if truth[p] else 0):
                failures.append('%s: %s diff block(s) for %d findings:\n%s' % (
                    p.name, entry['diff'].count(header), len(truth[p]), entry['diff']))
            if truth[p] and header not in shown:
                failures.append('%s: the findings are not shown on the terminal' % p.name)

        # prompts = "fail" in the configuration: findings fail the file.
        config = root / 'pyproject.toml'
        config.write_text('[tool.replay]\nprompts = "fail"\n', encoding='utf-8')
        _, report = testlib.run_report(replay, '--mode', 'doctest', *files, cwd=root,
                                       timeout=600)
        config.unlink()
        for entry in report['transcripts']:
            p = root / pathlib.Path(entry['path']).name
            checks += 1
            status = 'failed' if before[p][1] or truth[p] else 'passed'
            if entry['status'] != status:
                failures.append('%s with prompts = "fail": %s, expected %s' % (
                    p.name, entry['status'], status))

        # --fix-prompts, then the property.
        done, report = testlib.run_report(replay, '--mode', 'doctest', '--color', 'never',
                                          '--fix-prompts', *files, cwd=root, timeout=600)
        if report is None:
            failures.append('replay --fix-prompts wrote no report: %s' % done.stderr.decode())
            return testlib.finish(failures, max(checks, len(failures)))
        updated = {pathlib.Path(e['path']).name for e in report['transcripts'] if e['updated']}
        _, again = testlib.run_report(replay, '--mode', 'doctest', '--prompts', 'fail', *files,
                                      cwd=root, timeout=600)
        entries = {pathlib.Path(e['path']).name: e for e in again['transcripts']}
        for p in files:
            checks += 1
            data = p.read_bytes()
            problems = []
            if (p.name in updated) != bool(truth[p]) or (data != written[p]) != bool(truth[p]):
                problems.append('rewritten: %s, findings before: %d' % (
                    p.name in updated, len(truth[p])))
            try:
                left = prompts_test.stdlib_findings(doctest_text(p))
            except ValueError as error:
                left = 'none: doctest refuses the file (%s)' % error
            if left:
                problems.append('the stdlib console still finds %r' % left)
            if reported_findings(entries[p.name]):
                problems.append('replay still reports\n%s' % entries[p.name]['diff'])
            after = doctest_verdict(p)
            if after != before[p]:
                problems.append('doctest (attempted, failed) %r, was %r' % (after, before[p]))
            if line_ends(data) != line_ends(written[p]):
                problems.append('line ends %r, were %r' % (line_ends(data),
                                                            line_ends(written[p])))
            if problems:
                failures.append('%s after --fix-prompts: %s\n--- as generated:\n%s\n--- fixed:\n%s'
                                % (p.name, '; '.join(problems),
                                   written[p].decode('utf-8'), data.decode('utf-8')))
        # Open brackets: the fix is what makes doctest pass them.
        brackets = []
        for name, text in OPEN_BRACKETS.items():
            (root / name).write_text(text, encoding='utf-8')
            brackets.append(root / name)
            if not doctest_verdict(root / name)[1] or not prompts_test.stdlib_findings(
                    doctest_text(root / name)):
                failures.append('%s: doctest should fail it, with prompt findings' % name)
        testlib.run_report(replay, '--mode', 'doctest', '--fix-prompts', *brackets, cwd=root,
                           timeout=600)
        for p in brackets:
            checks += 1
            left = prompts_test.stdlib_findings(doctest_text(p))
            if left or doctest_verdict(p)[1]:
                failures.append('%s after --fix-prompts: findings %r, doctest %r:\n%s' % (
                    p.name, left, doctest_verdict(p), p.read_text(encoding='utf-8')))
        print('%d files (seed %d), %d with findings, %d rewritten' % (
            count, seed, len(with_findings), len(updated)))
    return testlib.finish(failures, checks)


if __name__ == '__main__':
    sys.exit(main())
