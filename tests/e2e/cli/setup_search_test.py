"""replay_setup.py is searched only up to the rootdir, and -v names it.

    python3 setup_search_test.py REPLAY

A replay_setup.py planted above the project (in /tmp or a shared parent)
used to run in every transcript below it. With the project's pyproject.toml
holding [tool.replay], a planted setup that raises is not run (the
transcript passes) and `-v` says `replay: setup file none`; the project's own
replay_setup.py runs and `-v` names it.
"""
import pathlib
import sys
import tempfile

import testlib


def main(replay):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'replay_setup.py').write_text("raise SystemExit('the planted setup ran')\n")
        project = tmp / 'project'
        (project / 'docs').mkdir(parents=True)
        (project / 'pyproject.toml').write_text('[tool.replay]\n')
        (project / 'docs' / 'a.pycon').write_text(">>> 'GREETING' in globals()\nFalse\n")
        done = testlib.sh(replay, '-v', 'run', 'docs/a.pycon', cwd=project)
        out = done.stdout.decode()
        if done.returncode != 0 or 'replay: setup file none\n' not in out:
            failures.append(f'a setup file above the rootdir: exit {done.returncode}, {out!r}')
        setup = project / 'replay_setup.py'
        setup.write_text("GREETING = 'hi'\n")
        (project / 'docs' / 'a.pycon').write_text(">>> GREETING\n'hi'\n")
        done = testlib.sh(replay, '-v', 'run', 'docs/a.pycon', cwd=project)
        out = done.stdout.decode()
        if done.returncode != 0 or f'replay: setup file {setup}\n' not in out:
            failures.append(f'the project\'s setup file: exit {done.returncode}, {out!r}')
    return testlib.finish(failures, 2)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
