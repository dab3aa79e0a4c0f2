"""The recorders are the literal references they claim to be.

    python3 recorder_test.py RECORDER REPL_RECORDER

RECORDER (tests/support/record_stdlib.py) runs the reference command of
docs/transcript-format.md in a pseudo terminal. Checked here, with the Python
that runs this script:
- ordinary sessions: what the recorder records is what a plain run of the
  same command shows when fed the same lines by a pipe (`python3 -u -c
  "import code; code.interact(banner='', exitmsg='')"`, standard output and
  error one pipe), once the terminal's echo of each typed line is taken out
  and the pipe's final prompt and newline (its EOF) put back;
- what only a terminal shows: the stack bottom is the `-c` module
  (`<string>`), sys.argv is ['-c'];
- a session that never waits for input again is killed within the time
  limit (RECORD_TIMEOUT), the recorder exits 1 with what was shown;
- REPL_RECORDER (tests/support/record_repl.py, the `python3` REPL): a session
  ending inside an open block ends (no hang), and custom prompts, one
  spanning lines, are recorded as the REPL shows them.
"""
import sys
import time

import testlib

REFERENCE = "import code; code.interact(banner='', exitmsg='')"

# Ordinary sessions: prompts '>>> ' and '... ', no input read by user code.
ORDINARY = {
    'expressions': "1 + 1\nx = 'abc'\nx * 2\nNone\n",
    'block': "for i in range(3):\n    print(i)\n\nif True:\n    'inside'\n\n",
    'errors': "1/0\ndef f():\n    return g()\n\nf()\nx = (1,\n1 +* 2\n",
    'streams': "import sys\nprint('a', end='')\nsys.stderr.write('err\\n')\n"
               "print('>>> looks like a prompt')\nimport os; os.write(1, b'raw\\n')\n",
    'unicode': "'héllo wörld ✓'\nprint('\\u00e9\\N{SNOWMAN}')\n",
    'ends_in_block': "while False:\n    pass\n",
}


def without_echo(transcript, lines):
    """The transcript as a pipe shows it: each typed line and its newline,
    after its prompt, taken out."""
    out, pos = [], 0
    for line in lines:
        candidates = [transcript.find(p + line + '\n', pos) for p in ('>>> ', '... ')]
        at = min(c for c in candidates if c >= 0)
        out.append(transcript[pos:at + 4])
        pos = at + 4 + len(line) + 1
    return ''.join(out) + transcript[pos:]


def piped(inputs):
    return testlib.sh(sys.executable, '-u', '-c', REFERENCE, input=inputs.encode(),
                      stdin=None).stdout.decode()


def main(recorder, repl_recorder):
    failures = []
    for name, inputs in ORDINARY.items():
        recorded = testlib.record_session(recorder, inputs).decode()
        expected = piped(inputs)
        shown = without_echo(recorded, inputs.split('\n')[:-1])
        if not any(shown + prompt + '\n' == expected for prompt in ('>>> ', '... ')):
            failures.append(f'{name}: the recorder and a pipe disagree:\n'
                            f'--- recorded\n{recorded}--- piped\n{expected}')

    recorded = testlib.record_session(
        recorder, "import sys; f = sys._getframe()\nwhile f.f_back: f = f.f_back\n\n"
                  "f.f_code.co_filename, f.f_lineno, sys.argv\n").decode()
    if "('<string>', 1, ['-c'])" not in recorded:
        failures.append(f'the stack bottom or argv is not the -c command\'s:\n{recorded}')

    started = time.monotonic()
    hang = testlib.record_session(recorder, "print('before')\nwhile True: pass\n\nprint(2)\n",
                                  env=dict(testlib.os.environ, RECORD_TIMEOUT='3'))
    elapsed = time.monotonic() - started
    if b'before\n' not in hang or b'killed' not in hang or elapsed > 30:
        failures.append(f'a session that never waits again ({elapsed:.1f} s):\n{hang!r}')
    done = testlib.run(sys.executable, recorder, '/dev/null', timeout=60,
                       env=dict(testlib.os.environ, RECORD_TIMEOUT='3'))
    if done.returncode != 0 or done.stdout != b'':
        failures.append(f'an empty input: status {done.returncode}, {done.stdout!r}')

    repl_sessions = {
        'open_block_at_end': ("if True:\n    x = 1\n", ">>> if True:\n...     x = 1\n"),
        'custom_prompts': (
            "import sys; sys.ps1 = 'in> '; sys.ps2 = '..more '\nif 1:\n  3\n\n"
            "sys.ps1 = 'a\\nb> '\nprint('x', end='')\n",
            ">>> import sys; sys.ps1 = 'in> '; sys.ps2 = '..more '\nin> if 1:\n"
            "..more   3\n..more \n3\nin> sys.ps1 = 'a\\nb> '\na\nb> print('x', end='')\nx"),
    }
    for name, (inputs, expected) in repl_sessions.items():
        with testlib.tempfile.TemporaryDirectory() as tmp:
            path = testlib.pathlib.Path(tmp) / 'inputs.txt'
            path.write_text(inputs)
            done = testlib.run(sys.executable, repl_recorder, path, text=True, timeout=60)
        if done.returncode != 0 or done.stdout != expected:
            failures.append(f'REPL {name}: status {done.returncode}:\n{done.stdout!r}\n'
                            f'not\n{expected!r}\n{done.stderr}')
    return testlib.finish(failures, len(ORDINARY) + 3 + len(repl_sessions))


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
