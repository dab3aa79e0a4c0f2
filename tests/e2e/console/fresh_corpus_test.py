"""Transcripts replay has never seen, recorded by the stdlib console, pass.

    python3 fresh_corpus_test.py record RECORDER OUTPUT_DIR
    python3 fresh_corpus_test.py check REPLAY DIRECTORY...

Runs with the Python that replay embeds. `record` (a ctest fixture) writes
sessions generated from random combinations of snippets (seeded, so a
failure can be reproduced), each recorded by the reference console of this
Python. `check` runs `replay run` on them and on the bundled transcripts'
inputs recorded the same way (record_corpus.py): every transcript must pass,
and the report must be the same with -j 1 and -j 5. This is the test that
holds on every Python version, whatever the bundled corpus was recorded
with; the binary and `python -m replay` share the recordings.
"""
import pathlib
import random
import shutil
import subprocess
import sys

import testlib

SNIPPETS = [
    ['x = 1'], ['x'], ['x + 1'], ['print("hi")'], ['None'], ['_'],
    ['1/0'], ['undefined_name'], ['[1, 2,', ' 3]'], ['(1 +', ' 2)'],
    ['def f(a):', '    return a * 2', ''], ['f(3)'], ['f('],
    ['if x:', '    print("yes")', 'else:', '    print("no")', ''],
    ['for i in range(3):', '    print(i, end=" ")', ''],
    ['class C:', '    def m(self):', '        return 42', ''], ['C().m()'],
    ['try:', '    1/0', 'except ZeroDivisionError as e:', '    print(repr(e))', ''],
    ['raise ValueError("bad")'], ['raise KeyError("k") from None'],
    ['x = (', ''], ['"""a', 'b"""'], ['1 +'], ['def'], ['  1'], ['else:'],
    ['import sys'], ['sys.stdout.write("w\\n")'], ['print("e", file=__import__("sys").stderr)'],
    ['(lambda: 0)()'], ['[i * i for i in range(5)]'], ['{"a": 1}'], ['"é" * 3'],
    ['while False:', '    pass', ''], ['with open("/dev/null") as fh:', '    fh.read()', ''],
    ['assert x == 2, "x is not 2"'], ['del x'], ['x = 5; x += 1; x'],
    ['@staticmethod', 'def g():', '    pass', ''], ['import warnings'],
    ['__import__("warnings").warn("careful")'], ['len'], ['"a" "b"'],
    ['def h():', '    yield 1', '', ''], ['list(h())'], [''], ['# a comment'],
    ['x = \\', '  3'], ['print(x)'], ['try:', '    pass', 'finally:', '    print("f")', ''],
]



def record(recorder, output, generated=120, seed=20261126):
    """Writes OUTPUT/session_NNN.pycon: `generated` sessions of random
    snippets (seeded, so a failure can be reproduced), each as the
    reference console of this Python records it."""
    rng = random.Random(seed)
    output = pathlib.Path(output)
    shutil.rmtree(output, ignore_errors=True)
    (output / 'inputs').mkdir(parents=True)
    inputs = []
    for n in range(generated):
        lines = [line for _ in range(rng.randint(2, 8)) for line in rng.choice(SNIPPETS)]
        inputs.append(output / 'inputs' / f'session_{n:03}.txt')
        inputs[-1].write_text('\n'.join(lines) + '\n', encoding='utf-8')
    for path, recorded in zip(inputs, testlib.record_all(recorder, [(p,) for p in inputs])):
        (output / (path.stem + '.pycon')).write_bytes(recorded)
    print(f'{generated} sessions recorded by Python {sys.version.split()[0]} into {output}')
    return 0


def check(replay, *directories):
    """`replay run` on DIRECTORIES passes every transcript, with the same
    report whatever the number of jobs."""
    count = sum(1 for d in directories for _ in pathlib.Path(d).rglob('*.pycon'))
    run, report = testlib.run_report(replay, '--color', 'never', *directories,
                                     stderr=subprocess.STDOUT, text=True, timeout=600)
    summary = report['summary'] if report else None
    if not count or run.returncode != 0 or summary['passed'] != count \
            or summary['total'] != count:
        print(run.stdout)
        print(f'expected {count} transcripts to pass; summary: {summary}')
        return 1
    # The same verdicts, in the same order, whatever the number of jobs.
    def verdicts(jobs):
        _, report = testlib.run_report(replay, '-j', jobs, *directories,
                                       stdout=subprocess.DEVNULL, stderr=None, timeout=600)
        return [(v['path'], v['status'], v['examples'], v['diff'])
                for v in report['transcripts']]
    if verdicts(1) != verdicts(5):
        print('the report differs between -j 1 and -j 5')
        return 1
    print(f'{count} passed, 0 failed')
    return 0


if __name__ == '__main__':
    sys.exit({'record': record, 'check': check}[sys.argv[1]](*sys.argv[2:]))
