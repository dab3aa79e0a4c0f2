"""Doctest mode gives the verdicts of stdlib doctest of the same Python.

    python3 differential_test.py truth CORPUS VERDICTS.json
    python3 differential_test.py check REPLAY CORPUS VERDICTS.json

`truth` (a ctest fixture) computes stdlib doctest's verdicts; `check`
compares replay's with them. For every file of CORPUS (*.txt, *.rst, *.md) and each set of --option flags
in OPTION_SETS, runs `replay run --mode doctest --prompts off` once over the
corpus, and doctest.testfile(path, module_relative=False, optionflags=...) of
this Python (the one replay embeds) in a subprocess per file, and compares:
the status (skipped when doctest attempts no example), examples == attempted,
failures == failed, and the lines of the
failing examples doctest reports against those replay's diff names. A file
doctest's parser refuses (ValueError) must be a replay error with doctest's
message and its line.

Markdown files are compared with doctest run on their examples as computed
here, independently of replay, by the rules docs/doctest-mode.md states
(testlib.markdown_to_doctest: console fences, MyST directives, block quotes,
indented code blocks). Every line of a markdown file that starts with `>>>`
(after block-quote markers) must be either run (a `>>>` line of that
transform) or named by a `not tested` note of replay, never both. The
test also shows that stdlib doctest on the raw file reads the closing fence
as expected output (cpython#116546), so that the transformation is what
changes the verdict.
"""
import concurrent.futures
import doctest
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import testlib

OPTION_SETS = [
    [],
    ['ELLIPSIS'],
    ['NORMALIZE_WHITESPACE'],
    ['DONT_ACCEPT_TRUE_FOR_1'],
    ['DONT_ACCEPT_BLANKLINE'],
    ['IGNORE_EXCEPTION_DETAIL'],
    ['SKIP'],
    ['FAIL_FAST'],
    ['REPORT_ONLY_FIRST_FAILURE'],
    ['REPORT_UDIFF'],
    ['REPORT_CDIFF'],
    ['REPORT_NDIFF'],
    ['ELLIPSIS', 'NORMALIZE_WHITESPACE', 'IGNORE_EXCEPTION_DETAIL'],
    ['FAIL_FAST', 'REPORT_ONLY_FIRST_FAILURE', 'DONT_ACCEPT_BLANKLINE'],
]

# pytest's flags, which replay knows besides doctest's (their verdicts are
# checked against pytest by pytest_flags_test.py).
PYTEST_FLAGS = {'ALLOW_UNICODE', 'ALLOW_BYTES', 'NUMBER'}
# replay's own (checked against the asyncio REPL by top_level_await_test.py).
REPLAY_FLAGS = {'TOP_LEVEL_AWAIT'}

# (file, line): an example that fails under stdlib doctest on the raw
# markdown because the closing fence is read as its expected output.
CPYTHON_116546 = ('fences.md', 7)

MARK = '@@replay-differential-result@@ '
STDLIB_RUNNER = r'''
import doctest, json, sys
''' + testlib.RUNNER_ARGUMENTS + r'''try:
    results = doctest.testfile(path, module_relative=False, optionflags=flags)
except ValueError as error:
    result = {'error': str(error)}
else:
    result = {'failed': results.failed, 'attempted': results.attempted}
print('\n' + MARK + json.dumps(result))
'''.replace('MARK', repr(MARK))

def stdlib_verdict(path, flags):
    """doctest.testfile's verdict on `path`, and the lines its report names."""
    verdict, stdout = testlib.stdlib_json_result(STDLIB_RUNNER, MARK, path, flags, path.parent)
    header = re.compile(r'^File "%s", line (\d+), in ' % re.escape(str(path)), re.M)
    verdict['lines'] = sorted(int(n) for n in header.findall(stdout))
    verdict['report'] = stdout
    return verdict


def replay_verdicts(replay, files, flags):
    args = ['--mode', 'doctest', '--prompts', 'off', '--color', 'never']
    for flag in flags:
        args += ['--option', flag]
    # `--`: --option takes as many words as it can.
    _, report = testlib.run_report(replay, *args, '--', *files, stdout=subprocess.DEVNULL,
                                   timeout=600)
    return testlib.by_path(report)


def failing_lines(entry):
    pattern = re.compile(r'^%s:(\d+): (?:failed example|unexpected exception)' %
                         re.escape(entry['path']), re.M)
    return sorted(int(n) for n in pattern.findall(entry['diff']))


def prompt_lines(text, prompt='>>>'):
    """The 1-based lines of `text` starting with `prompt` (a regex) after
    block-quote markers and indentation."""
    return {n for n, line in enumerate(text.split('\n'), 1)
            if re.match(prompt, line[len(testlib.QUOTE.match(line).group(0)):].lstrip(' \t'))}


# An IPython input prompt: IPython's syntax, which doctest never runs.
IPYTHON_PROMPT = r'In \[\d+\]:'


def check_notes(replay, files, truth_file):
    """Every >>> line of each markdown file is run or noted, not both; every
    IPython input prompt (`In [N]:`) of any file is noted. Notes on other
    lines (Sphinx directives) are checked by check_directive_notes."""
    problems = []
    verdicts = replay_verdicts(replay, files, [])
    for path in files:
        noted = set()
        for note in verdicts[str(path)]['notes']:
            match = re.match(r'^%s:(\d+): not (tested|applied): .+$' % re.escape(str(path)), note)
            if not match:
                problems.append('%s: malformed note %r' % (path.name, note))
                continue
            noted.add(int(match.group(1)))
        text = path.read_text(encoding='utf-8')
        ipython = prompt_lines(text, IPYTHON_PROMPT)
        if path.suffix != '.md':
            if not ipython <= noted:
                problems.append('%s: IPython prompts %s, noted %s' % (
                    path.name, sorted(ipython), sorted(noted)))
            continue
        seen = prompt_lines(text)
        run = prompt_lines(truth_file[path].read_text(encoding='utf-8'))
        noted_prompts = noted & (seen | ipython)
        if seen | ipython != run | noted_prompts or run & noted:
            problems.append('%s: >>> lines %s, IPython prompts %s, run %s, noted %s' % (
                path.name, sorted(seen), sorted(ipython), sorted(run), sorted(noted)))
    return problems


# The lines of sphinx.ext.doctest and IPython directives (and their options)
# whose code or options plain doctest leaves out, in reST and in MyST
# (directive fences, {eval-rst}): each must carry a note, and no other line
# but the >>> lines and IPython prompts check_notes covers.
DIRECTIVE_NOTES = {
    'sphinx_directives.txt': [8, 17, 18, 26, 30, 31, 40],
    'ipython.rst': [12],
    'ipython.md': [36],
}


def check_directive_notes(replay, corpus):
    problems = []
    paths = [corpus / name for name in DIRECTIVE_NOTES]
    verdicts = replay_verdicts(replay, paths, [])
    for path in paths:
        text = path.read_text(encoding='utf-8')
        prompts = prompt_lines(text) | prompt_lines(text, IPYTHON_PROMPT)
        notes = [note for note in verdicts[str(path)]['notes']
                 if int(re.match(r'^%s:(\d+): ' % re.escape(str(path)), note).group(1))
                 not in prompts]
        noted = [int(re.match(r'^%s:(\d+): not (?:tested|applied): ' % re.escape(str(path)),
                              note).group(1)) for note in notes]
        if noted != DIRECTIVE_NOTES[path.name]:
            problems.append('%s: notes on lines %s:\n%s' % (path.name, noted, '\n'.join(notes)))
    return problems


def check_ipython_only(replay, path):
    """A file whose only examples are IPython prompts runs nothing, as
    stdlib doctest does, but is no silent green: skipped, with a note per
    prompt and a message that says so."""
    report = replay_verdicts(replay, [path], [])[str(path)]
    prompts = prompt_lines(path.read_text(encoding='utf-8'), IPYTHON_PROMPT)
    noted = {int(re.match(r'^%s:(\d+): ' % re.escape(str(path)), note).group(1))
             for note in report['notes']}
    if not prompts or report['status'] != 'skipped' or noted != prompts \
            or report['message'] == '%s: no examples' % path:
        return ['%s: IPython prompts on lines %s, verdict %r' % (path.name, sorted(prompts), report)]
    return []


def compare(path, flags, expected, actual):
    """Differences between stdlib's verdict and replay's, as text lines."""
    where = '%s %s' % (path.name, ' '.join(flags) or '(no flags)')
    problems = []
    if 'error' in expected:
        match = re.search(r'\bline (\d+) of the', expected['error'])
        message = '%s:%s: %s' % (path, match.group(1), expected['error']) if match else None
        if actual['status'] != 'error' or actual['message'] != message:
            problems.append('%s: stdlib raised ValueError %r; replay: %s %r' % (
                where, expected['error'], actual['status'], actual['message']))
        return problems
    status = 'failed' if expected['failed'] else 'skipped' if not expected['attempted'] \
        else 'passed'
    got = (actual['status'], actual['examples'], actual['failures'], failing_lines(actual))
    want = (status, expected['attempted'], expected['failed'], expected['lines'])
    if got != want:
        problems.append('%s: stdlib (status, attempted, failed, failing lines) %r, replay %r\n'
                        '  replay message: %s' % (where, want, got, actual['message']))
    return problems


def markdown_truth_files(files, tmp):
    """What stdlib doctest runs for each file: the file itself, or a
    markdown file's examples in a file of the same name under `tmp`."""
    truth_file = {}
    for path in files:
        if path.suffix == '.md':
            (tmp / 'md').mkdir(exist_ok=True)
            target = tmp / 'md' / path.name
            text = path.read_text(encoding='utf-8')
            target.write_text(testlib.markdown_to_doctest(text), encoding='utf-8')
            truth_file[path] = target
        else:
            truth_file[path] = path
    return truth_file


def corpus_files(corpus):
    return sorted(p for p in corpus.iterdir() if p.suffix in ('.txt', '.rst', '.md'))


def corpus_key(files):
    """What the verdicts were computed on: this Python, the files and their
    contents, the option sets."""
    digest = hashlib.sha256(repr(OPTION_SETS).encode())
    for path in files:
        digest.update(path.name.encode() + b'\0' + path.read_bytes() + b'\0')
    return {'python': sys.version, 'corpus': digest.hexdigest()}


def truth(corpus, output):
    """Writes OUTPUT: stdlib doctest's verdict on every file of CORPUS under
    each option set, and on each raw markdown file (a ctest fixture shared
    by the binary's and `python -m replay`'s differential tests)."""
    corpus = pathlib.Path(corpus).resolve()
    files = corpus_files(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        truth_file = markdown_truth_files(files, pathlib.Path(tmp))
        jobs = [(path, tuple(flags)) for flags in OPTION_SETS for path in files]
        markdown = [p for p in files if p.suffix == '.md']
        with concurrent.futures.ThreadPoolExecutor(2 * (os.cpu_count() or 2)) as pool:
            verdicts = list(pool.map(
                lambda job: stdlib_verdict(truth_file[job[0]], list(job[1])), jobs))
            raw = list(pool.map(lambda p: stdlib_verdict(p, []), markdown))
    pathlib.Path(output).write_text(json.dumps({
        **corpus_key(files),
        'verdicts': [[path.name, list(flags), verdict]
                     for (path, flags), verdict in zip(jobs, verdicts)],
        'raw_markdown': {path.name: verdict for path, verdict in zip(markdown, raw)},
    }), encoding='utf-8')
    print('%d stdlib doctest verdicts written to %s' % (len(jobs) + len(markdown), output))
    return 0


def check(replay, corpus, truth_path):
    corpus = pathlib.Path(corpus).resolve()
    files = corpus_files(corpus)
    recorded = json.loads(pathlib.Path(truth_path).read_text(encoding='utf-8'))
    if {k: recorded[k] for k in ('python', 'corpus')} != corpus_key(files):
        print('%s was computed by another Python or on another corpus: run the test '
              'doctest_corpus_judged_by_stdlib again' % truth_path)
        return 1
    by_name = {p.name: p for p in files}
    truths = {(by_name[name], tuple(flags)): verdict
              for name, flags, verdict in recorded['verdicts']}
    raw_markdown = {by_name[name]: verdict for name, verdict in recorded['raw_markdown'].items()}
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        truth_file = markdown_truth_files(files, pathlib.Path(tmp))

        compared = failed_seen = passed_seen = errors_seen = 0
        for flags in OPTION_SETS:
            verdicts = replay_verdicts(replay, files, flags)
            for path in files:
                expected = truths[(path, tuple(flags))]
                actual = verdicts.get(str(path))
                if actual is None:
                    problems.append('%s: missing from the report' % path)
                    continue
                problems += compare(path, flags, expected, actual)
                compared += 1
                failed_seen += actual['status'] == 'failed'
                passed_seen += actual['status'] == 'passed'
                errors_seen += actual['status'] == 'error'

        problems += check_notes(replay, files, truth_file)
        problems += check_directive_notes(replay, corpus)
        problems += check_ipython_only(replay, corpus / 'ipython_only.md')

        # cpython#116546: the raw markdown fails where doctest mode passes.
        name, line = CPYTHON_116546
        md = corpus / name
        raw = raw_markdown[md]
        transformed = truths[(md, ())]
        ours = replay_verdicts(replay, [md], [])[str(md)]
        if line not in raw.get('lines', []) or not re.search(
                r'Expected:\n(?:    .*\n)*    ```\n', raw['report']):
            problems.append('stdlib doctest on raw %s should fail line %d expecting ```:\n%s' % (
                name, line, raw['report']))
        if line in transformed['lines'] or line in failing_lines(ours):
            problems.append('%s:%d should pass once fences end the output' % (name, line))
        if raw.get('failed', 0) <= transformed['failed']:
            problems.append('raw %s should fail more examples than its examples alone' % name)

        # An unknown flag is a usage error naming the flags of this doctest,
        # and the one meant.
        for flag, meant in (('NO_SUCH_FLAG', None), ('ELIPSIS', 'ELLIPSIS')):
            done = testlib.run(replay, 'run', '--option', flag, '--', files[0])
            err = done.stderr.decode()
            hint = ' (did you mean %s?)' % meant if meant else ''
            known = sorted(set(doctest.OPTIONFLAGS_BY_NAME) | PYTEST_FLAGS | REPLAY_FLAGS)
            if done.returncode != 2 or ('--option %s: not a doctest option flag%s; known: %s\n' % (
                    flag, hint, ', '.join(known))) not in err:
                problems.append('--option %s: status %d, %r' % (flag, done.returncode, err))

    # The corpus must exercise every flag, and give each kind of verdict.
    used = set(flag for flags in OPTION_SETS for flag in flags)
    for path in files:
        used.update(re.findall(r'[+-]([A-Z_0-9]+)', path.read_text(encoding='utf-8')))
    unused = sorted(set(doctest.OPTIONFLAGS_BY_NAME) - used)
    if unused:
        problems.append('option flags the corpus never uses: %s' % ', '.join(unused))
    if not (failed_seen and passed_seen and errors_seen):
        problems.append('the corpus should give failed, passed and error verdicts: %d %d %d' % (
            failed_seen, passed_seen, errors_seen))

    for problem in problems[:40]:
        print(problem)
    print('%d file verdicts compared with stdlib doctest over %d option sets: %d problems' % (
        compared, len(OPTION_SETS), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit({'truth': truth, 'check': check}[sys.argv[1]](*sys.argv[2:]))
