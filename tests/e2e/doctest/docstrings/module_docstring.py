"""A module docstring, examples at column 0.

>>> 6 * 7
42
>>> print("two\\nlines")
two
lines

The escapes above are in the code; the expected output holds none.
"""

VALUE = 7


def double(x):
    '''Single quotes, four spaces.

    >>> double(VALUE)
    14
    >>> double("ab")
    'abab'
    '''
    return 2 * x
