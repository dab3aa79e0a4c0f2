"""Doctest mode's prompt findings: kinds, lines and what each policy does.

    python3 prompts_test.py REPLAY PROMPTS_DIR

The expected findings come from the stdlib console of this Python (the one
replay embeds): each example's lines, as written, are pushed into a
code.InteractiveConsole that compiles but runs nothing, and a `... ` line
where it would show `>>> `, or a block it still waits on after the example's
last line, is a finding. They must equal both the findings replay reports and
the hand-written EXPECTED below (so that neither side can be vacuous). Then,
for --prompts fail, warn and off: the findings listed (none for off), the
status (a finding fails a file whose examples pass only under fail), and
doctest's counts unchanged.
"""
import code
import doctest
import pathlib
import re
import subprocess
import sys

import testlib

# file: [(kind, line)]
EXPECTED = {
    'clean.txt': [],
    'continuation.txt': [('continuation-after-complete', 8),
                         ('continuation-after-complete', 9),
                         ('continuation-after-complete', 16),
                         ('continuation-after-complete', 19)],
    'unclosed.txt': [('unclosed-block', 8), ('prompt-in-open-block', 15),
                     ('unclosed-block', 22)],
    'failing.txt': [('unclosed-block', 5)],
    'findings.md': [('prompt-in-open-block', 6), ('unclosed-block', 13)],
    'rst_findings.txt': [('unclosed-block', 8)],
}

class CompileOnly(code.InteractiveConsole):
    """The stdlib console, compiling but never running what it is given."""

    def runcode(self, code):
        pass

    def showsyntaxerror(self, *args, **kwargs):
        pass

    def showtraceback(self, *args, **kwargs):
        pass


def stdlib_findings(text):
    """[(kind, line)] for `text`, from the stdlib console."""
    text = text.expandtabs()
    lines = text.split('\n')
    findings = []
    for example in doctest.DocTestParser().parse(text):
        if not isinstance(example, doctest.Example):
            continue
        first, indent = example.lineno, example.indent
        written = [lines[first]]
        while first + len(written) < len(lines) and \
                re.match(r' *\.\.\.', lines[first + len(written)]):
            written.append(lines[first + len(written)])
        console = CompileOnly()
        more = False
        for k, line in enumerate(written):
            if k > 0 and line[indent:indent + 3] == '...' and not more:
                findings.append(('continuation-after-complete', first + k + 1))
            more = console.push(line[indent + 4:])
        if more:
            after = first + len(written)
            following = lines[after] if after < len(lines) else ''
            kind = 'prompt-in-open-block' if following.lstrip(' ').startswith('>>>') \
                else 'unclosed-block'
            findings.append((kind, after + 1))
    return sorted(findings, key=lambda finding: finding[1])


def run_replay(replay, files, policy):
    _, report = testlib.run_report(replay, '--mode', 'doctest', '--color', 'never', '--prompts',
                                   policy, *files, stdout=subprocess.DEVNULL, stderr=None,
                                   timeout=300)
    return {pathlib.Path(entry['path']).name: entry for entry in report['transcripts']}


def reported_findings(entry):
    pattern = re.compile(r'^%s:(\d+): prompt \[([a-z-]+)\]: ' % re.escape(entry['path']), re.M)
    return [(kind, int(line)) for line, kind in pattern.findall(entry['diff'])]


def main():
    replay, directory = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    files = sorted(p for p in directory.iterdir() if p.suffix in ('.txt', '.rst', '.md'))
    problems = []
    if sorted(p.name for p in files) != sorted(EXPECTED):
        problems.append('EXPECTED must list exactly the files of %s' % directory)
    kinds_seen = set()
    verdicts = {policy: run_replay(replay, files, policy)
                for policy in ('fail', 'warn', 'off')}
    for path in files:
        text = path.read_text(encoding='utf-8')
        if path.suffix == '.md':
            text = testlib.markdown_to_doctest(text)
        truth = stdlib_findings(text)
        if truth != EXPECTED.get(path.name):
            problems.append('%s: the stdlib console gives %r, EXPECTED says %r' % (
                path.name, truth, EXPECTED.get(path.name)))
        kinds_seen.update(kind for kind, _ in truth)
        off = verdicts['off'][path.name]
        doctest_failed = off['failures'] > 0
        for policy, entries in verdicts.items():
            entry = entries[path.name]
            where = '%s --prompts %s' % (path.name, policy)
            listed = reported_findings(entry)
            want = [] if policy == 'off' else truth
            if listed != want:
                problems.append('%s: findings %r, expected %r' % (where, listed, want))
            status = 'failed' if doctest_failed or (truth and policy == 'fail') else 'passed'
            if entry['status'] != status:
                problems.append('%s: status %s, expected %s (%s)' % (
                    where, entry['status'], status, entry['message']))
            if (entry['examples'], entry['failures']) != (off['examples'], off['failures']):
                problems.append('%s: doctest counts changed with the policy' % where)
            if policy == 'warn' and truth and not doctest_failed and \
                    'warning: prompt [' not in entry['message']:
                problems.append('%s: message should warn: %r' % (where, entry['message']))
            if policy == 'off' and 'prompt [' in entry['message']:
                problems.append('%s: message mentions prompts: %r' % (where, entry['message']))
        if truth and not doctest_failed:
            first_kind, first_line = truth[0]
            message = verdicts['fail'][path.name]['message']
            if not message.startswith('%s:%d: prompt [%s]' % (path, first_line, first_kind)):
                problems.append('%s: message should name the first finding: %r' % (
                    path.name, message))
    missing = {'continuation-after-complete', 'unclosed-block', 'prompt-in-open-block'} - kinds_seen
    if missing:
        problems.append('finding kinds never exercised: %s' % ', '.join(sorted(missing)))
    for problem in problems:
        print(problem)
    print('%d files, 3 policies: %d problems' % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
