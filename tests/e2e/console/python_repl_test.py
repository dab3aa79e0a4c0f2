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
- the namespace is the `__main__` module's (`sys.modules['__main__']`);
- each session of SESSIONS, recorded by the REPL, passes under `replay run
  --console python`: the REPL's stack below user code (none: the `<stdin>`
  frame is the bottom one), so sys._getframe walks, the depth of a
  RecursionError, warnings' stack levels and what a traceback or an
  excepthook sees are the REPL's; sys.flags of `python3 -q`; and 3.13's
  names of its inputs (`<stdin>-N`, their source in linecache, shown in
  tracebacks). `must_show` checks that the recording shows what makes the
  session a case.
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

NAMES_INPUTS = sys.version_info >= (3, 13)  # the REPL compiles each as <stdin>-N


def input_name(n):
    """The file name of the REPL's n-th input that parsed (from 0)."""
    return f'<stdin>-{n}' if NAMES_INPUTS else '<stdin>'


WARNING_SITE = '<sys>:0' if sys.version_info >= (3, 13) else 'sys:1'  # no frame at the level

# name: (input lines, texts the REPL's recording must show)
SESSIONS = {
    'stack_below_user_code': (
        "import sys\ndef names():\n    f, out = sys._getframe(1), []\n"
        "    while f: out.append(f.f_code.co_name); f = f.f_back\n    return out\n\n"
        "names()\nsys._getframe().f_back is None\n"
        "import traceback\ntraceback.print_stack()\n1/0\ntraceback.print_last()\n"
        "def hook(t, v, tb): print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_back)\n\n"
        "sys.excepthook = hook\n1/0\n",
        ["\n['<module>']\n", '\nTrue\n', '<module> None\n']),
    'recursion_depth': (
        "def f(): f()\n\nf()\n"
        "def depth(n=1):\n    try: return depth(n + 1)\n    except RecursionError: return n\n\n"
        "depth()\n",
        ['[Previous line repeated 996 more times]\n']),
    'warnings_stack_levels': (
        "import warnings\nwarnings.warn('top', stacklevel=2)\n"
        "def f(): warnings.warn('in f', stacklevel=2)\n\nf()\n"
        "def g(): warnings.warn('in g', stacklevel=3)\n\ng()\n",
        [f'{WARNING_SITE}: UserWarning: top\n', f'{WARNING_SITE}: UserWarning: in g\n',
         ':1: UserWarning: in f\n']),
    'flags_of_python3_q': (
        "import sys\nsys.flags.quiet\nsys.flags.interactive, sys.flags.inspect\n",
        ['>>> sys.flags.quiet\n1\n']),
    # 3.13: each input that parsed is compiled as <stdin>-N (a blank line
    # too; an error of the parser not, one of the compiler yes), its source
    # in linecache; tracebacks say "<stdin>" and show its lines.
    'input_names': (
        "import sys, linecache\nsys._getframe().f_code.co_filename\n\n"
        "sys._getframe().f_code.co_filename\n1 +* 2\nsys._getframe().f_code.co_filename\n"
        "return 5\nsys._getframe().f_code.co_filename\n"
        "def g():\n    return sys._getframe().f_code.co_filename\n\ng()\n"
        "if 1:\n    x = sys._getframe().f_code.co_filename\n\nlinecache.cache.get(x)\n"
        "def h(): 1/0\n\nh()\n"
        "exec('import sys; print(sys._getframe().f_back.f_code.co_filename)')\n"
        "import warnings\ndef w(): warnings.warn('in w', stacklevel=2)\n\nw()\n",
        [f"\n'{input_name(1)}'\n>>> \n", f"\n'{input_name(3)}'\n", f"\n'{input_name(4)}'\n",
         f'File "{input_name(5)}", line 1\n', f"\n'{input_name(6)}'\n",
         f">>> g()\n'{input_name(7)}'\n"]),
}


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
                ('--console python', f'{name}.repl.pycon', 0),
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
        for name, (lines, must_show) in SESSIONS.items():
            recorded = testlib.record_repl_session(repl_recorder, lines).stdout
            missing = [text for text in must_show if text not in recorded]
            if missing:
                failures.append(f'{name}: the REPL\'s recording lacks {missing!r}:\n{recorded}')
                continue
            (tmp / f'{name}.pycon').write_text(recorded)
            testlib.expect_statuses(failures, replay, tmp / f'{name}.pycon',
                                    [(['--console', 'python'], 0)], recorded)
        doctest = testlib.run(replay, 'run', '--mode', 'doctest', '--console', 'python',
                              tmp / 'names.txt', text=True)
        if doctest.returncode != 2 or '--console' not in doctest.stderr:
            failures.append(f'--console in doctest mode is not a usage error:\n{doctest.stderr}')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
