"""Records the bundled suite's inputs with the stdlib console of this Python.

    python3 record_corpus.py RECORDER TRANSCRIPT_DIR OUTPUT_DIR

The bundled transcripts (transcripts/) are recorded with the default
embedded Python; their text differs on other versions (error messages,
tracebacks). This writes, for the Python that runs it (the one replay
embeds), the same sessions as its own stdlib console shows them: each
transcript's inputs re-recorded by tests/support/record_stdlib.py
--transcript into OUTPUT_DIR (emptied first), same relative paths. The
version-bound tests then run on that directory, on every version.
"""
import pathlib
import shutil
import sys

import testlib


def main(recorder, source, output):
    source, output = pathlib.Path(source), pathlib.Path(output)
    files = sorted(source.rglob('*.pycon'))
    shutil.rmtree(output, ignore_errors=True)
    empty = []
    recordings = testlib.record_all(recorder, [('--transcript', path) for path in files])
    for path, recorded in zip(files, recordings):
        target = output / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(recorded)
        if b'>>> ' not in recorded:
            empty.append(path)
    for path in empty:
        print(f'{path}: the stdlib console recorded no prompt')
    print(f'{len(files)} transcripts recorded by Python {sys.version.split()[0]} into {output}')
    return 1 if empty or not files else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
