"""Arithmetic with examples in its docstrings.

>>> double(21)
42
"""


def double(n):
    """Twice `n`.

    >>> double(2)
    4
    >>> [double(i) for i in range(3)]
    [0, 2, 4]
    """
    return 2 * n
