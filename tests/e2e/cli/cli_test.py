"""The command line as docs/command-line.md states it.

    python3 cli_test.py REPLAY RECORDER

- `replay --version` names replay and this Python's full version (first line);
- exit status: 0 all passed, 1 a failure, 2 an unknown option, a missing
  path or missing arguments;
- `replay record` writes, for the same input lines, the bytes the stdlib
  console (tests/support/record_stdlib.py) writes, to stdout or to -o FILE;
- a transcript passes without its final newline and with prompt lines whose
  trailing space an editor stripped;
- usage errors say what to do: an option that does nothing in the chosen
  mode, `--timeout 0`, an unknown command (listing the commands, suggesting
  the one meant).
"""
import pathlib
import platform
import sys
import tempfile

import testlib

SESSION = '''x = 6 * 7
for i in range(2):
    print(i, x)

def f():
    return 1/0

f()
print("é", end="")
import sys; sys.stderr.write("to stderr\\n")
'''


def main(replay, recorder):
    failures = []
    version = testlib.run(replay, '--version').stdout.decode().splitlines()[0]
    if version != f'replay 0.1.0 (Python {platform.python_version()})':
        failures.append(f'--version says {version!r}')

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        source = tmp / 'session.txt'
        source.write_text(SESSION, encoding='utf-8')
        stdlib = testlib.record(recorder, source)
        ours = testlib.run(replay, 'record', source)
        if ours.returncode != 0 or ours.stdout != stdlib:
            failures.append(f'replay record wrote {ours.stdout!r}, the stdlib {stdlib!r}')
        if testlib.run(replay, 'record', '-o', tmp / 'out.pycon', source).returncode != 0 \
                or (tmp / 'out.pycon').read_bytes() != stdlib:
            failures.append('replay record -o FILE did not write what the stdlib shows')

        good = tmp / 'good.pycon'
        good.write_bytes(stdlib)
        # An editor's doing: no final newline, no trailing space after a prompt.
        lax = tmp / 'lax.pycon'
        lax.write_bytes(b'\n'.join(line.rstrip(b' ') if line in (b'... ', b'>>> ') else line
                                   for line in stdlib.split(b'\n')).rstrip(b'\n'))
        if b'\n...\n' not in lax.read_bytes():
            failures.append('the lax copy has no bare prompt line to check')
        bad = tmp / 'bad.pycon'
        bad.write_bytes(stdlib.replace(b'0 42', b'0 43'))
        for args, status in ((['run', good], 0), (['run', lax], 0), (['run', good, bad], 1),
                             (['run', '--bogus', good], 2), (['run', tmp / 'missing'], 2),
                             (['run'], 2), ([], 2)):
            got = testlib.run(replay, *args).returncode
            if got != status:
                failures.append(f'replay {" ".join(map(str, args))}: exit status {got}, '
                                f'expected {status}')
        for args, says in (
                (['run', '--mode', 'doctest', '--ellipsis', good], 'use --option ELLIPSIS'),
                (['run', '--mode', 'console', '--option', 'ELLIPSIS', good],
                 '--option sets doctest option flags'),
                (['run', '--mode', 'console', '--prompts', 'warn', good], '--prompts is for doctest'),
                (['run', '--timeout', '0', good], '--timeout: expected a number of seconds more than 0'),
                (['rn', good], "unknown command 'rn' (did you mean 'run'?); the commands are: "
                               "run record console"),
                (['frobnicate'], "unknown command 'frobnicate'; the commands are:")):
            done = testlib.run(replay, *args)
            if done.returncode != 2 or says not in done.stderr.decode():
                failures.append(f'replay {args}: {done.returncode} {done.stderr!r}')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
