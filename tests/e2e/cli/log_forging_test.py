"""Transcript output and file names cannot forge lines of a terminal or CI log.

    log_forging_test.py REPLAY

A transcript printing `\\r::error file=README.md,line=1::...` or
`::stop-commands::`, a file named with a newline and an annotation in it, and
output hiding text with `\\x1b[8m`: replay's human-readable output (and its
GitHub annotations) must hold no line that starts with `::` but replay's own
annotations, and no control character but newline and tab (and, with
--color always, replay's own colour sequences).
"""
import pathlib
import re
import sys
import tempfile

import testlib

OUTPUTS = [
    'x\\r::error file=README.md,line=1::forged',
    '\\r::stop-commands::token',
    '\\x1b[8m1 passed\\x1b[0m',
    'a\\x1b]0;title\\x07b\\x9b31m',
]

OWN_COLOUR = re.compile(rb'\x1b\[[0-9;]*m')


def main(replay):
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for i, text in enumerate(OUTPUTS):
            (root / f'out{i}.pycon').write_text(f'>>> print("{text}")\nexpected\n')
        (root / 'name\n::error file=x.py,line=1::forged.pycon').write_text('>>> 1\n2\n')
        (root / 'name\r\x1b[8mhidden.pycon').write_text('>>> 1\n2\n')
        for annotations in ('none', 'github'):
            for color in ('never', 'always'):
                done = testlib.run(replay, 'run', '--annotations', annotations, '--color', color,
                                   root, cwd=root)
                checked += 1
                if done.returncode != 1:
                    failures.append(f'{annotations}/{color}: exit {done.returncode}')
                for stream in (done.stdout, done.stderr):
                    shown = OWN_COLOUR.sub(b'', stream) if color == 'always' else stream
                    controls = set(re.findall(rb'[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]', shown))
                    if controls:
                        failures.append(f'{annotations}/{color}: control characters {controls} '
                                        f'reach the log: {stream[:300]!r}')
                    for line in stream.split(b'\n'):
                        plain = OWN_COLOUR.sub(b'', line)
                        if plain.startswith(b'::') and not plain.startswith(
                                (b'::error file=', b'::warning file=')):
                            failures.append(f'{annotations}/{color}: a forged log line {line!r}')
                        if b'forged' in plain and plain.startswith(b'::') and \
                                annotations == 'none':
                            failures.append(f'{annotations}/{color}: a forged annotation {line!r}')
    return testlib.finish(failures, checked=checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
