"""--console python: the reference of the `python3` REPL, recorded by that REPL.

    python3 python_repl_test.py REPLAY RECORDER REPL_RECORDER

Types the same sessions into the `python3` REPL (support/record_repl.py,
through a pty; the classic REPL on 3.13) and into code.interact
(support/record_stdlib.py), then checks that:
- the two references differ as docs/console-mode.md says: `<__main__.A object …>` and
  `File "<stdin>"` in the REPL, `<__console__.A object …>` and
  `File "<console>"` in code.interact;
- `replay run --console python` passes the REPL's recording and fails
  code.interact's; `replay run` (the default, code.interact) passes
  code.interact's and fails the REPL's;
- the namespace is the `__main__` module's (`sys.modules['__main__']`).
Runtime tracebacks are a known difference on 3.13, whose REPL shows the
source lines of `<stdin>` (docs/console-mode.md): there the REPL's recording must fail,
so that the test says when it stops doing so.
"""
import pathlib
import sys
import tempfile

import testlib

NAMES = '''class A: pass

A()
A.__module__
__name__
sorted(globals())
import sys; sys.modules['__main__'].A is A
def f(): pass

f
1 +* 2
print('a', end='')
'''

TRACEBACKS = '''1/0
def g():
    return 1/0

g()
undefined_name
'''

SOURCE_LINES_SHOWN = sys.version_info >= (3, 13)  # the REPL's, in tracebacks


def main(replay, recorder, repl_recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for name, session in (('names', NAMES), ('tracebacks', TRACEBACKS)):
            (tmp / f'{name}.txt').write_text(session)
            repl = testlib.run(sys.executable, repl_recorder, tmp / f'{name}.txt', text=True).stdout
            interact = testlib.record(recorder, tmp / f'{name}.txt').decode()
            (tmp / f'{name}.repl.pycon').write_text(repl)
            (tmp / f'{name}.interact.pycon').write_text(interact)
            for text, where, marks in ((repl, 'the REPL', ('__main__', '<stdin>')),
                                       (interact, 'code.interact', ('__console__', '<console>'))):
                wanted = f'<{marks[0]}.A object at 0x' if name == 'names' else f'File "{marks[1]}"'
                if wanted not in text:
                    failures.append(f'{name}: {where} does not show {wanted!r}:\n{text}')
            expectations = (
                ('--console python', f'{name}.repl.pycon',
                 1 if name == 'tracebacks' and SOURCE_LINES_SHOWN else 0),
                ('--console python', f'{name}.interact.pycon', 1),
                ('--console interact', f'{name}.repl.pycon', 1),
                ('--console interact', f'{name}.interact.pycon', 0),
            )
            for option, file, status in expectations:
                result = testlib.run(replay, 'run', *option.split(), tmp / file, text=True)
                if result.returncode != status:
                    failures.append(f'{option} {file}: status {result.returncode}, not {status}:\n'
                                    f'{result.stdout}{result.stderr}')
        if 'True' not in (tmp / 'names.repl.pycon').read_text():
            failures.append('the REPL does not run in sys.modules["__main__"]')
        doctest = testlib.run(replay, 'run', '--mode', 'doctest', '--console', 'python',
                              tmp / 'names.txt', text=True)
        if doctest.returncode != 2 or '--console' not in doctest.stderr:
            failures.append(f'--console in doctest mode is not a usage error:\n{doctest.stderr}')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
