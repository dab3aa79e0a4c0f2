"""Benchmark replay against stdlib baselines measured in the same run.

    python3 bench/run.py [--build build] [--files 300] [--repeat 20]

Corpus: the bundled transcripts/ copied round-robin up to --files files, minus
those a shared process cannot run (exits). Measures, in one run:
  (a) the stdlib code.InteractiveConsole replaying each transcript in its own
      python3 process (tests/support/record_stdlib.py --transcript, one per file);
  (b) one python3 process replaying them all with the stdlib console and no
      isolation (bench/stdlib_in_one_process.py);
  replay run on the same corpus (default -j: one job per CPU);
  replay run on the smallest transcript against `python3 -c pass` (medians);
  replay's own peak memory (VmHWM of the parent process) on 100 and 10,000
      transcripts.
Prints each time and the ratios against the targets.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL, check=False, **kwargs)
    return time.perf_counter() - start


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
    parser.add_argument('--repeat', type=int, default=20)
    parser.add_argument('--memory-files', type=int, nargs=2, default=[100, 10000])
    args = parser.parse_args()
    replay = str(pathlib.Path(args.build) / 'replay' / 'replay')
    python = subprocess.run([replay, '--version'], capture_output=True, text=True).stdout
    python_exe = sys.executable
    recorder = str(ROOT / 'tests' / 'support' / 'record_stdlib.py')
    print(f'{python.strip()}; baselines with {python_exe}; {os.cpu_count()} CPUs')

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = make_corpus(tmp / 'corpus', args.files)
        names = [str(f) for f in files]

        t_replay = timed([replay, 'run', str(tmp / 'corpus')])
        t_a = 0.0
        for f in names:
            t_a += timed([python_exe, '-u', recorder, '--transcript', f])
        t_b = timed([python_exe, str(ROOT / 'bench' / 'stdlib_in_one_process.py'), *names])

        one = str(min(files, key=lambda f: f.stat().st_size))
        t_one = statistics.median(timed([replay, 'run', one]) for _ in range(args.repeat))
        t_pass = statistics.median(timed([python_exe, '-c', 'pass']) for _ in range(args.repeat))

        memory = []
        for count in args.memory_files:
            make_corpus(tmp / f'mem{count}', count)
            memory.append(peak_memory_kib([replay, 'run', str(tmp / f'mem{count}')]))

    def row(label, value, target):
        print(f'  {label:58} {value:8.2f}   target {target}')

    print(f'corpus: {len(names)} transcripts')
    print(f'  replay run:                           {t_replay:8.3f} s')
    print(f'  (a) stdlib console, process per file: {t_a:8.3f} s')
    print(f'  (b) stdlib console, one process:      {t_b:8.3f} s')
    print(f'  replay run, one small transcript:     {t_one * 1000:8.1f} ms (median of {args.repeat})')
    print(f'  python3 -c pass:                      {t_pass * 1000:8.1f} ms (median of {args.repeat})')
    print(f'  replay peak memory: {memory[0]} KiB for {args.memory_files[0]} transcripts, '
          f'{memory[1]} KiB for {args.memory_files[1]}')
    print('ratios:')
    row('(a) / replay  (times faster than a process per file)', t_a / t_replay, '>= 20')
    row('replay / (b)  (times slower than one unisolated process)', t_replay / t_b, '<= 3')
    row('replay one transcript / python3 -c pass', t_one / t_pass, '<= 1.5')
    row(f'memory {args.memory_files[1]} / memory {args.memory_files[0]}', memory[1] / memory[0],
        '~1 (flat)')


if __name__ == '__main__':
    main()
