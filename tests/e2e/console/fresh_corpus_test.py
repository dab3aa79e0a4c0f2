"""Transcripts replay has never seen, recorded by the stdlib console, pass.

    python3 fresh_corpus_test.py REPLAY RECORDER TRANSCRIPT_DIR

Runs with the Python that replay embeds. Builds a corpus in a temporary
directory from (1) the inputs of every bundled transcript and (2) sessions
generated from random combinations of snippets (seeded, so a failure can be
reproduced), records each with the stdlib code.InteractiveConsole of this
Python, then runs `replay run` on it: every transcript must pass. This is the
test that holds on every Python version, whatever the bundled corpus was
recorded with. The report must also be the same with -j 1 and -j 5.
"""
import pathlib
import random
import subprocess
import sys
import tempfile

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



def main(replay, recorder, directory, generated=120, seed=20261126):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp)
        count = 0
        for path in sorted(pathlib.Path(directory).rglob('*.pycon')):
            target = out / 'bundled' / path.relative_to(directory)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(testlib.record(recorder, '--transcript', path))
            count += 1
        (out / 'generated').mkdir()
        for n in range(generated):
            lines = [line for _ in range(rng.randint(2, 8)) for line in rng.choice(SNIPPETS)]
            (out / 'generated' / f'session_{n:03}.pycon').write_bytes(
                testlib.record_session(recorder, '\n'.join(lines) + '\n'))
            count += 1
        run, report = testlib.run_report(replay, '--color', 'never', out / 'bundled',
                                         out / 'generated', stderr=subprocess.STDOUT, text=True,
                                         timeout=600)
        summary = report['summary']
        if run.returncode != 0 or summary['passed'] != count or summary['total'] != count:
            print(run.stdout)
            print(f'expected {count} transcripts to pass; summary: {summary}')
            return 1
        # The same verdicts, in the same order, whatever the number of jobs.
        def verdicts(jobs):
            _, report = testlib.run_report(replay, '-j', jobs, out / 'bundled', out / 'generated',
                                           stdout=subprocess.DEVNULL, stderr=None,
                                           timeout=600)
            return [(v['path'], v['status'], v['examples'], v['diff'])
                    for v in report['transcripts']]
        if verdicts(1) != verdicts(5):
            print('the report differs between -j 1 and -j 5')
            return 1
        print(f'{count} passed, 0 failed')
        return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
