"""Every shell command line of README.md and docs/ runs as the docs show it.

    python3 commands_test.py REPLAY AS_MODULE RECORDER SOURCE_DIR

REPLAY is the replay program, AS_MODULE the build tree's `python -m replay`
(tests/support/replay_as_module.in; `none` if the module is not built),
RECORDER tests/support/record_stdlib.py, SOURCE_DIR the source tree.

The convention (docs/dev/testing.md, "The docs are tested"):

- shell command lines live only in ```console blocks, one per line starting
  with `$ ` (a line ending in `\\` continues on the next); the lines after it,
  up to the next `$ ` line or the end of the block, are its output. A block
  fenced as sh, bash, shell or zsh is a failure: no command escapes this test;
- each block runs, command after command, with bash, in a fresh temporary
  copy of the fixture project (project/ beside this file, plus the stdlib
  recorder at tests/support/record_stdlib.py), with `replay` the program
  under test, `python3` (and `python`) the Python it links, and
  `python3 -m replay` the build tree's module;
- the exit status must be 0, or N where the line ends in `# exit N`;
- shown output must match what the command wrote (stdout and stderr
  together) line for line, a `...` line standing for any lines and `...`
  within a line for any text; a command shown without output is checked for
  its exit status only;
- a command that cannot run in a test is in NOT_RUN, word for word, with the
  reason. A command neither run nor listed cannot exist (every other one
  runs); a listed command that no longer appears in the docs is a failure.

Also checked: every relative link of the docs names an existing file and,
with `#anchor`, one of its headings; a pre-commit snippet's `rev:` is a
placeholder (`<...>`) or a tag `git tag` lists, and its hook ids are those of
.pre-commit-hooks.yaml; each hook's `entry` passes on the fixture files its
`files` pattern selects.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import testlib

PROJECT = pathlib.Path(__file__).resolve().parent / 'project'

# Commands shown in the docs that this test does not run, and why. Keys are
# the command lines exactly as written after `$ ` (comments included).
NOT_RUN = {
    # coverage.py is not among the fixture's Pythons' modules;
    # coverage_counts_the_examples_lines runs these set-ups.
    'coverage run -p --source=. -m replay run docs/ src/':
        'needs coverage.py; coverage_counts_the_examples_lines tests coverage run -m replay',
    'coverage combine':
        'needs coverage.py; coverage_counts_the_examples_lines tests coverage combine',
    'coverage report -m': 'needs coverage.py; coverage_counts_the_examples_lines tests it',
    'COVERAGE_PROCESS_START=.coveragerc replay run docs/':
        'needs coverage.py; coverage_counts_the_examples_lines tests COVERAGE_PROCESS_START',
    'pytest --replay --cov=mylib docs/':
        'needs pytest-cov; coverage_counts_the_examples_lines tests pytest --cov',
    # Installs, builds and the test command itself.
    'ci/main-job   # installs the Debian packages, builds, runs: replay run transcripts/':
        'apt-get as root and a full build; CI runs it as the main job',
    'ci/test       # installs, builds, runs every test (also against other Pythons)':
        'the test command runs this test; a test cannot run it',
    'ci/test            # installs, builds, runs every test (also against other Pythons)':
        'the test command runs this test; a test cannot run it',
    'ci/test --quick    # the default build and ctest -LE slow, a few minutes':
        'the test command runs this test; a test cannot run it',
    'ci/build build && cmake --install build --prefix ~/.local':
        'a full build and an install into the home directory; '
        'installed_package_serves_a_consumer tests cmake --install',
    'cmake -S . -B build -G Ninja -DREPLAY_PYTHONS="python3.11;python3.12;python3.13"':
        'builds replay for three Pythons (minutes); one_install_serves_several_pythons '
        '(label slow) tests -DREPLAY_PYTHONS',
    'cmake --build build -j2 && cmake --install build --prefix ~/.local':
        'the build and install of the line before; one_install_serves_several_pythons',
    'python3.12 -m venv .venv && . .venv/bin/activate':
        'needs python3.12 and builds a wheel (minutes); wheel_installs_and_runs_per_python '
        '(label slow) tests the wheel in a fresh venv per Python; the replay commands after '
        'it run here with the build tree\'s replay',
    'pip wheel --no-index --find-links /usr/share/python-wheels -w dist path/to/replay':
        'builds the wheel (minutes); wheel_installs_and_runs_per_python',
    'pip install --no-index dist/replay_console-0.1.0-cp312-cp312-linux_x86_64.whl':
        'installs the wheel built by the line before; wheel_installs_and_runs_per_python',
    # pytest.
    'pytest --replay docs/ transcripts/':
        'needs the installed wheel (its pytest11 entry point); '
        'pytest_plugin_gives_replay_verdicts runs the plugin with Debian\'s pytest',
    # Interactive.
    'replay record -o transcripts/my_case.pycon      # at a terminal: a real console':
        'reads keys at a terminal; interactive_record_and_console_in_tmux tests it in tmux',
    # Benchmarks and fuzzing: minutes to hours, and no verdict to check.
    'ci/build build && python3 bench/run.py --build build && python3 bench/doctest_bench.py '
    '--build build':
        'a build and the benchmarks (minutes); figures, not verdicts',
    'ci/fuzz 3600                                  # all targets':
        'fuzzes for an hour per target with a clang build; ci/test runs ci/fuzz',
    'build-fuzz/tests/fuzz/update_fuzz -max_total_time=3600 build-fuzz/corpus/update '
    'tests/fuzz/corpus/update':
        'fuzzes for an hour, needs the clang fuzz build; the fuzz_corpus_update ctest '
        'replays the corpus',
}

SHELL_FENCES = {'sh', 'bash', 'shell', 'zsh'}
FENCE = re.compile(r'^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)')
EXIT = re.compile(r'#\s*exit\s+(\d+)\s*$')


class Command:
    def __init__(self, doc, line, text):
        self.doc, self.line, self.text, self.output = doc, line, text, []

    @property
    def where(self):
        return f'{self.doc}:{self.line}'

    @property
    def status(self):
        match = EXIT.search(self.text)
        return int(match.group(1)) if match else 0


def blocks(path):
    """(language, first line number, lines) of each fenced block of `path`."""
    found, lines, k = [], path.read_text(encoding='utf-8').split('\n'), 0
    while k < len(lines):
        opening = FENCE.match(lines[k])
        if not opening:
            k += 1
            continue
        marks, language, body, start = opening.group(2), opening.group(3).lower(), [], k + 1
        k += 1
        while k < len(lines):
            closing = FENCE.match(lines[k])
            if closing and closing.group(2)[0] == marks[0] \
                    and len(closing.group(2)) >= len(marks) and not closing.group(3):
                break
            body.append(lines[k])
            k += 1
        found.append((language, start + 1, body))
        k += 1
    return found


def console_commands(doc, first_line, body):
    """The commands of a ```console block, with their shown output."""
    commands, k = [], 0
    while k < len(body):
        line = body[k]
        if line.startswith('$ '):
            text, start = line[2:], k
            while text.endswith('\\') and k + 1 < len(body):
                k += 1
                text = text[:-1] + '\n' + body[k]
            commands.append(Command(doc, first_line + start, text))
        elif commands:
            commands[-1].output.append(line)
        else:
            commands.append(None)  # output before any command: reported by the caller
        k += 1
    return commands


def output_pattern(shown):
    parts = []
    for line in shown:
        if line.strip() == '...':
            parts.append(r'(?:[^\n]*\n)*?')
        else:
            parts.append('.*?'.join(map(re.escape, line.split('...'))) + r'\n')
    return re.compile(''.join(parts))


def slug(heading):
    """GitHub's anchor for a heading."""
    text = re.sub(r'`', '', heading.strip().lower())
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


def anchors(path):
    names, seen, fenced = set(), {}, None
    for line in path.read_text(encoding='utf-8').split('\n'):
        fence = FENCE.match(line)
        if fence and (fenced is None or fence.group(2)[0] == fenced):
            fenced = None if fenced else fence.group(2)[0]
            continue
        heading = re.match(r'^#{1,6} (.*)$', line)
        if heading and fenced is None:
            base = slug(heading.group(1))
            count = seen.get(base, 0)
            names.add(base if count == 0 else f'{base}-{count}')
            seen[base] = count + 1
    return names


def check_links(docs, source, failures):
    link = re.compile(r'\[[^\]]*\]\(([^)\s]+)\)')
    checked = 0
    for doc in docs:
        in_fence = None
        for number, line in enumerate(doc.read_text(encoding='utf-8').split('\n'), 1):
            fence = FENCE.match(line)
            if fence and (in_fence is None or fence.group(2)[0] == in_fence):
                in_fence = None if in_fence else fence.group(2)[0]
                continue
            if in_fence:
                continue
            for target in link.findall(re.sub(r'`[^`]*`', '', line)):
                if re.match(r'[a-z]+:', target):
                    continue
                checked += 1
                file_part, _, anchor = target.partition('#')
                path = (doc.parent / file_part).resolve() if file_part else doc
                where = f'{doc.relative_to(source)}:{number}'
                if not path.exists():
                    failures.append(f'{where}: link to a missing file: {target}')
                elif anchor and path.suffix == '.md' and anchor not in anchors(path):
                    failures.append(f'{where}: link to a missing heading: {target}')
    return checked


def check_pre_commit(docs, source, project, env, failures):
    hooks_file = (source / '.pre-commit-hooks.yaml').read_text(encoding='utf-8')
    hooks = re.findall(r'^- id: (\S+)\n((?:  .*\n)*)', hooks_file, re.M)
    ids = {name for name, _ in hooks}
    tags = subprocess.run(['git', '-C', str(source), 'tag'], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
    for doc in docs:
        for language, line, body in blocks(doc):
            text = '\n'.join(body)
            if language not in ('yaml', 'yml') or 'rev:' not in text:
                continue
            where = f'{doc.relative_to(source)}:{line}'
            rev = re.search(r'rev:\s*(\S[^#\n]*?)\s*(?:#.*)?$', text, re.M).group(1)
            if not rev.startswith('<'):
                if tags.returncode != 0:
                    failures.append(f'{where}: rev: {rev} not checked: the source tree is '
                                    'no git checkout')
                elif rev not in tags.stdout.decode().split():
                    failures.append(f'{where}: rev: {rev} is no tag of this repository '
                                    f'(git tag: {tags.stdout.decode().split()})')
            for used in re.findall(r'id:\s*([\w-]+)', text):
                if used not in ids:
                    failures.append(f'{where}: hook id {used} is not in .pre-commit-hooks.yaml')
    # Each hook as pre-commit runs it: the entry, then the files it selects.
    for name, body in hooks:
        entry = re.search(r'^  entry: (.*)$', body, re.M).group(1)
        pattern = re.compile(re.search(r'^  files: (.*)$', body, re.M).group(1))
        files = sorted(str(p.relative_to(project)) for p in project.rglob('*')
                       if p.is_file() and pattern.search(str(p.relative_to(project))))
        if name == 'replay':
            files = [f for f in files if f not in ('wrong.pycon', 'stale.pycon', 'broken.pycon')]
        run = subprocess.run(f'{entry} ' + ' '.join(files), shell=True, cwd=project, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=120)
        print(f'ran hook {name}: {entry} {" ".join(files)}: exit {run.returncode}')
        if not files or run.returncode != 0:
            failures.append(f'.pre-commit-hooks.yaml: hook {name} ({entry}) on {files}: exit '
                            f'{run.returncode}\n{run.stdout.decode(errors="replace")}')


def environment(tmp, replay, as_module):
    """PATH with `replay`, `python3` and `python` first; no CI variables that
    would change replay's output."""
    bin_dir = tmp / 'bin'
    bin_dir.mkdir()
    module = as_module if as_module != 'none' else None
    wrappers = {
        'replay': f'exec "{replay}" "$@"\n',
        'python3': (f'if [ "$1" = -m ] && [ "$2" = replay ]; then shift 2; '
                    + (f'exec "{module}" "$@"; fi\n' if module else
                       'echo "python -m replay: the module is not built" >&2; exit 97; fi\n')
                    + f'exec "{sys.executable}" "$@"\n'),
    }
    wrappers['python'] = wrappers['python3']
    for name, body in wrappers.items():
        (bin_dir / name).write_text('#!/bin/sh\n' + body)
        (bin_dir / name).chmod(0o755)
    env = {k: v for k, v in os.environ.items()
           if k not in ('GITHUB_ACTIONS', 'FORCE_COLOR', 'REPLAY_PYTHON', 'VIRTUAL_ENV',
                        'PYTHONPATH', 'XML_OUTPUT_FILE')
           and not k.startswith('TEST_')}
    env['PATH'] = f'{bin_dir}{os.pathsep}{os.environ.get("PATH", "/usr/bin:/bin")}'
    env['NO_COLOR'] = '1'
    return env


def fixture(tmp, recorder):
    work = pathlib.Path(tempfile.mkdtemp(dir=tmp))
    project = work / 'project'
    shutil.copytree(PROJECT, project)
    (project / 'tests' / 'support').mkdir(parents=True)
    shutil.copy(recorder, project / 'tests' / 'support' / 'record_stdlib.py')
    return project


def main(replay, as_module, recorder, source):
    source = pathlib.Path(source).resolve()
    docs = [source / 'README.md'] + sorted((source / 'docs').rglob('*.md'))
    failures, ran, listed_seen = [], 0, set()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        env = environment(tmp, replay, as_module)
        for doc in docs:
            name = doc.relative_to(source)
            for language, line, body in blocks(doc):
                if language in SHELL_FENCES:
                    failures.append(f'{name}:{line}: a ```{language} block: shell commands '
                                    'go in ```console blocks, as `$ ` lines')
                    continue
                if language != 'console':
                    continue
                commands = console_commands(name, line, body)
                if None in commands:
                    failures.append(f'{name}:{line}: a ```console block that does not start '
                                    'with a `$ ` command line')
                    continue
                project = fixture(tmp, recorder)
                for command in commands:
                    if command.text in NOT_RUN:
                        listed_seen.add(command.text)
                        print(f'NOT RUN {command.where}: $ {command.text}\n'
                              f'    because: {NOT_RUN[command.text]}')
                        continue
                    if as_module == 'none' and re.match(r'python3? -m replay\b', command.text):
                        # Sanitizer builds have no module (python/CMakeLists.txt).
                        print(f'NOT RUN {command.where}: $ {command.text}\n'
                              '    because: this build has no Python module')
                        continue
                    ran += 1
                    run = subprocess.run(['bash', '-c', command.text], cwd=project, env=env,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, timeout=120)
                    output = run.stdout.decode('utf-8', 'replace')
                    print(f'RAN {command.where}: $ {command.text}: exit {run.returncode}')
                    problems = []
                    if run.returncode != command.status:
                        problems.append(f'exit {run.returncode}, the docs say {command.status}')
                    if command.output and any(command.output) and not output_pattern(
                            command.output).fullmatch(output if output.endswith('\n') or not output
                                                      else output + '\n'):
                        problems.append('output differs from the one shown:\n'
                                        + '\n'.join(command.output))
                    if problems:
                        failures.append(f'{command.where}: $ {command.text}: '
                                        + '; '.join(problems) + f'\nit wrote:\n{output}')
        for command in sorted(set(NOT_RUN) - listed_seen):
            failures.append(f'NOT_RUN lists a command the docs no longer show: {command}')
        links = check_links(docs, source, failures)
        print(f'checked {links} relative links')
        check_pre_commit(docs, source, fixture(tmp, recorder), env, failures)
    print(f'{ran} commands run, {len(listed_seen)} listed as not run')
    if ran == 0:
        failures.append('no command ran')
    return testlib.finish(failures, ran + len(listed_seen))


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
