"""The peers of doctest mode in bench/doctest_bench.py, and the probe of
whether a runner isolates files.

Each peer is Debian's package (ci/setup installs them), run by the bench's
clean venv python with /usr/lib/python3/dist-packages on PYTHONPATH and
PYTEST_DISABLE_PLUGIN_AUTOLOAD=1, so that a run loads the plugins it names
(-p) and not every pytest plugin the machine happens to hold:
  pytest        pytest --doctest-glob '*.txt' --doctest-glob '*.rst' (python3-pytest)
  pytest-xdist  the same with -n JOBS (python3-pytest-xdist)
  xdoctest      pytest -p xdoctest.plugin --xdoctest-glob ... (python3-xdoctest)
  Sybil         pytest -p doctest_sybil_plugin: Sybil's doctest parser (python3-sybil)
A peer whose modules do not import is reported as not run, with the reason.

The probe: PROBE_COPIES identical files, each checking that no file before it
left a mark, then leaving one, in two forms: a global of the file's namespace
(`probe_global`), and an attribute of the builtins module, which lives as
long as the interpreter (`probe_process`). A runner passes every copy of a
form only if no copy ran after another in the same namespace (or
interpreter); with 8 copies, pytest-xdist's 2 workers run several each.
"""
import os
import pathlib
import re
import subprocess

DEBIAN_PACKAGES = '/usr/lib/python3/dist-packages'
BENCH = str(pathlib.Path(__file__).resolve().parent)
PROBE_COPIES = 8
PROBES = {
    'probe_global': '''A file's globals start empty: no earlier file set this name.

>>> 'bench_probe_mark' in globals()
False
>>> bench_probe_mark = 1
''',
    'probe_process': '''The interpreter is fresh: no earlier file marked the builtins module.

>>> import builtins
>>> hasattr(builtins, 'bench_probe_mark')
False
>>> builtins.bench_probe_mark = 1
''',
}

# name: (modules the peer needs, pytest arguments before the directory)
PEERS = {
    'pytest': ((), ['--doctest-glob', '*.txt', '--doctest-glob', '*.rst']),
    'pytest-xdist': (('xdist',), ['-p', 'xdist.plugin', '-n', '{jobs}',
                                  '--doctest-glob', '*.txt', '--doctest-glob', '*.rst']),
    'xdoctest': (('xdoctest',), ['-p', 'no:doctest', '-p', 'xdoctest.plugin',
                                 '--xdoctest-glob', '*.txt', '--xdoctest-glob', '*.rst']),
    'Sybil': (('sybil',), ['-p', 'no:doctest', '-p', 'doctest_sybil_plugin']),
}


def environment():
    return dict(os.environ, PYTHONPATH=BENCH + os.pathsep + DEBIAN_PACKAGES,
                PYTEST_DISABLE_PLUGIN_AUTOLOAD='1')


def missing(python, name):
    """Why peer `name` cannot run under `python`, or None."""
    modules = ('pytest',) + PEERS[name][0]
    run = subprocess.run([python, '-c', 'import ' + ', '.join(modules)], capture_output=True,
                         text=True, env=environment())
    if run.returncode == 0:
        return None
    lines = run.stderr.strip().splitlines()
    return lines[-1] if lines else 'import %s failed' % ', '.join(modules)


def command(python, name, rootdir, directory, jobs):
    arguments = [a.format(jobs=jobs) for a in PEERS[name][1]]
    return [python, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--rootdir', str(rootdir)] \
        + arguments + [str(directory)]


SUMMARY = re.compile(r'(\d+) (passed|failed|skipped|errors?|warnings?|xfailed|xpassed)\b')


def outcome(run):
    """'N passed, M failed...' from pytest's last line, and the exit status."""
    lines = [line for line in run.stdout.decode('utf-8', 'replace').splitlines() if line.strip()]
    counts = SUMMARY.findall(lines[-1]) if lines else []
    text = ', '.join('%s %s' % count for count in counts) or 'no summary'
    return '%s (exit %d)' % (text, run.returncode)


def write_probes(directory):
    """The probe files, by form: {form: directory of its copies}."""
    forms = {}
    for form, text in PROBES.items():
        folder = directory / form
        folder.mkdir(parents=True)
        for n in range(PROBE_COPIES):
            (folder / ('%s_%d.txt' % (form, n))).write_text(text, encoding='utf-8')
        forms[form] = folder
    return forms
