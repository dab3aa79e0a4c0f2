"""Every bundled transcript, re-recorded by the stdlib console, is byte-equal.

    python3 rerecord_test.py TRANSCRIPT_DIR RECORDED_DIR

Runs where the Python that replay embeds is the one the bundled suite was
recorded with. RECORDED_DIR holds each transcript's inputs re-recorded by the
reference console of that Python (record_corpus.py, the fixture
linked_corpus), same relative paths: every file must be byte-equal to the
bundled one. This keeps the suite honest: its expected text comes from the
stdlib, never from replay.
"""
import difflib
import pathlib
import sys


def main(directory, recorded):
    directory, recorded = pathlib.Path(directory), pathlib.Path(recorded)
    files = sorted(directory.rglob('*.pycon'))
    if not files:
        print(f'no transcripts under {directory}')
        return 1
    bad = []
    for path in files:
        again = recorded / path.relative_to(directory)
        if not again.is_file() or again.read_bytes() != path.read_bytes():
            bad.append(path)
            print(f'{path}: the stdlib console of Python {sys.version.split()[0]} '
                  f'records something else ({again}):')
            if again.is_file():
                sys.stdout.writelines(list(difflib.unified_diff(
                    path.read_text(encoding='utf-8', errors='replace').splitlines(True),
                    again.read_text(encoding='utf-8', errors='replace').splitlines(True),
                    'bundled', 'recorded'))[:40])
    print(f'{len(files) - len(bad)} passed, {len(bad)} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
