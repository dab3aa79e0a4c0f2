"""Expected output that a docstring that is not raw reads otherwise.

>>> print("back\\\\slash")
back\\slash
>>> print('three ' + '"' * 3 + ' quotes')
three \"\"\" quotes
>>> print("plain")
plain
"""


def raw_quotes():
    r"""A raw docstring keeps a backslash and quotes after it as written.

    >>> print('q\\' + '"' * 3)
    q\"""
    """


def opening():
    """>>> 1 + 1
2
"""


__test__ = {
    "computed": f"""An f-string: its text is made when the module runs.

    >>> 20 + 1
    {21}
    >>> print("x")
    x
    """,
}
