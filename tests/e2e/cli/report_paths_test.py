"""A report never overwrites a file of the run.

    python3 report_paths_test.py REPLAY

`replay run --junit a.pycon b.pycon` (the report's name forgotten) used to
overwrite a.pycon with XML and exit 0. Refused before anything runs (exit 2,
the path and the reason named, every file byte for byte as it was, nothing
run): a report path that is a transcript of the run (as given, through a
symlink, through a hard link), the configuration file, the --setup file,
the --last-failed cache, the other report, or an existing file a mode claims
by its name (a.pycon, notes.md). A report of its own name is written as
before.
"""
import os
import pathlib
import sys
import tempfile

import testlib

TRANSCRIPT = ">>> open('ran', 'a').close()\n"
CONFIG = '[tool.replay]\ntimeout = 30\n'


def main(replay):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'pyproject.toml').write_text(CONFIG)
        for name in ('a.pycon', 'b.pycon'):
            (tmp / name).write_text(TRANSCRIPT)
        (tmp / 'setup.py').write_text('x = 1\n')
        (tmp / 'notes.md').write_text('Notes.\n')
        (tmp / 'link.xml').symlink_to('a.pycon')
        os.link(tmp / 'b.pycon', tmp / 'hard.json')
        (tmp / 'fail.pycon').write_text('>>> 1\n2\n')
        testlib.run(replay, 'run', 'fail.pycon', cwd=tmp)  # makes .replay_cache/lastfailed
        (tmp / 'ran').unlink(missing_ok=True)
        cases = [
            (['--junit', 'a.pycon', 'b.pycon'], 'a.pycon', 'a console file (by its name)'),
            (['--report-json', 'notes.md', 'a.pycon'], 'notes.md', 'a doctest file'),
            (['--report-json', 'b.pycon', 'a.pycon', 'b.pycon'], 'b.pycon', 'a file it runs'),
            (['--junit', 'link.xml', 'a.pycon'], 'link.xml', 'a file it runs (a.pycon)'),
            (['--junit', 'b.pycon', 'b.pycon'], 'b.pycon', 'a file it runs'),
            (['--report-json', 'hard.json', '.'], 'hard.json', 'a file it runs'),
            (['--junit', 'pyproject.toml', 'a.pycon'], 'pyproject.toml',
             'its configuration file'),
            (['--report-json', 'setup.py', '--setup', 'setup.py', 'a.pycon'], 'setup.py',
             'its setup file'),
            (['--junit', '.replay_cache/lastfailed', 'a.pycon'], '.replay_cache/lastfailed',
             'the --last-failed cache'),
            (['--junit', 'r.xml', '--report-json', 'r.xml', 'a.pycon'], 'r.xml',
             'the report of --report-json'),
        ]
        files = sorted(p for p in tmp.rglob('*') if p.is_file())
        before = {path: path.read_bytes() for path in files}
        for args, named, why in cases:
            result = testlib.sh(replay, 'run', *args, cwd=tmp)
            out = result.stdout.decode()
            if result.returncode != 2 or f'replay: {named}: ' not in out or why not in out:
                failures.append(f'{args}: exit {result.returncode}, {out[-500:]!r}')
            changed = [str(p) for p in files if p.read_bytes() != before[p]]
            if (changed or (tmp / 'ran').exists()) and result.returncode == 2:
                failures.append(f'{args}: files changed {changed} or a transcript ran')
            (tmp / 'ran').unlink(missing_ok=True)
            (tmp / 'r.xml').unlink(missing_ok=True)
        result = testlib.sh(replay, 'run', '--junit', 'own.xml', 'a.pycon', cwd=tmp)
        if result.returncode != 0 or b'<testsuite' not in (tmp / 'own.xml').read_bytes():
            failures.append(f'a report of its own name: exit {result.returncode}')
    return testlib.finish(failures, len(cases) + 1)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
