"""Benchmark doctest mode against stdlib doctest and its peers, measured in the same run.

    python3 bench/doctest_bench.py [--build build] [--corpus library|e2e] [--files N]
                                   [--rounds 3] [--base-python PY]

Every Python here is one clean venv (python -m venv --without-pip) of PY
(default: the Python replay embeds), made for the run: the baselines run its
bin/python, replay runs with --python VENV. The peers (pytest's doctest
plugin, pytest-xdist, xdoctest, Sybil: bench/doctest_peers.py) are Debian's
packages (ci/setup), run by the venv's python with
/usr/lib/python3/dist-packages on PYTHONPATH (a path there processes no .pth
file) and pytest's plugin autoloading off.

Corpus:
  library (the default): the doctest text of the machine that passes
      `python -m doctest` in the clean venv (bench/doctest_corpus.py: the
      docstrings of each stdlib module as one file, and the stdlib's and
      /usr/share/doc's *.txt and *.rst files with examples; the rule is
      applied at every run), copied round-robin up to --files files
      (default 100);
  e2e: the *.txt and *.rst files of tests/e2e/doctest/corpus (every flag,
      directive and exception form, failing examples and files doctest's
      parser refuses) copied round-robin up to --files files (default 300).
Measured in paired rounds, the order rotating, CPU time (user+sys of the
process tree) first and wall time beside it, medians over the rounds:
  replay run --mode doctest --prompts off (default -j: one job per CPU);
  (a) `python -m doctest FILE`, one process per file, as many at a time as
      replay runs jobs;
  (b) one python process running doctest.testfile over every file
      (bench/doctest_in_one_process.py), no isolation;
  each peer that imports, on the files that pass (doctest attempts examples
      and none fails: all of the library corpus), with replay on the same
      files; a peer that does not import is printed as not run.
Whether each runner isolates files is probed on copies of two files
(bench/doctest_peers.py): one checks that no earlier file left a global in
its namespace, the other that none left a mark in the interpreter (builtins).
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
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import doctest_corpus  # noqa: E402
import doctest_peers  # noqa: E402
import measure  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def copy_round_robin(sources, directory, count):
    """`sources` copied into `directory` round-robin up to `count` files
    (each once if `count` is 0), named NNNNN_NAME; their paths."""
    directory.mkdir(parents=True)
    files = []
    for n in range(count or len(sources)):
        source = sources[n % len(sources)]
        target = directory / ('%05d_%s' % (n, source.name))
        shutil.copyfile(source, target)
        files.append(target)
    return files


def make_e2e_corpus(directory, count):
    return copy_round_robin(sorted(
        p for p in (ROOT / 'tests' / 'e2e' / 'doctest' / 'corpus').iterdir()
        if p.suffix in ('.txt', '.rst')), directory, count)


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


def make_library_corpus(python, tmp, count, jobs):
    """The files of bench/doctest_corpus.py's rule, copied round-robin up to
    `count` files (each once if `count` is 0)."""
    candidates = doctest_corpus.write_candidates(python, tmp / 'candidates')
    scratch = tmp / 'scratch'
    scratch.mkdir()
    kept = doctest_corpus.select_passing(python, candidates, jobs, str(scratch))
    print('library corpus: %d of %d candidates pass python -m doctest: %s' % (
        len(kept), len(candidates), ' '.join(pathlib.Path(k).name for k in kept)))
    return copy_round_robin([pathlib.Path(k) for k in kept], tmp / 'corpus', count)


def isolation(python, replay_doctest, probes, tmp):
    """For replay, (a) and (b): {form: passes every copy} (the peers: in main)."""
    def passes_b(folder):
        run = measure.run_commands([[python, str(ROOT / 'bench' / 'doctest_in_one_process.py')]
                                    + sorted(map(str, folder.iterdir()))], cwd=str(tmp)).runs[0]
        verdicts = json.loads(run.stdout.decode().splitlines()[-1]).values()
        return all(v.get('failed') == 0 for v in verdicts)

    found = {'replay': {}, 'a': {}, 'b': {}}
    for form, folder in probes.items():
        found['replay'][form] = measure.run_commands(
            [replay_doctest + [str(folder)]]).runs[0].returncode == 0
        found['a'][form] = all(run.returncode == 0 for run in measure.run_commands(
            [[python, '-m', 'doctest', str(f)] for f in sorted(folder.iterdir())],
            cwd=str(tmp)).runs)
        found['b'][form] = passes_b(folder)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=str(ROOT / 'build'))
    parser.add_argument('--corpus', choices=('library', 'e2e'), default='library')
    parser.add_argument('--files', type=int,
                        help='files of the corpus, copied round-robin (default: library 100, '
                        'e2e 300; 0: each once)')
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--base-python')
    args = parser.parse_args()
    if args.files is None:
        args.files = 100 if args.corpus == 'library' else 300
    replay, base, version = measure.replay_and_base(args.build, args.base_python)
    jobs = os.cpu_count()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        python = measure.clean_venv(base, tmp / 'venv')
        venv = str(tmp / 'venv')
        print('%s; clean venv of %s; %d CPUs' % (version, base, jobs))
        print('before: ' + measure.load())
        if args.corpus == 'library':
            files = make_library_corpus(python, tmp, args.files, jobs)
        else:
            files = make_e2e_corpus(tmp / 'corpus', args.files)
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

        passing = [name for name in names if verdicts.get(name, {}).get('status') == 'passed'
                   and one_process.get(name, {}).get('failed') == 0]
        passing_dir = tmp / 'corpus'
        if len(passing) != len(names):
            passing_dir = tmp / 'passing'
            passing_dir.mkdir()
            for name in passing:
                shutil.copyfile(name, passing_dir / pathlib.Path(name).name)
        peer_env = doctest_peers.environment()
        not_run = {name: doctest_peers.missing(python, name) for name in doctest_peers.PEERS}
        peers = [name for name in doctest_peers.PEERS if not not_run[name]]

        def peer(name, directory):
            return lambda: measure.run_commands(
                [doctest_peers.command(python, name, tmp, directory, jobs)], cwd=str(tmp),
                env=peer_env)

        probes = doctest_peers.write_probes(tmp / 'probes')
        isolates = isolation(python, replay_doctest, probes, tmp)
        probe_outcomes = {}
        for name in peers:
            runs = {form: peer(name, folder)().runs[0] for form, folder in probes.items()}
            isolates[name] = {form: run.returncode == 0 for form, run in runs.items()}
            probe_outcomes[name] = {form: doctest_peers.outcome(run) for form, run in runs.items()}

        measures = {
            'replay': lambda: measure.run_commands([replay_doctest + [str(tmp / 'corpus')]]),
            'a': lambda: measure.run_commands(
                [[python, '-m', 'doctest', name] for name in names], jobs=jobs, cwd=str(tmp)),
            'b': lambda: measure.run_commands(
                [[python, str(ROOT / 'bench' / 'doctest_in_one_process.py')] + names],
                cwd=str(tmp)),
        }
        if passing_dir != tmp / 'corpus':
            measures['replay passing'] = lambda: measure.run_commands(
                [replay_doctest + [str(passing_dir)]])
        for name in peers:
            measures[name] = peer(name, passing_dir)
        samples = measure.paired_rounds(measures, args.rounds)
        print('after:  ' + measure.load())

    replay_key = 'replay passing' if 'replay passing' in samples else 'replay'
    replay_ok = samples[replay_key][0].runs[0].returncode == 0
    cpu = {name: measure.median(s, 'cpu') for name, s in samples.items()}
    wall = {name: measure.median(s, 'wall') for name, s in samples.items()}
    print('corpus: %d doctest files, %d of them passing; medians of %d paired rounds; '
          'CPU = user+sys of the process tree' % (len(names), len(passing), args.rounds))
    print('  %-56s %8s %8s %8s  %-13s %s' % ('', 'CPU s', 'wall s', 'CPU/rep', 'isolates',
                                            'outcome'))

    def line(name, label, files, outcome):
        base = 'replay' if files == 'all files' else replay_key  # replay on the same files
        iso = isolates.get(name)
        iso_text = '-' if iso is None else '/'.join(
            'yes' if iso[form] else 'no' for form in doctest_peers.PROBES)
        print('  %-56s %8.3f %8.3f %8.2f  %-13s %s' % (
            label, cpu[name], wall[name], cpu[name] / cpu[base], iso_text,
            '%s: %s' % (files, outcome)))

    line('replay', 'replay run --mode doctest (-j %d)' % jobs, 'all files',
         'exit %d' % samples['replay'][0].runs[0].returncode)
    line('a', '(a) python -m doctest, process per file, %d at a time' % jobs, 'all files',
         '%d exit 0' % sum(run.returncode == 0 for run in samples['a'][0].runs))
    line('b', '(b) doctest.testfile, one process', 'all files', 'see verdicts')
    if 'replay passing' in samples:
        line('replay passing', 'passing files: replay run --mode doctest', 'passing',
             'exit %d' % samples['replay passing'][0].runs[0].returncode)
    for name in doctest_peers.PEERS:
        if name in samples:
            line(name, 'passing files: %s' % name, 'passing',
                 doctest_peers.outcome(samples[name][0].runs[0]))
        else:
            print('  %-56s not run: %s' % ('passing files: %s' % name, not_run[name]))
    print('CPU/rep: CPU over that of replay on the same files')
    print('isolates: globals/interpreter: %d copies of a file that checks that no earlier file '
          'set a global (probe_global), or marked builtins (probe_process), then does; yes = '
          'every copy passed' % doctest_peers.PROBE_COPIES)
    for name, outcomes in probe_outcomes.items():
        print('  %s: %s' % (name, '; '.join('%s %s' % item for item in outcomes.items())))
    print('verdicts: %s' % ('identical for all %d files' % len(names) if not differences
                            else '%d differ' % len(differences)))
    for difference in differences[:20]:
        print('  ' + difference)
    print('passing files: replay %s' % ('passes them all' if replay_ok else 'FAILS'))
    print('ratios (CPU, wall):')
    measure.row('(a) / replay  (times less than a process per file)',
                cpu['a'] / cpu['replay'], wall['a'] / wall['replay'])
    measure.row('replay / (b)  (times more than one unisolated process)',
                cpu['replay'] / cpu['b'], wall['replay'] / wall['b'])
    pytest_ok = 'pytest' in samples and samples['pytest'][0].runs[0].returncode == 0
    if 'pytest' in samples:
        measure.row('replay / pytest --doctest-glob, passing files',
                    cpu[replay_key] / cpu['pytest'], wall[replay_key] / wall['pytest'],
                    'goal <= 1.5 (CPU)')
        if not pytest_ok:
            print('pytest FAILS passing files:\n' +
                  samples['pytest'][0].runs[0].stdout.decode()[-2000:])
    return 1 if differences or not pytest_ok or not replay_ok else 0


if __name__ == '__main__':
    sys.exit(main())
