"""Reports and updates never destroy what a path points to; limits hold.

    python3 output_paths_test.py REPLAY RECORDER

Every path is made here, in a temporary directory (never under /dev):
- `--report-json -` writes the report to standard output (the verdicts then
  go to standard error), and the report parses;
- a report path that is a symlink: the file it names gets the report, the
  link stays a link;
- a FIFO with a reader gets the report and stays a FIFO; a character device
  node stays a device;
- a directory or a missing directory as a report path: exit 2 with a message
  naming it, before any transcript runs (the transcript would create a file);
- `--update` on a symlinked transcript rewrites the file it names, keeps the
  link;
- `--update` on a transcript that changes its own file while it runs: the
  file is left as the run left it, and `NOT UPDATED file: changed during the
  run` is printed;
- output with control characters, U+FFFE/U+FFFF and invalid UTF-8 gives a
  JUnit report that xml.etree parses and a JSON report that json parses;
- `--max-memory`: a runaway recursion is an error naming the limit and the
  line, and the next transcript still passes.
- `--max-output` bounds the expected side too: a transcript larger than
  twice it (room for CRLF line ends) is an error naming the file's size and
  the limit, and neither the log nor the JSON report holds its text;
- a transcript that writes a *file* larger than `--max-output` (the file
  size limit, RLIMIT_FSIZE, of the session) is an error saying that a file
  it wrote reached the file size limit, naming the limit and the line — not
  that its output exceeded the limit.
Expected transcripts come from the stdlib recorder.
"""
import json
import os
import pathlib
import stat
import sys
import tempfile
import threading
from xml.etree import ElementTree

import testlib


def recorded(recorder, tmp, name, source):
    """tmp/NAME.pycon, as the stdlib console shows the input lines `source`."""
    path = tmp / (name + '.pycon')
    path.write_bytes(testlib.record_session(recorder, source))
    return path


def check_reports(replay, tmp, good, failures):
    result = testlib.run(replay, 'run', '--report-json', '-', good)
    try:
        report = json.loads(result.stdout)
        if report['summary']['passed'] != 1:
            failures.append(f'--report-json -: unexpected report {report}')
    except ValueError:
        failures.append(f'--report-json - did not write JSON to stdout: {result.stdout!r}')
    if b'1 passed' not in result.stderr:
        failures.append(f'--report-json -: the summary is not on stderr: {result.stderr!r}')

    (tmp / 'real').mkdir()
    target = tmp / 'real' / 'report.json'
    target.write_text('old')
    link = tmp / 'link.json'
    link.symlink_to('real/report.json')
    result = testlib.run(replay, 'run', '--report-json', link, good)
    if not link.is_symlink() or json.loads(target.read_text())['summary']['passed'] != 1:
        failures.append('a symlinked report path: the link was replaced or its target is stale')

    fifo = tmp / 'report.fifo'
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = testlib.run(replay, 'run', '--junit', fifo, good)
    reader.join(30)
    if not stat.S_ISFIFO(os.lstat(fifo).st_mode) or not received or \
            b'<testsuites' not in received[0]:
        failures.append(f'a FIFO report path: {result.stderr!r}')

    device = tmp / 'null'
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # our own /dev/null node
    except PermissionError:
        device = None
    if device is not None:
        result = testlib.run(replay, 'run', '--report-json', device, good)
        if result.returncode != 0 or not stat.S_ISCHR(os.lstat(device).st_mode):
            failures.append(f'a device report path was replaced or failed: {result.stderr!r}')

    marker = tmp / 'ran'
    creates = recorded(pathlib.Path(sys.argv[2]), tmp, 'creates',
                       f'open({str(marker)!r}, "w").close()\n')
    marker.unlink()  # the recorder ran it
    for bad in (tmp / 'real', tmp / 'no' / 'such' / 'r.json'):
        result = testlib.run(replay, 'run', '--report-json', bad, creates)
        if result.returncode != 2 or str(bad).encode() not in result.stderr:
            failures.append(f'report path {bad}: status {result.returncode}, {result.stderr!r}')
        if marker.exists():
            failures.append(f'report path {bad}: a transcript ran before the path was refused')
            marker.unlink()
    return 5


def check_updates(replay, recorder, tmp, failures):
    real = recorded(recorder, tmp, 'update_real', 'print(1)\n')
    good = real.read_bytes()
    real.write_bytes(good.replace(b'\n1\n', b'\n2\n'))
    link = tmp / 'update_link.pycon'
    link.symlink_to(real.name)
    result = testlib.run(replay, 'run', '--update', link)
    if not link.is_symlink() or real.read_bytes() != good or b'UPDATED' not in result.stdout:
        failures.append(f'--update through a symlink: {result.stdout!r}')

    # A transcript that appends to its own file while it runs.
    changing = tmp / 'changing.pycon'
    source = f'open({str(changing)!r}, "a").write("# edited\\n")\n'
    changing.write_bytes(testlib.record_session(recorder, source))
    changing.write_bytes(changing.read_bytes().replace(b'\n9\n', b'\n8\n'))  # now fails
    before = changing.read_bytes()
    result = testlib.run(replay, 'run', '--update', changing)
    edited = before + b'# edited\n'
    if changing.read_bytes() != edited:
        failures.append(f'--update overwrote an edit made during the run: '
                        f'{changing.read_bytes()!r}')
    if f'NOT UPDATED {changing}: changed during the run'.encode() not in result.stdout:
        failures.append(f'--update did not say it refused: {result.stdout!r}')
    return 2


def check_hostile_report_text(replay, tmp, failures):
    """Output holding what XML and JSON cannot hold as is (control
    characters, U+FFFE, U+FFFF, invalid UTF-8) still gives reports that
    Python's own parsers read."""
    hostile = tmp / 'hostile.pycon'
    hostile.write_text('>>> import sys\n'
                       '>>> sys.stdout.buffer.write(b"\\x01\\x1b[31m\\xef\\xbf\\xbe\\xef\\xbf\\xbf'
                       '\\xff <&>\\n"); sys.stdout.flush()\n'
                       'no\n')
    junit, report = tmp / 'hostile.xml', tmp / 'hostile.json'
    result = testlib.run(replay, 'run', '--junit', junit, '--report-json', report, hostile)
    try:
        failure = ElementTree.parse(junit).find('.//failure')
        if failure is None or '<&>' not in failure.text:
            failures.append(f'hostile JUnit: no failure with the output: {junit.read_text()!r}')
    except (OSError, ElementTree.ParseError) as error:
        failures.append(f'hostile JUnit does not parse: {error}; {result.stderr!r}')
    try:
        if '<&>' not in json.loads(report.read_text())['transcripts'][0]['diff']:
            failures.append('hostile JSON: the diff lost the output')
    except (OSError, ValueError) as error:
        failures.append(f'hostile JSON does not parse: {error}')
    return 1


def check_memory(replay, recorder, tmp, failures):
    runaway = tmp / 'a_runaway.pycon'
    # Resident memory that grows fast on every version (deep recursion ends
    # in a C stack overflow on some before it takes much memory).
    runaway.write_text('>>> hoard = []\n>>> while True: hoard.append(" " * 10**6)\n...\n')
    fine = recorded(recorder, tmp, 'b_fine', 'print("after")\n')
    result = testlib.run(replay, 'run', '-j', '1', '--max-memory', '200M', runaway, fine)
    text = result.stdout.decode()
    if f'ERROR {runaway}:2: memory limit of 200 MiB exceeded at line 2' not in text \
            or '1 passed, 0 failed, 1 errors' not in text:
        failures.append(f'--max-memory: {text}')
    return 1


def check_expected_side(replay, recorder, tmp, failures):
    big = tmp / 'big_expected.pycon'
    recorded_text = testlib.record_session(recorder, 'print(1)\n')
    big.write_bytes(recorded_text + b''.join(b'line %07d of expected output\n' % k
                                             for k in range(100000)))  # 3 MiB
    report = tmp / 'big_expected.json'
    result = testlib.run(replay, 'run', '--max-output', '1M', '--report-json', report, big)
    out = result.stdout.decode(errors='replace')
    size = big.stat().st_size
    if f'ERROR {big}: cannot read: the file has {size} bytes, more than the limit of 2 MiB ' \
            '(twice --max-output, which bounds expected text as output)' not in out:
        failures.append(f'a transcript larger than --max-output: {out[:400]!r}')
    if len(result.stdout) > 64 * 1024 or report.stat().st_size > 64 * 1024:
        failures.append(f'a transcript larger than --max-output: {len(result.stdout)} bytes of '
                        f'log, {report.stat().st_size} of report')

    writer = tmp / 'file_writer.pycon'
    data = tmp / 'written.bin'
    writer.write_bytes(testlib.record_session(
        recorder, f'n = open({str(data)!r}, "wb").write(bytes(2 * 1024 * 1024))\nprint(n)\n'))
    result = testlib.run(replay, 'run', '--max-output', '1M', writer)
    out = result.stdout.decode(errors='replace')
    if f'ERROR {writer}:1: a file it wrote reached the file size limit of 1 MiB ' \
            '(RLIMIT_FSIZE, which --max-output sets) at line 1' not in out:
        failures.append(f'a transcript writing a file past the limit: {out[:400]!r}')
    return 2


def main(replay, recorder):
    failures = []
    recorder = pathlib.Path(recorder)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        good = recorded(recorder, tmp, 'good', 'print(9)\n')
        checked = check_reports(replay, tmp, good, failures)
        checked += check_updates(replay, recorder, tmp, failures)
        checked += check_memory(replay, recorder, tmp, failures)
        checked += check_expected_side(replay, recorder, tmp, failures)
        checked += check_hostile_report_text(replay, tmp, failures)
    return testlib.finish(failures, checked)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
