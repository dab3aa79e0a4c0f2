"""replay's doctest driver, first half: how examples' lines are read, pytest's
option flags and their output checker, and a DocTestRunner that records what
it reports.

replay embeds this file as a string (see replay/CMakeLists.txt) and runs it,
then replay/doctest/driver.py, in one namespace: driver.py uses these names.
"""
import doctest
import inspect
import math
import re
import sys
import traceback
import types

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


def _indent(lines, lineno, example):
    """The indentation of the example's `>>>` line in the file."""
    if lineno < len(lines) and lines[lineno].lstrip().startswith('>>>'):
        return len(lines[lineno]) - len(lines[lineno].lstrip(' '))
    return example.indent


# pytest's own option flags (its _pytest/doctest.py), registered as pytest
# registers them, in its order (so each has the value it has under pytest):
# `# doctest: +NUMBER` parses, and doctest.OPTIONFLAGS_BY_NAME holds them, as
# in a pytest run. This file runs only in the child that checks a doctest
# file, never in the process that forks the children.
ALLOW_UNICODE = doctest.register_optionflag('ALLOW_UNICODE')
ALLOW_BYTES = doctest.register_optionflag('ALLOW_BYTES')
NUMBER = doctest.register_optionflag('NUMBER')

# A string literal's prefix, at the start or after a character that is not a
# word character: u'x', U"x", ur'x' (for ALLOW_UNICODE) and b'x', Br"x" (for
# ALLOW_BYTES) lose their u or b.
_UNICODE_PREFIX = re.compile(r'(\W|^)[uU]([rR]?[\'"])')
_BYTES_PREFIX = re.compile(r'(\W|^)[bB]([rR]?[\'"])')
# A number NUMBER compares: one with a decimal point (digits after it or not,
# an exponent or not), or digits with an exponent. Integers are not numbers
# here: they must match as written.
_NUMBER = re.compile(r'[+-]?(?:(?:\d*\.(?P<fraction>\d+)|\d+\.)(?:[Ee](?P<exponent>[+-]?\d+))?'
                     r'|\d+[Ee](?P<int_exponent>[+-]?\d+))')


class _TooLarge(Exception):
    """A tolerance beyond the largest float: pytest's approx raises
    OverflowError, which fails the example."""


def _within(want, got, tolerance):
    """pytest's `want == approx(got, abs=tolerance)`."""
    if want == got:
        return True
    if math.isinf(got) or math.isnan(got):
        return False
    if tolerance > sys.float_info.max:
        raise _TooLarge()
    return abs(got - want) <= tolerance


def _numbers_as_written(want, got):
    """`got` with each of its numbers that is as close to the expected
    output's number at the same place as that number's written precision
    (10 ** -(digits after the point - exponent)) replaced by the number as
    written. Unchanged unless both hold as many numbers."""
    wanted, found = list(_NUMBER.finditer(want)), list(_NUMBER.finditer(got))
    if len(wanted) != len(found):
        return got
    pieces, end = [], 0
    for written, actual in zip(wanted, found):
        places = len(written.group('fraction') or '')
        exponent = written.group('exponent') or written.group('int_exponent')
        if exponent is not None:
            places -= int(exponent)
        if _within(float(written.group()), float(actual.group()), 10 ** -places):
            pieces += [got[end:actual.start()], written.group()]
            end = actual.end()
    return ''.join(pieces) + got[end:]


class _PytestChecker(doctest.OutputChecker):
    """doctest's OutputChecker with pytest's flags: where doctest's check
    fails, ALLOW_UNICODE and ALLOW_BYTES take the u and b prefixes off string
    literals in both outputs, NUMBER takes the numbers of the actual output
    that agree to the precision written as written, and doctest checks
    again. Without the flags it is doctest's."""

    def check_output(self, want, got, optionflags):
        if super().check_output(want, got, optionflags):
            return True
        if not optionflags & (ALLOW_UNICODE | ALLOW_BYTES | NUMBER):
            return False
        for flag, prefix in ((ALLOW_UNICODE, _UNICODE_PREFIX), (ALLOW_BYTES, _BYTES_PREFIX)):
            if optionflags & flag:
                want, got = prefix.sub(r'\1\2', want), prefix.sub(r'\1\2', got)
        if optionflags & NUMBER:
            try:
                got = _numbers_as_written(want, got)
            except _TooLarge:
                return False
        return super().check_output(want, got, optionflags)


class _RememberingSpoofOut(doctest._SpoofOut):
    """doctest's capture of an example's output, remembering the last value
    read: the runner reads it before it reports an unexpected exception, and
    does not pass it on."""

    last_value = ''

    def getvalue(self):
        self.last_value = super().getvalue()
        return self.last_value


# TOP_LEVEL_AWAIT (replay's own): an example may `await` at its top level, as
# in `python -m asyncio`'s REPL: it is compiled with
# ast.PyCF_ALLOW_TOP_LEVEL_AWAIT and run as that REPL runs code, in one event
# loop of the run (made the current one): its code made a function of the
# examples' globals and called in the loop, the coroutine it returns awaited
# there. Unlike the REPL, the loop runs only while an example runs.
TOP_LEVEL_AWAIT = doctest.register_optionflag('TOP_LEVEL_AWAIT')


class _AwaitingRunner(doctest.DocTestRunner):
    """A DocTestRunner whose examples under TOP_LEVEL_AWAIT may `await`: for a
    test that uses the flag, doctest's own __run compiles and runs examples
    through _compile and _exec."""

    _loop = None

    def run(self, test, *args, **kwargs):
        if self.optionflags & TOP_LEVEL_AWAIT or any(
                e.options.get(TOP_LEVEL_AWAIT) for e in test.examples):
            run = doctest.DocTestRunner._DocTestRunner__run
            names = dict(run.__globals__, compile=self._compile, exec=self._exec)
            self._DocTestRunner__run = types.MethodType(
                types.FunctionType(run.__code__, names, run.__name__, run.__defaults__,
                                   run.__closure__), self)
        try:
            return super().run(test, *args, **kwargs)
        finally:
            self.__dict__.pop('_DocTestRunner__run', None)

    def _compile(self, source, filename, mode, flags=0, dont_inherit=False):
        if self.optionflags & TOP_LEVEL_AWAIT:
            import ast  # here: python -m doctest has no ast on 3.8
            flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        return compile(source, filename, mode, flags, dont_inherit)

    def _exec(self, code, globs):
        if not self.optionflags & TOP_LEVEL_AWAIT:
            return exec(code, globs)
        import asyncio
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)

        # A function takes its builtins from its globals (until 3.10 it finds
        # none there otherwise): put them there as exec() would.
        exec('', globs)

        async def in_loop():
            result = types.FunctionType(code, globs)()
            if inspect.iscoroutine(result):
                await self._loop.create_task(result)
        self._loop.run_until_complete(in_loop())


class _RecordingRunner(_AwaitingRunner):
    """A DocTestRunner that records its reports instead of printing them."""

    def __init__(self, on_example, lines, **options):
        super().__init__(checker=_PytestChecker(), **options)
        self.reports = []
        self._on_example = on_example
        self._lines = lines
        self._fakeout = _RememberingSpoofOut()

    offset = 0  # of the docstring running, in the file

    def report_start(self, out, test, example):
        self._on_example(self.offset + example.lineno + 1)

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
        lineno = self.offset + example.lineno
        written = _written_lines(self._lines, lineno)
        indent = _indent(self._lines, lineno, example)
        self.reports.append({
            'line': lineno + 1,
            'want_line': lineno + len(written) + 1,
            'source': _text(example.source),
            'written': _text('\n'.join(line[indent:] for line in written) + '\n'),
            'want': _text(example.want),
            'got': _text(_bounded(got, example.want)),
            'outcome': outcome,
            'exception': None if exception is None else _text(_bounded(exception, '')),
            'update': None if update is None else _text(update),
        })
