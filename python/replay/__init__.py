"""replay: replays recorded Python console transcripts and doctest files.

``python -m replay ARGS...`` (or ``replay.main()``) runs replay's command line
inside this interpreter; see the README.
"""
import sys


def main(argv=None):
    """Runs ``replay ARGS...`` (default: ``sys.argv[1:]``) in this
    interpreter; returns its exit status (0 passed, 1 failed, 2 usage)."""
    from replay import _replay
    return _replay.main(list(sys.argv[1:] if argv is None else argv))


def console_script():
    """The ``replay`` command of the wheel."""
    sys.exit(main())
