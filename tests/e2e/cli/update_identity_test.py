"""--update keeps what a file is, and leaves alone what it must not write.

    python3 update_identity_test.py REPLAY RECORDER

Every path is made here, in a temporary directory; identity is checked by
inode, owner, group, mode and link count (os.stat).
- A transcript with a second hard link: rewritten in place (same inode, both
  names show the new text, 2 links), `UPDATED file (in place: 2 hard links)`
  and `updated_in_place` in the JSON report.
- As root, a transcript owned by uid:gid 1000:1000, mode 0640: replaced
  atomically (a new inode) with the same owner, group and mode. Not root:
  skipped, said so.
- Not root (run as uid 1000 when the test is root), a transcript owned by
  another user in a directory anyone may write: rewritten in place, its
  owner kept.
- A read-only transcript (0444): `NOT UPDATED file: read-only (mode 0444)`,
  bytes and mode as they were, even as root.
- A transcript that deletes its own file: `NOT UPDATED file: deleted during
  the run`, and the file is not recreated.
- A transcript that replaces its own file by another with the same bytes:
  `NOT UPDATED file: replaced by another file during the run`, the other
  file left as it is.
- A transcript whose name is 255 bytes (NAME_MAX) is updated.
- A temporary that a killed replay left (`.replay-tmp-PID-XXXXXX`, PID no
  longer running) is removed by the next update in its directory; files of
  the user named almost so, and the temporary of a running process, stay.
Expected transcripts come from the stdlib recorder.
"""
import os
import pathlib
import stat
import subprocess
import sys
import tempfile

import testlib

ROOT = os.geteuid() == 0


def failing(recorder, path, source='print(1)\n'):
    """`path`: the stdlib console's transcript of `source`, its output
    line `1` turned into `2` (so it fails); returns the recorded bytes."""
    good = testlib.record_session(recorder, source)
    path.write_bytes(good.replace(b'\n1\n', b'\n2\n'))
    return good


def identity(path):
    info = os.stat(path)
    return {'inode': info.st_ino, 'owner': (info.st_uid, info.st_gid),
            'mode': oct(stat.S_IMODE(info.st_mode)), 'links': info.st_nlink}


def update(replay, *paths, **options):
    result, report = testlib.run_report(replay, '--update', *paths, **options)
    return result.stdout.decode(errors='replace'), testlib.by_path(report)


def check_hard_link(replay, recorder, tmp, failures):
    path = tmp / 'linked.pycon'
    good = failing(recorder, path)
    other = tmp / 'other_name.pycon'
    os.link(path, other)
    before = identity(path)
    out, verdicts = update(replay, path)
    if identity(path) != before or path.read_bytes() != good or other.read_bytes() != good:
        failures.append(f'hard link: {before} became {identity(path)}, '
                        f'{path.read_bytes()!r}, other name {other.read_bytes()!r}; {out}')
    if f'UPDATED {path} (in place: 2 hard links)' not in out or \
            verdicts.get(str(path), {}).get('updated_in_place') != 'in place: 2 hard links':
        failures.append(f'hard link: the in-place write is not reported: {out} {verdicts}')
    return 2


def check_owner(replay, recorder, tmp, failures):
    if not ROOT:
        print('SKIPPED: the owner of a file of another user (needs root to chown)')
        return 0
    path = tmp / 'owned.pycon'
    good = failing(recorder, path)
    os.chown(path, 1000, 1000)
    os.chmod(path, 0o640)
    before = identity(path)
    out, _ = update(replay, path)
    after = identity(path)
    if path.read_bytes() != good or (after['owner'], after['mode'], after['links']) != \
            (before['owner'], before['mode'], 1):
        failures.append(f'owner: {before} became {after}; {out}')

    # Not root: the owner cannot be given to a new file, so in place.
    shared = tmp / 'shared'
    shared.mkdir()
    os.chmod(shared, 0o777)
    theirs = shared / 'theirs.pycon'
    good = failing(recorder, theirs)
    os.chmod(theirs, 0o666)
    before = identity(theirs)
    try:
        result = testlib.run(replay, 'run', '--update', theirs, preexec_fn=lambda: (
            os.setgroups([]), os.setgid(1000), os.setuid(1000)))
    except OSError as error:  # e.g. the build tree is in a directory uid 1000 cannot enter
        print(f'SKIPPED: replay does not run as uid 1000 here: {error}')
        return 1
    out = result.stdout.decode(errors='replace')
    if result.returncode != 1 or 'FAIL' not in out:
        print(f'SKIPPED: replay does not run as uid 1000 here: {result.stderr[-300:]!r}')
        return 1
    if identity(theirs) != before or theirs.read_bytes() != good:
        failures.append(f'not root: {before} became {identity(theirs)}; {out}')
    if f'UPDATED {theirs} (in place: owner and group 0:0, which this user cannot give a new ' \
            'file)' not in out:
        failures.append(f'not root: the in-place write is not reported: {out}')
    return 2


def check_refusals(replay, recorder, tmp, failures):
    checked = 0
    readonly = tmp / 'readonly.pycon'
    failing(recorder, readonly)
    os.chmod(readonly, 0o444)
    before = (readonly.read_bytes(), identity(readonly))
    out, verdicts = update(replay, readonly)
    if (readonly.read_bytes(), identity(readonly)) != before or \
            f'NOT UPDATED {readonly}: read-only (mode 0444)' not in out:
        failures.append(f'read-only: {identity(readonly)}; {out}')
    checked += 1

    deleted = tmp / 'deleted.pycon'
    failing(recorder, deleted, f'import os; os.remove({str(deleted)!r}); print(1)\n')
    out, _ = update(replay, deleted)
    if deleted.exists() or f'NOT UPDATED {deleted}: deleted during the run' not in out:
        failures.append(f'deleted: exists {deleted.exists()}; {out}')
    checked += 1

    replaced = tmp / 'replaced.pycon'
    copy = tmp / 'replacement'
    failing(recorder, replaced,
            f'import os, shutil; shutil.copy({str(replaced)!r}, {str(copy)!r}); '
            f'os.replace({str(copy)!r}, {str(replaced)!r}); print(1)\n')
    before = replaced.read_bytes()
    out, _ = update(replay, replaced)
    if replaced.read_bytes() != before or \
            f'NOT UPDATED {replaced}: replaced by another file during the run' not in out:
        failures.append(f'replaced: {replaced.read_bytes()!r}; {out}')
    checked += 1
    return checked


def check_long_name(replay, recorder, tmp, failures):
    path = tmp / ('n' * (255 - len('.pycon')) + '.pycon')
    good = failing(recorder, path)
    out, _ = update(replay, path)
    if path.read_bytes() != good:
        failures.append(f'a name of 255 bytes was not updated: {out}')
    return 1


def check_stale_temporaries(replay, recorder, tmp, failures):
    where = tmp / 'stale'
    where.mkdir()
    ended = subprocess.Popen(['true'])
    ended.wait()
    stale = where / f'.replay-tmp-{ended.pid}-a1B2c3'
    stale.write_bytes(b'x' * 4096)
    kept = [where / f'.replay-tmp-{os.getpid()}-a1B2c3',   # a process that runs
            where / f'.replay-tmp-{ended.pid}-a1B2c3.bak',  # not a name of ours
            where / f'.replay-tmp-{ended.pid}-a1B2',
            where / f'replay-tmp-{ended.pid}-a1B2c3']
    for path in kept:
        path.write_bytes(b'mine\n')
    path = where / 't.pycon'
    good = failing(recorder, path)
    out, _ = update(replay, path)
    if stale.exists() or path.read_bytes() != good:
        failures.append(f'a stale temporary was not removed: {sorted(os.listdir(where))}; {out}')
    if [p for p in kept if not p.exists() or p.read_bytes() != b'mine\n']:
        failures.append(f'files that are not stale temporaries were touched: '
                        f'{sorted(os.listdir(where))}')
    return 2


def main(replay, recorder):
    failures = []
    replay = pathlib.Path(replay).resolve()
    recorder = pathlib.Path(recorder)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        os.chmod(tmp, 0o755)  # uid 1000 reaches tmp/shared
        checked = check_hard_link(replay, recorder, tmp, failures)
        checked += check_owner(replay, recorder, tmp, failures)
        checked += check_refusals(replay, recorder, tmp, failures)
        checked += check_long_name(replay, recorder, tmp, failures)
        checked += check_stale_temporaries(replay, recorder, tmp, failures)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
