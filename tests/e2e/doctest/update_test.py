"""--update in doctest mode restores broken expected output, and only that.

    python3 update_test.py REPLAY CORPUS

For each *.txt / *.rst / *.md file of CORPUS, stdlib doctest of this Python
(the one replay embeds) names the examples that pass: for markdown, run on
the file's examples computed here (lines outside console fences made empty).
Of those, the first whose expected output is literal (no `...`, no
<BLANKLINE>) gets its first expected line changed. `replay run --update
--prompts off` runs on the altered file and on an unaltered copy (the corpus
fails on purpose in places, and --update rewrites those examples in both):
afterwards the altered line must read as in the original, and the two files
must be byte-identical (prose, directives, fences, indentation and the other
examples handled alike); the altered file is reported updated, and an
unaltered copy that passes is not touched (bytes and mtime).
Files whose examples all pass have a second check: a wildcard line under
ELLIPSIS in a failing example is kept when it still matches.
"""
import doctest
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "support"))
import testlib  # noqa: E402

class Recorder(doctest.DocTestRunner):
    def __init__(self):
        super().__init__(verbose=False)
        self.passed = []

    def report_success(self, out, test, example, got):
        if got == example.want:  # literally, not through an option
            self.passed.append(example)


def passing_literal_example(path):
    text = path.read_text(encoding='utf-8')
    if path.suffix == '.md':
        text = testlib.markdown_to_doctest(text)
    try:
        test = doctest.DocTestParser().get_doctest(text, {'__name__': '__main__'},
                                                   path.stem, str(path), 0)
    except ValueError:
        return None
    runner = Recorder()
    runner.run(test, out=lambda s: None)
    for example in runner.passed:
        if example.want and '...' not in example.want and '<BLANKLINE>' not in example.want \
                and example.exc_msg is None:
            return example
    return None


def main(replay, corpus):
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        cases = []
        for source in sorted(pathlib.Path(corpus).iterdir()):
            if source.suffix not in ('.txt', '.rst', '.md') or b'\r' in source.read_bytes():
                continue
            example = passing_literal_example(source)
            if example is None:
                continue
            lines = source.read_bytes().split(b'\n')
            want_line = example.lineno + len(example.source.splitlines())
            # The file line of the first expected line (after any bare `...`).
            while not lines[want_line].strip() or lines[want_line].strip() == b'...':
                want_line += 1
            altered = list(lines)
            altered[want_line] += b' (changed)'
            target = tmp / source.name
            target.write_bytes(b'\n'.join(altered))
            control = tmp / ('control_' + source.name)
            shutil.copyfile(source, control)
            cases.append((source, target, control, want_line + 1))
        if len(cases) < 5:
            failures.append(f'only {len(cases)} corpus files have a literal passing example')
        report = tmp / 'report.json'
        controls = {c[2]: (c[2].read_bytes(), os.stat(c[2]).st_mtime_ns) for c in cases}
        subprocess.run([replay, 'run', '--mode', 'doctest', '--prompts', 'off', '--update',
                        '--report-json', str(report), *[str(p) for c in cases for p in c[1:3]]],
                       stdout=subprocess.DEVNULL, timeout=300)
        verdicts = {v['path']: v for v in json.loads(report.read_text())['transcripts']}
        for source, target, control, line in cases:
            checked += 1
            restored = target.read_bytes().split(b'\n')[line - 1]
            if restored != source.read_bytes().split(b'\n')[line - 1]:
                failures.append(f'{source.name}: line {line} reads {restored!r} after --update')
            elif target.read_bytes() != control.read_bytes():
                failures.append(f'{source.name}: after breaking line {line}, --update wrote\n'
                                + target.read_text(errors='replace'))
            elif not verdicts[str(target)]['updated']:
                failures.append(f'{source.name}: the report does not say it was updated')
            if (control.read_bytes(), os.stat(control).st_mtime_ns) != controls[control] \
                    and verdicts[str(control)]['status'] == 'passed':
                failures.append(f'{source.name}: a passing file was touched')

        # Wildcards that still match are kept: one example with two lines,
        # the first a wildcard that matches, the second wrong.
        wild = tmp / 'wild.txt'
        wild.write_text('>>> print("id", id(1) > 0); print("two")  # doctest: +ELLIPSIS\n'
                        'id ...\nthree\n')
        subprocess.run([replay, 'run', '--mode', 'doctest', '--update', str(wild)],
                       stdout=subprocess.DEVNULL, timeout=60)
        checked += 1
        if wild.read_text() != ('>>> print("id", id(1) > 0); print("two")  # doctest: +ELLIPSIS\n'
                                'id ...\ntwo\n'):
            failures.append(f'the wildcard line was not kept:\n{wild.read_text()}')
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
