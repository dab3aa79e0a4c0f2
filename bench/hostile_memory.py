"""Peak memory of `replay run` on transcripts that try to exhaust it.

    python3 bench/hostile_memory.py --build build [--max-memory 256M]

Runs, with -j 2, transcripts that recurse without end (recursion limit
raised), grow a list, grow a bytearray, flood the output, loop, plus an
ordinary one, and samples every 10 ms the resident memory (VmRSS) of the
runner and of each of its descendants from /proc; prints the runner's peak
(VmHWM), the largest child's peak, and the verdicts.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'support'))
import testlib  # noqa: E402

HOSTILE = {
    'recursion': 'import sys\n>>> sys.setrecursionlimit(10**8)\n>>> def f(n): return f(n + 1)\n'
                 '...\n>>> f(0)\n',
    'list': 'x = []\n>>> while True: x.append([0] * 1000)\n...\n',
    'bytearray': 'b = bytearray()\n>>> while True: b += bytes(10**6)\n...\n',
    'flood': 'while True: print("x" * 1000)\n...\n',
    'loop': 'while True: pass\n...\n',
    'ordinary': 'print(1)\n1\n',
}


def rss_kib(pid, field='VmRSS'):
    try:
        for line in pathlib.Path(f'/proc/{pid}/status').read_text().splitlines():
            if line.startswith(field + ':'):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default='build')
    parser.add_argument('--max-memory', default='256M')
    parser.add_argument('--timeout', default='10')
    args = parser.parse_args()
    replay = pathlib.Path(args.build) / 'replay' / 'replay'
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, body in HOSTILE.items():
            path = pathlib.Path(tmp) / f'{name}.pycon'
            path.write_text('>>> ' + body)
            paths.append(str(path))
        runner = subprocess.Popen([replay, 'run', '-j', '2', '--color', 'never', '--max-memory',
                                   args.max_memory, '--timeout', args.timeout, *paths],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        runner_peak = child_peak = 0
        start = time.monotonic()
        while runner.poll() is None:
            runner_peak = max(runner_peak, rss_kib(runner.pid, 'VmHWM'))
            for pid in testlib.descendants(runner.pid):
                child_peak = max(child_peak, rss_kib(pid))
            time.sleep(0.01)
        elapsed = time.monotonic() - start
        output = runner.stdout.read()
    for line in output.splitlines():
        if line.startswith(('ERROR', 'FAIL')) or ' passed, ' in line:
            print(line[:160])
    print(f'--max-memory {args.max_memory}: runner peak {runner_peak / 1024:.1f} MiB, '
          f'largest child {child_peak / 1024:.1f} MiB (sampled), {elapsed:.1f} s')


if __name__ == '__main__':
    main()
