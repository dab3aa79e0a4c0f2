"""What bench/run.py and bench/doctest_bench.py share: a clean venv, CPU time
of a process tree, paired rounds in rotating order, the load.

CPU time is user+sys of the process and every descendant it waited for
(resource.getrusage(RUSAGE_CHILDREN) before and after; commands run one at a
time, so the difference is theirs alone). On a machine shared with other
work, CPU time moves far less than wall time; both are printed, CPU first.
"""
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def clean_venv(base_python, directory):
    """A venv of `base_python` without pip and without the base's
    site-packages (whose .pth files may import modules at every start);
    its bin/python."""
    subprocess.run([base_python, '-m', 'venv', '--without-pip', str(directory)], check=True)
    return str(pathlib.Path(directory) / 'bin' / 'python')


class Sample:
    """CPU (user+sys) and wall seconds of one measurement, and its runs."""

    def __init__(self, cpu, wall, runs):
        self.cpu, self.wall, self.runs = cpu, wall, runs


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_commands(commands, jobs=1, **kwargs):
    """Runs `commands` (argument lists), `jobs` at a time; a Sample of the
    whole, whose runs are the CompletedProcesses in order."""
    def one(command):
        return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, check=False, **kwargs)

    cpu, start = _children_cpu(), time.perf_counter()
    if jobs == 1:
        runs = [one(command) for command in commands]
    else:
        with ThreadPoolExecutor(jobs) as pool:
            runs = list(pool.map(one, commands))
    return Sample(_children_cpu() - cpu, time.perf_counter() - start, runs)


def paired_rounds(measures, rounds):
    """Runs each of `measures` (name -> function returning a Sample) once
    per round, the order rotating from round to round so that no measure
    always follows the same one; name -> list of Samples."""
    names = list(measures)
    samples = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            samples[name].append(measures[name]())
    return samples


def median(samples, field):
    return statistics.median(getattr(s, field) for s in samples)


def load():
    one, five, fifteen = os.getloadavg()
    return f'load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs'


def row(label, cpu, wall, target=''):
    """One ratio line: CPU first, wall beside it."""
    wall_text = f'wall {wall:6.2f}' if wall is not None else ' ' * 11
    print(f'  {label:62} CPU {cpu:6.2f}   {wall_text}   {target}')


def embedded_python(replay):
    """The base python of the installation replay embeds (from --version:
    '... (Python X.Y.Z, prefix P)' or similar), else this one."""
    version = subprocess.run([replay, '--version'], capture_output=True, text=True).stdout
    for word in version.replace(',', ' ').replace(')', ' ').split():
        if word.startswith('/'):
            for name in ('bin/python3', 'bin/python'):
                candidate = pathlib.Path(word) / name
                if os.access(candidate, os.X_OK):
                    return str(candidate), version.strip()
    return sys.executable, version.strip()


def replay_and_base(build, base_python=None):
    """The replay program of build directory `build`, the Python to make the
    clean venv from (`base_python`, else the one replay embeds) and replay's
    --version line."""
    replay = str(pathlib.Path(build) / 'replay' / 'replay')
    base, version = embedded_python(replay)
    return replay, base_python or base, version
