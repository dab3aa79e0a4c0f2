"""reST and MyST Markdown files using sphinx.ext.doctest's directives get
the verdicts of Sphinx's doctest builder.

    python3 sphinx_builder_test.py REPLAY CORPUS

CORPUS (tests/e2e/doctest/sphinx) holds reST files exercising every
directive and option replay applies: testsetup and testcleanup (groups, `*`,
a failing setup stopping its group, a failing cleanup), doctest in groups
with :options:, :skipif:, :pyversion:, :hide:, Sphinx's default flags,
testcode with testoutput (its :options:, exceptions, <BLANKLINE>, a testcode
without output, a skipped testoutput), plain `>>>` paragraphs beside
directives (in a note, after `::`, in a code block, in a comment), and
conf.py's doctest_global_setup / doctest_global_cleanup; and Markdown files
(myst_*.md) with the same directives as MyST fences (```{doctest} g1, their
options as `:options:` lines or a `---` YAML block, an option MyST refuses),
in `{eval-rst}`, in a list item, a block quote and a `{note}`, beside
```pycon fences Sphinx does not test. Each scenario lays out a minimal
Sphinx project (a conf.py with `extensions = ['myst_parser',
'sphinx.ext.doctest']` and the scenario's settings, the corpus in the
source directory or a subdirectory of it), runs Debian's `sphinx-build -b
doctest` (/usr/bin/python3 -m sphinx) and `replay run --mode doctest` on it,
and compares, per file, the verdict and the failures per group as Sphinx
names the group ("g1", "g1 (setup code)"), read from Sphinx's output.txt and
from replay's JSON report. A file using no Sphinx directive (plain.rst,
myst_plain.md) keeps stdlib doctest's verdict and failing lines (doctest.testfile of the
Python replay embeds), which Sphinx's default flags would change. A block
Sphinx ignores as invalid doctest code (its warning) makes the file an
ERROR in replay, by choice (docs/doctest-mode.md).

The semantics compared do not depend on the Python version (the :pyversion:
specifiers are far from any supported Python): sphinx-build runs on Debian's
python3, replay embeds whichever Python it was built for. Exits 77 (skipped)
where /usr/bin/python3 cannot import sphinx or myst_parser (python3-sphinx,
python3-myst-parser: ci/setup).
"""
import collections
import pathlib
import re
import shutil
import sys
import tempfile

import testlib

SPHINX_PYTHON = '/usr/bin/python3'
CONF = "extensions = ['myst_parser', 'sphinx.ext.doctest']\n"

# name: (conf.py text, the corpus's directory in the source directory).
SCENARIOS = {
    'global setup and cleanup, conf.py beside the files': (CONF + (
        "doctest_global_setup = '''\nGLOBAL = 42\n'''\n"
        "doctest_global_cleanup = 'del GLOBAL'\n"), '.'),
    'no doctest blocks, conf.py above the files': (CONF + (
        "doctest_test_doctest_blocks = ''\n"), 'sub'),
}
# Files using no Sphinx directive: compared with stdlib doctest.
PLAIN = {'plain.rst', 'myst_plain.md'}

DOCUMENT = re.compile(r'^Document: (\S+)$', re.M)
INVALID = re.compile(r'([^/\s]+?\.(?:rst|md))(?:\.rst)?:\d+: WARNING: ignoring invalid doctest code')
FAILURE = re.compile(r'^(?:File ".*", line \S+|Line \S+), in (.+)$', re.M)
# conf.py's setup and cleanup code is reported at no line of the file.
OURS = re.compile(r'^\S+?(?::\d+)?: (?:failed example|unexpected exception) in (.+?)(?:: .*)?$', re.M)
TESTFILE = r'''
import doctest, json, sys
result = doctest.testfile(sys.argv[1], module_relative=False, report=False)
print('RESULT ' + json.dumps([result.attempted, result.failed]))
'''


def sphinx_failures(source, out, files):
    """{file name: Counter of the groups of its failures} from sphinx-build
    (its documents named without their suffix; `files`, the file names),
    and the files in which it ignored invalid doctest code."""
    done = testlib.run(SPHINX_PYTHON, '-m', 'sphinx', '-b', 'doctest', '-q', source, out)
    if done.returncode not in (0, 1):
        raise AssertionError('sphinx-build: status %d\n%s%s' % (
            done.returncode, done.stdout.decode('utf-8', 'replace'),
            done.stderr.decode('utf-8', 'replace')))
    text = (pathlib.Path(out) / 'output.txt').read_text(encoding='utf-8')
    found = {}
    parts = DOCUMENT.split(text)
    for name, body in zip(parts[1::2], parts[2::2]):
        file = next(file for file in files
                    if pathlib.PurePath(file).stem == pathlib.PurePath(name).name)
        found[file] = collections.Counter(FAILURE.findall(body))
    return found, set(INVALID.findall(done.stderr.decode('utf-8', 'replace'))), text


def replay_failures(replay, source):
    """{file name: (status, Counter of the groups of its failures)}."""
    done, report = testlib.run_report(replay, '--mode', 'doctest', '--prompts', 'off',
                                      '--color', 'never', '.', cwd=source)
    if report is None:
        raise AssertionError('replay: status %d\n%s%s' % (
            done.returncode, done.stdout.decode('utf-8', 'replace'),
            done.stderr.decode('utf-8', 'replace')))
    return {pathlib.PurePath(path).name: (entry['status'],
                                          collections.Counter(OURS.findall(entry['diff'] or '')),
                                          entry)
            for path, entry in testlib.by_path(report).items()}


def main():
    replay, corpus = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    if testlib.run(SPHINX_PYTHON, '-c', 'import sphinx.ext.doctest, myst_parser').returncode:
        print('SKIPPED: %s cannot import sphinx or myst_parser: install python3-sphinx and '
              'python3-myst-parser (ci/setup)' % SPHINX_PYTHON)
        return 77
    problems, compared, failing = [], 0, 0
    files = sorted(path.name for path in corpus.iterdir() if path.suffix in ('.rst', '.md'))
    for name, (conf, where) in SCENARIOS.items():
        with tempfile.TemporaryDirectory() as tmp:
            source = pathlib.Path(tmp) / 'source'
            shutil.copytree(corpus, source / where, dirs_exist_ok=True)
            (source / 'conf.py').write_text(conf, encoding='utf-8')
            (source / 'index.rst').write_text('Index\n=====\n', encoding='utf-8')
            want, invalid, text = sphinx_failures(source, pathlib.Path(tmp) / 'out', files)
            got = replay_failures(replay, source)
            plain = {file: testlib.stdlib_json_result(TESTFILE, 'RESULT ', file, [],
                                                      source / where)[0] for file in PLAIN}
        before = len(problems)
        for file in files:
            status, groups, entry = got.get(file, ('missing', None, None))
            if file in invalid:
                theirs, ours = 'error', status
            elif file in PLAIN:
                attempted, failed = plain[file]
                theirs = ('failed' if failed else 'passed', failed)
                ours = (status, entry and entry['failures'])
                if 'doctest_test_doctest_blocks' not in conf and \
                        sum(want.get(file, {}).values()) == failed:
                    problems.append('%s: %s: Sphinx should judge it otherwise than doctest' % (
                        name, file))
            else:
                theirs = ('failed' if want.get(file) else 'passed', dict(want.get(file, {})))
                ours = (status, dict(groups or {}))
            compared += 1
            failing += theirs[0] == 'failed'
            if theirs != ours:
                problems.append('%s: %s: the truth %s, replay %s' % (name, file, theirs, ours))
        if len(problems) > before:
            print('sphinx-build said, in %s:\n%s' % (name, text[-4000:]))
    if not invalid:
        problems.append('sphinx-build should ignore the invalid doctest code of invalid.rst')
    if not 0 < failing < compared:
        problems.append('the corpus should give passed and failed files')
    return testlib.finish(problems, compared)


if __name__ == '__main__':
    sys.exit(main())
