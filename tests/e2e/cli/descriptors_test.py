"""A transcript may close any descriptor; replay's standard streams may be closed or full.

    python3 descriptors_test.py REPLAY AS_MODULE RECORDER

AS_MODULE runs `python -m replay` (`none`: not built). Each must hold:
- `os.closerange(3, 65536)` in a console transcript (the stdlib console
  survives it) and in a doctest file passes, through
  `replay` and `python -m replay`;
- a transcript sees only fds 0, 1 and 2 (and the one listing them) in
  /proc/self/fd, none of replay's;
- with `ulimit -n` at 1001 and at 64 transcripts pass;
- started with standard output closed (`>&-`), `replay run --report-json`
  writes a report that is whole JSON, and a console transcript that prints
  passes;
- standard output on /dev/full: a message naming standard output, exit 2.
"""
import json
import pathlib
import resource
import subprocess
import sys
import tempfile

import testlib

CLOSING = "import os\nos.closerange(3, 65536)\nprint('after')\n"
DOCTEST = """Closing every descriptor but the standard ones:

>>> import os
>>> os.closerange(3, 65536)
>>> print('after')
after
"""
LISTING = """>>> import os
>>> sorted(int(fd) for fd in os.listdir('/proc/self/fd'))
[0, 1, 2, 3]
"""


def expect(result, status, what, failures, text=None):
    out = ((result.stdout or b'') + (result.stderr or b'')).decode(errors='replace')
    if result.returncode != status or (text is not None and text not in out):
        failures.append(f'{what}: exit {result.returncode} (not {status}), {out[-800:]!r}')


def descriptor_limit(limit):
    def apply():
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return apply


def check_program(program, label, files, failures):
    closing, doctest_file, listing = files
    for path in (closing, doctest_file, listing):
        expect(testlib.sh(program, 'run', path), 0, f'{label} on {path.name}', failures,
               '1 passed')
    for limit in (1001, 64):
        result = testlib.sh(program, 'run', closing, doctest_file,
                            preexec_fn=descriptor_limit(limit))
        expect(result, 0, f'{label} with ulimit -n {limit}', failures, '2 passed')
    return 5


def check_standard_output(replay, tmp, printing, failures):
    report = tmp / 'report.json'
    result = testlib.run('sh', '-c', 'exec "$@" >&-', 'sh', replay, 'run', '--report-json',
                         report, printing)
    expect(result, 0, 'stdout closed', failures)
    try:
        entries = json.loads(report.read_text())['transcripts']
        if [entry['status'] for entry in entries] != ['passed']:
            failures.append(f'stdout closed: the report says {entries}')
    except (OSError, ValueError, KeyError) as error:
        failures.append(f'stdout closed: the report is not whole JSON: {error}')
    with open('/dev/full', 'wb') as full:
        result = testlib.run(replay, 'run', printing, stdout=full)
    expect(result, 2, 'stdout on /dev/full', failures,
           'replay: cannot write to standard output: ')
    return 3


def main(replay, as_module, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        # The recorder needs descriptors of its own; the stdlib console
        # itself survives closerange.
        stdlib = testlib.sh(sys.executable, '-u', '-c',
                            "import code; code.interact(banner='', exitmsg='')",
                            input=CLOSING.encode(), stdin=None)
        if stdlib.returncode != 0 or b'after\n' not in stdlib.stdout:
            failures.append(f'the stdlib console did not survive closerange: {stdlib.stdout!r}')
        closing = tmp / 'closing.pycon'
        closing.write_text(''.join(f'>>> {line}\n' for line in CLOSING.splitlines()) + 'after\n')
        doctest_file = tmp / 'closing.txt'
        doctest_file.write_text(DOCTEST)
        listing = tmp / 'listing.pycon'
        listing.write_text(LISTING)
        printing = tmp / 'printing.pycon'
        printing.write_bytes(testlib.record_session(recorder, "print('hello')\n"))
        files = (closing, doctest_file, listing)
        checked = check_program(replay, 'replay', files, failures)
        if as_module != 'none':
            checked += check_program(as_module, 'python -m replay', files, failures)
        checked += check_standard_output(replay, tmp, printing, failures)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
