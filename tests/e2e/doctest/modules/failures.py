"""Failing examples, an unexpected exception and expected ones.

>>> 1 + 1
3
"""


def divide(a, b):
    """Divides.

    >>> divide(1, 2)
    0.5
    >>> divide(1, 0)
    Traceback (most recent call last):
        ...
    ZeroDivisionError: division by zero
    >>> divide(1, 0)
    Traceback (most recent call last):
    ZeroDivisionError: integer division by zero
    >>> divide(9, 3)
    3
    >>> print('a   b')
    a b
    >>> divide(2, 1)  # doctest: +ELLIPSIS
    2...
    """
    return a / b


def unexpected():
    """
    >>> unexpected()
    >>> print('after')
    after
    >>> [1, 2, 3]  # doctest: +NORMALIZE_WHITESPACE
    [1,  2,  3]
    """
    raise KeyError('boom')


__test__ = {
    'extra': """
    >>> divide(6, 3)
    2.0
    >>> divide(1, 4)
    0.2
    """,
}
