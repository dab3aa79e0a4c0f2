"""A module whose docstrings hold no example."""


def f():
    """Returns None. Nothing to run here."""
