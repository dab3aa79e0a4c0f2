"""The library corpus of bench/doctest_bench.py: doctest text that ships on
the machine, kept when `python -m doctest` passes it.

Candidates, each written as one text file:
  - per module of the standard library of the bench's Python (its
    sysconfig 'stdlib' directory, site-packages aside), the docstrings of the
    module, its classes and functions and the module-level strings (the
    `__test__` strings of Lib/test) that hold a `>>>` line, read with `ast`
    (nothing is imported), in source order, blank-line separated;
  - the *.txt and *.rst files holding a `>>> ` line under that stdlib
    directory and under /usr/share/doc (Debian's package docs), copied.
The rule: a candidate is kept when `python -m doctest FILE`, run by the
bench's clean venv in an empty directory, exits 0 within TIMEOUT seconds and
doctest.testfile attempts at least one example of it. What is kept and what
is not is decided here at every run, from what the machine holds; nothing is
listed by hand.
"""
import ast
import pathlib
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 30  # seconds: a candidate reaching for the network or a display fails fast
TEXT_SUFFIXES = ('.txt', '.rst')
PROMPT = re.compile(r'^\s*>>> ', re.MULTILINE)
ATTEMPTED = re.compile(r'^(\d+) tests? in \d+ items?\.$', re.MULTILINE)


def _strings_with_examples(source):
    """The docstrings and module-level strings of `source` holding a `>>>`
    line, in source order."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        text = None
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            text = ast.get_docstring(node, clean=True)
        if text and PROMPT.search(text):
            found.append((getattr(node, 'lineno', 0), text))
    for node in tree.body:  # module-level strings: Lib/test's __test__ doctests
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str) and PROMPT.search(node.value.value):
            found.append((node.lineno, node.value.value))
    return [text for _, text in sorted(found, key=lambda item: item[0])]


def stdlib_dir(python):
    return pathlib.Path(subprocess.run(
        [python, '-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
        capture_output=True, text=True, check=True).stdout.strip())


def write_candidates(python, directory):
    """Writes the candidates into `directory`; their paths."""
    directory.mkdir(parents=True)
    stdlib = stdlib_dir(python)
    paths = []

    def add(name, text):  # names differ by prefix: Lib/test/test_doctest.py and .txt
        target = directory / name
        target.write_text(text, encoding='utf-8')
        paths.append(str(target))

    for path in sorted(stdlib.rglob('*.py')):
        if 'site-packages' in path.parts:
            continue
        try:
            strings = _strings_with_examples(path.read_text(encoding='utf-8'))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # Lib/test's deliberately broken sources
        if strings:
            module = str(path.relative_to(stdlib))[:-3].replace('/', '.')
            add('docstrings_%s.txt' % module.replace('.', '_'), '\n\n'.join(strings) + '\n')
    for root in (stdlib, pathlib.Path('/usr/share/doc')):
        for path in sorted(root.rglob('*')):
            if path.suffix not in TEXT_SUFFIXES or 'site-packages' in path.parts \
                    or not path.is_file():
                continue
            try:
                text = path.read_text(encoding='utf-8')
            except (UnicodeDecodeError, OSError):
                continue
            if PROMPT.search(text):
                relative = str(path.relative_to(root)).replace('/', '_')
                add('%s_%s' % ('stdlib' if root == stdlib else 'doc', relative), text)
    return sorted(paths)


def _passes(python, path, cwd):
    try:
        run = subprocess.run([python, '-m', 'doctest', '-v', path], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd,
                             timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False
    attempted = ATTEMPTED.search(run.stdout.decode('utf-8', 'replace'))
    return run.returncode == 0 and attempted is not None and int(attempted.group(1)) > 0


def select_passing(python, paths, jobs, cwd):
    """The paths `python -m doctest` passes (see the module's docstring)."""
    with ThreadPoolExecutor(jobs) as pool:
        verdicts = list(pool.map(lambda path: _passes(python, path, cwd), paths))
    return [path for path, ok in zip(paths, verdicts) if ok]


if __name__ == '__main__':
    # python3 bench/doctest_corpus.py PYTHON DIR: lists what the rule keeps.
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        candidates = write_candidates(sys.argv[1], pathlib.Path(sys.argv[2]))
        for kept in select_passing(sys.argv[1], candidates, 2, scratch):
            print(kept)
