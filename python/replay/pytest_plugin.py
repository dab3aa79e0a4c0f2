"""pytest plugin: the files `replay run` would check, as pytest items.

``pytest -p replay.pytest_plugin --replay PATHS`` (with the wheel installed,
its ``pytest11`` entry point loads the plugin: ``pytest --replay``) collects
every file ``replay run PATHS`` selects — console transcripts and doc files,
modes and exclusions from ``[tool.replay]`` — as one item per file. Each item
is judged by replay itself, in a process of its own (replay's isolated
runner); nothing runs inside pytest's interpreter, which the plugin leaves
as it is. A failure shows replay's message and diff; a file replay skips is
a pytest skip; replay's notes and prompt findings are a report section.

``--replay-command`` says how to run replay (default: this Python's
``-m replay``), e.g. ``--replay-command build/replay/replay``.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

import pytest


def pytest_addoption(parser):
    group = parser.getgroup('replay', 'console transcripts and doc files checked by replay')
    group.addoption('--replay', action='store_true',
                    help='collect the files `replay run` would check, one item each')
    group.addoption('--replay-command', metavar='COMMAND', default=None,
                    help='how to run replay (default: this Python -m replay)')


def _command(config):
    given = config.getoption('replay_command')
    return shlex.split(given) if given else [sys.executable, '-m', 'replay']


def _replay(config, *args):
    """Runs replay ARGS... in a process of its own."""
    return subprocess.run([*_command(config), *args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          errors='replace')


def _planned(config):
    """{absolute path: mode} of the files `replay run` selects from pytest's
    paths (computed once per process)."""
    if hasattr(config, '_replay_planned'):
        return config._replay_planned
    args = [str(arg).split('::')[0] for arg in config.args] or ['.']
    done = _replay(config, 'run', '--collect-only', *args)
    planned = {}
    if done.returncode == 0:
        for line in done.stdout.splitlines():
            entry = json.loads(line)
            planned[os.path.abspath(entry['path'])] = entry['mode']
    elif done.returncode != 5:  # 5: nothing selected
        raise pytest.UsageError(f'replay --collect-only failed: {done.stderr.strip()}')
    config._replay_planned = planned
    return planned


def pytest_collect_file(file_path, parent):
    config = parent.config
    if not config.getoption('replay'):
        return None
    mode = _planned(config).get(os.path.abspath(str(file_path)))
    if mode is None:
        return None
    return ReplayFile.from_parent(parent, path=file_path, mode=mode)


class ReplayFile(pytest.File):
    """A file replay checks: one item."""

    def __init__(self, *, mode, **kwargs):
        super().__init__(**kwargs)
        self.mode = mode

    def collect(self):
        yield ReplayItem.from_parent(self, name=f'replay[{self.mode}]', mode=self.mode)


class ReplayFailure(Exception):
    """replay's verdict was failed or error."""


class ReplayItem(pytest.Item):
    """One file, judged by `replay run FILE`."""

    def __init__(self, *, mode, **kwargs):
        super().__init__(**kwargs)
        self.mode = mode
        self.add_marker(pytest.mark.replay)

    def runtest(self):
        with tempfile.TemporaryDirectory(prefix='replay-pytest-') as tmp:
            report = os.path.join(tmp, 'report.json')
            done = _replay(self.config, 'run', '--color', 'never', '--annotations', 'none',
                           '--mode', self.mode, '--report-json', report, str(self.path))
            try:
                with open(report, encoding='utf-8') as file:
                    entries = json.load(file)['transcripts']
            except (OSError, ValueError, KeyError):
                entries = []
        if len(entries) != 1:
            raise ReplayFailure(f'replay gave no verdict (exit status {done.returncode}):\n'
                                f'{done.stderr.strip()}')
        entry = entries[0]
        notes = '\n'.join(entry.get('notes', []))
        if notes:
            self.add_report_section('call', 'replay notes', notes)
        if entry['status'] == 'skipped':
            pytest.skip(entry.get('message') or 'skipped by replay')
        if entry['status'] != 'passed':
            message = entry.get('message', '')
            diff = entry.get('diff', '')
            raise ReplayFailure(f'{entry["status"].upper()} {message}\n{diff}'.rstrip())

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ReplayFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f'replay {self.mode}: {self.path.name}'


def pytest_configure(config):
    config.addinivalue_line('markers', 'replay: a file checked by replay')
