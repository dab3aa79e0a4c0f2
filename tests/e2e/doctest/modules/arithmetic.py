"""Docstrings in every place DocTestFinder looks (an example on the first
line of a docstring fails: its expected output is indented more).

>>> add(1, 2)
3
"""
import functools


def add(a, b):
    """Adds.

    >>> add(2, 2)
    4
    >>> add('a',
    ...     'b')
    'ab'
    """
    return a + b


def logged(function):
    @functools.wraps(function)
    def wrapper(*args):
        return function(*args)
    return wrapper


@logged
def negate(x):
    """>>> negate(3)
    -3
    """
    return -x


class Counter:
    """A counter.

    >>> c = Counter()
    >>> c.bump(); c.bump()
    >>> c.count
    2
    """

    def __init__(self):
        self.count = 0

    def bump(self):
        """
        >>> Counter().bump()
        """
        self.count += 1

    @property
    def doubled(self):
        """>>> c = Counter(); c.bump(); c.doubled
        2
        """
        return 2 * self.count

    @staticmethod
    def zero():
        """>>> Counter.zero()
        0
        """
        return 0

    class Inner:
        """>>> Counter.Inner.__name__
        'Inner'
        """
