"""Doctest option TOP_LEVEL_AWAIT: examples that `await`, checked against the asyncio REPL.

    python3 top_level_await_test.py REPLAY REPL_RECORDER

Types a session (top-level await, asyncio.sleep returning a value, an
exception raised in awaited code, a task created and awaited, the running
loop, a plain expression; one line each, as 3.13.0's asyncio REPL cannot
continue a block) into `python3 -m asyncio` (support/record_repl.py
--asyncio, through a pty) and reads that recording as a doctest file: doctest
mode with `--option TOP_LEVEL_AWAIT` must pass it, as it runs examples with
the asyncio REPL's semantics; without the flag it must fail (`await`
outside a function).
"""
import pathlib
import sys
import tempfile

import testlib

SESSION = '''import asyncio
await asyncio.sleep(0, 'done')
exec("async def fail():\\n    raise ValueError('in awaited code')")
await fail()
task = asyncio.ensure_future(asyncio.sleep(0, 42))
await task
task.done()
asyncio.get_running_loop() is asyncio.get_event_loop()
6 * 7
'''


def main(replay, repl_recorder):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / 'examples.txt'
        recorded = testlib.record_repl_session(repl_recorder, SESSION, '--asyncio')
        text = recorded.stdout
        if recorded.returncode != 0 or "\n'done'\n" not in text or 'ValueError' not in text:
            failures.append(f'the asyncio REPL did not run the session:\n{text}{recorded.stderr}')
        path.write_text(text)
        testlib.expect_statuses(failures, replay, path,
                                [(['--mode', 'doctest', '--option', 'TOP_LEVEL_AWAIT'], 0),
                                 (['--mode', 'doctest'], 1)], text)
    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
