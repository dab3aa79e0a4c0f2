"""The Debian package: built by CPack, dependencies from dpkg-shlibdeps, and
the extracted replay passes the bundled suite, and so does `python -m
replay` with the package's Python directory (usr/lib/python3/dist-packages,
where Debian's python3 finds it) on PYTHONPATH; /usr/bin/replay-3.X names
replay.

    python3 deb_test.py BUILD_DIR CORPUS MODULE

MODULE: `module` if the build has the Python module (not in sanitizer
builds), which the package must then hold; `no-module` if not.
"""
import functools
import os
import pathlib
import sys
import tempfile

import testlib


# Builds, installs and packages take minutes.
sh = functools.partial(testlib.sh, timeout=300)


def check_module(package, corpus, failures):
    """`python -m replay` with the package's Python directory on PYTHONPATH."""
    result = sh(sys.executable, '-m', 'replay', 'run', '--color', 'never', corpus,
                env={'PYTHONPATH': str(package)})
    if result.returncode != 0:
        failures.append('python -m replay from the package failed the bundled suite:\n'
                        + result.stdout.decode()[-3000:])


def main(build_dir, corpus, module):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        made = sh('cpack', '-G', 'DEB', '-B', tmp / 'out', cwd=build_dir)
        debs = list((tmp / 'out').glob('replay_*.deb'))
        if made.returncode != 0 or len(debs) != 1:
            failures.append('cpack -G DEB failed:\n' + made.stdout.decode())
            return testlib.finish(failures)
        depends = sh('dpkg-deb', '-f', debs[0], 'Depends').stdout.decode()
        libpython = 'libpython%d.%d' % sys.version_info[:2]
        if 'libc6' not in depends or libpython not in depends:
            failures.append(f'Depends: {depends!r} lacks libc6 or {libpython}')
        sh('dpkg-deb', '-x', debs[0], tmp / 'root')
        replay = tmp / 'root/usr/bin/replay'
        result = sh(replay, 'run', '--color', 'never', corpus)
        if result.returncode != 0:
            failures.append('the extracted replay failed the bundled suite:\n'
                            + result.stdout.decode()[-3000:])
        if module == 'module':
            check_module(tmp / 'root/usr/lib/python3/dist-packages', corpus, failures)
        versioned = tmp / ('root/usr/bin/replay-%d.%d' % sys.version_info[:2])
        if not versioned.is_symlink() or os.readlink(versioned) != 'replay':
            failures.append(f'{versioned.name} is not a link to replay')
        if not (tmp / 'root/usr/lib/cmake/replay/replayConfig.cmake').is_file():
            failures.append('the package has no CMake package config')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
