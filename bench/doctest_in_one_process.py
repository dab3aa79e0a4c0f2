"""Baseline (b) of bench/doctest_bench.py: one python process runs
doctest.testfile over every file, one after another, with no isolation.

    python3 doctest_in_one_process.py FILE...

Each file's report goes to a StringIO. The last line printed is a JSON object
mapping each file to {"failed": N, "attempted": N}, or {"error": message}
where doctest's parser refused it (ValueError).
"""
import contextlib
import doctest
import io
import json
import sys


def main():
    verdicts = {}
    for path in sys.argv[1:]:
        report = io.StringIO()
        try:
            with contextlib.redirect_stdout(report):
                results = doctest.testfile(path, module_relative=False)
        except ValueError as error:
            verdicts[path] = {'error': str(error)}
        else:
            verdicts[path] = {'failed': results.failed, 'attempted': results.attempted}
    sys.stdout.write('\n' + json.dumps(verdicts) + '\n')


if __name__ == '__main__':
    main()
