"""The parts of the docs derived from the option table are current.

docs/command-line.md holds, between its BEGIN OPTIONS and END OPTIONS
markers, exactly what `replay_manual markdown` prints (the options of `replay
run` as the command line declares them, with their [tool.replay] keys); the
man page `replay_manual man` names every option `replay run --help` shows.

    PYTHONPATH=tests/support python3 tests/e2e/docs/generated_test.py REPLAY_MANUAL REPLAY SOURCE_DIR [--write]

--write rewrites the region of docs/command-line.md instead of checking it.
"""
import pathlib
import re
import subprocess
import sys

import testlib

BEGIN = '<!-- BEGIN OPTIONS: generated from the option table; do not edit -->\n'
END = '<!-- END OPTIONS -->\n'


def main(manual, replay, source, *flags):
    failures = []
    doc = pathlib.Path(source) / 'docs' / 'command-line.md'
    text = doc.read_text()
    if text.count(BEGIN) != 1 or text.count(END) != 1:
        return testlib.finish([f'{doc}: want one BEGIN OPTIONS and one END OPTIONS marker'])
    head, rest = text.split(BEGIN)
    region, tail = rest.split(END)
    generated = subprocess.run([manual, 'markdown'], check=True, stdout=subprocess.PIPE,
                               text=True).stdout
    if flags == ('--write',):
        doc.write_text(head + BEGIN + generated + END + tail)
        print(f'wrote the options of {doc}')
        return 0
    if region != generated:
        failures.append(f'{doc}: the option list is not what the option table gives; run '
                        f'PYTHONPATH=tests/support python3 {sys.argv[0]} {manual} {replay} {source} --write')
    # Every option of `replay run --help` is in the man page and in the list.
    shown = subprocess.run([replay, 'run', '--help'], check=True, stdout=subprocess.PIPE,
                           text=True).stdout
    man = subprocess.run([manual, 'man'], check=True, stdout=subprocess.PIPE, text=True).stdout
    options = set(re.findall(r'(?m)^\s+(?:-\w,)?(--[\w-]+)', shown))
    if len(options) < 15:
        failures.append(f'replay run --help shows only {sorted(options)}')
    for option in sorted(options):
        if option.replace('-', '\\-') not in man:
            failures.append(f'the man page lacks {option}')
        if option not in generated and option != '--help':
            failures.append(f'the option list lacks {option}')
    return testlib.finish(failures, checked=1 + 2 * len(options))


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
