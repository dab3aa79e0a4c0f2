"""Placeholders in console transcripts: addresses and the opt-in ELLIPSIS.

    python3 placeholders_test.py REPLAY RECORDER

Records, with the stdlib console, sessions whose output varies from run to
run (object addresses, random numbers, ids), then checks that:
- a transcript that differs only in object addresses passes as recorded;
- with values replaced by "..." it fails without --ellipsis and passes with it;
- after an output line is broken, `--ellipsis --update` restores the stdlib's
  line and keeps every "..." placeholder that still matches, and the file
  then passes.
"""
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import testlib  # noqa: E402

SESSION = '''class Thing: pass

Thing()
object()
import random

print("roll", random.random())
for i in range(3):
    print(i, id(object()) > 0, random.random())

print("fixed")
def f():
    return 1/0

f()
'''



def run(replay, *args):
    return subprocess.run([replay, 'run', '--color', 'never', *map(str, args)],
                          stdout=subprocess.PIPE, text=True, timeout=120)


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'session.txt').write_text(SESSION)
        recorded = testlib.record(recorder, tmp / 'session.txt').decode()
        lines = recorded.split('\n')

        addresses = tmp / 'addresses.pycon'
        # Only addresses vary between these lines and a new run, once the
        # random values are wildcards; the recorded addresses stay as they are.
        wild = [('roll ...' if l.startswith('roll ') else
                 l.split(' ')[0] + ' True ...' if l[:2] in ('0 ', '1 ', '2 ') else l)
                for l in lines]
        addresses.write_text('\n'.join(wild))
        if 'at 0x' not in recorded:
            failures.append('the recording shows no object address')
        if run(replay, addresses).returncode == 0:
            failures.append('random values matched without --ellipsis')
        if run(replay, '--ellipsis', addresses).returncode != 0:
            failures.append('addresses or ... placeholders did not match:\n'
                            + run(replay, '--ellipsis', addresses).stdout)

        broken = tmp / 'broken.pycon'
        index = wild.index('fixed')
        broken_lines = list(wild)
        broken_lines[index] = 'fixed, or not'
        broken.write_text('\n'.join(broken_lines))
        result = run(replay, '--ellipsis', '--update', broken)
        if result.returncode != 1 or f'UPDATED {broken}' not in result.stdout:
            failures.append('the broken transcript was not reported failed and updated:\n'
                            + result.stdout)
        updated = broken.read_text().split('\n')
        if updated[index] != 'fixed':
            failures.append(f'--update wrote {updated[index]!r} where the stdlib shows "fixed"')
        kept = [l for l in updated if l.endswith('...')]
        if len(kept) != 4:
            failures.append(f'--update kept {len(kept)} of 4 placeholders: {kept}')
        if run(replay, '--ellipsis', broken).returncode != 0:
            failures.append('the updated transcript does not pass')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
