"""A submodule.

>>> area(2)
4
"""
from . import SIDES


def area(side):
    """>>> area(3)
    9
    >>> SIDES
    5
    """
    return side * side
