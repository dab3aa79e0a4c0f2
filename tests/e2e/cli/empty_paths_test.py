"""Every path given checks something, or the run says so and does not pass.

    python3 empty_paths_test.py REPLAY RECORDER

In a project with doctest pages in docs/ and console transcripts (recorded
by the stdlib console, RECORDER) in transcripts/, each command line of
CASES must end with its exit status, and a run with status 5 must name the
directory that gave no file and the option that selects its files (stated
in docs/command-line.md, "Exit status"). The files of the other paths still
run and are reported.
"""
import pathlib
import sys
import tempfile

import testlib

# (arguments, exit status, what standard error names)
CASES = [
    (['docs/', 'transcripts/'], 5, ['no file selected in docs/', '--mode doctest would check 2 '
                                    'files of it']),
    (['README.md', 'docs/'], 5, ['no file selected in docs/', '--mode doctest']),
    (['--mode', 'doctest', 'docs/', 'transcripts/'], 5,
     ['no file selected in transcripts/', '--mode console would check 1 file of it']),
    (['--mode', 'doctest', 'docs/'], 0, []),
    (['README.md', 'transcripts/'], 0, []),
    (['transcripts/', 'empty/'], 5, ['no file selected in empty/: it holds no *.pycon file']),
    (['empty/'], 5, ['no file selected: the directories given hold no *.pycon file']),
]

PYPROJECT = '[tool.replay.modes]\n"docs/*" = "doctest"\n'


def main():
    replay, recorder = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name in ('docs', 'transcripts', 'empty'):
            (root / name).mkdir()
        for name in ('docs/guide.md', 'README.md'):
            (root / name).write_text('Text.\n\n```pycon\n>>> 6 * 7\n42\n```\n', encoding='utf-8')
        (root / 'docs' / 'tutorial.rst').write_text('Text::\n\n    >>> 6 * 7\n    42\n',
                                                   encoding='utf-8')
        (root / 'transcripts' / 'a.pycon').write_bytes(
            testlib.record_session(recorder, '6 * 7\n'))

        def check(args, status, named):
            done = testlib.run(replay, 'run', '--color', 'never', *args, cwd=root)
            stderr = done.stderr.decode(errors='replace')
            missing = [text for text in named if text not in stderr]
            if done.returncode != status or missing:
                failures.append('replay run %s: status %d (want %d), missing %r in:\n%s%s' % (
                    ' '.join(args), done.returncode, status, missing,
                    done.stdout.decode(errors='replace'), stderr))
            # The files found still ran and were reported.
            if status == 5 and args != ['empty/'] and b'1 passed' not in done.stdout \
                    and b'2 passed' not in done.stdout:
                failures.append('replay run %s: the other files did not run:\n%s' % (
                    ' '.join(args), done.stdout.decode(errors='replace')))

        for args, status, named in CASES:
            checked += 1
            check(args, status, named)
        # A glob of [tool.replay.modes] gives docs/ its mode: both paths check files.
        (root / 'pyproject.toml').write_text(PYPROJECT, encoding='utf-8')
        checked += 1
        check(['docs/', 'transcripts/'], 0, [])
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main())
