"""replay record and replay console in a real terminal (tmux), as a person uses them.

    python3 tmux_test.py REPLAY

Keys are sent with `tmux send-keys`, the screen is read back with
`tmux capture-pane`. Checks that:
- `replay record -o FILE` at a terminal is a real console: line editing
  (cursor keys), history (Up), Ctrl-C showing KeyboardInterrupt, Ctrl-D ending;
  the file it writes leaves out the statements interrupted by Ctrl-C, at a
  prompt or while they run, and replays green;
- `replay run` shows a live progress line on a terminal, cleared before a
  verdict and at the end, and colours its diffs there unless NO_COLOR is set;
- `replay console` prints code.interact's banner (this Python's sys.version
  and platform), answers like a console, shows a KeyboardInterrupt traceback
  for Ctrl-C during a sleep, and ends on exit() with code.interact's exit
  message; `-q` leaves the banner out.
"""
import os
import pathlib
import shutil
import sys
import tempfile
import time

import testlib

SESSION = f'replay-tmux-{os.getpid()}'


def tmux(*args):
    return testlib.run('tmux', '-L', SESSION, *args, text=True)


def screen():
    # capture-pane drops trailing spaces: a prompt reads '>>>' there.
    return tmux('capture-pane', '-p', '-t', SESSION).stdout


def wait_for(text, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in screen():
            return True
        time.sleep(0.05)
    return False


def keys(*sequence):
    tmux('send-keys', '-t', SESSION, *sequence)


def stop():
    tmux('kill-server')
    deadline = time.monotonic() + 5
    while tmux('has-session', '-t', SESSION).returncode == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # let the old server's socket go


def start(command):
    stop()
    tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '50',
         f'{command}; echo "EXIT=$?"; sleep 60')


def main(replay):
    if shutil.which('tmux') is None:
        print('tmux is not installed')
        return 1
    failures = []

    def expect(text, what, timeout=30):
        if not wait_for(text, timeout):
            failures.append(f'{what}: {text!r} not on the screen:\n{screen()}')
            return False
        return True

    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / 'recorded.pycon'
        start(f'{replay} record -o {out}')
        expect('Recording to', 'record starts')
        expect('>>>', 'first prompt')
        keys('x = 41', 'Enter')
        keys('x + 1', 'Enter')
        expect('42', 'an expression is displayed')
        keys('for i in range(2):', 'Enter', '    print(i * 10)', 'Enter', 'Enter')
        expect('10\n>>>', 'a block runs after its empty line')
        # Line editing: fix a typo in the middle of the line.
        keys("print('helxo')", 'Left', 'Left', 'Left', 'BSpace', 'l', 'Enter')
        expect('hello', 'line editing')
        # History: Up brings back the line before.
        keys('Up', 'Enter')
        expect("hello\n>>> print('hello')\nhello", 'history')
        keys('def f():', 'Enter')
        expect('...', 'continuation prompt')
        keys('C-c')
        expect('KeyboardInterrupt', 'Ctrl-C at a prompt')
        keys('1/0', 'Enter')
        expect('ZeroDivisionError: division by zero', 'a traceback')
        # Ctrl-C while a statement runs, uncaught and caught: both are left out.
        keys('import time', 'Enter', 'time.sleep(30)', 'Enter')
        expect('>>> time.sleep(30)', 'the sleep is typed')
        time.sleep(1)
        keys('C-c')
        expect('KeyboardInterrupt\n>>>', 'Ctrl-C while a statement runs')
        keys('try:', 'Enter', '    time.sleep(31)', 'Enter', 'except KeyboardInterrupt:', 'Enter',
             "    print('stopped')", 'Enter', 'Enter')
        expect('...     time.sleep(31)', 'the caught sleep is typed')
        time.sleep(1)
        keys('C-c')
        expect('stopped\n>>>', 'Ctrl-C caught by the statement')
        keys('x * 2', 'Enter')
        expect('82', 'the session goes on after the interruptions')
        keys('C-d')
        expect('EXIT=0', 'Ctrl-D ends the recording')
        text = out.read_text() if out.exists() else ''
        if any(left_out in text for left_out in
               ('def f():', 'KeyboardInterrupt', 'sleep(30)', 'sleep(31)', 'stopped')):
            failures.append(f'an interrupted statement was recorded:\n{text}')
        if "print('hello')\nhello\n" not in text or '>>> x + 1\n42\n' not in text \
                or '>>> import time\n>>> x * 2\n82\n' not in text:
            failures.append(f'the recording lacks what was typed:\n{text}')
        if text.count("print('hello')\nhello\n") != 2:
            failures.append(f'the line recalled from history was not recorded:\n{text}')
        run = testlib.run(replay, 'run', out, text=True)
        if run.returncode != 0:
            failures.append(f'the recording does not replay green:\n{run.stdout}')

        # replay run on a terminal: a live progress line naming the slowest.
        slow = pathlib.Path(tmp) / 'slow'
        slow.mkdir()
        (slow / 'sleepy.pycon').write_text('>>> import time\n>>> time.sleep(3)\n')
        start(f'{replay} run {slow}')
        expect('[0/1] 0 failed | running 1, slowest: ' + str(slow / 'sleepy.pycon'),
               'the progress line')
        expect('1 passed, 0 failed, 0 errors, 0 skipped', 'the summary after the progress')
        if '[0/1]' in screen():
            failures.append(f'the progress line was not cleared:\n{screen()}')

        # A verdict printed while the progress line shows starts on a line of
        # its own: the progress line is cleared first.
        late = pathlib.Path(tmp) / 'late'
        late.mkdir()
        (late / 'late.pycon').write_text('>>> import time; time.sleep(2)\n>>> 1 + 1\n3\n')
        start(f'{replay} run {late}')
        expect('running 1, slowest: ' + str(late / 'late.pycon'), 'the progress line')
        expect('0 passed, 1 failed', 'the summary after the failure')
        shown = screen()
        if 'slowest' in shown or f'\nFAIL {late / "late.pycon"}:3: ' not in '\n' + shown:
            failures.append(f'the progress line was not cleared before FAIL:\n{shown}')

        # Colours on a terminal, none with NO_COLOR (or --color never).
        wrong = pathlib.Path(tmp) / 'wrong'
        wrong.mkdir()
        (wrong / 'w.pycon').write_text('>>> 1 + 1\n3\n')
        for env, coloured in (('', True), ('NO_COLOR=1 ', False)):
            start(f'{env}{replay} run {wrong}')
            expect('0 passed, 1 failed', f'{env}run on a terminal')
            shown = tmux('capture-pane', '-e', '-p', '-t', SESSION).stdout
            if ('\x1b[31m-3' in shown) != coloured:
                failures.append(f'{env or "a terminal"}: colours {"missing" if coloured else "shown"}:'
                                f'\n{shown!r}')

    banner = testlib.run(
        sys.executable, '-c', 'import sys; print("Python %s on %s" % (sys.version, sys.platform))',
        text=True).stdout.strip()
    start(f'{replay} console')
    # sys.version may hold a newline (3.8): compare line by line, without
    # the trailing spaces capture-pane drops.
    for line in banner.split('\n'):
        expect(line.rstrip(), 'the banner names this Python')
    expect('Type "help", "copyright", "credits" or "license" for more information.\n'
           '(InteractiveConsole)\n>>>', 'the rest of the banner')
    keys('import time', 'Enter', 'time.sleep(30)', 'Enter')
    expect('>>> time.sleep(30)', 'the sleep is typed')
    time.sleep(1)
    keys('C-c')
    expect('KeyboardInterrupt\n>>>', 'Ctrl-C during code')
    keys('exit', 'Enter')
    expect('Use exit or Ctrl-D (i.e. EOF) to exit', 'repr of exit')
    keys('exit()', 'Enter')
    expect('now exiting InteractiveConsole...\nEXIT=0', 'exit() ends the console')

    start(f'{replay} console -q')
    expect('>>>', 'quiet console prompt')
    if 'Python ' in screen():
        failures.append(f'-q printed a banner:\n{screen()}')
    keys('2 ** 10', 'Enter')
    expect('1024', 'quiet console answers')
    keys('C-d')
    expect('now exiting InteractiveConsole...\nEXIT=0', 'Ctrl-D ends the console')
    stop()

    return testlib.finish(failures)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
