"""replay's doctest driver, Sphinx part one: a reST file (or MyST Markdown's
fences) read as Sphinx's doctest builder reads it, without docutils.

replay embeds this file as a string (see replay/CMakeLists.txt) and runs it in
the child, after recording_runner.py and driver.py, in their namespace;
sphinx_builder.py runs what this file finds. The directives are read as
docutils reads a directive block (its arguments, options and content), the
groups made as sphinx.ext.doctest's TestGroup.add_code makes them, and
`doctest_global_setup`, `doctest_global_cleanup` and
`doctest_test_doctest_blocks` come from the conf.py nearest the file (its
directory, then each parent), read as literal assignments (ast.literal_eval:
conf.py is never run).
"""
import os
import re

# A file uses Sphinx's doctest builder when a line starts one of these (the
# same pattern as replay/doctest/rst_directives.cpp).
USES_SPHINX = re.compile(r'(?m)^\s*\.\. (testsetup|testcleanup|testcode|testoutput|doctest)::')

# docutils' directive marker, with its `simplename`.
_DIRECTIVE = re.compile(r'( *)\.\. +((?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*) *::(?: +(.*)|$)')
_MARKUP = re.compile(r'( *)\.\.(?: |$)')
_FIELD = re.compile(r':((?:[^:\\]|\\.)+):(?: +(.*)|$)')
_DOCTEST_BLOCK = re.compile(r'( *)>>>( |$)')
# A MyST directive fence: its indentation, marks, name and argument.
_MYST_FENCE = re.compile(r'( *)(`{3,}|~{3,})\s*\{([^}\s]*)\}\s*(.*)$')
_YAML_FIELD = re.compile(r'([^\s:#][^:]*):(?:\s+(.*)|$)')

# What each directive accepts (sphinx.ext.doctest's option_spec): a flag
# takes no value, others require one (but :options:, which may be empty).
_FLAGS = {'hide', 'no-trim-doctest-flags', 'trim-doctest-flags'}
_OPTIONS = {
    'testsetup': {'skipif'},
    'testcleanup': {'skipif'},
    'doctest': _FLAGS | {'options', 'pyversion', 'skipif'},
    'testcode': _FLAGS | {'pyversion', 'skipif'},
    'testoutput': _FLAGS | {'options', 'pyversion', 'skipif'},
}
# Directives whose body docutils does not read as reST: no doctest block in them.
_LITERAL = {'code-block', 'code', 'sourcecode', 'literalinclude', 'ipython', 'highlight', 'math',
            'raw', 'parsed-literal', 'productionlist', 'graphviz', 'csv-table'}
# The conf.py values read, and Sphinx's defaults.
CONF_DEFAULTS = {'doctest_global_setup': '', 'doctest_global_cleanup': '',
                 'doctest_test_doctest_blocks': 'default'}


class Refused(Exception):
    """A file replay cannot run as Sphinx would: (line, message)."""


class TestCode:
    """sphinx.ext.doctest's TestCode: `line` the 0-based file line of the
    code's first line (None for conf.py's), `options` {flag: bool}."""

    def __init__(self, code, type, line, options=None):
        self.code, self.type, self.line = code, type, line
        self.options = dict(options or {})


class TestGroup:
    """sphinx.ext.doctest's TestGroup."""

    def __init__(self, name):
        self.name, self.setup, self.tests, self.cleanup = name, [], [], []

    def add_code(self, code, prepend=False):
        if code.type == 'testsetup':
            self.setup.insert(0, code) if prepend else self.setup.append(code)
        elif code.type == 'testcleanup':
            self.cleanup.append(code)
        elif code.type == 'doctest':
            self.tests.append([code])
        elif code.type == 'testcode':
            self.tests.append([code, None])
        elif self.tests and len(self.tests[-1]) == 2:  # testoutput
            self.tests[-1][1] = code


def find_conf(path):
    """(conf.py's path or None, its values): the nearest conf.py in the
    file's directory or a parent, its doctest_* assignments read literally."""
    values = dict(CONF_DEFAULTS)
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        conf = os.path.join(directory, 'conf.py')
        if os.path.isfile(conf):
            break
        parent = os.path.dirname(directory)
        if parent == directory:
            return None, values
        directory = parent
    import ast  # here, as for any conf.py: python -m doctest has no ast on 3.8
    with open(conf, 'rb') as file:
        source = file.read()
    try:
        tree = ast.parse(source, conf)
    except SyntaxError as error:
        raise Refused(0, '%s:%s: conf.py does not parse: %s' % (conf, error.lineno, error.msg))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            if not isinstance(target, ast.Name) or target.id not in CONF_DEFAULTS:
                continue
            try:
                if isinstance(node, ast.AugAssign):
                    raise ValueError
                values[target.id] = ast.literal_eval(node.value)
            except ValueError:
                raise Refused(0, '%s:%d: %s is not a literal; replay reads conf.py without '
                              'running it, only literal assignments' % (conf, node.lineno, target.id))
    return conf, values


def _indent_of(line):
    return len(line) - len(line.lstrip(' '))


def _block_end(lines, at, indent):
    """The end of the block starting at lines[at]: the lines after it that
    are blank or indented more than `indent`, trailing blank lines left out."""
    end = at + 1
    for index in range(at + 1, len(lines)):
        if lines[index].strip():
            if _indent_of(lines[index]) <= indent:
                break
            end = index + 1
    return end


def _directive(lines, at, end, first):
    """(argument, options, content, line of the content) of the directive
    block lines[at:end] as docutils reads one taking an optional argument
    and options; None where docutils refuses it (an option unknown, a flag
    with a value, a value missing)."""
    body = lines[at + 1:end]
    margin = min((_indent_of(line) for line in body if line.strip()), default=0)
    indented = [first or ''] + [line[margin:] for line in body]
    offset = at
    if indented and not indented[0].strip():
        indented, offset = indented[1:], offset + 1
    while indented and not indented[-1].strip():
        indented.pop()
    split = next((i for i, line in enumerate(indented) if not line.strip()), len(indented))
    args, content, content_line = indented[:split], indented[split + 1:], offset + split + 1
    fields = next((i for i, line in enumerate(args) if _FIELD.match(line)), len(args))
    args, option_lines = args[:fields], args[fields:]
    options = {}
    for line in option_lines:
        match = _FIELD.match(line)
        if match:
            name = match.group(1)
            options[name] = (match.group(2) or '').strip()
        elif not options or not line[:1].isspace():
            return None
        else:
            options[name] = (options[name] + ' ' + line.strip()).strip()
    while content and not content[0].strip():
        content, content_line = content[1:], content_line + 1
    return '\n'.join(args).strip(), options, content, content_line


def _yaml_options(lines):
    """{name: value} of MyST's option block, read as the YAML mapping of
    plain scalars it is in practice ('' for an empty value or true, as MyST
    gives a flag None); None where MyST refuses it (no `key: value` line)."""
    options, margin = {}, min((_indent_of(line) for line in lines if line.strip()), default=0)
    for line in lines:
        if not line.strip() or line.strip().startswith('#'):
            continue
        match = _YAML_FIELD.match(line[margin:])
        if not match:
            return None
        value = (match.group(2) or '').strip()
        if len(value) > 1 and value[0] == value[-1] and value[0] in '\'"':
            value = value[1:-1]
        elif value.lower() in ('true', 'yes', 'on', '~', 'null'):
            value = ''  # YAML 1.1's true and null: MyST gives the option None
        elif value.lower() in ('false', 'no', 'off'):
            value = 'False'  # a bool is an int to MyST: str(False)
        options[match.group(1).strip()] = value
    return options


def _myst_fence(lines, at, fence):
    """(body, end) of the MyST fence opening lines[at]: its body, the fence's
    indentation off (CommonMark), and the line after its closing fence."""
    indent, marks = len(fence.group(1)), fence.group(2)
    end = at + 1
    while end < len(lines) and not _MYST_FENCE.match(lines[end]):
        close = lines[end].strip()
        if close.startswith(marks) and close == close[0] * len(close):
            break
        end += 1
    body = [line[min(indent, _indent_of(line)):] for line in lines[at + 1:end]]
    return body, (end + 1 if end < len(lines) and not _MYST_FENCE.match(lines[end]) else end)


def _myst_directive(body, at, argument):
    """_directive's (argument, options, content, line of the content) of a
    MyST directive fence at line `at` with `body`, as MyST reads one
    (myst_parser's parse_directive_text): options in a `---` YAML block or
    the leading lines starting with `:`, then one blank line dropped; None
    where MyST refuses the options."""
    skip, option_lines = 0, []
    if body and body[0].startswith('---'):
        close = next((i for i in range(1, len(body)) if body[i].startswith('---')), len(body))
        option_lines, skip = body[1:close], close + 1
    elif body and body[0].lstrip().startswith(':'):
        while skip < len(body) and body[skip].lstrip().startswith(':'):
            option_lines.append(body[skip].lstrip()[1:])
            skip += 1
    options = _yaml_options(option_lines)
    if options is None:
        return None
    content, content_line = body[skip:], at + 1 + skip
    if content and not content[0].strip():
        content, content_line = content[1:], content_line + 1
    while content and not content[-1].strip():  # as docutils' content
        content.pop()
    return argument.strip(), options, content, content_line


def _valid(name, options):
    for option, value in options.items():
        if option not in _OPTIONS[name] or (option in _FLAGS and value) or \
                (not value and option in ('skipif', 'pyversion')):
            return False
    return True


def read_nodes(text, doctest_blocks, markdown=False):
    """The test nodes of reST `text`, in document order: (type, groups,
    code, 0-based line of the code, directive options). Plain `>>>`
    paragraphs (docutils' doctest blocks) come as type 'doctest' in group
    `default`, where `doctest_blocks` (doctest_test_doctest_blocks) is true.
    `markdown`: `text` holds MyST fences (MarkdownExamples::sphinx)."""
    lines = text.expandtabs().split('\n')
    if lines and lines[0].startswith('\ufeff'):
        lines[0] = lines[0][1:]
    nodes, at, previous = [], 0, ''
    while at < len(lines):
        line = lines[at]
        if not line.strip():
            at += 1
            continue
        paragraph_start = at == 0 or not lines[at - 1].strip() or \
            _DIRECTIVE.match(lines[at - 1])
        directive = _DIRECTIVE.match(line)
        fence = markdown and _MYST_FENCE.match(line)
        if fence:
            body, end = _myst_fence(lines, at, fence)
            name = fence.group(3)
            if name == 'eval-rst':
                nodes.extend((kind, groups, code, at + 1 + line, options) for
                             kind, groups, code, line, options in
                             read_nodes('\n'.join(body), doctest_blocks))
            parsed = name in _OPTIONS and _myst_directive(body, at, fence.group(4))
            if parsed and _valid(name, parsed[1]):
                argument, options, content, content_line = parsed
                groups = [g.strip() for g in argument.split(',')] if argument else ['default']
                nodes.append((name, groups, '\n'.join(content), content_line, options))
            at, previous = end, ''
            continue
        if directive:
            indent, name = len(directive.group(1)), directive.group(2)
            end = _block_end(lines, at, indent)
            if name in _OPTIONS:
                parsed = _directive(lines, at, end, directive.group(3))
                if parsed and _valid(name, parsed[1]):
                    argument, options, content, content_line = parsed
                    groups = [g.strip() for g in argument.split(',')] if argument else ['default']
                    nodes.append((name, groups, '\n'.join(content), content_line, options))
            if name in _OPTIONS or name in _LITERAL:
                at, previous = end, ''
                continue
        elif _MARKUP.match(line) and not line.strip().startswith('.. ['):
            # A comment, a target: its block is no reST to read.
            at, previous = _block_end(lines, at, _indent_of(line)), ''
            continue
        elif previous.endswith('::') and paragraph_start and _indent_of(line) > _indent_of(previous):
            # A literal block after a paragraph ending in `::`.
            at, previous = _block_end(lines, at - 1, _indent_of(previous)), ''
            continue
        elif paragraph_start and _DOCTEST_BLOCK.match(line):
            end = at
            while end < len(lines) and lines[end].strip():
                end += 1
            margin = min(_indent_of(block_line) for block_line in lines[at:end])
            if doctest_blocks:
                # Sphinx 5.3 puts them in `default` whatever the value says.
                nodes.append(('doctest', ['default'],
                              '\n'.join(block_line[margin:] for block_line in lines[at:end]),
                              at, {}))
            at, previous = end, ''
            continue
        previous = line.rstrip() if not directive else ''
        at += 1
    return nodes
