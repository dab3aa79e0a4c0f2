"""`python -m replay` gives each transcript a fresh interpreter, not its host.

    python3 fresh_state_test.py AS_MODULE

AS_MODULE runs `python -m replay` with this Python (the host interpreter has
imported runpy, the replay package and its extension module, has sys.argv
of its own, a script directory on sys.path, a replaced __main__ and
buffered streams). A session recorded through `AS_MODULE record` evaluates
expressions about the interpreter's state; the truth is the same
expressions evaluated by a fresh `python3 -u -c` of this Python that has
imported only what the reference console (`code.interact`, docs/transcript-format.md
"The reference") imports anyway: code, codeop, traceback, and readline if it can. Every value must be equal; a host whose state leaked (e.g.
`runpy` in sys.modules, a script directory on sys.path, sys.argv of the
host) fails it.
"""
import ast
import pathlib
import sys
import tempfile

import testlib

# Each must print the same in a fresh python and in a transcript.
EXPRESSIONS = [
    "sorted(vars(__import__('__main__')))",
    "sorted(__import__('sys').modules)",
    "__import__('sys').path",
    "__import__('sys').argv",
    "[(s.name, s.mode, s.encoding, s.errors, s.line_buffering, s.write_through, "
    "type(s.buffer).__name__, getattr(s.buffer, 'raw', s.buffer).name) "
    "for s in (__import__('sys').stdin, __import__('sys').stdout, __import__('sys').stderr)]",
    "[__import__('sys').stdin is __import__('sys').__stdin__, "
    "__import__('sys').stdout is __import__('sys').__stdout__, "
    "__import__('sys').stderr is __import__('sys').__stderr__]",
    "[repr(__import__('signal').getsignal(n)) for n in (2, 13, 15, 25)]",
]


def fresh_values():
    """The truth: a fresh python3 -u with the console's imports."""
    code = ('import code\n'
            'm0 = sorted(vars(__import__("__main__")))\n'
            'import codeop, traceback\n'
            'try:\n    import readline\nexcept ImportError:\n    pass\n'
            f'for e in {EXPRESSIONS[1:]!r}:\n'
            '    print(repr(eval(e)))\n')
    # m0 first: the fresh __main__ as the reference's `-c` source leaves it
    # (`import code; code.interact(...)`: `code` bound), before this
    # script's own names.
    code = code.replace('for e in', 'print(repr(m0))\nfor e in')
    out = testlib.run(sys.executable, '-u', '-c', code, text=True, check=True).stdout
    values = [ast.literal_eval(line) for line in out.splitlines()]
    return values


def transcript_values(as_module, tmp):
    inputs = tmp / 'inputs.txt'
    inputs.write_text(''.join(e + '\n' for e in EXPRESSIONS))
    result = testlib.run(as_module, 'record', inputs, text=True, cwd=tmp)
    if result.returncode != 0:
        sys.exit(f'record failed ({result.returncode}): {result.stderr}')
    lines = [line for line in result.stdout.splitlines() if not line.startswith('>>> ')]
    return [ast.literal_eval(line) for line in lines]


def main():
    as_module = pathlib.Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        got = transcript_values(as_module, pathlib.Path(tmp))
    want = fresh_values()
    failures = []
    for expression, g, w in zip(EXPRESSIONS, got, want):
        if g != w:
            if isinstance(g, list) and isinstance(w, list):
                extra = [x for x in g if x not in w]
                missing = [x for x in w if x not in g]
                failures.append(f'{expression}:\n  extra {extra}\n  missing {missing}')
            else:
                failures.append(f'{expression}:\n  got  {g!r}\n  want {w!r}')
    if len(got) != len(want):
        failures.append(f'{len(got)} values shown, {len(want)} expected')
    if failures:
        sys.exit('python -m replay: a transcript does not see a fresh interpreter:\n'
                 + '\n'.join(failures))
    print(f'{len(got)} aspects of a fresh interpreter as python -u -c shows them')


if __name__ == '__main__':
    main()
