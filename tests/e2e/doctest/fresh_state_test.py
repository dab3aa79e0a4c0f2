"""A doctest file sees what `python -m doctest` shows of the interpreter.

    python3 fresh_state_test.py REPLAY

What replay does before forking for doctest mode (readline preloaded, as
doctest's runner imports it through pdb; CPython's `_ast` types created by
one compile()) must not show in a file's examples. The truth is
`python -m doctest` of a clean venv of this Python (no .pth file of the
installation's site-packages importing modules at start-up): it runs a file
of expressions about the interpreter's state with no expected output, and
what it got becomes each example's expected output; `python -m doctest`
must then pass that file, and `REPLAY --python VENV run --mode doctest`
too, with -j 1 and -j 2. Compared: readline and the `ast` modules present,
the warnings filters, the `ast` types, what compile() and ast.parse() give.
(The whole of sys.modules differs: `python -m doctest` runs under runpy,
replay's driver imports json; docs/doctest-mode.md.)
"""
import pathlib
import re
import subprocess
import sys
import tempfile

import testlib

EXPRESSIONS = [
    "[m for m in sorted(__import__('sys').modules) if 'readline' in m or 'ast' in m]",
    "[repr(f) for f in __import__('warnings').filters]",
    "len(__import__('ast').AST.__subclasses__()), __import__('ast').AST.__subclasses__()[:5]",
    "__import__('ast').dump(__import__('ast').parse('x = [i for i in y if i]'))",
    "compile('x + 1', '<s>', 'eval').co_code.hex(), compile('x', '<s>', 'exec').co_names",
    "type(compile('x = 1', '<s>', 'exec', __import__('ast').PyCF_ONLY_AST)).__mro__",
]


def reference_file(python, tmp):
    """The text of a doctest file of EXPRESSIONS whose expected outputs are
    what `python -m doctest` got for them."""
    probe = tmp / 'probe.txt'
    probe.write_text(''.join(f'>>> {e}\n\n' for e in EXPRESSIONS), encoding='utf-8')
    run = testlib.run(python, '-m', 'doctest', probe.name, cwd=tmp, text=True)
    got = re.findall(r'^Got:\n((?:    .*\n)+)', run.stdout, re.M)
    if len(got) != len(EXPRESSIONS):
        sys.exit(f'unexpected python -m doctest output:\n{run.stdout}')
    return ''.join(f'>>> {e}\n' + ''.join(line[4:] for line in g.splitlines(True)) + '\n'
                   for e, g in zip(EXPRESSIONS, got))


def main(replay):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        venv = tmp / 'venv'
        testlib.run(sys.executable, '-m', 'venv', '--without-pip', venv, check=True)
        python = venv / 'bin' / 'python'
        path = tmp / 'state.txt'
        path.write_text(reference_file(python, tmp), encoding='utf-8')
        check = testlib.sh(python, '-m', 'doctest', path.name, cwd=tmp, text=True)
        if check.returncode != 0:
            sys.exit(f'python -m doctest fails its own answers:\n{check.stdout}')
        for jobs in ('1', '2'):
            run = testlib.sh(replay, '--python', venv, 'run', '--mode', 'doctest', '--color',
                             'never', '-j', jobs, path, cwd=tmp, text=True)
            if run.returncode != 0:
                print(run.stdout)
                print(f'python -m doctest showed (-j {jobs}):\n{path.read_text()}')
                return 1
    print(f'{len(EXPRESSIONS)} expressions show what python -m doctest shows')
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
