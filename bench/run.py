"""Benchmark console mode against stdlib baselines measured in the same run.

    python3 bench/run.py [--build build] [--files 300] [--rounds 5] [--base-python PY]
                         [--memory-files 100 10000 | --memory-files 0 0]

Every Python here is one clean venv (python -m venv --without-pip) of PY
(default: the Python replay embeds, --version's prefix), made for the run:
the baselines run its bin/python and replay runs with --python VENV, so that
no site-packages .pth of the base installation is paid at each start.

Corpus: the bundled transcripts/ copied round-robin up to --files files,
minus those a shared process cannot run (exits). Measured in paired rounds,
the order rotating, CPU time (user+sys of the process tree) first and wall
time beside it, medians over the rounds:
  replay run on the corpus (default -j: one job per CPU);
  (a) the stdlib code.InteractiveConsole replaying each transcript in its own
      python process (tests/support/record_stdlib.py --transcript), as many
      at a time as replay runs jobs, so that wall times compare too;
  (b) one python process replaying them all with the stdlib console and no
      isolation (bench/stdlib_in_one_process.py);
  start-up: replay run on the smallest transcript, and `python -c pass`,
      each --startup-runs times a round;
  --sandbox (where bwrap is on PATH): replay run --sandbox on the corpus and
      on the smallest transcript, against the same runs unsandboxed.
Then replay's own peak memory (VmHWM of the parent) on two corpus sizes.
Prints the load average before and after, and the ratios with the goals.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def make_corpus(directory, count):
    sources = [p for p in sorted((ROOT / 'transcripts').rglob('*.pycon'))
               if 'exits' not in p.parts]
    directory.mkdir(parents=True)
    files = []
    for n in range(count):
        source = sources[n % len(sources)]
        target = directory / f'{n:05}_{source.name}'
        shutil.copyfile(source, target)
        files.append(target)
    return files


def peak_memory_kib(command):
    """Highest VmHWM of the process (not its children), sampled."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    status = pathlib.Path(f'/proc/{process.pid}/status')
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith('VmHWM:'):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    return peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=str(ROOT / 'build'))
    parser.add_argument('--files', type=int, default=300)
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--startup-runs', type=int, default=10)
    parser.add_argument('--base-python')
    parser.add_argument('--memory-files', type=int, nargs=2, default=[100, 10000])
    args = parser.parse_args()
    replay, base, version = measure.replay_and_base(args.build, args.base_python)
    jobs = os.cpu_count()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        python = measure.clean_venv(base, tmp / 'venv')
        venv = str(tmp / 'venv')
        print(f'{version}; clean venv of {base}; {jobs} CPUs')
        print(f'before: {measure.load()}')
        files = make_corpus(tmp / 'corpus', args.files)
        names = [str(f) for f in files]
        recorder = str(ROOT / 'tests' / 'support' / 'record_stdlib.py')
        one = str(min(files, key=lambda f: f.stat().st_size))
        replay_run = [replay, '--python', venv, 'run']

        def startup(command):
            return lambda: measure.run_commands([command] * args.startup_runs)

        sandbox = {
            'sandbox': lambda: measure.run_commands(
                [replay_run + ['--sandbox', str(tmp / 'corpus')]]),
            'sandbox one': startup(replay_run + ['--sandbox', one]),
        } if shutil.which('bwrap') else {}
        samples = measure.paired_rounds({
            **sandbox,
            'replay': lambda: measure.run_commands([replay_run + [str(tmp / 'corpus')]]),
            'a': lambda: measure.run_commands(
                [[python, '-u', recorder, '--transcript', f] for f in names], jobs=jobs),
            'b': lambda: measure.run_commands(
                [[python, str(ROOT / 'bench' / 'stdlib_in_one_process.py'), *names]]),
            'replay one': startup(replay_run + [one]),
            'pass': startup([python, '-c', 'pass']),
        }, args.rounds)
        failed = [name for name, runs in samples.items()
                  for s in runs for run in s.runs if run.returncode != 0]
        if failed:
            sys.exit(f'a command failed: {sorted(set(failed))}')

        memory = []
        for count in args.memory_files:
            if count > 0:
                make_corpus(tmp / f'mem{count}', count)
                memory.append(peak_memory_kib(replay_run + [str(tmp / f'mem{count}')]))
        print(f'after:  {measure.load()}')

    n = len(names)
    cpu = {name: measure.median(s, 'cpu') for name, s in samples.items()}
    wall = {name: measure.median(s, 'wall') for name, s in samples.items()}
    print(f'corpus: {n} transcripts; medians of {args.rounds} paired rounds; '
          f'CPU = user+sys of the process tree')
    print(f'  {"":56} {"CPU s":>8} {"wall s":>8} {"CPU ms/transcript":>18}')
    for name, label in (('replay', f'replay run (-j {jobs})'),
                        ('a', f'(a) stdlib console, process per file, {jobs} at a time'),
                        ('b', '(b) stdlib console, one process')):
        print(f'  {label:56} {cpu[name]:8.3f} {wall[name]:8.3f} {cpu[name] / n * 1000:18.2f}')
    k = args.startup_runs
    for name, label in (('replay one', 'replay run, smallest transcript'),
                        ('pass', 'python -c pass')):
        print(f'  {label:56} {cpu[name] / k * 1000:6.1f} ms {wall[name] / k * 1000:6.1f} ms'
              f'   (each, mean of {k} a round)')
    if len(memory) == 2:
        print(f'  replay peak memory: {memory[0]} KiB for {args.memory_files[0]} transcripts, '
              f'{memory[1]} KiB for {args.memory_files[1]}')
    print('ratios (CPU, wall):')
    measure.row('(a) / replay  (times less than a process per file)',
                cpu['a'] / cpu['replay'], wall['a'] / wall['replay'])
    measure.row('replay / (b)  (times more than one unisolated process)',
                cpu['replay'] / cpu['b'], wall['replay'] / wall['b'])
    measure.row('replay on one transcript / python -c pass', cpu['replay one'] / cpu['pass'],
                wall['replay one'] / wall['pass'], 'goal <= 1.5 (CPU)')
    print(f'  replay CPU per transcript: {cpu["replay"] / n * 1000:.2f} ms   goal <= 2.5 ms')
    if 'sandbox' in cpu:
        measure.row('replay --sandbox / replay, corpus', cpu['sandbox'] / cpu['replay'],
                    wall['sandbox'] / wall['replay'])
        measure.row('replay --sandbox / replay, one transcript',
                    cpu['sandbox one'] / cpu['replay one'],
                    wall['sandbox one'] / wall['replay one'])
        print(f'  --sandbox costs per run: {(cpu["sandbox one"] - cpu["replay one"]) / k * 1000:.1f}'
              f' ms CPU, {(wall["sandbox one"] - wall["replay one"]) / k * 1000:.1f} ms wall; '
              f'per transcript of the corpus: '
              f'{(wall["sandbox"] - wall["replay"]) / n * 1000:.2f} ms wall')
    if len(memory) == 2:
        print(f'  memory {args.memory_files[1]} / memory {args.memory_files[0]}: '
              f'{memory[1] / memory[0]:.2f}   goal ~1 (flat)')


if __name__ == '__main__':
    main()
