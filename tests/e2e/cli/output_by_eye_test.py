"""What a failing run prints for people to read (issue 18, item 4).

    python3 output_by_eye_test.py REPLAY

On a failing doctest file, a failing console transcript, a module whose
import fails, a passing transcript and a file without examples:

- before each failing example (the ones stdlib doctest fails) the lines of
  the file before it and its own, numbered as pytest numbers them: every
  numbered line shown is that line of the file;
- the headline's FILE:LINE ("failed example") is printed once;
- the run ends with one "failed:" list naming exactly the FILE:LINE (FILE
  for the file as a whole) of the files the JSON report says failed or
  errored;
- a failing import's ERROR line ends with the exception line the
  interpreter itself prints for `import module`, and no frame of replay's
  driver is shown;
- with colour, the part of a changed line the two lines do not share is in
  reverse video: the removed line's between the prefix and suffix it shares
  with the added one (computed here with os.path.commonprefix);
- files without examples: one line counting them; -v lists them, and the
  passing files.
"""
import doctest
import os
import pathlib
import re
import sys
import tempfile

import testlib

DOCTEST = '''Prose first.

    >>> x = 1
    >>> print(x + 0.5)
    1.50
    >>> print("same")
    same

Then a second failure:

    >>> [3, 2, 1][::-1]
    [1, 2, 4]
'''

CONSOLE = '>>> a = 3\n>>> a * 2\n7\n>>> print("hello")\nhello\n'
PASSING = '>>> 1 + 1\n2\n'
MODULE = '"""Doc.\n\n>>> 1\n1\n"""\nimport not_a_module_anywhere_x9\n'


def stdlib_failing_lines(text, name):
    """The 1-based lines of the examples stdlib doctest fails in `text`."""
    failed = []

    class Runner(doctest.DocTestRunner):
        def report_failure(self, out, test, example, got):
            failed.append(example.lineno + 1)

    test = doctest.DocTestParser().get_doctest(text, {}, name, name, 0)
    Runner(verbose=False).run(test, out=lambda _: None)
    return failed


def check_context(out, path, lines, failing, failures):
    """Numbered lines are the file's; each failing example's own line and
    the one before it are shown."""
    numbered = [(int(m.group(1)), m.group(2))
                for m in re.finditer(r'^(\d{3,}) (.*)$', out, re.M)]
    if not numbered:
        failures.append(f'no numbered lines: {out!r}')
    for number, shown in numbered:
        if not 1 <= number <= len(lines) or lines[number - 1] != shown:
            failures.append(f'line {number} shown as {shown!r}, the file has '
                            f'{lines[number - 1] if number <= len(lines) else None!r}')
    for line in failing:
        for wanted in (line - 1, line):
            if (wanted, lines[wanted - 1]) not in numbered:
                failures.append(f'{path}:{line}: line {wanted} not shown before it')
        if out.count(f'{path}:{line}: failed example') != 1:
            failures.append(f'{path}:{line}: "failed example" not printed once: {out!r}')


def check_failed_list(out, report, failures):
    wanted = [e['path'] + (f":{e['line']}" if e['line'] else '')
              for e in report['transcripts'] if e['status'] in ('failed', 'error')]
    match = re.search(r'^failed:\n((?:  .*\n)*)\d+ passed', out, re.M)
    shown = [line[2:] for line in match.group(1).splitlines()] if match else None
    if shown != wanted or out.count('failed:\n') != 1:
        failures.append(f'closing list {shown} is not the report\'s {wanted}: {out!r}')


def check_import(replay, tmp, module, out, failures):
    direct = testlib.run(sys.executable, '-c', f'import {module.stem}', cwd=tmp)
    reason = direct.stderr.decode().strip().splitlines()[-1]
    if f'ERROR {module}: importing the module failed: {reason}\n' not in out:
        failures.append(f'the ERROR line does not end with {reason!r}: {out!r}')
    if 'driver.py' in out or '<frozen importlib' in out:
        failures.append(f'replay\'s own frames shown: {out!r}')
    if 'import not_a_module_anywhere_x9' not in out:
        failures.append(f'the module\'s own frame is not shown: {out!r}')


def check_colour(replay, files, failures):
    env = {k: v for k, v in os.environ.items() if k not in ('NO_COLOR', 'FORCE_COLOR')}
    out = testlib.run(replay, 'run', '--color', 'always', *files, env=env).stdout.decode()
    plain = re.compile(r'\x1b\[[0-9;]*m')
    lines = out.splitlines()
    pairs = 0
    for removed, added in zip(lines, lines[1:]):
        removed_text, added_text = plain.sub('', removed), plain.sub('', added)
        if not (removed_text.startswith('-') and added_text.startswith('+')) \
                or removed_text.startswith('---'):
            continue
        old, new = removed_text[1:], added_text[1:]
        prefix = len(os.path.commonprefix([old, new]))
        suffix = len(os.path.commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))
        span = old[prefix:len(old) - suffix]
        marked = re.findall(r'\x1b\[7m(.*?)\x1b\[27m', removed)
        if prefix + suffix > 0 and span:
            pairs += 1
            if marked != [span]:
                failures.append(f'{removed!r}: marked {marked}, the lines differ in {span!r}')
        elif marked:
            failures.append(f'{removed!r} marked, but shares nothing with {added!r}')
    if pairs < 2:
        failures.append(f'expected the two changed doctest lines marked: {out!r}')
    no_colour = testlib.run(replay, 'run', *files, env={**env, 'NO_COLOR': '1'}).stdout
    if b'\x1b[' in no_colour:
        failures.append('NO_COLOR: escape sequences printed')


def main(replay):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp).resolve()
        doc, console, passing, module, empty = (
            tmp / 'fail.txt', tmp / 'fail.pycon', tmp / 'ok.pycon', tmp / 'badmod.py',
            tmp / 'empty.pycon')
        doc.write_text(DOCTEST, encoding='utf-8')
        console.write_text(CONSOLE, encoding='utf-8')
        passing.write_text(PASSING, encoding='utf-8')
        module.write_text(MODULE, encoding='utf-8')
        empty.write_text('', encoding='utf-8')
        files = [doc, console, module, passing, empty]
        done, report = testlib.run_report(replay, '--color', 'never', *files)
        out = done.stdout.decode()
        failing = stdlib_failing_lines(DOCTEST, str(doc))
        if len(failing) != 2:
            failures.append(f'stdlib doctest fails {failing}, the test expects two examples')
        check_context(out, doc, DOCTEST.splitlines(), failing, failures)
        check_failed_list(out, report, failures)
        check_import(replay, tmp, module, out, failures)
        without = [e for e in report['transcripts'] if e['message'] == f"{e['path']}: no examples"]
        if f'{len(without)} file without examples\n' not in out or 'SKIP' in out \
                or 'PASS' in out:
            failures.append(f'files without examples not counted on one line: {out!r}')
        listed = testlib.run(replay, '-v', 'run', '--color', 'never', *files).stdout.decode()
        for entry in report['transcripts']:
            line = {'passed': f"PASS {entry['path']}\n",
                    'skipped': f"SKIP {entry['message']}\n"}.get(entry['status'])
            if line and line not in listed:
                failures.append(f'-v does not list {line!r}: {listed!r}')
        check_colour(replay, files, failures)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
