"""replay's doctest driver: one file run by the linked Python's own doctest.

replay embeds this file as a string (see replay/CMakeLists.txt) and runs it in
the child that checks a doctest file. Everything that decides a verdict --
parsing, option directives, running, output checking -- is done by the
stdlib's doctest (DocTestParser, DocTestRunner, OutputChecker) of the linked
Python, used as doctest.testfile(path, module_relative=False) uses it, but
for pytest's three option flags (ALLOW_UNICODE, ALLOW_BYTES, NUMBER), which
recording_runner.py registers and checks as pytest does. This file only
records, per example, what the runner reports, and hands it back as
JSON. It runs after replay/doctest/recording_runner.py, in its namespace
(_RecordingRunner, _written_lines, _indent, _text come from there).
"""
import doctest
import json
import os
import re
import traceback


class FileRun:
    """One doctest file, parsed as doctest.testfile parses it, or, for a
    Python module (`*.py`), its docstrings as doctest.testmod finds them.

    After construction, `error` is None, or (line, message) for a file doctest
    refuses (its parser raised ValueError; an option flag is unknown; a
    module does not import; no example is at the line asked for), line
    1-based or 0 if unknown; `examples` lists, for every example, its 1-based
    line, its indentation, its lines as written (the `>>>` line and the `...`
    lines after it) and the line after them (None at the end of the text).
    With `line`, only the example that starts at or contains that line of
    the file is checked: those before it run unchecked, those after it not.
    """

    def __init__(self, text, path, option_names, setup_path='', setup_source='', line=0):
        self.error = None
        if os.path.basename(path) == '__main__.py':
            # Importing it runs the program (pytest does not collect it either).
            self.error = (0, '__main__.py is not imported: importing it runs the program')
            return
        self._setup = (setup_path, setup_source)
        self.examples = []
        self._tests = []
        self._unchecked = []
        self._offsets = {}
        self._optionflags = 0
        for name in option_names:
            flag = doctest.OPTIONFLAGS_BY_NAME.get(name)
            if flag is None:
                self.error = (0, 'unknown doctest option flag %r (known: %s)' % (
                    name, ', '.join(sorted(doctest.OPTIONFLAGS_BY_NAME))))
                return
            self._optionflags |= flag
        # The lines as the parser saw them (it expands tabs first).
        self._lines = text.expandtabs().split('\n')
        if self._lines[-1] == '':
            del self._lines[-1]  # what follows the last newline
        module = None
        if path.endswith('.py'):
            try:
                module = _import_file(path)
            except BaseException as error:
                self.error = (0, _text(_import_failure(error)))
                return
        try:
            if module is not None:
                self._find_in_module(module)
            else:
                self._parse_file(text, path)
        except ValueError as error:
            # doctest's messages name the 1-based line: "line 4 of the ...",
            # of the file, or (modules) of a docstring.
            match = re.search(r'\bline (\d+) of the', str(error))
            self.error = (int(match.group(1)) if match and module is None else 0, _text(str(error)))
            return
        if line:
            self._select(line)
        for test in self._tests:
            for example in test.examples:
                lineno = self._offsets[id(test)] + example.lineno
                written = _written_lines(self._lines, lineno)
                end = lineno + len(written)
                after = []
                while end + len(after) < len(self._lines) and \
                        self._lines[end + len(after)].strip() and len(after) < 100:
                    after.append(self._lines[end + len(after)])
                self.examples.append((lineno + 1, _indent(self._lines, lineno, example), written,
                                      self._lines[end] if end < len(self._lines) else None, after))
        self.examples.sort(key=lambda example: example[0])

    def _parse_file(self, text, path):
        # As testfile: the name is the file's base name, the namespace holds
        # only __name__, and the examples are parsed with a DocTestParser.
        globs = {'__name__': '__main__'}
        test = doctest.DocTestParser().get_doctest(text, globs, os.path.basename(path), path, 0)
        self._tests = [test]
        self._offsets[id(test)] = 0

    def _find_in_module(self, module):
        # As `python -m doctest mod.py` runs testmod: every docstring
        # DocTestFinder finds, in its order, each in a copy of the module's
        # namespace.
        for test in doctest.DocTestFinder(exclude_empty=False).find(module, module.__name__):
            self._tests.append(test)
            self._offsets[id(test)] = _docstring_offset(self._lines, test)

    def _select(self, line):
        """Keeps the example at 1-based `line` of the file checked; the
        examples before it (in its namespace) become unchecked setup."""
        for test in self._tests:
            offset = self._offsets[id(test)]
            for index, example in enumerate(test.examples):
                first = offset + example.lineno + 1
                last = first + len(_written_lines(self._lines, first - 1)) - 1 + \
                    len(example.want.splitlines())
                if first <= line <= last:
                    setup = _copy_test(test, test.examples[:index])
                    self._unchecked = [setup]
                    chosen = _copy_test(test, [example])
                    self._offsets[id(setup)] = self._offsets[id(chosen)] = offset
                    self._tests = [chosen]
                    return
        starts = [str(self._offsets[id(t)] + e.lineno + 1) for t in self._tests for e in t.examples]
        self.error = (line, 'no example starts at or contains line %d (examples start at line%s %s)'
                      % (line, '' if len(starts) == 1 else 's', ', '.join(starts) or 'none'))
        self._tests = []

    def error_json(self):
        """The result for a refused file, or None."""
        if self.error is None:
            return None
        line, message = self.error
        return json.dumps({'error': {'line': line, 'message': message}}, ensure_ascii=False)

    def run(self, on_example):
        """Runs the examples as testfile does; returns the result as JSON.

        The setup file given, if any, runs first in the examples' namespace,
        its output discarded. `on_example(line)` is called before each
        example the runner reports on starts. The result holds doctest's counts (attempted, failed) and,
        for each example the runner reports on (REPORT_ONLY_FIRST_FAILURE
        silences those after the first failure, as in doctest's own report),
        its line, source, expected and actual output, outcome (success,
        failure, exception) and the unexpected exception's traceback.
        """
        setup_path, setup_source = self._setup
        prepared = set()

        def prepare(test):
            if id(test.globs) not in prepared:
                prepared.add(id(test.globs))
                self._run_setup(setup_path, setup_source, test)

        for test in self._unchecked:
            # FILE:LINE: the examples before the one chosen, unchecked.
            prepare(test)
            _AwaitingRunner(checker=_PytestChecker(), verbose=False,
                            optionflags=self._optionflags).run(
                test, out=lambda text: None, clear_globs=False)
        runner = _RecordingRunner(on_example, self._lines, verbose=False,
                                  optionflags=self._optionflags)
        failed = attempted = 0
        for test in self._tests:
            prepare(test)
            runner.offset = self._offsets[id(test)]
            results = runner.run(test, out=lambda text: None)
            failed += results.failed
            attempted += results.attempted
        return json.dumps({'attempted': attempted, 'failed': failed,
                           'reports': runner.reports}, ensure_ascii=False)

    @staticmethod
    def _run_setup(setup_path, setup_source, test):
        if not setup_path:
            return
        # The setup file (--setup, replay_setup.py): in the examples'
        # namespace, before the first, its output discarded.
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            exec(compile(setup_source, setup_path, 'exec'), test.globs)


def start_as_python_m_doctest():
    """sys.path as `python -m doctest FILE` starts with: the current
    directory (absolute) first, unless safe_path (-P, PYTHONSAFEPATH) is set."""
    import sys
    if not getattr(sys.flags, 'safe_path', False):
        sys.path.insert(0, os.getcwd())


def _import_file(path):
    """The module of file `path`, imported as `python -m doctest` imports it
    (its directory first on sys.path); in a package (a directory with an
    __init__.py), as that package's submodule, its packages imported first."""
    import importlib
    import importlib.util
    import sys
    directory, filename = os.path.split(os.path.abspath(path))
    name = filename[:-3]
    parts = [] if name == '__init__' else [name]
    while os.path.isfile(os.path.join(directory, '__init__.py')):
        directory, package = os.path.split(directory)
        parts.insert(0, package)
    name = '.'.join(parts)
    sys.path.insert(0, directory)
    try:
        if '.' in name:
            importlib.import_module(name.rpartition('.')[0])
        # As pytest imports it, once: a module its package imported already
        # is that module.
        module = sys.modules.get(name)
        if module is not None and _same_file(getattr(module, '__file__', None), path):
            return module
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        if '.' in name:
            # As the import system does: the package names its submodule.
            parent, _, child = name.rpartition('.')
            setattr(sys.modules[parent], child, module)
        return module
    finally:
        del sys.path[0]


def _import_failure(error):
    """'importing the module failed: REASON', REASON the exception's line,
    then the traceback as Python shows an import's: without this driver's
    frames nor the import system's (`<frozen importlib._bootstrap...>`)."""
    shown = traceback.TracebackException(type(error), error, error.__traceback__)
    shown.stack = traceback.StackSummary.from_list([
        frame for frame in shown.stack
        if frame.filename != _import_failure.__code__.co_filename
        and not frame.filename.startswith('<frozen importlib')])
    only = ''.join(shown.format_exception_only()).splitlines()
    reason = next((line for line in only if line and not line[0].isspace()), '')
    traceback_text = ''.join(shown.format()).rstrip('\n')
    return 'importing the module failed: %s\n%s' % (reason, traceback_text)


def _same_file(found, path):
    try:
        return found is not None and os.path.samefile(found, path)
    except OSError:
        return False


def _docstring_offset(lines, test):
    """The 0-based line of the file where line 0 of `test`'s docstring is:
    the first line at or after doctest's line for it (test.lineno; the
    start of the file if it has none, as for a property) that ends with the
    docstring's line of its first example."""
    start = test.lineno or 0
    if not test.examples or test.docstring is None:
        return start
    example = test.examples[0]
    wanted = test.docstring.split('\n')[example.lineno].expandtabs().rstrip()
    for index in range(start, len(lines)):
        if lines[index].rstrip().endswith(wanted.strip()):
            return index - example.lineno
    return start


def _copy_test(test, examples):
    """`test` with `examples`, sharing its namespace (DocTest copies it)."""
    copy = doctest.DocTest(examples, {}, test.name, test.filename, test.lineno, test.docstring)
    copy.globs = test.globs
    return copy
