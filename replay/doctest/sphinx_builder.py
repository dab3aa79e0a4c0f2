"""replay's doctest driver, Sphinx part two: the groups of a reST file run as
Sphinx's doctest builder (sphinx.ext.doctest's DocTestBuilder.test_doc and
test_group) runs them.

replay embeds this file as a string (see replay/CMakeLists.txt) and runs it in
the child after recording_runner.py, driver.py and sphinx_rst.py, in their
namespace. Each group gets its own namespace: its setup code first (conf.py's
doctest_global_setup, then its testsetup blocks; if one fails, the group
stops there), then its doctest blocks and testcode blocks in document order,
then its cleanup code. Setup, test and cleanup code run by three runners as
Sphinx's three; the flags are Sphinx's default (doctest_default_flags) and
replay's --option flags.
"""
import doctest
import json
import os
import re
import sys

# sphinx.ext.doctest's default doctest_default_flags.
SPHINX_DEFAULT_FLAGS = doctest.DONT_ACCEPT_TRUE_FOR_1 | doctest.ELLIPSIS | \
    doctest.IGNORE_EXCEPTION_DETAIL
_SPECIFIER = re.compile(r'\s*(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?\s*$')


def make_file_run(text, path, option_names, setup_path='', setup_source='', line=0,
                  sphinx_markdown=0):
    """A SphinxRun for a reST file that uses a directive of Sphinx's doctest
    builder, or for the Sphinx blocks of a Markdown document that uses them
    (`sphinx_markdown`: DoctestInput::sphinx of replay/doctest/text.h), else
    a FileRun (doctest.testfile's semantics)."""
    if sphinx_markdown or (path.endswith('.rst') and USES_SPHINX.search(text)):
        return SphinxRun(text, path, option_names, setup_path, setup_source, line,
                         bool(sphinx_markdown))
    return FileRun(text, path, option_names, setup_path, setup_source, line)


def allowed_version(spec, version):
    """Whether release `version` (3.11.2) satisfies PEP 440 specifiers
    `spec` (">=3.8, <3.12", "==3.11.*"), as sphinx's is_allowed_version;
    ValueError if `spec` is not one."""
    have = [int(part) for part in version.split('.')]
    for item in spec.split(','):
        match = _SPECIFIER.match(item)
        if not match or (match.group(3) and match.group(1) not in ('==', '!=')):
            raise ValueError(spec)
        op, want = match.group(1), [int(part) for part in match.group(2).split('.')]
        if match.group(3):
            ok = (have + [0] * len(want))[:len(want)] == want
            ok = ok if op == '==' else not ok
        else:
            size = max(len(have), len(want))
            mine, theirs = have + [0] * (size - len(have)), want + [0] * (size - len(want))
            ok = {'==': mine == theirs, '===': mine == theirs, '!=': mine != theirs,
                  '<': mine < theirs, '<=': mine <= theirs, '>': mine > theirs,
                  '>=': mine >= theirs,
                  '~=': len(want) > 1 and mine >= theirs and
                  have[:len(want) - 1] == want[:-1]}[op]
        if not ok:
            return False
    return True


def _flags(name, options):
    """The node's {flag: on} (TestDirective.run): :options: of doctest and
    testoutput (`+FLAG`/`-FLAG`, commas or spaces; others ignored, as Sphinx
    warns and ignores them), SKIP when :pyversion: of doctest excludes this
    Python (an invalid specifier is ignored)."""
    flags = {}
    if name in ('doctest', 'testoutput') and 'options' in options:
        for option in options['options'].replace(',', ' ').split():
            flag = doctest.OPTIONFLAGS_BY_NAME.get(option[1:])
            if option[0] in '+-' and flag is not None:
                flags[flag] = option[0] == '+'
    if name == 'doctest' and 'pyversion' in options:
        try:
            if not allowed_version(options['pyversion'], '%d.%d.%d' % sys.version_info[:3]):
                flags[doctest.SKIP] = True
        except ValueError:
            pass
    return flags


class _SphinxRunner(_RecordingRunner):
    """The recording runner, naming each report's group as Sphinx names the
    test ("default", "default (setup code)"); code that is no `>>>` example
    (setup, cleanup, testcode) is reported at its first line, as written."""

    group = ''

    def _record(self, example, outcome, got, exception, update=None):
        code = getattr(example, 'replay_code', None)
        super()._record(example, outcome, got, exception, None if code else update)
        report = self.reports[-1]
        report['group'] = self.group
        if code is not None:
            report['line'] = 0 if code.line is None else code.line + 1
            report['want_line'] = example.replay_want_line
            report['written'] = _text(code.code.rstrip('\n') + '\n')


class SphinxRun:
    """One reST file as Sphinx's doctest builder tests it; the interface of
    FileRun (error, examples, error_json, run)."""

    def __init__(self, text, path, option_names, setup_path='', setup_source='', line=0,
                 markdown=False):
        self.error = None
        self._markdown = markdown
        self.examples = []
        self._path = path
        self._setup = (setup_path, setup_source)
        self._groups = []
        self._lines = text.expandtabs().split('\n')
        if self._lines[-1] == '':
            del self._lines[-1]
        self._optionflags = SPHINX_DEFAULT_FLAGS
        for name in option_names:
            flag = doctest.OPTIONFLAGS_BY_NAME.get(name)
            if flag is None:
                self.error = (0, 'unknown doctest option flag %r' % name)
                return
            self._optionflags |= flag
        if line:
            self.error = (line, 'FILE:LINE does not select an example of a file run as Sphinx '
                          'runs it (it uses sphinx.ext.doctest directives); run the file')
            return
        try:
            self._conf = find_conf(path)[1]
            self._groups = self._read(text)
        except Refused as refused:
            self.error = refused.args
            return
        seen = set()
        for group in self._groups:
            for code in group.tests:
                if len(code) != 1 or id(code[0]) in seen:
                    continue
                seen.add(id(code[0]))
                try:
                    examples = _parsed(code[0], os.path.basename(path))
                except ValueError as error:
                    # Sphinx warns and ignores the block; a test tool says so:
                    # doctest's message names the line in the block.
                    match = re.search(r'\bline (\d+) of the', str(error))
                    self.error = (code[0].line + (int(match.group(1)) if match else 1),
                                  _text(str(error)))
                    return
                for example in examples:
                    self.examples.append(_example_tuple(self._lines, code[0].line, example))
        self.examples.sort(key=lambda example: example[0])

    def _read(self, text):
        """The groups (DocTestBuilder.test_doc), skipif conditions evaluated."""
        groups, to_all = {}, []
        for name, node_groups, code, line, options in read_nodes(
                text, self._conf['doctest_test_doctest_blocks'], self._markdown):
            if 'skipif' in options and self._skipped(options['skipif'], line):
                continue
            test = TestCode(code, name, line, _flags(name, options))
            if '*' in node_groups:
                to_all.append(test)
                continue
            for group in node_groups:
                groups.setdefault(group, TestGroup(group)).add_code(test)
        for test in to_all:
            for group in groups.values():
                group.add_code(test)
        for key, kind in (('doctest_global_setup', 'testsetup'),
                          ('doctest_global_cleanup', 'testcleanup')):
            if self._conf[key]:
                for group in groups.values():
                    group.add_code(TestCode(self._conf[key], kind, None), prepend=True)
        return list(groups.values())

    def _skipped(self, condition, line):
        """DocTestBuilder.skipped: the condition evaluated in a namespace of
        its own, conf.py's global setup run before it and cleanup after."""
        context = {}
        try:
            if self._conf['doctest_global_setup']:
                exec(self._conf['doctest_global_setup'], context)
            skip = eval(condition, context)
            if self._conf['doctest_global_cleanup']:
                exec(self._conf['doctest_global_cleanup'], context)
            return skip
        except Exception as error:
            # `line`: the 0-based line of the directive's content.
            raise Refused(line + 1, 'the :skipif: condition %r raised %s: %s' % (
                condition, type(error).__name__, error))

    def error_json(self):
        return FileRun.error_json(self)

    def run(self, on_example):
        """Runs every group as DocTestBuilder.test_group; returns the result
        as JSON, as FileRun.run, each report naming its group."""
        mode = ['single']

        def sphinx_compile(source, filename, kind, flags, dont_inherit):
            # As Sphinx patches doctest.compile: code blocks run as 'exec'.
            return compile(source, filename, mode[0], flags, dont_inherit)

        doctest.compile = sphinx_compile
        runners = [_SphinxRunner(on_example, self._lines, verbose=False,
                                 optionflags=self._optionflags) for _ in range(3)]
        for runner in runners[1:]:
            runner._fakeout, runner.reports = runners[0]._fakeout, runners[0].reports
        for group in self._groups:
            self._run_group(group, runners, mode)
        return json.dumps({'attempted': sum(runner.tries for runner in runners),
                           'failed': sum(runner.failures for runner in runners),
                           'reports': runners[0].reports}, ensure_ascii=False)

    def _run(self, runner, test, group, offset, namespace):
        test.globs = namespace
        runner.group, runner.offset = group, offset
        runner.run(test, out=lambda text: None, clear_globs=False)

    def _run_group(self, group, runners, mode):
        namespace = {}
        # replay's --setup file first (FileRun._run_setup runs it in test.globs).
        holder = doctest.DocTest([], {}, '', self._path, 0, '')
        holder.globs = namespace
        FileRun._run_setup(self._setup[0], self._setup[1], holder)

        def setup_cleanup(runner, codes, what):
            examples = []
            for code in codes:
                example = doctest.Example(code.code, '', lineno=code.line or 0)
                example.replay_code, example.replay_want_line = code, 0
                examples.append(example)
            if not examples:
                return True
            before = runner.failures
            mode[0] = 'exec'
            test = doctest.DocTest(examples, {}, '', self._path, 0, None)
            self._run(runner, test, '%s (%s code)' % (group.name, what), 0, namespace)
            return runner.failures == before

        if not setup_cleanup(runners[0], group.setup, 'setup'):
            return
        for code in group.tests:
            if len(code) == 1:
                examples = _parsed(code[0], os.path.basename(self._path))
                if not examples:
                    continue
                test = doctest.DocTest(examples, {}, group.name, self._path, code[0].line, None)
                mode[0], offset = 'single', code[0].line
            else:
                output = code[1].code if code[1] else ''
                options = code[1].options if code[1] else {}
                options[doctest.DONT_ACCEPT_BLANKLINE] = True
                raised = doctest.DocTestParser._EXCEPTION_RE.match(output)
                example = doctest.Example(code[0].code, output,
                                          exc_msg=raised.group('msg') if raised else None,
                                          lineno=code[0].line, options=options)
                example.replay_code = code[0]
                example.replay_want_line = code[1].line + 1 if code[1] else 0
                test = doctest.DocTest([example], {}, group.name, self._path, code[0].line, None)
                mode[0], offset = 'exec', 0
            self._run(runners[1], test, group.name, offset, namespace)
        setup_cleanup(runners[2], group.cleanup, 'cleanup')


def _parsed(code, name):
    """The examples of a doctest node, the node's options under each
    example's own; ValueError where doctest's parser refuses it."""
    examples = doctest.DocTestParser().parse(code.code, name)
    examples = [piece for piece in examples if isinstance(piece, doctest.Example)]
    for example in examples:
        options = dict(code.options)
        options.update(example.options)
        example.options = options
    return examples


def _example_tuple(lines, offset, example):
    """FileRun.examples' (line, indent, written, next, after) of an example."""
    lineno = offset + example.lineno
    written = _written_lines(lines, lineno)
    end = lineno + len(written)
    after = []
    while end + len(after) < len(lines) and lines[end + len(after)].strip() and len(after) < 100:
        after.append(lines[end + len(after)])
    return (lineno + 1, _indent(lines, lineno, example), written,
            lines[end] if end < len(lines) else None, after)
