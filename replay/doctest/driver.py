"""replay's doctest driver: one file run by the linked Python's own doctest.

replay embeds this file as a string (see replay/CMakeLists.txt) and runs it in
the child that checks a doctest file. Everything that decides a verdict --
parsing, option directives, running, output checking -- is done by the
stdlib's doctest (DocTestParser, DocTestRunner, OutputChecker) of the linked
Python, used as doctest.testfile(path, module_relative=False) uses it. This
file only records, per example, what the runner reports, and hands it back as
JSON.
"""
import doctest
import json
import os
import re
import traceback

# Characters of an example's actual output kept beyond the expected length: a
# flood must not make the result (or the diff made of it) unbounded.
_EXTRA_SHOWN = 16 * 1024


def _text(value):
    """`value` as text that encodes to UTF-8 (lone surrogates escaped)."""
    return value.encode('utf-8', 'backslashreplace').decode('utf-8')


def _bounded(got, want):
    limit = len(want) + _EXTRA_SHOWN
    if len(got) <= limit:
        return got
    return '%s\n[... %d more characters of actual output not shown]\n' % (
        got[:limit], len(got) - limit)


def _written_lines(lines, lineno):
    """The lines of the example whose `>>>` line is lines[lineno]: that line
    and the `...` lines right after it, as doctest's parser takes them (its
    Example.source loses a last `...` line with nothing after it)."""
    end = lineno + 1
    while end < len(lines) and _CONTINUATION.match(lines[end]):
        end += 1
    return lines[lineno:end]


# doctest's PS2 lines: `...` after any number of spaces (DocTestParser._EXAMPLE_RE).
_CONTINUATION = re.compile(r'[ ]*\.\.\.')


class FileRun:
    """One doctest file, parsed as doctest.testfile parses it.

    After construction, `error` is None, or (line, message) for a file doctest
    refuses (its parser raised ValueError; an option flag is unknown), line
    1-based or 0 if unknown; `examples` lists, for every example, its 1-based
    line, its indentation, its lines as written (the `>>>` line and the `...`
    lines after it) and the line after them (None at the end of the text).
    """

    def __init__(self, text, path, option_names, setup_path='', setup_source=''):
        self.error = None
        self._setup = (setup_path, setup_source)
        self.examples = []
        self._test = None
        self._optionflags = 0
        for name in option_names:
            flag = doctest.OPTIONFLAGS_BY_NAME.get(name)
            if flag is None:
                self.error = (0, 'unknown doctest option flag %r (known: %s)' % (
                    name, ', '.join(sorted(doctest.OPTIONFLAGS_BY_NAME))))
                return
            self._optionflags |= flag
        # As testfile: the name is the file's base name, the namespace holds
        # only __name__, and the examples are parsed with a DocTestParser.
        globs = {'__name__': '__main__'}
        try:
            self._test = doctest.DocTestParser().get_doctest(
                text, globs, os.path.basename(path), path, 0)
        except ValueError as error:
            # doctest's messages name the 1-based line: "line 4 of the ...".
            match = re.search(r'\bline (\d+) of the', str(error))
            self.error = (int(match.group(1)) if match else 0, _text(str(error)))
            return
        # The lines as the parser saw them (it expands tabs first).
        self._lines = text.expandtabs().split('\n')
        if self._lines[-1] == '':
            del self._lines[-1]  # what follows the last newline
        self.examples = []
        for example in self._test.examples:
            written = _written_lines(self._lines, example.lineno)
            end = example.lineno + len(written)
            self.examples.append((example.lineno + 1, example.indent, written,
                                  self._lines[end] if end < len(self._lines) else None))

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
        if setup_path:
            # The setup file (--setup, replay_setup.py): in the examples'
            # namespace, before the first, its output discarded.
            import contextlib
            import io
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                exec(compile(setup_source, setup_path, 'exec'), self._test.globs)
        runner = _RecordingRunner(on_example, self._lines, verbose=False,
                                  optionflags=self._optionflags)
        results = runner.run(self._test, out=lambda text: None)
        return json.dumps({'attempted': results.attempted, 'failed': results.failed,
                           'reports': runner.reports}, ensure_ascii=False)


class _RememberingSpoofOut(doctest._SpoofOut):
    """doctest's capture of an example's output, remembering the last value
    read: the runner reads it before it reports an unexpected exception, and
    does not pass it on."""

    last_value = ''

    def getvalue(self):
        self.last_value = super().getvalue()
        return self.last_value


class _RecordingRunner(doctest.DocTestRunner):
    """A DocTestRunner that records its reports instead of printing them."""

    def __init__(self, on_example, lines, **options):
        super().__init__(**options)
        self.reports = []
        self._on_example = on_example
        self._lines = lines
        self._fakeout = _RememberingSpoofOut()

    def report_start(self, out, test, example):
        self._on_example(example.lineno + 1)

    def report_success(self, out, test, example, got):
        self._record(example, 'success', got, None)

    def report_failure(self, out, test, example, got):
        self._record(example, 'failure', got, None, update=self._updated_want(example, got))

    def _updated_exception(self, example, exc_msg):
        """The expected output --update writes for an example that raised
        `exc_msg` (as doctest compares it): the traceback lines as written, if
        the example expected an exception, with the new exception line."""
        if example.exc_msg is not None and example.want.endswith(example.exc_msg):
            return example.want[:len(example.want) - len(example.exc_msg)] + exc_msg
        return 'Traceback (most recent call last):\n  ...\n' + exc_msg

    def report_unexpected_exception(self, out, test, example, exc_info):
        got = self._fakeout.last_value
        # The exception line as doctest compares it (DocTestRunner.__run).
        exc_msg = traceback.format_exception_only(*exc_info[:2])[-1]
        self._record(example, 'exception', got, doctest._exception_traceback(exc_info),
                     update=self._updated_exception(example, exc_msg))

    def _updated_want(self, example, got):
        """The expected output --update writes for a failing example: what it
        printed (blank lines as <BLANKLINE> unless DONT_ACCEPT_BLANKLINE), but
        where it has as many lines as the old expected output, each old line
        that still matches under the example's flags (ELLIPSIS wildcards,
        <BLANKLINE>, whitespace) is kept."""
        if example.exc_msg is not None:
            # An expected exception with another message: doctest reports the
            # traceback as got; its exception line is what it compared.
            raised = doctest.DocTestParser._EXCEPTION_RE.match(got)
            if raised:
                return self._updated_exception(example, raised.group('msg'))
        if not self.optionflags & doctest.DONT_ACCEPT_BLANKLINE:
            got = re.sub(r'(?m)^[ ]*(?=\n)', doctest.BLANKLINE_MARKER, got)
        old, new = example.want.splitlines(True), got.splitlines(True)
        if len(old) != len(new):
            return got
        checker = self._checker
        return ''.join(o if checker.check_output(o, n, self.optionflags) else n
                       for o, n in zip(old, new))

    def _record(self, example, outcome, got, exception, update=None):
        # As doctest's own report shows it (OutputChecker.output_difference).
        if not self.optionflags & doctest.DONT_ACCEPT_BLANKLINE:
            got = re.sub(r'(?m)^[ ]*(?=\n)', doctest.BLANKLINE_MARKER, got)
        written = _written_lines(self._lines, example.lineno)
        self.reports.append({
            'line': example.lineno + 1,
            'want_line': example.lineno + len(written) + 1,
            'source': _text(example.source),
            'written': _text('\n'.join(line[example.indent:] for line in written) + '\n'),
            'want': _text(example.want),
            'got': _text(_bounded(got, example.want)),
            'outcome': outcome,
            'exception': None if exception is None else _text(_bounded(exception, '')),
            'update': None if update is None else _text(update),
        })
