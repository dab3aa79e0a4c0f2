"""Placeholders in console transcripts: addresses and the opt-in ELLIPSIS.

    python3 placeholders_test.py REPLAY RECORDER

Records, with the stdlib console, sessions whose output varies from run to
run (object addresses, random numbers, ids), then checks that:
- without --ellipsis, a recording whose addresses are all changed to other
  hex values passes; the same with a real change in an address line fails at
  that line; and `--update` on it, broken in a line beside an address, keeps
  the file's own addresses and restores the stdlib's line;
- a transcript that differs only in object addresses passes as recorded;
- with values replaced by "..." it fails without --ellipsis and passes with it;
- after an output line is broken, `--ellipsis --update` restores the stdlib's
  line and keeps every "..." placeholder that still matches, and the file
  then passes.
"""
import difflib
import itertools
import pathlib
import re
import sys
import tempfile

import testlib

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

# Only object addresses vary between a recording of this and a new run.
ADDRESSES = '''class Thing: pass

Thing()
print(object(), "and", Thing())
[object(), Thing]
print(object()); print("fixed")
print("done")
'''

ADDRESS = re.compile(r' at 0x[0-9a-f]+')


def replay_run(replay, *args):
    """`replay run --color never ARGS`, its output as text; errors go to ours."""
    return testlib.run(replay, 'run', '--color', 'never', *args, text=True, stderr=None)


def check_addresses(replay, recorder, tmp):
    """The failures of the address cases, all run without --ellipsis."""
    failures = []
    recorded = testlib.record_session(recorder, ADDRESSES).decode()
    if len(ADDRESS.findall(recorded)) != 5:
        return [f'the recording does not show 5 object addresses:\n{recorded}']
    # Other values, of other lengths than the recorded ones and each other.
    number = itertools.count(1)
    text = ADDRESS.sub(lambda _: f' at 0x{0xdeadbeef * next(number):x}', recorded)
    lines = text.split('\n')

    moved = tmp / 'moved_addresses.pycon'
    moved.write_text(text)
    result = replay_run(replay, moved)
    if result.returncode != 0:
        failures.append('changed addresses did not match without --ellipsis:\n'
                        + result.stdout)

    changed = tmp / 'changed_beside_addresses.pycon'
    index = next(i for i, l in enumerate(lines) if '> and <' in l)
    changed_lines = list(lines)
    changed_lines[index] = lines[index].replace('Thing object', 'Thang object')
    if changed_lines[index] == lines[index]:
        failures.append(f'no "Thing object" to change in {lines[index]!r}')
    changed.write_text('\n'.join(changed_lines))
    result = replay_run(replay, changed)
    if result.returncode != 1 or f'FAIL {changed}:{index + 1}:' not in result.stdout:
        failures.append(f'a real change beside addresses did not fail at line {index + 1}:\n'
                        + result.stdout)

    broken = tmp / 'broken_beside_address.pycon'
    index = lines.index('fixed')
    if not ADDRESS.search(lines[index - 1]):
        failures.append(f'no address beside "fixed": {lines[index - 1]!r}')
    broken_lines = list(lines)
    broken_lines[index] = 'fixed, or not'
    broken.write_text('\n'.join(broken_lines))
    result = replay_run(replay, '--update', broken)
    if result.returncode != 1 or f'UPDATED {broken}' not in result.stdout:
        failures.append('the transcript broken beside an address was not reported failed '
                        'and updated:\n' + result.stdout)
    updated = broken.read_text()
    if updated != text:
        failures.append('--update did not keep the addresses and restore "fixed":\n'
                        + ''.join(difflib.unified_diff(text.splitlines(True),
                                                       updated.splitlines(True),
                                                       'expected', 'updated')))
    if replay_run(replay, broken).returncode != 0:
        failures.append('the updated transcript does not pass without --ellipsis')
    return failures


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        failures += check_addresses(replay, recorder, tmp)
        recorded = testlib.record_session(recorder, SESSION).decode()
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
        if replay_run(replay, addresses).returncode == 0:
            failures.append('random values matched without --ellipsis')
        if replay_run(replay, '--ellipsis', addresses).returncode != 0:
            failures.append('addresses or ... placeholders did not match:\n'
                            + replay_run(replay, '--ellipsis', addresses).stdout)

        broken = tmp / 'broken.pycon'
        index = wild.index('fixed')
        broken_lines = list(wild)
        broken_lines[index] = 'fixed, or not'
        broken.write_text('\n'.join(broken_lines))
        result = replay_run(replay, '--ellipsis', '--update', broken)
        if result.returncode != 1 or f'UPDATED {broken}' not in result.stdout:
            failures.append('the broken transcript was not reported failed and updated:\n'
                            + result.stdout)
        updated = broken.read_text().split('\n')
        if updated[index] != 'fixed':
            failures.append(f'--update wrote {updated[index]!r} where the stdlib shows "fixed"')
        kept = [l for l in updated if l.endswith('...')]
        if len(kept) != 4:
            failures.append(f'--update kept {len(kept)} of 4 placeholders: {kept}')
        if replay_run(replay, '--ellipsis', broken).returncode != 0:
            failures.append('the updated transcript does not pass')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
