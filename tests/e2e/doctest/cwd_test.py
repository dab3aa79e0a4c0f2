"""Doctest mode imports from the current directory as `python -m doctest`
and `python -m pytest` do.

    python3 cwd_test.py REPLAY

In a project holding `mymod.py`, each documentation file and module below
(one at the top, one in a subdirectory, a package's module) imports `mymod`
and checks where it came from and what `sys.path[0]` is. Run from the
project's directory, each file's verdict (passed or failed) by `replay run
--prompts off FILE` must be that of this Python's `python -m doctest FILE`
and of Debian's `python3 -m pytest` (python3-pytest, ci/setup), with and
without PYTHONSAFEPATH=1 (which keeps the current directory off sys.path);
where pytest differs from python -m doctest (PYTEST_DIFFERS), replay must
give python -m doctest's verdict.
"""
import os
import pathlib
import sys
import tempfile

import testlib

# The Python with Debian's pytest (ci/setup installs python3-pytest).
PYTEST_PYTHON = '/usr/bin/python3'

CHECKS = '''\
>>> import os, sys
>>> import mymod
>>> mymod.__file__ == os.path.join(os.getcwd(), 'mymod.py')
True
>>> sys.path[0] == os.getcwd()
True
'''

FILES = {
    'mymod.py': 'WHERE = "the working tree"\n',
    'README.txt': CHECKS,
    'docs/guide.rst': 'A guide.\n\n' + CHECKS,
    # A module beside no __init__.py runs as itself; its examples see the
    # current directory after its own.
    'tools/helper.py': '"""A helper.\n\n>>> import mymod\n>>> mymod.WHERE\n'
                       "'the working tree'\n\"\"\"\n",
    'pkg/__init__.py': '',
    'pkg/user.py': '"""Uses mymod.\n\n' + CHECKS.replace(
        '>>> sys.path[0] == os.getcwd()\nTrue\n', '') + '"""\n',
}

# Where pytest's verdict is not python -m doctest's, and why (replay's is
# python -m doctest's).
PYTEST_DIFFERS = {
    ('pkg/user.py', True): "pytest's prepend import mode leaves the package's root (here the "
                           "current directory) on sys.path; python -m doctest takes it off "
                           "after the import",
}

CHECKED = ['README.txt', 'docs/guide.rst', 'tools/helper.py', 'pkg/user.py']


def verdict(done):
    return {0: 'passed', 1: 'failed'}.get(done.returncode, 'status %d' % done.returncode)


def main():
    replay = pathlib.Path(sys.argv[1]).resolve()
    if testlib.run(PYTEST_PYTHON, '-m', 'pytest', '--version').returncode != 0:
        print('FAILED: no pytest for %s: install python3-pytest (ci/setup)' % PYTEST_PYTHON)
        return 1
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        project = pathlib.Path(tmp)
        for name, text in FILES.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text, encoding='utf-8')
        for safe in (False, True):
            env = dict(os.environ)
            env.pop('PYTHONSAFEPATH', None)
            if safe:
                env['PYTHONSAFEPATH'] = '1'
            for name in CHECKED:
                stdlib = verdict(testlib.run(sys.executable, '-m', 'doctest', name,
                                             cwd=project, env=env))
                pytest = verdict(testlib.run(
                    PYTEST_PYTHON, '-m', 'pytest', '-q', '-p', 'no:cacheprovider',
                    '--doctest-modules', '--doctest-glob=*.txt', '--doctest-glob=*.rst', name,
                    cwd=project, env=env))
                done = testlib.run(replay, 'run', '--color', 'never', '--prompts', 'off', name,
                                   cwd=project, env=env)
                checked += 1
                where = '%s%s' % (name, ' with PYTHONSAFEPATH=1' if safe else '')
                # PYTHONSAFEPATH is 3.11's: an older linked Python ignores it, as
                # replay embedding it does, while Debian's pytest (3.11) obeys it.
                safe_known = sys.version_info >= (3, 11) or not safe
                if stdlib != pytest and (name, safe) not in PYTEST_DIFFERS and safe_known:
                    failures.append('%s: python -m doctest %s, pytest %s: the references '
                                    'disagree' % (where, stdlib, pytest))
                if verdict(done) != stdlib:
                    failures.append('%s: python -m doctest %s, replay %s:\n%s' % (
                        where, stdlib, verdict(done), done.stdout.decode(errors='replace')))
                if not safe and stdlib != 'passed':
                    failures.append('%s: the reference should pass without PYTHONSAFEPATH'
                                    % where)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main())
