"""A transcript sees the interpreter state the reference console shows.

    python3 fresh_state_test.py REPLAY

What replay does in the interpreter it forks from (preloading modules,
creating CPython's `_ast` types with one compile() before forking, its own
Python code) must not show in a transcript. The truth is the reference
itself (docs/transcript-format.md "The reference"): a fresh
`python3 -u -c "import code; code.interact(banner='', exitmsg='')"` of this
Python, fed expressions about its state on standard input. Its answers
become a transcript, and `REPLAY run` must pass it, with -j 1 and -j 2. Both
run a clean venv of this Python (`python -m venv --without-pip`, replay
with --python), so that no .pth file of the installation's site-packages
imports modules (and creates the `ast` types) at start-up and hides the
differences. What is compared: the modules imported,
the warnings filters and registries, the `ast` types and what compile() and
ast.parse() give, the subclasses of object in the order they were created.
"""
import pathlib
import subprocess
import sys
import tempfile

import testlib

# Each shows the same in the reference console and in a replayed transcript.
# sys.modules comes first, before any of these imports a module.
EXPRESSIONS = [
    "sorted(__import__('sys').modules)",
    "'_ast' in __import__('sys').modules, 'ast' in __import__('sys').modules",
    "[repr(f) for f in __import__('warnings').filters]",
    "sorted(k for k in vars(__import__('__main__')) if 'warn' in k)",
    "sorted(k for k, m in __import__('sys').modules.items() "
    "if '__warningregistry__' in vars(m))",
    # After a collection in both: which unreachable classes (3.8's pure-Python
    # functools.partial) are still alive depends on when the collector last
    # ran, not on what was created, and in which order.
    "[__import__('gc').collect()] and None",
    "[c.__name__ for c in object.__subclasses__()]",
    "len(__import__('ast').AST.__subclasses__()), __import__('ast').AST.__subclasses__()[:5]",
    "__import__('ast').dump(__import__('ast').parse('x = [i for i in y if i]'))",
    "compile('x + 1', '<s>', 'eval').co_code.hex(), compile('x', '<s>', 'exec').co_names",
    "type(compile('x = 1', '<s>', 'exec', __import__('ast').PyCF_ONLY_AST)).__mro__",
    "sorted(__import__('sys').modules)",
]


def reference_transcript(python):
    """The transcript of the reference console fed EXPRESSIONS: with a pipe
    for standard input, input() writes each prompt and no echo, so the output
    is the prompts and, after each, what the console showed."""
    source = "import code; code.interact(banner='', exitmsg='')"
    run = testlib.run(python, '-u', '-c', source, stdin=None, input=''.join(
        e + '\n' for e in EXPRESSIONS), stderr=subprocess.STDOUT, text=True, check=True)
    shown = run.stdout.split('>>> ')
    if shown[-1] == '\n':
        shown.pop()  # the last prompt, and the newline the console writes at the end of input
    if shown[0] != '' or len(shown) != len(EXPRESSIONS) + 1:
        sys.exit(f'unexpected reference output:\n{run.stdout}')
    return ''.join(f'>>> {e}\n{out}' for e, out in zip(EXPRESSIONS, shown[1:]))


def main(replay):
    with tempfile.TemporaryDirectory() as tmp:
        venv = pathlib.Path(tmp) / 'venv'
        testlib.run(sys.executable, '-m', 'venv', '--without-pip', venv, check=True)
        transcript = reference_transcript(venv / 'bin' / 'python')
        path = pathlib.Path(tmp) / 'state.pycon'
        path.write_text(transcript, encoding='utf-8')
        for jobs in ('1', '2'):
            run = testlib.run(replay, '--python', venv, 'run', '--color', 'never', '-j', jobs, path,
                              stderr=subprocess.STDOUT, text=True)
            if run.returncode != 0:
                print(run.stdout)
                print(f'the reference showed (-j {jobs}):\n{transcript}')
                return 1
    print(f'{len(EXPRESSIONS)} expressions show what the reference console shows')
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
