"""Console-mode failures name the likely cause of known authoring mistakes.

    python3 authoring_mistakes_test.py REPLAY RECORDER

Each transcript is one the stdlib console (RECORDER) shows for its inputs,
with one mistake an author makes when writing it by hand; replay must fail
it at the line of the mistake and name it, and make invisible differences
visible in the diff. The stdlib recording itself must pass.
"""
import pathlib
import sys
import tempfile

import testlib

INPUTS = 'for i in range(2):\n    print(i)\n\nprint("a")\n'


def mistakes(good):
    """(name, text, line, what the message must say) for each mistake."""
    lines = good.split('\n')
    unclosed = '\n'.join(line for line in lines if line != '... ')
    return [
        ('banner', 'Python 3.x (main)\nType "help", "copyright", "credits" or "license" for '
                   'more information.\n' + good, 1, 'pasted banner or shell line'),
        ('shell', '$ python3\n' + good, 1, '(`$ python3`)'),
        ('no_space', good.replace('>>> print("a")', '>>>print("a")'),
         lines.index('>>> print("a")') + 1, '`>>>` without a space'),
        ('unclosed', unclosed, unclosed.split('\n').index('0') + 1, 'block before this line is still open'),
        ('blank', good.replace('\n... \n', '\n\n'), lines.index('... ') + 1,
         'an empty line where the console shows a prompt'),
        ('trailing', good.replace('\na\n', '\na \n'), lines.index('a') + 1,
         'differs only in trailing whitespace'),
        ('stray_cr', good.replace('\na\n', '\na\r\n'), lines.index('a') + 1,
         'differs only in trailing whitespace or a carriage return'),
    ]


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'in.txt').write_text(INPUTS, encoding='utf-8')
        good = testlib.record(recorder, tmp / 'in.txt').decode('utf-8')
        (tmp / 'good.pycon').write_bytes(good.encode('utf-8'))
        cases = mistakes(good)
        for name, text, _, _ in cases:
            (tmp / (name + '.pycon')).write_bytes(text.encode('utf-8'))
        done = testlib.run(replay, 'run', '--color', 'never', tmp)
        out = done.stdout.decode('utf-8', 'replace')
        if f'FAIL {tmp}/good.pycon' in out:
            failures.append('the stdlib recording fails:\n' + out)
        for name, _, line, says in cases:
            head = f'FAIL {tmp}/{name}.pycon:{line}: the console shows something else'
            found = [l for l in out.splitlines() if l.startswith(head)]
            if not found or '(likely: ' not in found[0] or says not in found[0]:
                failures.append(f'{name}: no "{says}" at line {line} in:\n{out}')
        if '-a·\n' not in out or '-a\\r\n' not in out:
            failures.append('trailing space and CR should show as · and \\r:\n' + out)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
