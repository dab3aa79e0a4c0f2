"""Altered transcripts fail, with a diff that points at the alteration.

    python3 negative_test.py REPLAY TRANSCRIPT_DIR

For bundled transcripts, makes altered copies — a `... ` prompt where the
console shows `>>> `, a `>>> ` where it shows `... `, a changed, a missing and
an extra output line, output lengthened just before a prompt on its line — and checks that `replay run` fails each one, that the
diff's removed (or added, for a missing line) lines include the altered line,
and that a hunk of the diff covers its line number. The unaltered copy must
pass, so a failure is the alteration's doing.

Then `replay run --update` on the same files must restore every altered copy
byte for byte to the bundled transcript (which the stdlib console recorded),
leave the unaltered copies byte- and mtime-identical, and make a second run
pass.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import testlib

HUNK = re.compile(r'^@@ -(\d+)(?:,(\d+))? ')


LONGER = 'longer output before a prompt on its line'


def lines_of(path):
    return path.read_text(encoding='utf-8').split('\n')[:-1]


def is_prompt(line):
    return line.startswith('>>> ') or line.startswith('... ') or line in ('>>>', '...')


def alterations(lines):
    """(name, index of the altered line, its new text).

    Lines are picked so that what the console shows there is certain from
    the text alone: a `>>> ` statement right after another one-line
    statement, a `... ` line right after a block header, an output line
    that holds no prompt-like text.
    """
    for i, line in enumerate(lines):
        if line.startswith('>>> ') and i > 0 and lines[i - 1].startswith('>>> ') \
                and not lines[i - 1].rstrip().endswith((':', '\\', '(', '[', '{', ',')):
            yield 'ps2 where the console shows ps1', i, '... ' + line[4:]
            break
    for i, line in enumerate(lines):
        if line.startswith('... ') and line.strip() != '...' and i > 0 \
                and lines[i - 1].startswith('>>> ') and lines[i - 1].rstrip().endswith(':'):
            yield 'ps1 where the console shows ps2', i, '>>> ' + line[4:]
            break
    for i, line in enumerate(lines):
        at = line.find('>>> ')
        if at > 0 and not is_prompt(line):
            # Output without a final newline, then the prompt and an input:
            # what the console writes is a strict prefix of the altered text,
            # and the input on that line must still be entered.
            yield LONGER, i, line[:at] + 'X' + line[at:]
            break
    for i, line in enumerate(lines):
        if not is_prompt(line) and line.strip() and '>>>' not in line and '...' not in line:
            yield 'changed output line', i, line + ' (changed)'
            yield 'missing output line', i, None
            yield 'extra output line', i, 'an extra line'
            break


def has_standard_prompts(text):
    """Sessions that set their own prompts, or print prompt-like text, are
    left out: which of their lines are input depends on the session."""
    return 'sys.ps1' not in text and 'sys.ps2' not in text and "'>>>" not in text \
        and "'..." not in text and "end=" not in text


def main(replay, directory):
    sources = sorted(pathlib.Path(directory).rglob('*.pycon'))
    checked = failed = 0
    if not sources:
        print(f'no transcripts under {directory}')
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cases = []
        for source in sources:
            if not has_standard_prompts(source.read_text(encoding='utf-8')):
                continue
            original = lines_of(source)
            for n, (name, index, text) in enumerate(alterations(original)):
                altered = list(original)
                if name == 'missing output line':
                    del altered[index]
                    marker, expected_line = '+', original[index]
                elif name == 'extra output line':
                    altered.insert(index, text)
                    marker, expected_line = '-', text
                else:
                    altered[index] = text
                    marker, expected_line = '-', text
                path = pathlib.Path(tmp) / f'{source.stem}-{n}.pycon'
                path.write_text('\n'.join(altered) + '\n', encoding='utf-8')
                cases.append((path, source, name, index + 1, marker, expected_line))
            control = pathlib.Path(tmp) / f'{source.stem}-control.pycon'
            control.write_bytes(source.read_bytes())
            cases.append((control, source, 'unaltered', 0, None, None))
        _, report = testlib.run_report(replay, '--color', 'never', *[case[0] for case in cases],
                                       stdout=subprocess.DEVNULL, stderr=None, timeout=600)
        verdicts = testlib.by_path(report)
        for path, source, name, line, marker, expected_line in cases:
            verdict = verdicts[str(path)]
            checked += 1
            problem = None
            if marker is None:
                if verdict['status'] != 'passed':
                    problem = 'the unaltered copy does not pass'
            elif verdict['status'] != 'failed':
                problem = f'status is {verdict["status"]}, not failed'
            else:
                diff = verdict['diff'].split('\n')
                if marker + expected_line not in diff:
                    problem = f'the diff has no line {marker!r}{expected_line!r}'
                if name == LONGER and '+' + lines_of(source)[line - 1] not in diff:
                    problem = 'the input on the altered line was not entered'
                covered = False
                for hunk in diff:
                    m = HUNK.match(hunk)
                    if m:
                        start, length = int(m.group(1)), int(m.group(2) or 1)
                        covered |= start <= line <= start + max(length, 1)
                if not covered:
                    problem = (problem or '') + f' no hunk covers line {line}'
            if problem:
                failed += 1
                print(f'{source} ({name}, line {line}): {problem}')
                print(verdict['diff'])
        # --update restores what the stdlib recorded and touches nothing else.
        controls = {case[0]: os.stat(case[0]).st_mtime_ns for case in cases if case[4] is None}
        update = testlib.run(replay, 'run', '--update', '--color', 'never',
                             *[case[0] for case in cases], text=True, stderr=None, timeout=600)
        for path, source, name, line, marker, _ in cases:
            checked += 1
            if path.read_bytes() != source.read_bytes():
                failed += 1
                print(f'{source} ({name}): --update did not restore the recorded transcript')
            elif marker is None and os.stat(path).st_mtime_ns != controls[path]:
                failed += 1
                print(f'{source}: --update touched a passing file')
            elif marker is not None and f'UPDATED {path}' not in update.stdout:
                failed += 1
                print(f'{source} ({name}): --update did not report the file as updated')
        again = testlib.run(replay, 'run', *[case[0] for case in cases],
                            stdout=subprocess.DEVNULL, stderr=None, timeout=600)
        checked += 1
        if again.returncode != 0:
            failed += 1
            print('a run after --update does not pass')
    print(f'{checked - failed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
