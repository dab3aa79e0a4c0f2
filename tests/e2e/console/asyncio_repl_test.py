"""--console asyncio: the reference of `python3 -m asyncio`, recorded by that REPL.

    python3 asyncio_repl_test.py REPLAY REPL_RECORDER

Types one session (top-level await, asyncio.sleep returning a value, a task
created and awaited, an exception raised in awaited code and in plain code, a
syntax error, plain expressions, the namespace and the thread code runs in,
exit())
into `python3 -m asyncio` (support/record_repl.py --asyncio, through a pty;
the classic REPL on 3.13, whose 3.13.0 cannot continue a block: its
recording shows that, and the replay must too), then checks that:
- the recording shows what the REPL was asked for (`'done'`), so that the
  reference ran;
- `replay run --console asyncio` passes the recording, and `replay run`
  (code.interact, which has no top-level await) fails it.
The first frame of the REPL's tracebacks is concurrent.futures'
Future.result, at one of two lines depending on whether the code had
finished when the console's thread began to wait: a race in the REPL itself
(docs/console-mode.md), so that line number is made `...` and the replay
runs with --ellipsis.
"""
import pathlib
import re
import sys
import tempfile

import testlib

SESSION = '''await asyncio.sleep(0, 'done')
async def fail():
    raise ValueError('in awaited code')

await fail()
task = asyncio.ensure_future(asyncio.sleep(0, 42))
await task
task.done()
1/0
1 +* 2
6 * 7
import threading; threading.current_thread().name
__name__
sorted(globals())
exit()
'''


def main(replay, repl_recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / 'session.pycon'
        recorded = testlib.record_repl_session(repl_recorder, SESSION, '--asyncio')
        text = re.sub(r'(_base\.py", line )\d+(, in result\n)', r'\1...\2', recorded.stdout)
        path.write_text(text)
        if recorded.returncode != 0 or "\n'done'\n" not in text:
            failures.append(f'the asyncio REPL did not run the session:\n{text}{recorded.stderr}')
        testlib.expect_statuses(failures, replay, path,
                                [(['--ellipsis', '--console', 'asyncio'], 0),
                                 (['--ellipsis', '--console', 'interact'], 1)], text)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
