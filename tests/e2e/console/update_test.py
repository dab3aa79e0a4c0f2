"""--update keeps what the file is made of, and leaves errors alone.

    python3 update_test.py REPLAY RECORDER

- A transcript recorded by the stdlib console, saved with a UTF-8 BOM, CRLF
  line endings and mode 0640, then broken (a changed output line, a wrong
  prompt): `replay run --update` restores the recorded text, with the BOM, the
  CRLFs and the mode, says so in the JSON report ("updated": true), and the
  file passes afterwards.
- A transcript that times out is reported as an error and left untouched
  (bytes and mtime), even with --update.
"""
import os
import pathlib
import stat
import sys
import tempfile

import testlib

SESSION = '''x = "é"
x * 2
for i in range(2):
    print(i)

1/0
'''


def main(replay, recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / 'input.txt').write_text(SESSION, encoding='utf-8')
        recorded = testlib.record(recorder, tmp / 'input.txt')
        as_file = b'\xef\xbb\xbf' + recorded.replace(b'\n', b'\r\n')
        broken = as_file.replace(b"'\xc3\xa9\xc3\xa9'", b"'e'").replace(b'>>> 1/0', b'... 1/0')
        path = tmp / 'crlf_bom.pycon'
        path.write_bytes(broken)
        os.chmod(path, 0o640)

        stuck = tmp / 'stuck.pycon'
        stuck.write_bytes(b'>>> while True:\n...     pass\n... \n>>> 1\n2\n')
        before = (stuck.read_bytes(), stuck.stat().st_mtime_ns)

        # The report in tmp too: it must leave no temporary file either.
        _, report = testlib.run_report(replay, '--update', '--timeout', '2', path, stuck,
                                       report=tmp / 'report.json', stderr=None)
        verdicts = testlib.by_path(report)
        if path.read_bytes() != as_file:
            failures.append(f'--update wrote {path.read_bytes()!r}, expected {as_file!r}')
        if stat.S_IMODE(path.stat().st_mode) != 0o640:
            failures.append(f'--update changed the mode to {oct(path.stat().st_mode)}')
        if not verdicts[str(path)]['updated'] or verdicts[str(path)]['status'] != 'failed':
            failures.append(f'the report does not say the file was updated: {verdicts[str(path)]}')
        if verdicts[str(stuck)]['status'] != 'error' or verdicts[str(stuck)]['updated']:
            failures.append(f'the stuck transcript: {verdicts[str(stuck)]}')
        if (stuck.read_bytes(), stuck.stat().st_mtime_ns) != before:
            failures.append('--update touched a transcript whose run ended in an error')
        if testlib.run(replay, 'run', path).returncode != 0:
            failures.append('the updated transcript does not pass')
        if [p.name for p in tmp.iterdir() if p.name.startswith('.replay-tmp-')]:
            failures.append('temporary files were left behind')
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
