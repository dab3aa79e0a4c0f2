"""Every bundled transcript, re-recorded by the stdlib console, is byte-equal.

    python3 rerecord_test.py RECORDER TRANSCRIPT_DIR

Runs with the Python that replay embeds; the recorder (tests/support/record_stdlib.py)
re-records each transcript's inputs with that Python's code.InteractiveConsole.
This keeps the suite honest: its expected text comes from the stdlib, never
from replay.
"""
import pathlib
import sys

import testlib



def main(recorder, directory):
    files = sorted(pathlib.Path(directory).rglob('*.pycon'))
    if not files:
        print(f'no transcripts under {directory}')
        return 1
    bad = []
    for path in files:
        if testlib.record(recorder, '--transcript', path) != path.read_bytes():
            bad.append(path)
            print(f'{path}: the stdlib console of Python {sys.version.split()[0]} '
                  f'records something else')
    print(f'{len(files) - len(bad)} passed, {len(bad)} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
