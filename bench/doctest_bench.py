"""Benchmark doctest mode against stdlib doctest and pytest, measured in the same run.

    python3 bench/doctest_bench.py [--build build] [--files 300] [--rounds 3] [--base-python PY]

Every Python here is one clean venv (python -m venv --without-pip) of PY
(default: the Python replay embeds), made for the run: the baselines run its
bin/python, replay runs with --python VENV. pytest is Debian's python3-pytest
(ci/setup), run by the venv's python with /usr/lib/python3/dist-packages on
PYTHONPATH (a path there processes no .pth file).

Corpus: the *.txt and *.rst files of tests/e2e/doctest/corpus (every flag,
directive and exception form, failing examples and files doctest's parser
refuses) copied round-robin up to --files files. Measured in paired rounds,
the order rotating, CPU time (user+sys of the process tree) first and wall
time beside it, medians over the rounds:
  replay run --mode doctest --prompts off (default -j: one job per CPU);
  (a) `python -m doctest FILE`, one process per file, as many at a time as
      replay runs jobs;
  (b) one python process running doctest.testfile over every file
      (bench/doctest_in_one_process.py), no isolation;
  on the files that pass (doctest attempts examples and none fails), the same
      files for both: replay run --mode doctest --prompts off, and
      `pytest --doctest-glob '*.txt' --doctest-glob '*.rst'` (one process: it
      does not isolate files).
Checks that the verdicts are identical: for every file, replay's examples and
failures equal what (b) reports as attempted and failed, a file (b) finds
refused (ValueError) is a replay error, and (a)'s exit status and "N failures"
agree (a file with no example attempted: passed there, skipped by replay);
and that pytest passes every passing file. Prints the load average and the
ratios with the goals.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEBIAN_PACKAGES = '/usr/lib/python3/dist-packages'


def make_corpus(directory, count):
    sources = sorted(p for p in (ROOT / 'tests' / 'e2e' / 'doctest' / 'corpus').iterdir()
                     if p.suffix in ('.txt', '.rst'))
    directory.mkdir(parents=True)
    files = []
    for n in range(count):
        source = sources[n % len(sources)]
        target = directory / ('%05d_%s' % (n, source.name))
        shutil.copyfile(source, target)
        files.append(target)
    return files


def compare(names, verdicts, one_process, per_file):
    """The files whose verdicts differ between replay, (a) and (b)."""
    differences = []
    for name in names:
        ours = verdicts.get(name)
        theirs = one_process.get(name)
        if ours is None or theirs is None:
            differences.append('%s: no verdict' % name)
            continue
        if 'error' in theirs:
            if ours['status'] != 'error':
                differences.append('%s: (b) ValueError, replay %s' % (name, ours['status']))
        elif (ours['examples'], ours['failures']) != (theirs['attempted'], theirs['failed']):
            differences.append('%s: (b) attempted/failed %d/%d, replay %d/%d' % (
                name, theirs['attempted'], theirs['failed'], ours['examples'], ours['failures']))
        run = per_file[name]
        match = re.search(rb'\*\*\*Test Failed\*\*\* (\d+) failures?\.', run.stdout)
        failed_a = int(match.group(1)) if match else 0
        status_a = 'passed' if run.returncode == 0 else ('failed' if match else 'error')
        # A file doctest attempts no example of passes there; replay says it
        # is skipped (docs/command-line.md: nothing passes having checked nothing).
        if status_a == 'passed' and theirs.get('attempted') == 0:
            status_a = 'skipped'
        if (status_a, failed_a) != (ours['status'], ours['failures']):
            differences.append('%s: (a) %s with %d failures, replay %s with %d' % (
                name, status_a, failed_a, ours['status'], ours['failures']))
    return differences


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=str(ROOT / 'build'))
    parser.add_argument('--files', type=int, default=300)
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--base-python')
    args = parser.parse_args()
    replay, base, version = measure.replay_and_base(args.build, args.base_python)
    jobs = os.cpu_count()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        python = measure.clean_venv(base, tmp / 'venv')
        venv = str(tmp / 'venv')
        print('%s; clean venv of %s; %d CPUs' % (version, base, jobs))
        print('before: ' + measure.load())
        files = make_corpus(tmp / 'corpus', args.files)
        names = [str(f) for f in files]
        report = tmp / 'report.json'
        replay_doctest = [replay, '--python', venv, 'run', '--mode', 'doctest', '--prompts', 'off']

        # Verdicts first, once: they decide which files pass.
        measure.run_commands([replay_doctest + ['--report-json', str(report), str(tmp / 'corpus')]])
        verdicts = {entry['path']: entry
                    for entry in json.loads(report.read_text())['transcripts']}
        b = measure.run_commands([[python, str(ROOT / 'bench' / 'doctest_in_one_process.py')] +
                                  names], cwd=str(tmp))
        one_process = json.loads(b.runs[0].stdout.decode().splitlines()[-1])
        a = measure.run_commands([[python, '-m', 'doctest', name] for name in names], jobs=jobs,
                                 cwd=str(tmp))
        differences = compare(names, verdicts, one_process, dict(zip(names, a.runs)))

        passing_dir = tmp / 'passing'
        passing_dir.mkdir()
        passing = [name for name in names if verdicts.get(name, {}).get('status') == 'passed'
                   and one_process.get(name, {}).get('failed') == 0]
        for name in passing:
            shutil.copyfile(name, passing_dir / pathlib.Path(name).name)
        pytest = [python, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--rootdir', str(tmp),
                  '--doctest-glob', '*.txt', '--doctest-glob', '*.rst', str(passing_dir)]
        pytest_env = dict(os.environ, PYTHONPATH=DEBIAN_PACKAGES)

        samples = measure.paired_rounds({
            'replay': lambda: measure.run_commands([replay_doctest + [str(tmp / 'corpus')]]),
            'a': lambda: measure.run_commands(
                [[python, '-m', 'doctest', name] for name in names], jobs=jobs, cwd=str(tmp)),
            'b': lambda: measure.run_commands(
                [[python, str(ROOT / 'bench' / 'doctest_in_one_process.py')] + names],
                cwd=str(tmp)),
            'replay passing': lambda: measure.run_commands(
                [replay_doctest + [str(passing_dir)]]),
            'pytest passing': lambda: measure.run_commands([pytest], cwd=str(tmp),
                                                           env=pytest_env),
        }, args.rounds)
        print('after:  ' + measure.load())
        pytest_run = samples['pytest passing'][0].runs[0]
        replay_passing_run = samples['replay passing'][0].runs[0]

    pytest_ok = pytest_run.returncode == 0
    replay_ok = replay_passing_run.returncode == 0
    cpu = {name: measure.median(s, 'cpu') for name, s in samples.items()}
    wall = {name: measure.median(s, 'wall') for name, s in samples.items()}
    print('corpus: %d doctest files, %d of them passing; medians of %d paired rounds; '
          'CPU = user+sys of the process tree' % (len(names), len(passing), args.rounds))
    print('  %-52s %8s %8s' % ('', 'CPU s', 'wall s'))
    for name, label in (('replay', 'replay run --mode doctest (-j %d)' % jobs),
                        ('a', '(a) python -m doctest, process per file, %d at a time' % jobs),
                        ('b', '(b) doctest.testfile, one process'),
                        ('replay passing', 'passing files: replay run --mode doctest'),
                        ('pytest passing', 'passing files: pytest --doctest-glob')):
        print('  %-52s %8.3f %8.3f' % (label, cpu[name], wall[name]))
    print('verdicts: %s' % ('identical for all %d files' % len(names) if not differences
                            else '%d differ' % len(differences)))
    for difference in differences[:20]:
        print('  ' + difference)
    print('passing files: replay %s, pytest %s' % ('passes them all' if replay_ok else 'FAILS',
                                                   'passes them all' if pytest_ok else 'FAILS'))
    if not pytest_ok:
        print(pytest_run.stdout.decode()[-2000:])
    print('ratios (CPU, wall):')
    measure.row('(a) / replay  (times less than a process per file)',
                cpu['a'] / cpu['replay'], wall['a'] / wall['replay'])
    measure.row('replay / (b)  (times more than one unisolated process)',
                cpu['replay'] / cpu['b'], wall['replay'] / wall['b'])
    measure.row('replay / pytest --doctest-glob, passing files',
                cpu['replay passing'] / cpu['pytest passing'],
                wall['replay passing'] / wall['pytest passing'], 'goal <= 1.5 (CPU)')
    return 1 if differences or not pytest_ok or not replay_ok else 0


if __name__ == '__main__':
    sys.exit(main())
