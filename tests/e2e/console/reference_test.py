"""Sessions that test the reference itself (docs/transcript-format.md "The reference") pass.

    python3 reference_test.py REPLAY RECORDER

Each session below is recorded by the stdlib console (tests/support/
record_stdlib.py) in a directory of its own, then replayed by `replay run` in
another fresh directory; every one must pass. Each was a divergence of replay
from the stdlib console (issue 9): the current directory on sys.path, SIGINT
raising KeyboardInterrupt, the echo of the typed line going to the file
descriptor rather than through sys.stdout, output that looks like a prompt
and differs only by an object address, prompts that span lines, a replaced
builtins.input and sys.stdin replaced, None or closed (issue 20), sys.ps1
deleted, the stack
below user code (code.interact's frames: names, depth, tracers, warnings'
stack levels), and (3.13's code.py) excepthook failures reported through
print(). `must_show` checks
that the recording shows what makes the case a case, so that a recorder that
drifted from the reference cannot make the test pass vacuously.
"""
import pathlib
import sys
import tempfile

import testlib

UPPER = '''class Upper:
    def __init__(self, stream): self.stream = stream
    def write(self, text): return self.stream.write(text.upper())
    def flush(self): self.stream.flush()
'''

# name: (input lines, texts the stdlib's recording must show)
SESSIONS = {
    'module_in_current_directory': (
        "open('mymod.py', 'w').write('X = 1')\nimport mymod\nmymod.X\n"
        "import sys; sys.path[0], sys.argv\n",
        ["\n1\n", "('', ['-c'])"]),
    # What the -c source bound, and the command (orig_argv: 3.10+).
    'main_module_and_command': (
        "import sys, __main__\nsorted(k for k in vars(__main__) if not k.startswith('__'))\n"
        "getattr(sys, 'orig_argv', [sys.executable, '-u', '-c', '?'])[0] == sys.executable\n"
        "getattr(sys, 'orig_argv', [None, '-u', '-c', '?'])[1:3]\n",
        ["\n['code']\n", "\nTrue\n", "['-u', '-c']"]),
    # 3.13 shows the -c source's line under a "<string>" frame: code run by
    # exec and eval under that default name.
    'default_name_string': (
        "eval('1/0')\nexec('def f():\\n    return 1/0')\nf()\n",
        ['ZeroDivisionError', '\n>>> f()\n']),
    # The calls a replaced sys.stdout / sys.stderr sees around each prompt:
    # input()'s own (stderr flushed, the prompt written, stdout flushed).
    'stream_calls_around_prompts': (
        "import sys\nclass W:\n    def __init__(self, s): self.s, self.calls = s, []\n"
        "    def write(self, t): self.calls.append(('w', t)); return self.s.write(t)\n"
        "    def flush(self): self.calls.append('f'); self.s.flush()\n\n"
        "w = W(sys.stdout); sys.stdout = w\n1\nif 1:\n    2\n\nsys.stdout = w.s\nw.calls\n"
        "e = W(sys.stderr); sys.stderr = e\n3\nsys.stderr = e.s\ne.calls\n",
        ["[('w', '>>> '), 'f', ('w', '1'), ('w', '\\n'), ('w', '>>> '), 'f', ('w', '... '), 'f'",
         "\n['f', 'f']\n"]),
    # builtins.input replaced: code.py's raw_input looks input() up at each
    # prompt, so the user's function gives the next lines until it puts the
    # terminal's input() back.
    'replaced_input': (
        "import builtins\nreal = builtins.input\nscript = iter(['x = 6 * 7', 'if x:', "
        "'    print(x)', ''])\ndef scripted(prompt=''):\n    line = next(script, None)\n"
        "    if line is None:\n        builtins.input = real\n"
        "        return 'print(\"back\")'\n    print(prompt + line, repr(prompt))\n"
        "    return line\n\nbuiltins.input = scripted\nprint('typed')\n",
        [">>> x = 6 * 7 '>>> '\n>>> if x: '>>> '\n...     print(x) '... '\n...  '... '\n42\n"
         "back\n>>> print('typed')\ntyped\n"]),
    # sys.stdin replaced: input() reads it (no echo) and the session ends at
    # its end, the lines typed after it never read.
    'stdin_replaced_by_stringio': (
        "import io, sys\nsys.stdin = io.StringIO('x = 6 * 7\\nif x:\\n    print(x)\\n\\n')\n"
        "print('never read')\n",
        [">>> >>> ... ... 42\n>>> \n"]),
    # sys.stdin None or closed: input() fails and so does code.interact, the
    # -c command ending on the uncaught exception.
    'stdin_none': (
        "import sys\nsys.stdin = None\nprint('never read')\n",
        ['RuntimeError: input(): lost sys.stdin\n']),
    'stdin_closed': (
        "import sys\nsys.stdin.close()\nprint('never read')\n",
        ['>>> Traceback (most recent call last):\n', 'ValueError: I/O operation on closed file']),
    # code.py itself failing ends the command as Python ends it: the
    # traceback of an uncaught exception.
    'ps1_deleted': (
        "import sys\ndel sys.ps1\nprint('never read')\n",
        ["\nAttributeError: module 'sys' has no attribute 'ps1'"]),
    'sigint_raises_keyboard_interrupt': (
        "import os; os.kill(os.getpid(), 2)\nprint('after')\n"
        "for i in range(3):\n    if i == 1: os.kill(os.getpid(), 2)\n    print(i)\n\n"
        "print('still here')\n",
        ['KeyboardInterrupt\n>>> print(', 'after\n', 'still here\n']),
    'interrupt_main': (
        "import _thread, time\n_thread.interrupt_main(); time.sleep(0.01)\nprint('after')\n",
        ['after\n']),
    'echo_below_upper_stdout': (
        "import sys\n" + UPPER + "\nsys.stdout = Upper(sys.stdout)\nprint('hello')\n"
        "if True:\n    'lower'\n\nsys.stdout = sys.__stdout__\nprint('back')\n",
        [">>> print('hello')\nHELLO\n", "'LOWER'"]),
    'echo_below_stringio_stdout': (
        "import io, sys\nsys.stdout = io.StringIO()\nprint('hidden')\n1 + 1\n"
        "captured, sys.stdout = sys.stdout, sys.__stdout__\nprint(repr(captured.getvalue()))\n",
        ["\nprint('hidden')\n1 + 1\ncaptured, sys.stdout", "'>>> hidden\\n>>> 2\\n>>> '"]),
    'prompt_like_output_with_address': (
        "print('>>> obj', object())\n1\nprint('>>> x', object(), '\\n>>> y', object())\n2\n",
        ['>>> obj <object object at 0x', '\n>>> 1\n1\n']),
    'prompt_spanning_lines': (
        "import sys\nsys.ps1 = 'line1\\n>>> '\n2\nsys.ps2 = 'more\\n... '\nif True:\n"
        "    3\n\nprint('line1')\nsys.ps1 = '\\n\\nin: '\n4\n",
        ['line1\n>>> 2\n2\n', 'more\n...     3\n', '\n\nin: 4\n4\n']),
    # The stack below user code: code.interact's frames, from the module
    # frame of `python3 -c` down to code.py's runcode.
    'stack_below_user_code': (
        "import sys\ndef names():\n    f, out = sys._getframe(1), []\n"
        "    while f: out.append(f.f_code.co_name); f = f.f_back\n    return out\n\n"
        "names()\nsys._getframe(1).f_code.co_name\n"
        "def f(): f()\n\nf()\n",
        ["['<module>', 'runcode', 'runsource', 'push', 'interact', 'interact', '<module>']",
         "\n'runcode'\n", 'more times]\nRecursionError']),
    # Calls of Python functions only: the recorder's input() is a Python
    # function (c_call events would differ from a console's builtin input).
    'tracers_see_console_calls': (
        "import sys\ncalls = []\n"
        "def tracer(frame, event, arg):\n"
        "    if frame.f_code.co_filename.endswith(('/code.py', '<console>')) \\\n"
        "            and event in ('call', 'return'):\n"
        "        calls.append((event, frame.f_code.co_name))\n\n"
        "sys.settrace(tracer)\n1\nsys.settrace(None)\ncalls\n"
        "calls = []\nsys.setprofile(tracer)\n2\nsys.setprofile(None)\ncalls\n",
        ["('call', 'resetbuffer'), ('call', 'raw_input'), ('call', 'push'), "
         "('call', 'runsource'), ('call', 'runcode')",
         "('call', 'raw_input'), ('return', 'raw_input'), ('call', 'push')"]),
    'warning_attributed_to_code_py': (
        "import warnings\nwarnings.warn('top', stacklevel=2)\n"
        "def f(): warnings.warn('in f', stacklevel=3)\n\nf()\n",
        ['code.py:', ': UserWarning: top\n  exec(code, self.locals)\n']),
}

if sys.version_info >= (3, 13):
    # Up to 3.12 code.py lets the hook's exception end the session.
    SESSIONS['excepthook_failure_through_print'] = (
        "import builtins, sys\ndef hook(*args): raise ValueError('in hook')\n\n"
        "sys.excepthook = hook\nshown = []\nprint_ = builtins.print\n"
        "builtins.print = lambda *a, **k: shown.append(a)\n1/0\n"
        "builtins.print = print_\nshown\n1/0\n",
        ["[('Error in sys.excepthook:',), ", "(), ('Original exception was:',), ",
         'Error in sys.excepthook:\n', 'Original exception was:\n'])


def check(replay, recorder, tmp, name, lines, must_show):
    (tmp / 'record').mkdir()
    (tmp / 'replay').mkdir()
    recorded = testlib.record_session(recorder, lines, cwd=tmp / 'record').decode()
    missing = [text for text in must_show if text not in recorded]
    if missing:
        return [f'{name}: the stdlib recording lacks {missing!r}:\n{recorded}']
    transcript = tmp / 'replay' / f'{name}.pycon'
    transcript.write_text(recorded)
    result = testlib.sh(replay, 'run', '--color', 'never', '--timeout', '20', transcript.name,
                        text=True, cwd=tmp / 'replay')
    if result.returncode != 0:
        return [f'{name}: the stdlib recording does not pass:\n{result.stdout}']
    return []


def main(replay, recorder):
    failures = []
    for name, (lines, must_show) in SESSIONS.items():
        with tempfile.TemporaryDirectory() as tmp:
            failures += check(replay, recorder, pathlib.Path(tmp), name, lines, must_show)
    return testlib.finish(failures, len(SESSIONS))


if __name__ == '__main__':
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()))
