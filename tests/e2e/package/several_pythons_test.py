"""One install serves several Pythons: -DREPLAY_PYTHONS, chosen by --python or a venv.

    python3 several_pythons_test.py SOURCE_DIR WORK_DIR RECORDER CORPUS

Configures SOURCE_DIR in WORK_DIR with -DREPLAY_PYTHONS naming this Python
and pyenv's latest 3.13, or 3.12 for 3.13 (the test fails if it is missing),
builds and installs it into a temporary prefix. Then, for each Python:

- the bundled suite (CORPUS), its inputs re-recorded by that Python's
  stdlib console (RECORDER) (for this Python, the bundled files as they
  are), passes under the installed `replay`, chosen by `--python NAME`,
  by `--python VENV` and by an activated venv (VIRTUAL_ENV) of that
  Python, with `-v` naming that Python;
- `python3.X -m replay run` passes it, the installed package directory
  on PYTHONPATH;
- a deliberately altered transcript fails (exit 1) under each.

A Python of another minor version (pyenv's 3.10, if any) is refused with
exit status 2, and the message lists the versions available.
"""
import os
import pathlib
import sys
import tempfile

import testlib


def build_and_install(source, work, pythons, prefix):
    configure = testlib.bare('cmake', '-S', source, '-B', work, '-G', 'Ninja',
                             '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_TESTING=OFF',
                             '-DCMAKE_UNITY_BUILD=ON',  # a third less CPU time
                             f'-DPython3_EXECUTABLE={pythons[0]}',
                             '-DREPLAY_PYTHONS=' + ';'.join(pythons),
                             f'-DCMAKE_INSTALL_PREFIX={prefix}')
    for step in (configure,
                 testlib.bare('cmake', '--build', work, '--parallel', str(os.cpu_count())),
                 testlib.bare('cmake', '--install', work, '--prefix', prefix)):
        if step.returncode != 0:
            sys.exit(f'{step.args}: exit {step.returncode}\n{step.stdout[-4000:]}')


def check_python(prefix, python, suite, failures):
    minor = '.'.join(testlib.bare(python, '-c', 'import sys; print(*sys.version_info[:2])')
                     .stdout.split())
    venv = suite.parent / f'venv-{minor}'
    testlib.bare(python, '-m', 'venv', '--without-pip', venv)
    replay = prefix / 'bin' / 'replay'
    good = [str(p) for p in sorted(suite.rglob('*.pycon')) if p.name != 'zz_altered.pycon']
    bad = str(suite / 'zz_altered.pycon')
    path_env = {'PATH': os.environ['PATH']}
    module_env = {**path_env, 'PYTHONPATH': str(prefix / 'lib/python3/dist-packages')}
    forms = {f'--python {python}': ([replay, '--python', python], path_env),
             f'--python {venv}': ([replay, '--python', venv], path_env),
             f'VIRTUAL_ENV={venv}': ([replay], {**path_env, 'VIRTUAL_ENV': str(venv)}),
             f'{python} -m replay': ([python, '-m', 'replay'], module_env)}
    for name, (command, env) in forms.items():
        result = testlib.bare(*command, '-v', 'run', *good, env=env)
        if result.returncode != 0 or f'Python {minor}.' not in result.stdout.splitlines()[0]:
            failures.append(f'{name}: exit {result.returncode}\n{result.stdout[-3000:]}')
        if testlib.bare(*command, 'run', bad, env=env).returncode != 1:
            failures.append(f'{name}: the altered transcript did not fail')
    return minor


def main():
    source, work, recorder, corpus = map(pathlib.Path, sys.argv[1:5])
    pythons = testlib.tested_pythons()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        prefix = tmp / 'prefix'
        build_and_install(source, work, pythons, prefix)
        for n, python in enumerate(pythons):
            # This Python's suite: the bundled files as they are.
            suite = testlib.suite_for(python, recorder, corpus, tmp / f'suite-{n}',
                                      rerecord=n > 0)
            minor = check_python(prefix, python, suite, failures)
            print(f'Python {minor}: {len(list(suite.rglob("*.pycon"))) - 1} transcripts pass')
        other = testlib.pyenv_python('3.10')
        if other:
            result = testlib.bare(prefix / 'bin' / 'replay', '--python', other, 'run',
                                  tmp / 'suite-0')
            minors = ', '.join(sorted(testlib.bare(p, '-c', 'import sys; print("%d.%d" % '
                                                   'sys.version_info[:2])').stdout.strip()
                                      for p in pythons))
            if result.returncode != 2 or f'versions available: {minors}' not in result.stdout:
                failures.append(f'--python {other}: exit {result.returncode}: {result.stdout}')
    sys.exit(testlib.finish(failures))


if __name__ == '__main__':
    main()
