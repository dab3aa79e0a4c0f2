"""Benchmark doctest mode against stdlib doctest, measured in the same run.

    python3 bench/doctest_bench.py [--build build] [--files 300] [--python PY]

Corpus: the *.txt and *.rst files of tests/e2e/doctest/corpus (every flag,
directive and exception form, failing examples and files doctest's parser
refuses) copied round-robin up to --files files. Measures, in one run, on the
same files:
  replay run --mode doctest --prompts off (default -j: one job per CPU), and
      with -j 1;
  (a) `python -m doctest FILE`, one process per file;
  (b) one python process running doctest.testfile over every file
      (bench/doctest_in_one_process.py), no isolation.
Checks that the verdicts are identical: for every file, replay's examples and
failures equal what (b) reports as attempted and failed, a file (b) finds
refused (ValueError) is a replay error, and (a)'s exit status and "N failures"
agree (a file with no example attempted: passed there, skipped by replay).
Prints the times and the ratios against the target (at least 3 times
faster than (a)). PY, the stdlib baselines' Python, must be the Python replay
embeds (default: this one).
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
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def timed(command, **kwargs):
    start = time.perf_counter()
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, check=False, **kwargs)
    return time.perf_counter() - start, run


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=str(ROOT / 'build'))
    parser.add_argument('--files', type=int, default=300)
    parser.add_argument('--python', default=sys.executable)
    args = parser.parse_args()
    replay = str(pathlib.Path(args.build) / 'replay' / 'replay')
    version = subprocess.run([replay, '--version'], capture_output=True, text=True).stdout.strip()
    python_version = subprocess.run(
        [args.python, '-c', 'import platform; print(platform.python_version())'],
        capture_output=True, text=True).stdout.strip()
    if '(Python %s)' % python_version not in version:
        sys.exit('%s is Python %s; use --python with the Python replay embeds (%s)' % (
            args.python, python_version, version))
    print('%s; baselines with %s; %d CPUs' % (version, args.python, os.cpu_count()))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = make_corpus(tmp / 'corpus', args.files)
        names = [str(f) for f in files]
        report = tmp / 'report.json'

        t_replay, _ = timed([replay, 'run', '--mode', 'doctest', '--prompts', 'off',
                             '--report-json', str(report), str(tmp / 'corpus')])
        verdicts = {entry['path']: entry
                    for entry in json.loads(report.read_text())['transcripts']}
        t_replay_1, _ = timed([replay, 'run', '-j', '1', '--mode', 'doctest', '--prompts', 'off',
                               str(tmp / 'corpus')])
        t_a = 0.0
        per_file = {}
        for name in names:
            seconds, run = timed([args.python, '-m', 'doctest', name], cwd=str(tmp))
            t_a += seconds
            per_file[name] = run
        t_b, run_b = timed([args.python, str(ROOT / 'bench' / 'doctest_in_one_process.py')] +
                           names, cwd=str(tmp))
        one_process = json.loads(run_b.stdout.decode().splitlines()[-1])

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

    def row(label, value, target):
        print('  %-58s %8.2f   target %s' % (label, value, target))

    print('corpus: %d doctest files' % len(names))
    print('  replay run --mode doctest:                %8.3f s' % t_replay)
    print('  replay run --mode doctest -j 1:           %8.3f s' % t_replay_1)
    print('  (a) python -m doctest, process per file:  %8.3f s' % t_a)
    print('  (b) doctest.testfile, one process:        %8.3f s' % t_b)
    print('verdicts: %s' % ('identical for all %d files' % len(names) if not differences
                            else '%d differ' % len(differences)))
    for difference in differences[:20]:
        print('  ' + difference)
    print('ratios:')
    row('(a) / replay  (times faster than a process per file)', t_a / t_replay, '>= 3')
    row('(a) / replay -j 1', t_a / t_replay_1, '(information)')
    row('replay / (b)  (times slower than one unisolated process)', t_replay / t_b,
        '(information)')
    return 1 if differences else 0


if __name__ == '__main__':
    sys.exit(main())
