"""Every bundled transcript, re-recorded by the stdlib console, is byte-equal.

    python3 rerecord_test.py RECORDER TRANSCRIPT_DIR

Runs with the Python that replay embeds; the recorder (tests/record_stdlib.py)
re-records each transcript's inputs with that Python's code.InteractiveConsole.
This keeps the suite honest: its expected text comes from the stdlib, never
from replay.
"""
import pathlib
import subprocess
import sys


def record(recorder, args):
    return subprocess.run([sys.executable, '-u', recorder, *args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60).stdout


def main(recorder, directory):
    files = sorted(pathlib.Path(directory).rglob('*.pycon'))
    if not files:
        print(f'no transcripts under {directory}')
        return 1
    bad = []
    for path in files:
        if record(recorder, ['--transcript', str(path)]) != path.read_bytes():
            bad.append(path)
            print(f'{path}: the stdlib console of Python {sys.version.split()[0]} '
                  f'records something else')
    print(f'{len(files) - len(bad)} passed, {len(bad)} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
